package tradebook.plan.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tradebook.plan.Fill;
import tradebook.plan.Ledger;
import tradebook.plan.PlanException;
import tradebook.plan.PlanOrder;
import tradebook.plan.PlanRunner;
import tradebook.plan.Plans;
import tradebook.plan.RunLog;
import tradebook.plan.RunRecord;
import tradebook.plan.SourceFiles;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;
import tradebook.plan.TradePlan;
import tradebook.plan.broker.Broker;
import tradebook.plan.broker.Brokers;
import tradebook.plan.schedule.Scheduler;

/**
 * {@code ./tradebook promote | plan | fill | scheduler | doctor}. Exit codes: 0 ok, 1 the command
 * failed (the message says why), 2 a usage error.
 */
@Command(name = "tradebook", mixinStandardHelpOptions = true, description = "Trade plans: promote, run, schedule, inspect.",
        subcommands = {Cli.Promote.class, Cli.Plan.class, Cli.FillCmd.class, Cli.SchedulerCmd.class, Cli.DoctorCmd.class})
public final class Cli implements Callable<Integer> {
    public static final int OK = 0, FAILED = 1, USAGE = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs a command line; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        tradebook.live.cli.LiveCli.addTo(cl);   // console, service, data, secret, setting, notify, ib (issue 10)
        PrintWriter o = new PrintWriter(out, true), e2 = new PrintWriter(err, true);
        cl.setOut(o);
        cl.setErr(e2);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, line, parse) -> {
            String msg = e instanceof PlanException || e instanceof tradebook.data.DataException ? e.getMessage()
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            o.flush();
            e2.println("tradebook: " + msg);
            if (System.getenv("TRADEBOOK_DEBUG") != null) e.printStackTrace(e2);
            e2.flush();
            return FAILED;
        });
        int code = cl.execute(args);
        o.flush();
        e2.flush();
        out.flush();
        err.flush();
        return code;
    }

    static String sec(Instant t) {
        return t == null ? "-" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static Store store() {
        return Store.open();
    }

    // ----------------------------------------------------------------------------- promote

    @Command(name = "promote", description = "Promote a strategy from FILE.java or NB.ipynb into a trade plan (validated and dry-run first).")
    static final class Promote implements Callable<Integer> {
        @Parameters(index = "0", description = "a .java file or a notebook") Path file;
        @Parameters(index = "1", arity = "0..1", description = "the strategy class (default: the .java file's name)") String className;
        @Mixin PromoteOptions opts;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override public Integer call() {
            String cls = className != null ? className : SourceFiles.defaultClassName(file);
            if (cls == null) throw new CommandLine.ParameterException(spec.commandLine(), "name the strategy class after the notebook, e.g. promote NB.ipynb SmaCross");
            String source = SourceFiles.extract(file, cls);
            try (Store store = store()) {
                Plans.Promoted p = Plans.promote(store, opts.newPlan(cls, source), Clock.systemUTC(), true);
                spec.commandLine().getOut().println(p);
            }
            return OK;
        }
    }

    // ----------------------------------------------------------------------------- plan ...

    @Command(name = "plan", description = "List, show, edit, enable, disable, remove and run plans; their orders, runs and logs.",
            subcommands = {List_.class, Show.class, Edit.class, Enable.class, Disable.class, Remove.class, Run.class, Orders.class, Runs.class, Log.class})
    static final class Plan implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return USAGE;
        }
    }

    abstract static class Sub implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "list", description = "All plans.")
    static final class List_ extends Sub {
        @Override public Integer call() {
            try (Store store = store()) {
                TextTable t = new TextTable("NAME", "ENABLED", "VER", "STRATEGY", "TICKERS", "MODE", "ENTRY", "BROKER", "TIMES", "LAST RUN");
                for (StoredPlan sp : store.plans()) {
                    TradePlan p = sp.plan();
                    String last = store.runs(sp.id(), 1).stream().findFirst().map(r -> r.status() + " " + sec(r.startedAt())).orElse("-");
                    t.row(p.name(), sp.enabled() ? "yes" : "no", sp.version(), p.className(), String.join(",", p.tickers()),
                            p.mode().name().toLowerCase(Locale.ROOT), p.entry(), p.broker(), p.runTimes(), last);
                }
                out().print(t.isEmpty() ? "no plans (promote one: %promote in a notebook, or ./tradebook promote FILE.java --name N ...)\n" : t);
            }
            return OK;
        }
    }

    @Command(name = "show", description = "A plan's settings, versions, account and next runs.")
    static final class Show extends Sub {
        @Parameters(description = "plan name") String name;
        @Option(names = "--source", description = "print the strategy source too") boolean source;

        @Override public Integer call() {
            try (Store store = store()) {
                StoredPlan sp = store.require(name);
                TradePlan p = sp.plan();
                PrintWriter o = out();
                o.printf("plan        %s (version %d, %s)%n", p.name(), sp.version(), sp.enabled() ? "enabled" : "disabled");
                o.printf("strategy    %s %s%n", p.className(), p.params().isEmpty() ? "" : p.params());
                o.printf("tickers     %s from %s (%s)%n", String.join(", ", p.tickers()), p.quoteSource(), p.mode().name().toLowerCase(Locale.ROOT));
                o.printf("backtest    from %s, trading from %s%n", p.backtestStart(), p.tradeStart() == null ? "the start" : p.tradeStart());
                o.printf("runs        %s %s, %s calendar; next: %s%n", p.runTimes(), p.timeZone(), p.calendar(), sp.enabled() ? Plans.nextRuns(p, 3) : "(disabled)");
                o.printf("orders      %s via %s, commission %s%n", p.entry(), p.broker(), p.commission());
                Ledger l = Ledger.of(p, store.fills(sp.id()));
                o.printf(Locale.ROOT, "account     cash %.2f, units %s (%d fills; initial cash %.2f, holdings %s)%n", l.cash(), l.units(), l.fillCount(),
                        p.cash(), p.holdings());
                o.println("versions");
                for (String[] v : store.versions(sp.id())) o.printf("  v%s  %s  %s%n", v[0], sec(Instant.parse(v[1])), v[2]);
                if (source) o.println("\n" + p.source());
            }
            return OK;
        }
    }

    @Command(name = "edit", description = "Change a plan: a new version (validated and dry-run first; the history is kept).")
    static final class Edit extends Sub {
        @Parameters(description = "plan name") String name;
        @Option(names = "--file", description = "new strategy source: a .java file or notebook") Path file;
        @Option(names = "--class", description = "the strategy class in --file") String className;
        @Mixin PromoteOptions opts;

        @Override public Integer call() {
            try (Store store = store()) {
                StoredPlan sp = store.require(name);
                if (opts.name != null && !opts.name.equalsIgnoreCase(sp.name())) throw new PlanException("a plan cannot be renamed (--name); promote a new one");
                TradePlan.Builder b = opts.apply(sp.plan().toBuilder());
                if (file != null) {
                    String cls = className != null ? className : sp.plan().className();
                    b.strategy(cls, SourceFiles.extract(file, cls));
                }
                b.enabled(sp.enabled() && !opts.disabled);
                Plans.Promoted p = Plans.promote(store, b.build(), Clock.systemUTC(), false);
                out().println(p);
            }
            return OK;
        }
    }

    @Command(name = "enable", description = "Let the scheduler run the plan.")
    static final class Enable extends Sub {
        @Parameters(description = "plan name") String name;

        @Override public Integer call() {
            try (Store store = store()) {
                store.setEnabled(name, true);
                out().println("plan " + store.require(name).name() + " enabled; next runs: " + Plans.nextRuns(store.require(name).plan(), 3));
            }
            return OK;
        }
    }

    @Command(name = "disable", description = "Stop scheduling the plan (it stays, with its orders and logs).")
    static final class Disable extends Sub {
        @Parameters(description = "plan name") String name;

        @Override public Integer call() {
            try (Store store = store()) {
                store.setEnabled(name, false);
                out().println("plan " + store.require(name).name() + " disabled");
            }
            return OK;
        }
    }

    @Command(name = "remove", description = "Remove the plan from the list and the scheduler (orders, fills and logs are kept).")
    static final class Remove extends Sub {
        @Parameters(description = "plan name") String name;

        @Override public Integer call() {
            try (Store store = store()) {
                StoredPlan sp = store.require(name);
                store.remove(name);
                out().println("plan " + sp.name() + " removed (its " + store.orders(sp.id()).size() + " orders and its runs stay in the store)");
            }
            return OK;
        }
    }

    @Command(name = "run", description = "Run the plan now (recorded like a scheduled run); --dry-run places nothing.")
    static final class Run extends Sub {
        @Parameters(description = "plan name") String name;
        @Option(names = "--dry-run", description = "compute the orders, place and record none") boolean dry;
        @Option(names = "--accept-data", description = "strict plans: accept changed past prices as the new history") boolean accept;
        @Option(names = "--scheduled-at", hidden = true, description = "the slot this run is for (the scheduler passes it)") Instant scheduledAt;

        @Override public Integer call() {
            try (Store store = store()) {
                StoredPlan sp = store.require(name);
                PlanRunner.Result r = new PlanRunner(store, Clock.systemUTC()).run(sp, new PlanRunner.Options(dry, accept, scheduledAt, false));
                if (!dry) tradebook.live.notify.RunNotifier.announceConfigured(sp.name(), r);   // Telegram/e-mail if set up (issue 10); never throws
                if (!r.stdout().isBlank()) out().print(r.stdout());
                out().println(r);
                if (!r.ok()) {
                    spec.commandLine().getErr().println("tradebook: run " + r.runId() + " " + r.status() + ": ./tradebook plan log " + r.runId() + " shows why");
                }
                return r.ok() ? OK : FAILED;
            }
        }
    }

    @Command(name = "orders", description = "The plan's orders (paper fills are brought up to date first).")
    static final class Orders extends Sub {
        @Parameters(description = "plan name") String name;

        @Override public Integer call() {
            try (Store store = store()) {
                StoredPlan sp = store.require(name);
                List<PlanOrder> submitted = store.liveOrders(sp.id()).stream().filter(o -> PlanOrder.SUBMITTED.equals(o.status())).toList();
                if (!submitted.isEmpty()) {
                    try {
                        Broker b = Brokers.open(store, sp.plan(), Clock.systemUTC());
                        store.recordFills(b.fills(submitted));
                    } catch (Exception e) {
                        spec.commandLine().getErr().println("warning: fills not brought up to date: " + e.getMessage());
                    }
                }
                TextTable t = new TextTable("ORDER", "DAY", "TICKER", "SIDE", "SIZE", "ENTRY", "STATUS", "FILL", "RUN");
                List<Fill> fills = store.fills(sp.id());
                for (PlanOrder o : store.orders(sp.id())) {
                    String fill = fills.stream().filter(f -> f.orderId().equals(o.id())).findFirst()
                            .map(f -> String.format(Locale.ROOT, "%s @ %.4f", f.size() > 0 ? "+" + f.size() : f.size(), f.price())).orElse("");
                    t.row(o.id(), o.tradingDay(), o.ticker(), o.size() > 0 ? "BUY" : "SELL", Math.abs(o.size()), o.entry(), o.status(), fill, o.runId());
                }
                out().print(t.isEmpty() ? "no orders yet\n" : t);
            }
            return OK;
        }
    }

    @Command(name = "runs", description = "The plan's latest runs.")
    static final class Runs extends Sub {
        @Parameters(description = "plan name") String name;
        @Option(names = {"-n", "--last"}, defaultValue = "20") int n;

        @Override public Integer call() {
            try (Store store = store()) {
                StoredPlan sp = store.require(name);
                TextTable t = new TextTable("RUN", "SCHEDULED", "STARTED", "STATUS", "MESSAGE");
                for (RunRecord r : store.runs(sp.id(), n)) {
                    String m = r.message() == null ? "" : r.message().lines().findFirst().orElse("");
                    t.row(r.id(), r.scheduledAt() == null ? "(by hand)" : sec(r.scheduledAt()), sec(r.startedAt()), r.status(), m.length() > 80 ? m.substring(0, 77) + "..." : m);
                }
                out().print(t.isEmpty() ? "no runs yet\n" : t);
            }
            return OK;
        }
    }

    @Command(name = "log", description = "Everything a run recorded: status, stdout, stderr, orders, stats.")
    static final class Log extends Sub {
        @Parameters(description = "run id (./tradebook plan runs NAME lists them)") String runId;

        @Override public Integer call() {
            try (Store store = store()) {
                RunRecord r = store.run(runId).orElseThrow(() -> new PlanException("no run " + runId + " (./tradebook plan runs NAME lists them)"));
                PrintWriter o = out();
                o.printf("run %s of %s (v%d): %s%s%n", r.id(), r.planName(), r.planVersion(), r.status(), r.dryRun() ? " (dry run)" : "");
                o.printf("scheduled %s, started %s, finished %s%n", r.scheduledAt() == null ? "-" : r.scheduledAt(), r.startedAt(), r.finishedAt());
                if (r.message() != null) o.println("message: " + r.message());
                RunLog l = store.log(runId).orElse(null);
                if (l != null) {
                    o.println("--- stdout\n" + nz(l.stdout()));
                    o.println("--- stderr\n" + nz(l.stderr()));
                    o.println("--- orders\n" + nz(l.orders()));
                    o.println("--- stats\n" + nz(l.stats()));
                    o.println("--- data snapshot: " + (l.dataSnapshot() == null ? "none stored (same history as an earlier run of the day: see stdout)"
                            : l.dataSnapshot().length + " bytes (gzip CSV)"));
                }
            }
            return OK;
        }

        private static String nz(String s) {
            return s == null || s.isBlank() ? "(empty)" : s.strip();
        }
    }

    // ----------------------------------------------------------------------------- fill

    @Command(name = "fill", description = "Record the fill of a manual-broker order.")
    static final class FillCmd extends Sub {
        @Parameters(description = "order id (./tradebook plan orders NAME)") String orderId;
        @Option(names = "--price", required = true) double price;
        @Option(names = "--time", description = "when: ISO instant, or YYYY-MM-DD[THH:MM[:SS]] in the plan's zone (default now)") String time;
        @Option(names = "--size", description = "units filled, signed as the order (default: the whole order)") Double size;
        @Option(names = "--commission", defaultValue = "0") double commission;

        @Override public Integer call() {
            try (Store store = store()) {
                PlanOrder o = store.order(orderId).orElseThrow(() -> new PlanException("no order " + orderId + " (./tradebook plan orders NAME lists them)"));
                String[] acct = store.brokerAccount(o.broker()).orElse(new String[] {o.broker(), "{}"});
                if (!"manual".equals(acct[0])) throw new PlanException("order " + orderId + " went to the " + acct[0] + " broker; only manual orders take fills by hand");
                if (!o.isLive()) throw new PlanException("order " + orderId + " is " + o.status() + ", not open: nothing to fill");
                if (!(price > 0)) throw new PlanException("--price must be positive, got " + price);
                double units = size == null ? o.size() : size;
                if (Math.signum(units) != Math.signum(o.size()) || Math.abs(units) > Math.abs(o.size())) {
                    throw new PlanException("--size " + units + " does not fit order " + orderId + " of " + o.size());
                }
                ZoneId zone = store.plans().stream().filter(p -> p.id() == o.planId()).findFirst().map(p -> p.plan().zone()).orElse(ZoneId.of("UTC"));
                Instant at = parseTime(time, zone);
                store.recordFills(List.of(new Fill("manual-" + o.id(), o.id(), o.ticker(), units, price, commission, at, "manual")));
                out().printf(Locale.ROOT, "order %s filled: %s %s @ %s at %s%n", o.id(), units > 0 ? "BUY" : "SELL", Math.abs(units), price, at);
            }
            return OK;
        }

        static Instant parseTime(String t, ZoneId zone) {
            if (t == null) return Instant.now();
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                // not an instant: a local time in the plan's zone
            }
            try {
                String s = t.trim().replace(' ', 'T');
                if (s.length() == 10) s += "T16:00";
                return LocalDateTime.parse(s).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new PlanException("--time '" + t + "': use 2026-11-23T15:59:00Z or 2026-11-23 15:59 (in the plan's zone " + zone + ")");
            }
        }
    }

    // ----------------------------------------------------------------------------- scheduler

    @Command(name = "scheduler", description = "Run the scheduler in the foreground (one job at a time); --stop asks a running one to stop.")
    static final class SchedulerCmd extends Sub {
        @Option(names = "--stop", description = "ask the running scheduler to stop after its current job") boolean stop;
        @Option(names = "--status", description = "show whether a scheduler runs and its next runs") boolean status;
        @Option(names = "--run-timeout", defaultValue = "600", description = "seconds a run may take before it is killed (default 600)") long timeout;
        @Option(names = "--in-process", hidden = true, description = "run jobs in this JVM (no timeout)") boolean inProcess;

        @Override public Integer call() throws Exception {
            try (Store store = store()) {
                var row = store.schedulerRow();
                boolean alive = row.isPresent() && ProcessHandle.of((Long) row.get()[0]).map(ProcessHandle::isAlive).orElse(false)
                        && (Long) row.get()[0] != ProcessHandle.current().pid();
                if (stop || status) {
                    if (!alive) {
                        out().println("no scheduler is running");
                        return stop ? FAILED : OK;
                    }
                    if (stop) {
                        store.requestSchedulerStop(true);
                        out().println("asked the scheduler (pid " + row.get()[0] + ") to stop");
                    } else {
                        out().println("scheduler pid " + row.get()[0] + ", last beat " + row.get()[1] + ", next runs " + row.get()[2]);
                    }
                    return OK;
                }
                if (alive) throw new PlanException("a scheduler is running already (pid " + row.get()[0] + "); stop it with ./tradebook scheduler --stop");
                Scheduler s = inProcess ? Scheduler.standard(store, Clock.systemUTC())
                        : Scheduler.isolated(store, Clock.systemUTC(), java.time.Duration.ofSeconds(timeout));
                java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
                Thread hook = new Thread(() -> {
                    s.stop(); // SIGTERM / Ctrl-C: finish the current job, then stop
                    try {
                        done.await(120, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException ignored) {
                        // exiting anyway
                    }
                });
                Runtime.getRuntime().addShutdownHook(hook);
                out().println("scheduler started (pid " + ProcessHandle.current().pid() + ", store " + store.file() + ")");
                out().flush();
                try {
                    s.loop();
                } finally {
                    done.countDown();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // already shutting down
                }
            }
            return OK;
        }
    }

    @Command(name = "doctor", description = "Health check: store, scheduler, each plan's strategy, broker and quotes.")
    static final class DoctorCmd extends Sub {
        @Override public Integer call() {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            int failed = new Doctor(new PrintStream(buf, true)).run();
            out().print(buf);
            out().println(failed == 0 ? "all OK" : failed + " problem(s)");
            return failed == 0 ? OK : FAILED;
        }
    }
}
