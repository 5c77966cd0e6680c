package tradebook.live.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import tradebook.live.LiveLog;
import tradebook.live.notify.Notifications;
import tradebook.live.notify.RunNotifier;
import tradebook.live.secret.Masker;
import tradebook.plan.Fill;
import tradebook.plan.PlanException;
import tradebook.plan.PlanRunner;
import tradebook.plan.RunRecord;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;

/**
 * {@code ./tradebook console}: a small web console over the trading store, server-rendered
 * (JDK's HTTP server, no JavaScript). Bound to 127.0.0.1 by default, where it needs no login but
 * still gives every browser a session with a CSRF token and refuses foreign Host headers (DNS
 * rebinding). Bound to any other address it refuses to start without a password, and every
 * page but the login form needs a session (cookie HttpOnly, SameSite=Strict).
 *
 * <p>Requests are served one at a time (one store connection; "run now" holds the console for
 * the run's few seconds), which keeps it simple and consistent with the scheduler's process.
 */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LiveLog.get(Console.class);
    private static final int MAX_BODY = 64 * 1024;

    /**
     * @param password   null on loopback (no login); required when bound elsewhere
     * @param forceLogin ask for the password even on loopback (a shared machine)
     */
    public record Options(String bind, int port, Path database, String password, boolean forceLogin, Clock clock, Notifications notifications) {}

    private final Options opt;
    private final boolean loopback;
    private final boolean loginRequired;
    private final HttpServer server;
    private final ExecutorService exec;
    private final Store store;
    private final Sessions sessions = new Sessions(Duration.ofHours(12));

    private Console(Options opt) throws IOException {
        this.opt = opt;
        InetAddress addr;
        try {
            addr = InetAddress.getByName(opt.bind());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("console: --bind '" + opt.bind() + "' is not an address of this machine");
        }
        this.loopback = addr.isLoopbackAddress();
        this.loginRequired = !loopback || opt.forceLogin();
        if (loginRequired && (opt.password() == null || opt.password().isBlank())) {
            throw new IllegalArgumentException("console: " + (loopback ? "--login" : "bound to " + opt.bind() + " (beyond this machine)")
                    + " it needs a login password: "
                    + "set TRADEBOOK_CONSOLE_PASSWORD or ./tradebook secret set console.password");
        }
        if (opt.password() != null) Masker.register(opt.password());
        this.store = Store.open(opt.database());
        try {
            this.server = HttpServer.create(new InetSocketAddress(addr, opt.port()), 50);
        } catch (IOException e) {
            store.close();
            throw new IOException("console: cannot listen on " + opt.bind() + ":" + opt.port() + ": " + e.getMessage(), e);
        }
        this.exec = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tradebook-console");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(exec);
        server.createContext("/", this::handle);
    }

    public static Console start(Options opt) throws IOException {
        Console c = new Console(opt);
        c.server.start();
        LOG.info("console on " + c.url() + (c.loginRequired ? " (login required)" : ""));
        return c;
    }

    public String url() {
        String host = opt.bind().contains(":") ? "[" + opt.bind() + "]" : opt.bind();
        return "http://" + host + ":" + server.getAddress().getPort() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public boolean loginRequired() {
        return loginRequired;
    }

    @Override public void close() {
        server.stop(0);
        exec.shutdownNow();
        store.close();
    }

    // ------------------------------------------------------------------------------- dispatch

    private void handle(HttpExchange ex) throws IOException {
        try {
            serve(ex);
        } catch (Throwable t) {
            LOG.warning("console " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + ": " + Masker.describe(t));
            try {
                send(ex, 500, Page.layout("Error", "<div class=\"msg error\">" + Page.esc(Masker.describe(t)) + "</div>", false), null);
            } catch (IOException | RuntimeException ignored) {
                // the response may be half sent: nothing more to do
            }
        } finally {
            ex.close();
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("X-Frame-Options", "DENY");
        ex.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().add("Referrer-Policy", "no-referrer");
        ex.getResponseHeaders().add("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'");
        ex.getResponseHeaders().add("Cache-Control", "no-store");
        String method = ex.getRequestMethod(), path = ex.getRequestURI().getRawPath();
        if (loopback && !hostAllowed(ex.getRequestHeaders().getFirst("Host"))) {
            send(ex, 403, "forbidden: unexpected Host header (the console answers only to 127.0.0.1/localhost)", "text/plain");
            return;
        }
        Sessions.Session s = sessions.find(ex.getRequestHeaders().getFirst("Cookie"));
        if (path.equals("/login")) {
            login(ex, s);
            return;
        }
        if (s == null || (loginRequired && !s.authenticated)) {
            if (loginRequired) {
                if (method.equals("GET")) redirect(ex, "/login", null);
                else send(ex, 403, "forbidden: log in first", "text/plain");
                return;
            }
            if (!method.equals("GET")) {    // a POST needs the session whose form it came from
                send(ex, 403, "forbidden: no session (reload the page)", "text/plain");
                return;
            }
            s = sessions.create(true);
            ex.getResponseHeaders().add("Set-Cookie", Sessions.setCookie(s));
        }
        if (method.equals("POST")) {
            Map<String, String> form = form(ex);
            if (!Sessions.same(form.get("csrf"), s.csrf())) {
                send(ex, 403, "forbidden: missing or wrong CSRF token (reload the page)", "text/plain");
                return;
            }
            post(ex, s, path, form);
        } else if (method.equals("GET") || method.equals("HEAD")) {
            get(ex, s, path);
        } else {
            send(ex, 405, "method not allowed", "text/plain");
        }
    }

    private boolean hostAllowed(String host) {
        if (host == null) return false;
        int p = port();
        return host.equals("127.0.0.1:" + p) || host.equals("localhost:" + p) || host.equals("[::1]:" + p);
    }

    // ------------------------------------------------------------------------------- pages

    private void get(HttpExchange ex, Sessions.Session s, String path) throws IOException {
        String flash = s.flash;
        s.flash = null;
        String note = flash == null ? "" : "<div class=\"msg info\" id=\"flash\">" + Page.esc(flash) + "</div>";
        if (path.equals("/")) {
            page(ex, s, 200, "Plans", note + Pages.plans(store));
        } else if (path.startsWith("/plan/") && path.indexOf('/', 6) < 0) {
            Optional<StoredPlan> sp = store.plan(decode(path.substring(6)));
            if (sp.isEmpty()) page(ex, s, 404, "Not found", "<div class=\"msg error\">No plan '" + Page.esc(decode(path.substring(6))) + "'.</div>");
            else page(ex, s, 200, "Plan " + sp.get().name(), note + Pages.plan(store, sp.get(), null));
        } else if (path.startsWith("/run/")) {
            Optional<RunRecord> r = store.run(decode(path.substring(5)));
            if (r.isEmpty()) page(ex, s, 404, "Not found", "<div class=\"msg error\">No run '" + Page.esc(decode(path.substring(5))) + "'.</div>");
            else page(ex, s, 200, "Run " + r.get().id(), Pages.run(r.get(), store.log(r.get().id())));
        } else {
            page(ex, s, 404, "Not found", "<div class=\"msg error\">Nothing at " + Page.esc(path) + ".</div>");
        }
    }

    private void post(HttpExchange ex, Sessions.Session s, String path, Map<String, String> form) throws IOException {
        if (path.equals("/logout")) {
            sessions.remove(s);
            redirect(ex, loginRequired ? "/login" : "/", Sessions.clearCookie());
            return;
        }
        try {
            if (path.equals("/fill")) {
                Fill f = ManualFills.record(store, form.get("order"), form.get("price"), form.get("size"), form.get("time"), form.get("commission"));
                String plan = store.order(f.orderId()).flatMap(o -> store.plans().stream().filter(p -> p.id() == o.planId()).findFirst())
                        .map(StoredPlan::name).orElse("");
                s.flash = String.format(Locale.ROOT, "order %s filled: %s %s @ %s", f.orderId(), f.size() > 0 ? "BUY" : "SELL",
                        ManualFills.fmt(Math.abs(f.size())), f.price());
                LOG.info("console: " + s.flash);
                redirect(ex, "/plan/" + Pages.url(plan), null);
                return;
            }
            if (path.startsWith("/plan/")) {
                String rest = path.substring(6);
                int slash = rest.lastIndexOf('/');
                if (slash <= 0) throw new FormException("unknown action " + path);
                String name = decode(rest.substring(0, slash)), action = rest.substring(slash + 1);
                StoredPlan sp = store.plan(name).orElseThrow(() -> new FormException("no plan '" + name + "'"));
                switch (action) {
                    case "enable": case "disable":
                        store.setEnabled(sp.name(), action.equals("enable"));
                        s.flash = "plan " + sp.name() + " " + action + "d";
                        break;
                    case "run":
                        PlanRunner.Result r = new RunNotifier(new PlanRunner(store, opt.clock()), opt.notifications())
                                .run(sp, new PlanRunner.Options(false, false, null, false));
                        s.flash = "run " + r.runId() + ": " + r.status() + (r.message() == null || r.message().isBlank() ? "" : " — " + r.message());
                        break;
                    case "sync":
                        s.flash = "IB: " + syncIb(sp);
                        break;
                    default:
                        throw new FormException("unknown action '" + action + "' for plan " + sp.name());
                }
                LOG.info("console: " + s.flash);
                redirect(ex, "/plan/" + Pages.url(sp.name()), null);
                return;
            }
            page(ex, s, 404, "Not found", "<div class=\"msg error\">Nothing to post at " + Page.esc(path) + ".</div>");
        } catch (FormException | PlanException e) {
            // back to the plan the form came from, when it names one
            String back = path.startsWith("/plan/") ? path.substring(0, path.lastIndexOf('/'))
                    : Optional.ofNullable(form.get("order")).flatMap(id -> store.order(id.strip()))
                            .flatMap(o -> store.plans().stream().filter(p -> p.id() == o.planId()).findFirst())
                            .map(p -> "/plan/" + Pages.url(p.name())).orElse("/");
            page(ex, s, 400, "Not done", "<div class=\"msg error\" id=\"error\">" + Page.esc(e.getMessage())
                    + "</div><p>Nothing was changed. <a href=\"" + Page.esc(back) + "\" id=\"back\">Back</a> · <a href=\"/\">Plans</a></p>");
        }
    }

    /** Downloads IB's order status and executions of an ib plan into the store. */
    private String syncIb(StoredPlan sp) {
        try {
            tradebook.plan.broker.Broker b = tradebook.plan.broker.Brokers.open(store, sp.plan(), opt.clock());
            if (!(b instanceof tradebook.live.ib.IbBroker)) throw new FormException("plan " + sp.name() + " trades at " + b.kind() + ": only ib plans sync with IB");
            return tradebook.live.ib.IbSync.sync(store, (tradebook.live.ib.IbBroker) b, sp.id());
        } catch (tradebook.plan.broker.BrokerException e) {
            throw new FormException(e.getMessage());
        }
    }

    private void login(HttpExchange ex, Sessions.Session s) throws IOException {
        if (!loginRequired) {
            redirect(ex, "/", null);
            return;
        }
        if (ex.getRequestMethod().equals("POST")) {
            Map<String, String> form = form(ex);
            if (s == null || !Sessions.same(form.get("csrf"), s.csrf())) {
                send(ex, 403, "forbidden: the login form expired (reload it)", "text/plain");
                return;
            }
            if (Sessions.same(form.get("password"), opt.password())) {
                sessions.remove(s);
                Sessions.Session in = sessions.create(true);   // a fresh id after login (no session fixation)
                LOG.info("console: login from " + ex.getRemoteAddress().getAddress().getHostAddress());
                redirect(ex, "/", Sessions.setCookie(in));
                return;
            }
            LOG.warning("console: failed login from " + ex.getRemoteAddress().getAddress().getHostAddress());
            try {
                Thread.sleep(300);   // slows down guessing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loginForm(ex, s, 401, "Wrong password.");
            return;
        }
        if (s == null || s.authenticated) {
            s = sessions.create(false);
            ex.getResponseHeaders().add("Set-Cookie", Sessions.setCookie(s));
        }
        loginForm(ex, s, 200, null);
    }

    private void loginForm(HttpExchange ex, Sessions.Session s, int status, String error) throws IOException {
        String body = (error == null ? "" : "<div class=\"msg error\" id=\"error\">" + Page.esc(error) + "</div>")
                + "<form method=\"post\" action=\"/login\" id=\"login\">%CSRF%<label>Password <input type=\"password\" name=\"password\" "
                + "autocomplete=\"current-password\" autofocus required style=\"width:16em\"></label> <button>Log in</button></form>";
        send(ex, status, Page.layout("Log in", body, false).replace("%CSRF%", csrfField(s)), null);
    }

    // ------------------------------------------------------------------------------- HTTP helpers

    private static String csrfField(Sessions.Session s) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + s.csrf() + "\">";
    }

    private void page(HttpExchange ex, Sessions.Session s, int status, String title, String body) throws IOException {
        send(ex, status, Page.layout(title, body, loginRequired).replace("%CSRF%", csrfField(s)), null);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new FormException("bad URL encoding in '" + s + "'");
        }
    }

    /** An application/x-www-form-urlencoded body (at most 64 KB); repeated fields keep the first value. */
    private static Map<String, String> form(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> out = new HashMap<>();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) return out;
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) return out;
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException malformed) {
                // a broken pair is dropped: the handler then sees the field as missing and says so
            }
        }
        return out;
    }

    private static void redirect(HttpExchange ex, String to, String cookie) throws IOException {
        if (cookie != null) ex.getResponseHeaders().add("Set-Cookie", cookie);
        ex.getResponseHeaders().add("Location", to);
        ex.sendResponseHeaders(303, -1);
    }

    private static void send(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", (type == null ? "text/html" : type) + "; charset=utf-8");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : b.length);
        if (!head) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        }
    }
}
