package tradebook.live.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.data.YahooSource;

/** Bulk download into the quote cache from a local server replaying recorded Yahoo v8 chart responses; resumable. */
class BulkDownloadTest {
    static final LocalDate FROM = LocalDate.of(2024, 1, 2), TO = LocalDate.of(2024, 1, 8);
    @TempDir Path cache;
    HttpServer yahoo;
    final List<String> asked = new CopyOnWriteArrayList<>();
    volatile String rateLimited = "";

    static String resource(String name) throws Exception {
        try (InputStream in = BulkDownloadTest.class.getResourceAsStream("/yahoo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void start() throws Exception {
        String ok = resource("chart-AAPL-2024-01-02..2024-01-08.json"), notFound = resource("chart-404.json");
        yahoo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        yahoo.createContext("/v8/finance/chart/", ex -> {
            String t = ex.getRequestURI().getPath().substring("/v8/finance/chart/".length());
            asked.add(t);
            int status = t.equals("NOPE") ? 404 : t.equals(rateLimited) ? 429 : 200;
            String body = status == 404 ? notFound : status == 429 ? "Too Many Requests\r\n" : ok;
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        yahoo.start();
    }

    @AfterEach
    void stop() {
        yahoo.stop(0);
    }

    BulkDownload download() {
        return new BulkDownload(new YahooSource("http://127.0.0.1:" + yahoo.getAddress().getPort()), cache, 0);
    }

    long cachedFiles() throws Exception {
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(p -> p.toString().endsWith(".csv")).count();
        }
    }

    @Test
    void interruptedDownloadResumesWithOnlyTheRest() throws Exception {
        List<String> tickers = List.of("AAPL", "MSFT", "GOOG", "AMZN", "META");
        List<String> lines = new ArrayList<>();
        // Ctrl-C after the second ticker: the callback aborts the loop as an interrupt would
        RuntimeException stop = assertThrows(RuntimeException.class, () -> download().run(tickers, FROM, TO, line -> {
            lines.add(line);
            if (lines.size() == 2) throw new RuntimeException("interrupted by the user");
        }));
        assertEquals("interrupted by the user", stop.getMessage());
        assertEquals(List.of("AAPL", "MSFT"), asked);
        assertEquals(2, cachedFiles(), "each fetched ticker is on disk at once");

        asked.clear();
        BulkDownload.Result r = download().run(tickers, FROM, TO, line -> { });
        assertEquals(List.of("GOOG", "AMZN", "META"), asked, "the rerun fetches only the rest");
        assertEquals(List.of("AAPL", "MSFT"), r.cached());
        assertEquals(List.of("GOOG", "AMZN", "META"), r.fetched());
        assertEquals("3 fetched, 2 already cached, 0 failed", r.summary());
        assertEquals(5, cachedFiles());

        asked.clear();
        assertEquals("0 fetched, 5 already cached, 0 failed", download().run(tickers, FROM, TO, line -> { }).summary());
        assertEquals(List.of(), asked, "nothing left to fetch");
    }

    @Test
    void unknownTickerIsReportedAndRateLimitStopsForALaterResume() throws Exception {
        rateLimited = "AMZN";
        List<String> lines = new ArrayList<>();
        BulkDownload.Result r = download().run(List.of("AAPL", "NOPE", "MSFT", "AMZN", "META"), FROM, TO, lines::add);
        assertTrue(r.failed().get("NOPE").contains("unknown ticker 'NOPE'"), r.failed().toString());
        assertTrue(r.stoppedByRateLimit());
        assertEquals(List.of("AAPL", "MSFT"), r.fetched());
        assertEquals(List.of("AAPL", "NOPE", "MSFT", "AMZN"), asked, "META is left for the rerun");
        assertTrue(r.summary().endsWith("(stopped at a rate limit: run the same command later to resume)"), r.summary());
        assertTrue(lines.get(1).startsWith("[2/5] NOPE: FAILED: unknown ticker"), lines.get(1));
        rateLimited = "";
        asked.clear();
        r = download().run(List.of("AAPL", "MSFT", "AMZN", "META"), FROM, TO, l -> { });
        assertEquals(List.of("AMZN", "META"), asked);
    }

    @Test
    void badRangesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> download().run(List.of("AAPL"), TO, FROM, l -> { }))
                .getMessage().contains("--from 2024-01-08 is after --to 2024-01-02"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> download().run(List.of("AAPL"), FROM, LocalDate.now(), l -> { }))
                .getMessage().contains("is not in the past"));
    }
}
