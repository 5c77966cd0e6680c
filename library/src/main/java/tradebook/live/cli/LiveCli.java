package tradebook.live.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import com.google.gson.JsonObject;
import tradebook.live.LiveLog;
import tradebook.live.Settings;
import tradebook.live.console.Console;
import tradebook.live.data.BulkDownload;
import tradebook.live.ib.IbBroker;
import tradebook.live.ib.IbSync;
import tradebook.live.notify.Notice;
import tradebook.live.notify.Notifications;
import tradebook.live.notify.NotifySetup;
import tradebook.live.secret.Masker;
import tradebook.live.secret.SecretBox;
import tradebook.live.secret.SecretStore;
import tradebook.live.service.ServiceInstaller;
import tradebook.plan.Home;
import tradebook.plan.PlanException;
import tradebook.plan.QuoteSources;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;
import tradebook.plan.broker.Broker;
import tradebook.plan.broker.Brokers;

/**
 * The live-trading commands: {@code console}, {@code service}, {@code data}, {@code secret},
 * {@code setting}, {@code notify}, {@code ib}, added to the plans' CLI ({@link #addTo}, so
 * {@code ./tradebook console} runs {@code tradebook.plan.cli.Cli}). Every message goes through the
 * {@link Masker}; a failure is one line naming what and where (exit 1), a usage error exit 2.
 */
@Command(name = "tradebook", mixinStandardHelpOptions = true, description = "Live trading: console, service, data, secrets, notifications, IB.",
        subcommands = {LiveCli.ConsoleCmd.class, LiveCli.ServiceCmd.class, LiveCli.DataCmd.class, LiveCli.SecretCmd.class,
                LiveCli.SettingCmd.class, LiveCli.NotifyCmd.class, LiveCli.IbCmd.class})
public final class LiveCli implements Callable<Integer> {
    public static final int OK = 0, FAILED = 1, USAGE = 2;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return USAGE;
    }

    /** Adds the live commands to another picocli command line (the plans' {@code tradebook.plan.cli.Cli}). */
    public static void addTo(CommandLine cl) {
        for (Class<?> c : new Class<?>[] {ConsoleCmd.class, ServiceCmd.class, DataCmd.class, SecretCmd.class, SettingCmd.class, NotifyCmd.class, IbCmd.class}) {
            CommandLine sub = new CommandLine(c);
            cl.addSubcommand(sub.getCommandName(), sub);
        }
    }

    /** One masked line: our own exceptions' messages as they are, others with their type. */
    static String message(Throwable e) {
        String m = e.getMessage();
        boolean ours = e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof PlanException
                || e instanceof tradebook.live.secret.SecretException || e instanceof tradebook.live.ib.IbException;
        return Masker.mask(ours && m != null ? m : e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
    }

    /** Runs a command body; a failure becomes a PlanException with a masked message (the plans' CLI prints those as they are). */
    static int guard(Body b) {
        try {
            return b.run();
        } catch (PlanException e) {
            throw e;
        } catch (Exception e) {
            throw new PlanException(message(e), e);
        }
    }

    interface Body {
        int run() throws Exception;
    }

    static SecretStore secrets() {
        return new SecretStore(Home.database(), SecretBox.open(Home.dir()));
    }

    static Settings settings() {
        return new Settings(Home.database());
    }

    /** The store's schema first (plans' migrations), so our tables sit beside theirs in a proper store. */
    static void ensureStore() {
        try (Store s = Store.open(Home.database())) {
            s.schemaVersion();
        }
    }

    abstract static class Sub implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        void say(String s) {
            out().println(Masker.mask(s));
            out().flush();
        }
    }

    /** A command that only groups subcommands: alone, it shows their usage. */
    abstract static class Group extends Sub {
        @Override public Integer call() {
            spec.commandLine().usage(out());
            return USAGE;
        }
    }

    // ------------------------------------------------------------------------------ console

    @Command(name = "console", description = "The web console (plans, runs, orders, fills, manual fills). Bound to 127.0.0.1 unless --bind says otherwise.")
    static final class ConsoleCmd extends Sub {
        @Option(names = "--port", defaultValue = "8787", description = "port (default ${DEFAULT-VALUE}; 0 picks a free one)") int port;
        @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address (default ${DEFAULT-VALUE}); any other needs a password") String bind;
        @Option(names = "--login", description = "ask for the password even on 127.0.0.1") boolean login;

        @Override public Integer call() {
            return guard(() -> {
                if (port < 0 || port > 65535) throw new IllegalArgumentException("--port " + port + ": use 0..65535");
                ensureStore();
                SecretStore secrets = secrets();
                secrets.registerAllWithMasker();
                String pw = System.getenv("TRADEBOOK_CONSOLE_PASSWORD");
                if (pw == null || pw.isBlank()) pw = secrets.get("console.password").orElse(null);
                LiveLog.toFile(Home.dir().resolve("logs").resolve("console.log"));
                Notifications n = NotifySetup.from(settings(), secrets);
                Console c = Console.start(new Console.Options(bind, port, Home.database(), pw, login, Clock.systemDefaultZone(), n));
                say("Tradebook console on " + c.url() + (c.loginRequired() ? " (log in with the console password)" : "") + " — Ctrl-C stops it");
                CountDownLatch done = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    c.close();
                    done.countDown();
                }));
                done.await();
                return OK;
            });
        }
    }

    // ------------------------------------------------------------------------------ service

    @Command(name = "service", description = "Run the scheduler unattended as a systemd user service.", subcommands = {ServiceInstall.class, ServiceUninstall.class})
    static final class ServiceCmd extends Group {
    }

    /** $HOME as the shell has it (Java's user.home comes from the password database and ignores HOME); tests set tradebook.user.home. */
    static Path userHome() {
        String p = System.getProperty("tradebook.user.home");
        if (p != null && !p.isBlank()) return Path.of(p);
        String h = System.getenv("HOME");
        return Path.of(h != null && !h.isBlank() ? h : System.getProperty("user.home"));
    }

    static Path launcher() {
        String l = System.getProperty("tradebook.launcher");
        if (l == null || l.isBlank()) throw new IllegalStateException("service: run this through ./tradebook (it passes the launcher's path)");
        return Path.of(l).toAbsolutePath().normalize();
    }

    @Command(name = "install", description = "Write ~/.config/systemd/user/tradebook-scheduler.service (restarts on a crash) and print how to enable it.")
    static final class ServiceInstall extends Sub {
        @Option(names = "--print", description = "only print the unit") boolean print;

        @Override public Integer call() {
            return guard(() -> {
                if (print) {
                    say(ServiceInstaller.unit(launcher(), Home.dir().toAbsolutePath()));
                    return OK;
                }
                Path unit = ServiceInstaller.install(userHome(), System.getenv(), launcher(), Home.dir().toAbsolutePath());
                say(ServiceInstaller.instructions(unit));
                return OK;
            });
        }
    }

    @Command(name = "uninstall", description = "Remove the unit file (stop it first: systemctl --user disable --now tradebook-scheduler.service).")
    static final class ServiceUninstall extends Sub {
        @Override public Integer call() {
            return guard(() -> {
                boolean gone = ServiceInstaller.uninstall(userHome(), System.getenv());
                say(gone ? "Removed " + ServiceInstaller.unitFile(userHome(), System.getenv()) + "; run: systemctl --user daemon-reload"
                        : "No unit installed.");
                return OK;
            });
        }
    }

    // ------------------------------------------------------------------------------ data

    @Command(name = "data", description = "Local quote cache.", subcommands = {DataDownload.class})
    static final class DataCmd extends Group {
    }

    @Command(name = "download", description = "Fill the local quote cache for TICKERS (comma- or space-separated, or @FILE); resumable: rerun after an interruption.")
    static final class DataDownload extends Sub {
        @Parameters(arity = "1..*", paramLabel = "TICKERS") List<String> tickers;
        @Option(names = "--from", required = true, description = "first day, YYYY-MM-DD") String from;
        @Option(names = "--to", description = "last day, YYYY-MM-DD (default yesterday: only finished days are cached)") String to;
        @Option(names = "--source", defaultValue = "yahoo", description = "yahoo or yahoo:URL (default ${DEFAULT-VALUE})") String source;
        @Option(names = "--pause", defaultValue = "250", description = "milliseconds between fetches (default ${DEFAULT-VALUE})") long pause;

        @Override public Integer call() {
            return guard(() -> {
                List<String> list = new ArrayList<>();
                for (String t : tickers) {
                    if (t.startsWith("@")) {
                        Path f = Path.of(t.substring(1));
                        if (!Files.isRegularFile(f)) throw new IllegalArgumentException("ticker list " + f + ": no such file");
                        for (String line : Files.readAllLines(f)) for (String x : line.split("[,\\s]+")) if (!x.isBlank() && !x.startsWith("#")) list.add(x.strip());
                    } else {
                        for (String x : t.split(",")) if (!x.isBlank()) list.add(x.strip().toUpperCase(Locale.ROOT));
                    }
                }
                if (!source.equals("yahoo") && !source.startsWith("yahoo:")) throw new IllegalArgumentException("--source '" + source + "': use yahoo or yahoo:URL");
                LocalDate f = date("--from", from), t = to == null ? BulkDownload.defaultEnd() : date("--to", to);
                Path cache = Home.dir().resolve("cache").resolve("quotes");
                BulkDownload.Result r = new BulkDownload(QuoteSources.parse(source), cache, Math.max(0, pause)).run(list, f, t, this::say);
                say(r.summary() + " — cache: " + cache);
                return r.failed().isEmpty() && !r.stoppedByRateLimit() ? OK : FAILED;
            });
        }

        static LocalDate date(String opt, String s) {
            try {
                return LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(opt + " '" + s + "': use YYYY-MM-DD");
            }
        }
    }

    // ------------------------------------------------------------------------------ secret

    @Command(name = "secret", description = "Secrets (broker credentials, bot tokens, SMTP and console passwords), encrypted with the key in $TRADEBOOK_HOME/secret.key or TRADEBOOK_KEY.",
            subcommands = {SecretSet.class, SecretList.class, SecretRemove.class})
    static final class SecretCmd extends Group {
    }

    @Command(name = "set", description = "Store a secret; the value is read from the terminal (not echoed) or one line of standard input.")
    static final class SecretSet extends Sub {
        @Parameters(index = "0", paramLabel = "NAME", description = "e.g. telegram.token, smtp.password, console.password") String name;

        @Override public Integer call() {
            return guard(() -> {
                String value;
                if (System.console() != null) {
                    char[] pw = System.console().readPassword("value of %s: ", name);
                    value = pw == null ? null : new String(pw);
                } else {
                    value = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                }
                if (value == null || value.isEmpty()) throw new IllegalArgumentException("secret " + name + ": no value given (type it, or pipe it in)");
                ensureStore();
                secrets().put(name, value);
                say("secret " + name + " stored encrypted (key: " + SecretBox.open(Home.dir()).keySource() + ")");
                return OK;
            });
        }
    }

    @Command(name = "list", description = "Names of the stored secrets (never their values).")
    static final class SecretList extends Sub {
        @Override public Integer call() {
            return guard(() -> {
                ensureStore();
                List<String> names = secrets().names();
                if (names.isEmpty()) say("no secrets stored");
                for (String n : names) say(n);
                return OK;
            });
        }
    }

    @Command(name = "remove", description = "Delete a secret.")
    static final class SecretRemove extends Sub {
        @Parameters(paramLabel = "NAME") String name;

        @Override public Integer call() {
            return guard(() -> {
                ensureStore();
                say(secrets().delete(name) ? "secret " + name + " removed" : "no secret " + name);
                return OK;
            });
        }
    }

    // ------------------------------------------------------------------------------ setting

    @Command(name = "setting", description = "Plain settings: telegram.chat_id, telegram.url, smtp.host, smtp.port, smtp.user, smtp.from, smtp.to, smtp.security.",
            subcommands = {SettingSet.class, SettingList.class, SettingRemove.class})
    static final class SettingCmd extends Group {
    }

    @Command(name = "set", description = "Set a setting.")
    static final class SettingSet extends Sub {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "VALUE") String value;

        @Override public Integer call() {
            return guard(() -> {
                ensureStore();
                settings().put(name, value);
                say(name + " = " + value);
                return OK;
            });
        }
    }

    @Command(name = "list", description = "All settings.")
    static final class SettingList extends Sub {
        @Override public Integer call() {
            return guard(() -> {
                ensureStore();
                settings().all().forEach((k, v) -> say(k + " = " + v));
                return OK;
            });
        }
    }

    @Command(name = "remove", description = "Remove a setting.")
    static final class SettingRemove extends Sub {
        @Parameters(paramLabel = "NAME") String name;

        @Override public Integer call() {
            return guard(() -> {
                ensureStore();
                say(settings().remove(name) ? name + " removed" : "no setting " + name);
                return OK;
            });
        }
    }

    // ------------------------------------------------------------------------------ notify

    @Command(name = "notify", description = "Notifications.", subcommands = {NotifyTest.class})
    static final class NotifyCmd extends Group {
    }

    @Command(name = "test", description = "Send a test message to every configured channel (Telegram, e-mail) and say how each went.")
    static final class NotifyTest extends Sub {
        @Override public Integer call() {
            return guard(() -> {
                ensureStore();
                Notifications n = NotifySetup.from(settings(), secrets());
                if (n.channels().isEmpty()) {
                    say("no channel configured: set telegram.chat_id + secret telegram.token, and/or smtp.host + smtp.to (+ smtp.user, secret smtp.password)");
                    return FAILED;
                }
                List<String> res = n.send(new Notice(Notice.Kind.RUN_FINISHED, "Tradebook: test message", "sent by ./tradebook notify test at " + Instant.now()));
                res.forEach(this::say);
                return res.stream().allMatch(s -> s.endsWith(": sent")) ? OK : FAILED;
            });
        }
    }

    // ------------------------------------------------------------------------------ ib

    @Command(name = "ib", description = "Interactive Brokers (Client Portal gateway) broker accounts.", subcommands = {IbAdd.class, IbCheck.class, IbSyncCmd.class})
    static final class IbCmd extends Group {
    }

    @Command(name = "add", description = "Add (or replace) an ib broker account that plans can name with --broker ALIAS.")
    static final class IbAdd extends Sub {
        @Parameters(paramLabel = "ALIAS") String alias;
        @Option(names = "--account", required = true, description = "IB account id, e.g. U1234567 or DU1234567 (paper)") String account;
        @Option(names = "--url", defaultValue = "https://localhost:5000/v1/api", description = "gateway base URL (default ${DEFAULT-VALUE})") String url;
        @Option(names = "--trust", defaultValue = "system", description = "system, gateway (trust the gateway's self-signed certificate) or pem") String trust;
        @Option(names = "--pem", description = "the gateway's certificate (PEM) for --trust pem") Path pem;

        @Override public Integer call() {
            return guard(() -> {
                if (!alias.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,31}")) throw new IllegalArgumentException("alias '" + alias + "': letters, digits, '.', '_', '-'");
                if (alias.equalsIgnoreCase("paper") || alias.equalsIgnoreCase("manual")) throw new IllegalArgumentException("alias '" + alias + "' is built in");
                JsonObject c = new JsonObject();
                c.addProperty("url", url);
                c.addProperty("account", account);
                c.addProperty("trust", trust);
                if (pem != null) c.addProperty("pem", pem.toAbsolutePath().toString());
                tradebook.live.ib.IbBrokerFactory.config(alias, c.toString(), Home.dir());   // validates url/trust/pem now
                try (Store store = Store.open(Home.database())) {
                    store.saveBrokerAccount(alias, "ib", c.toString());
                }
                say("broker account " + alias + " (ib, account " + account + ", " + url + ", trust " + trust + ") saved; check it with ./tradebook ib check " + alias);
                return OK;
            });
        }
    }

    static Broker open(Store store, String alias) throws Exception {
        String[] acct = store.brokerAccount(alias).orElseThrow(() -> new IllegalArgumentException("no broker account '" + alias + "' (known: " + store.brokerAliases() + ")"));
        if (!"ib".equals(acct[0])) throw new IllegalArgumentException("broker account '" + alias + "' is of kind " + acct[0] + ", not ib");
        return Brokers.open(acct[0], alias, acct[1], null, Clock.systemUTC());
    }

    @Command(name = "check", description = "Log-in state and account of an ib broker account.")
    static final class IbCheck extends Sub {
        @Parameters(paramLabel = "ALIAS") String alias;

        @Override public Integer call() {
            return guard(() -> {
                try (Store store = Store.open(Home.database())) {
                    say(open(store, alias).check());
                }
                return OK;
            });
        }
    }

    @Command(name = "sync", description = "Download IB's order status and executions of a plan's submitted orders into the store.")
    static final class IbSyncCmd extends Sub {
        @Parameters(paramLabel = "PLAN") String plan;

        @Override public Integer call() {
            return guard(() -> {
                try (Store store = Store.open(Home.database())) {
                    StoredPlan sp = store.require(plan);
                    Broker b = Brokers.open(store, sp.plan(), Clock.systemUTC());
                    if (!(b instanceof IbBroker)) throw new IllegalArgumentException("plan " + plan + " trades at " + b.kind() + ", not ib");
                    say(IbSync.sync(store, (IbBroker) b, sp.id()));
                }
                return OK;
            });
        }
    }

}
