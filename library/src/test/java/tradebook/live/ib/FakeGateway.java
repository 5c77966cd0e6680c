package tradebook.live.ib;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for the Client Portal gateway on 127.0.0.1: replays the recorded responses in
 * {@code src/test/resources/ib/} with just enough state for the flows under test: a session that
 * can expire, reply questions before an order is accepted, cOIDs IB remembers (a second order
 * with one is refused), rejections, and a slow path for time-outs.
 */
public final class FakeGateway implements AutoCloseable {
    public static final String ACCOUNT = "DU1234567";
    private final HttpServer server;
    public volatile boolean authenticated = true;
    /** whether /iserver/reauthenticate brings the session back (false: the user must log in in a browser) */
    public volatile boolean reauthWorks = true;
    /** another session of the user is logged in (TWS, the web portal): the gateway says "competing" */
    public volatile boolean competing = false;
    /** reply questions IB asks before accepting each order */
    public volatile int questionsPerOrder = 0;
    /** a path answered only after this many ms */
    public volatile String slowPath;
    public volatile long slowMillis;
    public final Set<String> registeredCoids = ConcurrentHashMap.newKeySet();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<JsonObject> placedOrders = new CopyOnWriteArrayList<>();
    /** when set, /iserver/account/trades also reports one full execution at this price for every accepted order */
    public volatile double fillPrice = Double.NaN;
    private final Map<String, Integer> pendingReplies = new ConcurrentHashMap<>();
    private final Map<String, String> pendingCoid = new ConcurrentHashMap<>();
    private final AtomicInteger replyIds = new AtomicInteger();

    public FakeGateway() throws IOException {
        this(null);
    }

    /** Over HTTPS with the given server context, else plain HTTP. */
    public FakeGateway(SSLContext tls) throws IOException {
        InetSocketAddress at = new InetSocketAddress("127.0.0.1", 0);
        if (tls != null) {
            HttpsServer s = HttpsServer.create(at, 0);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = s;
        } else {
            server = HttpServer.create(at, 0);
        }
        server.createContext("/v1/api/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String baseUrl() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + "/v1/api";
    }

    public long count(String prefix) {
        return requests.stream().filter(r -> r.startsWith(prefix)).count();
    }

    public static String fixture(String name) {
        try (InputStream in = FakeGateway.class.getResourceAsStream("/ib/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture /ib/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring("/v1/api".length());
        String method = ex.getRequestMethod();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(method + " " + path);
        if (path.equals(slowPath)) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            route(ex, method, path, body);
        } catch (RuntimeException e) {
            send(ex, 500, "{\"error\":\"fake gateway: " + e + "\"}");
        }
    }

    private void route(HttpExchange ex, String method, String path, String body) throws IOException {
        if (path.equals("/tickle")) {
            send(ex, 200, authenticated ? fixture("tickle.json") : fixture("tickle.json").replace("\"authenticated\":true", "\"authenticated\":false"));
            return;
        }
        if (path.equals("/iserver/auth/status")) {
            send(ex, 200, fixture(authenticated ? "auth-status-ok.json" : competing ? "auth-status-competing.json" : "auth-status-expired.json"));
            return;
        }
        if (path.equals("/iserver/reauthenticate")) {
            if (reauthWorks) authenticated = true;
            send(ex, 200, fixture("reauthenticate.json"));
            return;
        }
        if (!authenticated) {
            send(ex, 401, "");
            return;
        }
        if (path.equals("/iserver/accounts")) {
            send(ex, 200, fixture("accounts.json"));
        } else if (path.equals("/iserver/secdef/search")) {
            String sym = JsonParser.parseString(body).getAsJsonObject().get("symbol").getAsString();
            String f = "secdef-search-" + sym + ".json";
            send(ex, 200, FakeGateway.class.getResource("/ib/" + f) != null ? fixture(f) : fixture("secdef-search-none.json"));
        } else if (path.equals("/iserver/account/" + ACCOUNT + "/orders") && method.equals("POST")) {
            JsonObject o = JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("orders").get(0).getAsJsonObject();
            String coid = o.get("cOID").getAsString();
            if (registeredCoids.contains(coid)) {
                send(ex, 400, fixture("order-duplicate.json").replace("{cOID}", coid));
                return;
            }
            if (o.get("quantity").getAsDouble() >= 1_000_000) {
                send(ex, 200, fixture("order-rejected.json"));
                return;
            }
            placedOrders.add(o);
            if (questionsPerOrder > 0) {
                String id = "reply-" + replyIds.incrementAndGet();
                pendingReplies.put(id, questionsPerOrder);
                pendingCoid.put(id, coid);
                send(ex, 200, fixture("order-question.json").replace("07a13a5a-4a48-44a5-bb25-5ab37b79186c", id));
                return;
            }
            registeredCoids.add(coid);
            send(ex, 200, fixture("order-placed.json"));
        } else if (path.startsWith("/iserver/reply/") && method.equals("POST")) {
            String id = path.substring("/iserver/reply/".length());
            Integer left = pendingReplies.remove(id);
            if (left == null || !JsonParser.parseString(body).getAsJsonObject().get("confirmed").getAsBoolean()) {
                send(ex, 400, "{\"error\":\"Invalid reply ID or not confirmed\"}");
                return;
            }
            if (left > 1) {
                String next = "reply-" + replyIds.incrementAndGet();
                pendingReplies.put(next, left - 1);
                pendingCoid.put(next, pendingCoid.get(id));
                send(ex, 200, fixture("order-question-2.json").replace("9b1f3d2e-6c7a-4e51-9f0a-2d8c4b7e1a55", next));
                return;
            }
            registeredCoids.add(pendingCoid.get(id));
            send(ex, 200, fixture("order-placed.json"));
        } else if (path.startsWith("/iserver/account/" + ACCOUNT + "/order/") && method.equals("DELETE")) {
            send(ex, 200, fixture("cancel.json"));
        } else if (path.equals("/iserver/account/orders")) {
            send(ex, 200, fixture("live-orders.json"));
        } else if (path.equals("/iserver/account/trades")) {
            if (Double.isNaN(fillPrice)) {
                send(ex, 200, fixture("trades.json"));
                return;
            }
            com.google.gson.JsonArray all = JsonParser.parseString(fixture("trades.json")).getAsJsonArray();
            int n = 0;
            for (JsonObject o : placedOrders) {
                String coid = o.get("cOID").getAsString();
                if (!registeredCoids.contains(coid)) continue;
                JsonObject x = all.get(0).getAsJsonObject().deepCopy();
                x.addProperty("execution_id", "0000e0d5.6597" + String.format("%04d", ++n) + ".01.01");
                x.addProperty("order_ref", coid);
                x.addProperty("side", o.get("side").getAsString().equals("BUY") ? "B" : "S");
                x.addProperty("size", o.get("quantity").getAsDouble());
                x.addProperty("price", String.valueOf(fillPrice));
                x.addProperty("commission", "1.00");
                all.add(x);
            }
            send(ex, 200, all.toString());
        } else {
            send(ex, 404, "{\"error\":\"no such endpoint " + path + "\"}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream o = ex.getResponseBody()) {
            if (b.length > 0) o.write(b);
        }
    }

    @Override public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
