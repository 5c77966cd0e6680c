package tradebook.data;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Daily bars from Yahoo Finance's v8 chart endpoint
 * ({@code /v8/finance/chart/{ticker}?period1=..&period2=..&interval=1d}), which needs no crumb
 * but a browser-like User-Agent. (The {@code YahooFinanceAPI} 3.17 library calls the v7 quote
 * and download endpoints, which now answer 401 or are gone.) Bars are dated in the exchange's
 * time zone; the adjusted close is kept as an extra column {@code "Adj Close"}; days where
 * Yahoo has no prices (nulls: halts) are skipped and listed in {@link Bars#warnings()}.
 *
 * <p>Errors are {@link QuoteException}s that say what happened: unknown ticker (HTTP 404),
 * rate limit (HTTP 429: wait, and use {@link QuoteSource#cached}), other HTTP errors, the service
 * unreachable, no bars in the range, or a malformed response.
 *
 * <p>The base URL defaults to {@value #DEFAULT_BASE_URL}; set it (or {@code TRADEBOOK_YAHOO_URL})
 * to use a proxy or a test server.
 */
public final class YahooSource implements QuoteSource {
    public static final String DEFAULT_BASE_URL = "https://query1.finance.yahoo.com";
    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;

    /** The base URL from {@code TRADEBOOK_YAHOO_URL}, else Yahoo's. */
    public YahooSource() {
        this(System.getenv().getOrDefault("TRADEBOOK_YAHOO_URL", DEFAULT_BASE_URL));
    }

    public YahooSource(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(30));
    }

    public YahooSource(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override public String name() {
        return "yahoo";
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override public Bars daily(String ticker, LocalDate from, LocalDate to) {
        if (ticker == null || ticker.isBlank()) throw new QuoteException("yahoo: empty ticker", 0, false, null);
        if (from.isAfter(to)) throw new QuoteException(ticker + ": the start date " + from + " is after the end date " + to, 0, false, null);
        long p1 = from.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long p2 = to.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        URI uri = URI.create(baseUrl + "/v8/finance/chart/" + URLEncoder.encode(ticker, StandardCharsets.UTF_8)
                + "?period1=" + p1 + "&period2=" + p2 + "&interval=1d&events=div%2Csplits&includeAdjustedClose=true");
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new QuoteException("cannot reach Yahoo Finance at " + baseUrl + " for " + ticker + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (offline? behind a proxy? set TRADEBOOK_YAHOO_URL)", 0, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuoteException("interrupted while fetching " + ticker + " from Yahoo Finance", 0, true, e);
        }
        int status = resp.statusCode();
        String body = resp.body() == null ? "" : resp.body();
        if (status == 429) {
            throw new QuoteException("Yahoo Finance rate limit (HTTP 429) fetching " + ticker + ": wait a few minutes and retry; "
                    + "QuoteSource.cached(...) keeps what was fetched so reruns do not ask again", 429, true, null);
        }
        if (status == 404) {
            String why = errorDescription(body);
            throw new QuoteException("unknown ticker '" + ticker + "' at Yahoo Finance (HTTP 404" + (why == null ? "" : ": " + why) + ")",
                    404, false, null);
        }
        if (status != 200) {
            String why = errorDescription(body);
            throw new QuoteException("Yahoo Finance answered HTTP " + status + " for " + ticker + ": "
                    + (why != null ? why : excerpt(body)), status, status >= 500, null);
        }
        return parse(ticker, body, from, to);
    }

    private static String excerpt(String body) {
        String b = body.strip().replaceAll("\\s+", " ");
        return b.isEmpty() ? "(empty body)" : b.length() > 200 ? b.substring(0, 200) + "..." : b;
    }

    /** The {@code chart.error} code and description of an error response, if it is one. */
    @SuppressWarnings("unchecked")
    static String errorDescription(String body) {
        try {
            Object root = Json.parse(body);
            Object chart = root instanceof Map ? ((Map<String, Object>) root).get("chart") : null;
            Object err = chart instanceof Map ? ((Map<String, Object>) chart).get("error") : null;
            if (err instanceof Map) {
                Map<String, Object> e = (Map<String, Object>) err;
                return e.get("code") + (e.get("description") == null ? "" : ", " + e.get("description"));
            }
        } catch (IllegalArgumentException notJson) {
            // not JSON: the caller shows the body
        }
        return null;
    }

    /** Bars from a v8 chart response body, within {@code from .. to}. */
    @SuppressWarnings("unchecked")
    static Bars parse(String ticker, String body, LocalDate from, LocalDate to) {
        Map<String, Object> r0;
        try {
            Map<String, Object> root = (Map<String, Object>) Json.parse(body);
            Map<String, Object> chart = (Map<String, Object>) root.get("chart");
            if (chart == null) throw bad(ticker, "no 'chart' object");
            if (chart.get("error") != null) {
                throw new QuoteException("Yahoo Finance error for " + ticker + ": " + errorDescription(body), 200, false, null);
            }
            List<Object> result = (List<Object>) chart.get("result");
            if (result == null || result.isEmpty()) throw noBars(ticker, from, to);
            r0 = (Map<String, Object>) result.get(0);
        } catch (ClassCastException | IllegalArgumentException e) {
            if (e instanceof QuoteException) throw (QuoteException) e;
            throw bad(ticker, e.getMessage());
        }
        try {
            return bars(ticker, r0, from, to);
        } catch (ClassCastException e) {
            throw bad(ticker, "unexpected types (" + e.getMessage() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static Bars bars(String ticker, Map<String, Object> r0, LocalDate from, LocalDate to) {
        List<Object> ts = (List<Object>) r0.get("timestamp");
        if (ts == null || ts.isEmpty()) throw noBars(ticker, from, to);
        Map<String, Object> meta = (Map<String, Object>) r0.getOrDefault("meta", Map.of());
        long offset = meta.get("gmtoffset") instanceof Double ? ((Double) meta.get("gmtoffset")).longValue() : 0;
        Map<String, Object> ind = (Map<String, Object>) r0.get("indicators");
        if (ind == null) throw bad(ticker, "no 'indicators'");
        List<Object> quotes = (List<Object>) ind.get("quote");
        if (quotes == null || quotes.isEmpty()) throw bad(ticker, "no 'indicators.quote'");
        Map<String, Object> q = (Map<String, Object>) quotes.get(0);
        String[] names = {"open", "high", "low", "close", "volume"};
        List<Object>[] cols = new List[5];
        for (int c = 0; c < 5; c++) {
            cols[c] = (List<Object>) q.get(names[c]);
            if (cols[c] == null && c < 4) throw bad(ticker, "no '" + names[c] + "' prices");
            if (cols[c] != null && cols[c].size() != ts.size()) {
                throw bad(ticker, ts.size() + " timestamps but " + cols[c].size() + " " + names[c] + " values");
            }
        }
        List<Object> adj = null;
        List<Object> adjList = (List<Object>) ind.get("adjclose");
        if (adjList != null && !adjList.isEmpty()) {
            adj = (List<Object>) ((Map<String, Object>) adjList.get(0)).get("adjclose");
            if (adj != null && adj.size() != ts.size()) throw bad(ticker, ts.size() + " timestamps but " + adj.size() + " adjusted closes");
        }
        // One row per exchange-local date (a live day may appear twice: keep the later row).
        TreeMap<LocalDate, Integer> rows = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            LocalDate d = LocalDateTime.ofEpochSecond(((Double) ts.get(i)).longValue() + offset, 0, ZoneOffset.UTC).toLocalDate();
            if (d.isBefore(from) || d.isAfter(to)) continue;
            boolean ok = true;
            for (int c = 0; c < 4; c++) {
                Object v = cols[c].get(i);
                if (!(v instanceof Double) || !((Double) v > 0)) ok = false;
            }
            if (!ok) {
                skipped.add(d.toString());
                rows.remove(d);
                continue;
            }
            rows.put(d, i);
        }
        if (rows.isEmpty()) throw noBars(ticker, from, to);
        int n = rows.size();
        long[] t = new long[n];
        double[][] v = new double[5][n];
        double[] adjClose = adj == null ? null : new double[n];
        int j = 0;
        for (Map.Entry<LocalDate, Integer> e : rows.entrySet()) {
            int i = e.getValue();
            t[j] = Bars.millis(e.getKey().atStartOfDay());
            for (int c = 0; c < 5; c++) {
                Object x = cols[c] == null ? null : cols[c].get(i);
                v[c][j] = x instanceof Double ? (Double) x : Double.NaN;
            }
            if (adjClose != null) adjClose[j] = adj.get(i) instanceof Double ? (Double) adj.get(i) : Double.NaN;
            j++;
        }
        List<String> warnings = new ArrayList<>();
        if (!skipped.isEmpty()) {
            warnings.add(ticker + ": Yahoo Finance has no prices on " + skipped.size() + " day(s) (" + String.join(", ",
                    skipped.size() > 5 ? skipped.subList(0, 5) : skipped) + (skipped.size() > 5 ? ", ..." : "") + "); skipped");
        }
        LocalDate first = rows.firstKey(), last = rows.lastKey();
        if (first.isAfter(from.plusDays(7))) warnings.add(ticker + ": bars start at " + first + ", later than the " + from + " asked for");
        if (last.isBefore(to.minusDays(7)) && to.isBefore(LocalDate.now())) {
            warnings.add(ticker + ": bars end at " + last + ", earlier than the " + to + " asked for");
        }
        LinkedHashMap<String, double[]> extra = new LinkedHashMap<>();
        if (adjClose != null) extra.put("Adj Close", adjClose);
        return new Bars(ticker, t, v[0], v[1], v[2], v[3], cols[4] == null ? null : v[4], extra, warnings);
    }

    private static QuoteException noBars(String ticker, LocalDate from, LocalDate to) {
        return new QuoteException("Yahoo Finance has no daily bars for " + ticker + " between " + from + " and " + to, 200, false, null);
    }

    private static QuoteException bad(String ticker, String what) {
        return new QuoteException("unexpected Yahoo Finance response for " + ticker + ": " + what
                + " (the v8 chart format may have changed)", 200, false, null);
    }

    @Override public String toString() {
        return "YahooSource[" + baseUrl + "]";
    }
}
