package tradebook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The v8 chart client against canned responses served by a real HTTP server on 127.0.0.1. */
class YahooSourceTest {
    static HttpServer server;
    static String base;
    static final AtomicInteger requests = new AtomicInteger();
    static final Map<String, String> lastQuery = new ConcurrentHashMap<>();
    static final LocalDate FROM = LocalDate.of(2024, 1, 2), TO = LocalDate.of(2024, 1, 8);

    static String resource(String name) throws IOException {
        try (InputStream in = YahooSourceTest.class.getResourceAsStream("/yahoo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v8/finance/chart/", ex -> {
            requests.incrementAndGet();
            String ticker = ex.getRequestURI().getPath().substring("/v8/finance/chart/".length());
            lastQuery.put("query", ex.getRequestURI().getQuery());
            lastQuery.put("ua", String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
            int status = 200;
            String body;
            switch (ticker) {
                case "AAPL": body = resource("chart-AAPL-2024-01-02..2024-01-08.json"); break;
                case "NOPE": status = 404; body = resource("chart-404.json"); break;
                case "BUSY": status = 429; body = "Too Many Requests\r\n"; break;
                case "BOOM": status = 502; body = "<html><body>Bad Gateway</body></html>"; break;
                case "EMPTY": body = resource("chart-empty.json"); break;
                case "BAD": body = resource("chart-inconsistent.json"); break;
                default: status = 500; body = "unexpected ticker " + ticker;
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", status == 429 ? "text/plain" : "application/json");
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void dailyBarsDatedInTheExchangeZoneWithHaltsSkipped() {
        Bars b = new YahooSource(base).daily("AAPL", FROM, TO);
        assertEquals("AAPL", b.name());
        assertEquals(4, b.size(), "2024-01-04 has nulls (a halt) and is skipped");
        assertEquals(LocalDate.of(2024, 1, 2), b.time(0).toLocalDate());
        assertEquals(LocalDate.of(2024, 1, 5), b.time(2).toLocalDate());
        assertEquals(187.15, b.open().get(0));
        assertEquals(185.56, b.close().get(3));
        assertEquals(62379700, b.volume().get(2));
        assertEquals(184.86, b.column("Adj Close").get(3));
        assertTrue(b.warnings().get(0).contains("no prices on 1 day(s) (2024-01-04); skipped"), b.warnings().toString());
        // The request: the v8 chart endpoint, the range as epoch seconds, a browser-like User-Agent.
        String q = lastQuery.get("query");
        assertTrue(q.contains("period1=1704153600") && q.contains("period2=1704758400") && q.contains("interval=1d"), q);
        assertTrue(lastQuery.get("ua").startsWith("Mozilla/5.0"), lastQuery.get("ua"));
    }

    @Test
    void aNarrowerRangeKeepsOnlyItsDays() {
        Bars b = new YahooSource(base).daily("AAPL", LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 5));
        assertEquals(2, b.size());
        assertEquals(184.22, b.open().get(0));
    }

    @Test
    void unknownTicker() {
        QuoteException e = assertThrows(QuoteException.class, () -> new YahooSource(base).daily("NOPE", FROM, TO));
        assertEquals(404, e.status());
        assertFalse(e.retryable());
        assertEquals("unknown ticker 'NOPE' at Yahoo Finance (HTTP 404: Not Found, No data found, symbol may be delisted)", e.getMessage());
    }

    @Test
    void rateLimit() {
        QuoteException e = assertThrows(QuoteException.class, () -> new YahooSource(base).daily("BUSY", FROM, TO));
        assertEquals(429, e.status());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().startsWith("Yahoo Finance rate limit (HTTP 429) fetching BUSY: wait"), e.getMessage());
    }

    @Test
    void otherHttpErrors() {
        QuoteException e = assertThrows(QuoteException.class, () -> new YahooSource(base).daily("BOOM", FROM, TO));
        assertEquals(502, e.status());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("HTTP 502 for BOOM: <html><body>Bad Gateway</body></html>"), e.getMessage());
    }

    @Test
    void emptyResult() {
        QuoteException e = assertThrows(QuoteException.class, () -> new YahooSource(base).daily("EMPTY", FROM, TO));
        assertEquals("Yahoo Finance has no daily bars for EMPTY between 2024-01-02 and 2024-01-08", e.getMessage());
    }

    @Test
    void partialDataIsRefusedClearly() {
        QuoteException e = assertThrows(QuoteException.class, () -> new YahooSource(base).daily("BAD", FROM, TO));
        assertTrue(e.getMessage().contains("BAD: 5 timestamps but 2 close values"), e.getMessage());
    }

    @Test
    void unreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        QuoteException e = assertThrows(QuoteException.class,
                () -> new YahooSource("http://127.0.0.1:" + port, java.time.Duration.ofSeconds(5)).daily("AAPL", FROM, TO));
        assertTrue(e.retryable());
        assertTrue(e.getMessage().startsWith("cannot reach Yahoo Finance at http://127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void cacheServesRepeatedRequestsFromDisk(@TempDir Path dir) {
        QuoteSource cached = QuoteSource.cached(new YahooSource(base), dir);
        int before = requests.get();
        Bars a = cached.daily("AAPL", FROM, TO);
        Bars b = cached.daily("AAPL", FROM, TO);
        assertEquals(before + 1, requests.get(), "the second call reads the cache");
        assertTrue(Files.isRegularFile(dir.resolve("yahoo").resolve("AAPL_2024-01-02_2024-01-08.csv")));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.timeMillis(i), b.timeMillis(i));
            assertEquals(a.close().get(i), b.close().get(i));
            assertEquals(a.volume().get(i), b.volume().get(i));
            assertEquals(a.column("Adj Close").get(i), b.column("Adj Close").get(i));
        }
        Map<String, Bars> two = cached.daily(List.of("AAPL"), FROM, TO);
        assertEquals(List.of("AAPL"), List.copyOf(two.keySet()));
    }

    @Test
    void otherSources(@TempDir Path dir) throws IOException {
        Bars ko = QuoteSource.djia().daily("KO", LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12, 31));
        assertEquals("KO", ko.name());
        assertEquals(LocalDate.of(2010, 1, 4), ko.time(0).toLocalDate());
        assertEquals(252, ko.size());
        Files.writeString(dir.resolve("ABC.csv"), "Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,12,10,11,200\n");
        Bars abc = QuoteSource.csvDirectory(dir).daily("ABC", LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 31));
        assertEquals(1, abc.size());
        assertEquals(11, abc.close().get(0));
        DataException e = assertThrows(DataException.class, () -> QuoteSource.csvDirectory(dir).daily("XYZ", FROM, TO));
        assertTrue(e.getMessage().contains("no file") && e.getMessage().contains("XYZ.csv"), e.getMessage());
    }
}
