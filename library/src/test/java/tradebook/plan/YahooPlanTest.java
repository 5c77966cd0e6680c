package tradebook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan on the Yahoo source, served by a real HTTP server on 127.0.0.1 with a recorded response. */
class YahooPlanTest {
    @TempDir Path home;

    static final String TOGGLE1 = PlanFixtures.TOGGLE.replace("units = 10", "units = 1");

    @Test void aPlanRunsOnYahooQuotesAndAnUnreachableServiceFailsTheRunClearly() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v8/finance/chart/", ex -> {
            String ticker = ex.getRequestURI().getPath().substring("/v8/finance/chart/".length());
            byte[] body;
            int status = 200;
            if (ticker.equals("AAPL")) {
                try (InputStream in = YahooPlanTest.class.getResourceAsStream("/yahoo/chart-AAPL-2024-01-02..2024-01-08.json")) {
                    body = in.readAllBytes();
                }
            } else {
                status = 404;
                body = "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\",\"description\":\"No data found, symbol may be delisted\"}}}"
                        .getBytes(StandardCharsets.UTF_8);
            }
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (Store store = Store.open(home.resolve("tradebook.db"))) {
            TradePlan.Builder b = TradePlan.builder().name("yahoo-aapl").strategy("Toggle", TOGGLE1).tickers("AAPL").quoteSource("yahoo:" + base)
                    .backtestStart(LocalDate.of(2024, 1, 1)).broker("paper").enabled(true);
            StoredPlan sp = store.savePlan(b.build(), "test", true);
            PlanRunner runner = new PlanRunner(store, PlanFixtures.at(LocalDate.of(2024, 1, 8), 17, 0));
            PlanRunner.Result r = runner.run(sp, PlanRunner.Options.normal());
            assertEquals(RunRecord.OK, r.status(), r.message() + r.stderr());
            assertEquals(1, store.orders(sp.id()).size());
            assertEquals(LocalDate.of(2024, 1, 8), store.orders(sp.id()).get(0).tradingDay());

            StoredPlan unknown = store.savePlan(b.name("yahoo-nope").tickers("NOPE").build(), "test", true);
            PlanRunner.Result r2 = runner.run(unknown, PlanRunner.Options.normal());
            assertEquals(RunRecord.FAILED, r2.status());
            assertTrue(r2.message().contains("NOPE"), r2.message());

            server.stop(0);
            PlanRunner.Result r3 = runner.run(sp, PlanRunner.Options.normal());
            assertEquals(RunRecord.FAILED, r3.status());
            assertTrue(r3.message().contains("cannot reach Yahoo Finance at " + base), r3.message());
            assertEquals(1, store.orders(sp.id()).size(), "nothing placed");
        } finally {
            server.stop(0);
        }
    }
}
