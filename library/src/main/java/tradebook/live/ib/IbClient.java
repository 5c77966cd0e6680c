package tradebook.live.ib;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import tradebook.live.LiveLog;
import tradebook.live.ib.IbException.Kind;

/**
 * A client of Interactive Brokers' Client Portal Web API, spoken to the local gateway over HTTPS.
 * Covers what a trade plan needs: session status and keep-alive ({@code /tickle}),
 * re-authentication, accounts, contract search (ticker → conid, cached), placing orders with the
 * plan's order id as {@code cOID} (IB refuses a second order with the same one), the "reply"
 * confirmation loop, cancelling, live orders and executions.
 *
 * <p>An expired session (HTTP 401, or {@code authenticated:false}) triggers one
 * {@code /iserver/reauthenticate} and a retry; if the gateway stays logged out the error says to
 * log in at the gateway's page. Every failure is an {@link IbException} naming the request.
 */
public final class IbClient {
    private static final Logger LOG = LiveLog.get(IbClient.class);
    /** IB's words for a cOID it already has ("Local order ID=... is already registered"). */
    private static final Pattern DUPLICATE = Pattern.compile("(?i)(already registered|duplicate (order|client order) id)");

    private final IbConfig config;
    private final HttpClient http;
    private final Map<String, Long> conids = new ConcurrentHashMap<>();
    private volatile boolean accountsLoaded;

    public IbClient(IbConfig config) {
        this.config = config;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(config.timeout());
        if (config.baseUrl().startsWith("https://")) b.sslContext(config.trust().sslContext());
        this.http = b.build();
    }

    public IbConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ session

    /** {@code /iserver/auth/status}. */
    public AuthStatus authStatus() {
        JsonObject o = object(send("POST", "/iserver/auth/status", null), "/iserver/auth/status");
        return new AuthStatus(bool(o, "authenticated"), bool(o, "connected"), bool(o, "competing"), str(o, "message"));
    }

    /** {@code /tickle}: keeps the gateway's session from timing out; returns whether it is still authenticated. */
    public boolean tickle() {
        JsonObject o = object(send("POST", "/tickle", null), "/tickle");
        JsonObject auth = o.has("iserver") && o.get("iserver").isJsonObject() && o.getAsJsonObject("iserver").has("authStatus")
                ? o.getAsJsonObject("iserver").getAsJsonObject("authStatus") : null;
        return auth != null && bool(auth, "authenticated");
    }

    /** Asks the gateway to re-open the brokerage session and waits until it is authenticated. */
    public void reauthenticate() {
        LOG.info("IB gateway " + config.baseUrl() + ": session not authenticated; asking /iserver/reauthenticate");
        send("POST", "/iserver/reauthenticate", null);
        accountsLoaded = false;
        AuthStatus last = null;
        for (int i = 0; i < config.reauthPolls(); i++) {
            last = authStatus();
            if (last.authenticated()) {
                LOG.info("IB gateway " + config.baseUrl() + ": authenticated again");
                return;
            }
            sleep(config.reauthPause().toMillis());
        }
        String why = last == null ? "" : last.competing() ? " (another session of this user is logged in elsewhere: log it out)"
                : !last.connected() ? " (the gateway is not connected to IB's servers)"
                : last.message() != null && !last.message().isBlank() ? " (" + last.message() + ")" : "";
        throw new IbException(Kind.NOT_AUTHENTICATED, "the IB gateway at " + config.baseUrl() + " is not logged in and "
                + "/iserver/reauthenticate did not help" + why + ": log in at " + loginPage() + " (the gateway's sign-in page)");
    }

    /** Makes sure the session is authenticated (re-authenticating if not). */
    public void ensureSession() {
        if (!authStatus().authenticated()) reauthenticate();
    }

    /** Calls {@link #tickle()} every {@code seconds} in the background (IB's session times out after ~5 idle minutes). */
    public AutoCloseable keepAlive(long seconds) {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ib-keepalive");
            t.setDaemon(true);
            return t;
        });
        ex.scheduleWithFixedDelay(() -> {
            try {
                if (!tickle()) reauthenticate();
            } catch (RuntimeException e) {
                LOG.warning("IB keep-alive: " + e.getMessage());
            }
        }, 0, seconds, TimeUnit.SECONDS);
        return ex::shutdownNow;
    }

    private String loginPage() {
        URI u = URI.create(config.baseUrl());
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/";
    }

    // ------------------------------------------------------------------ accounts and contracts

    /** {@code /iserver/accounts}: the account ids (IB wants this called before orders are placed). */
    public List<String> accounts() {
        return withSession(() -> {
            JsonObject o = object(send("GET", "/iserver/accounts", null), "/iserver/accounts");
            List<String> out = new ArrayList<>();
            if (o.has("accounts") && o.get("accounts").isJsonArray()) for (JsonElement e : o.getAsJsonArray("accounts")) out.add(e.getAsString());
            if (out.isEmpty()) throw new IbException(Kind.BAD_RESPONSE, "GET /iserver/accounts at " + config.baseUrl() + " listed no accounts");
            accountsLoaded = true;
            return out;
        });
    }

    /** The contract id of a US stock ticker ({@code /iserver/secdef/search}), cached for the client's life. */
    public long conid(String ticker) {
        if (ticker == null || ticker.isBlank()) throw new IllegalArgumentException("IB contract search: empty ticker");
        String t = ticker.strip().toUpperCase(Locale.ROOT);
        Long cached = conids.get(t);
        if (cached != null) return cached;
        long id = withSession(() -> {
            JsonObject body = new JsonObject();
            body.addProperty("symbol", t);
            body.addProperty("name", false);
            body.addProperty("secType", "STK");
            JsonElement r = send("POST", "/iserver/secdef/search", body);
            if (r.isJsonObject() && r.getAsJsonObject().has("error")) {
                throw new IbException(Kind.NOT_FOUND, "no IB contract for ticker '" + t + "': " + str(r.getAsJsonObject(), "error"));
            }
            if (!r.isJsonArray()) throw badShape("/iserver/secdef/search", "an array", r);
            for (JsonElement e : r.getAsJsonArray()) {
                JsonObject c = e.getAsJsonObject();
                if (!t.equalsIgnoreCase(str(c, "symbol"))) continue;
                if (!hasStockSection(c)) continue;
                try {
                    return Long.parseLong(str(c, "conid"));
                } catch (NumberFormatException bad) {
                    throw badShape("/iserver/secdef/search", "a numeric conid", c);
                }
            }
            throw new IbException(Kind.NOT_FOUND, "no IB stock contract for ticker '" + t + "' (the search found "
                    + r.getAsJsonArray().size() + " non-matching result(s))");
        });
        conids.put(t, id);
        return id;
    }

    private static boolean hasStockSection(JsonObject c) {
        if (!c.has("sections") || !c.get("sections").isJsonArray()) return true;
        for (JsonElement s : c.getAsJsonArray("sections")) {
            if (s.isJsonObject() && "STK".equals(str(s.getAsJsonObject(), "secType"))) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ orders

    /**
     * Places one order and answers IB's confirmation questions ({@code /iserver/reply/{id}} with
     * {@code confirmed:true}) until IB gives an order id. A refused order is {@link Kind#REJECTED};
     * a cOID IB already has is {@link Kind#DUPLICATE_ORDER_ID} (the order exists: look it up).
     */
    public IbPlacedOrder placeOrder(String account, IbOrderRequest order) {
        return withSession(() -> {
            if (!accountsLoaded) accounts();
            JsonObject o = new JsonObject();
            o.addProperty("acctId", account);
            o.addProperty("conid", order.conid());
            o.addProperty("cOID", order.clientOrderId());
            o.addProperty("orderType", order.orderType());
            o.addProperty("side", order.side());
            o.addProperty("quantity", order.quantity());
            o.addProperty("tif", order.tif());
            JsonArray list = new JsonArray();
            list.add(o);
            JsonObject body = new JsonObject();
            body.add("orders", list);
            String where = "order " + order.clientOrderId() + " (" + order.side() + " " + fmt(order.quantity()) + " conid " + order.conid()
                    + " " + order.orderType() + ") for account " + account;
            JsonElement r = send("POST", "/iserver/account/" + account + "/orders", body, where);
            List<String> confirmed = new ArrayList<>();
            for (int round = 0; round <= config.maxReplies(); round++) {
                JsonObject first = firstOrError(r, where);
                if (first.has("order_id")) {
                    String id = str(first, "order_id");
                    String status = str(first, "order_status");
                    LOG.info("IB accepted " + where + " as order " + id + " (" + status + ")");
                    return new IbPlacedOrder(order.clientOrderId(), id, status, List.copyOf(confirmed));
                }
                if (first.has("id") && first.has("message")) {
                    String replyId = str(first, "id");
                    String msg = messages(first);
                    LOG.info("IB asks to confirm " + where + ": " + msg + " -> confirming");
                    confirmed.add(msg);
                    JsonObject yes = new JsonObject();
                    yes.addProperty("confirmed", true);
                    r = send("POST", "/iserver/reply/" + replyId, yes, where);
                    continue;
                }
                throw badShape("POST /iserver/account/" + account + "/orders (" + where + ")", "order_id or a reply question", first);
            }
            throw new IbException(Kind.REJECTED, "IB kept asking for confirmations of " + where + " (" + confirmed.size()
                    + " answered, last: " + confirmed.get(confirmed.size() - 1) + "); not placed");
        });
    }

    private static String messages(JsonObject q) {
        JsonElement m = q.get("message");
        if (m.isJsonArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonElement e : m.getAsJsonArray()) parts.add(e.getAsString());
            return String.join(" / ", parts);
        }
        return m.getAsString();
    }

    /** The first element of an order answer, or the right exception for an {@code error}. */
    private JsonObject firstOrError(JsonElement r, String where) {
        if (r.isJsonObject()) {
            JsonObject o = r.getAsJsonObject();
            if (o.has("error")) throw orderError(str(o, "error"), where);
            return o;
        }
        if (r.isJsonArray() && r.getAsJsonArray().size() > 0 && r.getAsJsonArray().get(0).isJsonObject()) {
            JsonObject o = r.getAsJsonArray().get(0).getAsJsonObject();
            if (o.has("error")) throw orderError(str(o, "error"), where);
            return o;
        }
        throw badShape(where, "an object or a non-empty array", r);
    }

    private IbException orderError(String error, String where) {
        if (DUPLICATE.matcher(error).find()) {
            return new IbException(Kind.DUPLICATE_ORDER_ID, "IB refused " + where + " as a duplicate client order id: " + error
                    + " (an order with this id was already placed; it is not placed twice)");
        }
        return new IbException(Kind.REJECTED, "IB rejected " + where + ": " + error);
    }

    /** {@code DELETE /iserver/account/{acct}/order/{orderId}}. */
    public void cancel(String account, String orderId) {
        withSession(() -> {
            JsonElement r = send("DELETE", "/iserver/account/" + account + "/order/" + orderId, null, "cancel of order " + orderId);
            if (r.isJsonObject() && r.getAsJsonObject().has("error")) {
                throw new IbException(Kind.REJECTED, "IB refused to cancel order " + orderId + " of account " + account + ": "
                        + str(r.getAsJsonObject(), "error"));
            }
            LOG.info("IB cancel of order " + orderId + ": " + (r.isJsonObject() ? str(r.getAsJsonObject(), "msg") : r));
            return null;
        });
    }

    /** {@code /iserver/account/orders}: today's orders with their status and fills. */
    public List<IbOrderStatus> liveOrders() {
        return withSession(() -> {
            JsonObject o = object(send("GET", "/iserver/account/orders", null), "/iserver/account/orders");
            List<IbOrderStatus> out = new ArrayList<>();
            if (!o.has("orders") || o.get("orders").isJsonNull()) return out;
            for (JsonElement e : o.getAsJsonArray("orders")) {
                JsonObject x = e.getAsJsonObject();
                out.add(new IbOrderStatus(str(x, "orderId"), str(x, "order_ref"), str(x, "acct"), str(x, "ticker"), lng(x, "conid"),
                        side(str(x, "side")), str(x, "status"), num(x, "filledQuantity"), num(x, "remainingQuantity"), num(x, "avgPrice")));
            }
            return out;
        });
    }

    /** {@code /iserver/account/trades}: executions of the last days. */
    public List<IbExecution> trades() {
        return withSession(() -> {
            JsonElement r = send("GET", "/iserver/account/trades", null);
            if (!r.isJsonArray()) throw badShape("GET /iserver/account/trades", "an array", r);
            List<IbExecution> out = new ArrayList<>();
            for (JsonElement e : r.getAsJsonArray()) {
                JsonObject x = e.getAsJsonObject();
                long ms = lng(x, "trade_time_r");
                out.add(new IbExecution(str(x, "execution_id"), str(x, "order_ref"), str(x, "account"), str(x, "symbol"), lng(x, "conid"),
                        side(str(x, "side")), num(x, "size"), num(x, "price"), num(x, "commission"), Instant.ofEpochMilli(ms)));
            }
            return out;
        });
    }

    private static String side(String s) {
        if (s == null) return null;
        switch (s.toUpperCase(Locale.ROOT)) {
            case "B": case "BUY": case "BOT": return "BUY";
            case "S": case "SELL": case "SLD": return "SELL";
            default: return s;
        }
    }

    // ------------------------------------------------------------------ HTTP

    /** Runs a call; on an expired session re-authenticates once and runs it again (safe for orders: cOID). */
    private <T> T withSession(Supplier<T> call) {
        try {
            return call.get();
        } catch (IbException e) {
            if (e.kind() != Kind.NOT_AUTHENTICATED) throw e;
            reauthenticate();
            return call.get();
        }
    }

    JsonElement send(String method, String path, JsonElement body) {
        return send(method, path, body, null);
    }

    private JsonElement send(String method, String path, JsonElement body, String what) {
        String url = config.baseUrl() + path;
        String call = method + " " + path + (what == null ? "" : " (" + what + ")");
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                .header("Accept", "application/json").header("User-Agent", "tradebook");
        if (body != null) rb.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        else rb.method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("") : HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> resp;
        try {
            resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new IbException(Kind.TIMEOUT, call + " to the IB gateway at " + config.baseUrl() + " timed out after "
                    + config.timeout().toMillis() + " ms" + ("POST".equals(method) && path.endsWith("/orders")
                    ? "; the order may have reached IB: its client order id finds it in the live orders, and a resend is refused as a duplicate" : ""), e);
        } catch (SSLException e) {
            throw new IbException(Kind.CERTIFICATE, "TLS with the IB gateway at " + config.baseUrl() + " failed for " + call + ": "
                    + e.getMessage() + " (trusting " + config.trust() + "; the gateway's certificate is self-signed: "
                    + "give its PEM file or opt in to trusting the gateway certificate)", e);
        } catch (ConnectException e) {
            throw new IbException(Kind.UNREACHABLE, "cannot connect to the IB gateway at " + config.baseUrl() + " for " + call
                    + " (is the Client Portal gateway running? is the base URL right?)", e);
        } catch (IOException e) {
            throw new IbException(Kind.UNREACHABLE, call + " to the IB gateway at " + config.baseUrl() + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IbException(Kind.TIMEOUT, "interrupted during " + call, e);
        }
        int status = resp.statusCode();
        String text = resp.body() == null ? "" : resp.body();
        if (status == 401) {
            throw new IbException(Kind.NOT_AUTHENTICATED, call + ": the IB gateway at " + config.baseUrl() + " answered 401 (session not authenticated)");
        }
        JsonElement json = null;
        try {
            json = text.isBlank() ? new JsonObject() : JsonParser.parseString(text);
        } catch (JsonSyntaxException notJson) {
            if (status / 100 == 2) throw new IbException(Kind.BAD_RESPONSE, call + ": the IB gateway answered " + status + " with non-JSON: " + excerpt(text));
        }
        if (status / 100 != 2) {
            String err = json != null && json.isJsonObject() && json.getAsJsonObject().has("error") ? str(json.getAsJsonObject(), "error") : excerpt(text);
            if (what != null && path.contains("/orders") || path.startsWith("/iserver/reply/")) throw orderError(err + " (HTTP " + status + ")", what == null ? call : what);
            throw new IbException(status == 404 ? Kind.NOT_FOUND : Kind.BAD_RESPONSE, call + ": the IB gateway at " + config.baseUrl()
                    + " answered HTTP " + status + ": " + err);
        }
        return json;
    }

    private static String excerpt(String s) {
        String b = s.strip().replaceAll("\\s+", " ");
        return b.isEmpty() ? "(empty body)" : b.length() > 300 ? b.substring(0, 300) + "..." : b;
    }

    private IbException badShape(String call, String expected, JsonElement got) {
        return new IbException(Kind.BAD_RESPONSE, call + ": expected " + expected + " from the IB gateway at " + config.baseUrl()
                + ", got " + excerpt(String.valueOf(got)));
    }

    private JsonObject object(JsonElement e, String call) {
        if (!e.isJsonObject()) throw badShape(call, "an object", e);
        return e.getAsJsonObject();
    }

    private static String str(JsonObject o, String k) {
        JsonElement e = o.get(k);
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static boolean bool(JsonObject o, String k) {
        JsonElement e = o.get(k);
        return e != null && e.isJsonPrimitive() && (e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : "true".equalsIgnoreCase(e.getAsString()));
    }

    private static double num(JsonObject o, String k) {
        String s = str(o, k);
        if (s == null || s.isBlank()) return Double.NaN;
        try {
            return Double.parseDouble(s.replace(",", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long lng(JsonObject o, String k) {
        double d = num(o, k);
        return Double.isNaN(d) ? 0 : (long) d;
    }

    private static String fmt(double q) {
        return q == Math.rint(q) ? String.valueOf((long) q) : String.valueOf(q);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IbException(Kind.TIMEOUT, "interrupted while waiting for the IB gateway to authenticate", e);
        }
    }
}
