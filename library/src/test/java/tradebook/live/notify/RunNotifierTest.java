package tradebook.live.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.plan.PlanRunner;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;
import tradebook.live.testing.PlanFixtures;

/** A real plan run (bundled DJIA data, paper broker) announced to the channels; a failing channel does not change the run. */
class RunNotifierTest {
    @TempDir Path home;

    static final class Recording implements Notifier {
        final List<Notice> got = new CopyOnWriteArrayList<>();

        @Override public String name() {
            return "recording";
        }

        @Override public void send(Notice n) {
            got.add(n);
        }
    }

    static final class Failing implements Notifier {
        @Override public String name() {
            return "failing";
        }

        @Override public void send(Notice n) throws Exception {
            throw new java.net.ConnectException("Connection refused");
        }
    }

    @Test
    void runOutcomeIsAnnouncedAndAFailingChannelChangesNothing() throws Exception {
        try (Store store = Store.open(home.resolve("tradebook.db"))) {
            StoredPlan sp = store.savePlan(PlanFixtures.smaDjia("sma-djia", "paper").build(), "test", true);
            Clock clock = Clock.fixed(Instant.parse("2017-12-29T21:30:00Z"), ZoneOffset.UTC);
            Recording rec = new Recording();
            RunNotifier rn = new RunNotifier(new PlanRunner(store, clock), new Notifications(List.of(new Failing(), rec)));
            PlanRunner.Result r = rn.run(sp, PlanRunner.Options.normal());
            assertEquals(r.status(), store.run(r.runId()).orElseThrow().status(), "the run is recorded as it ended");
            assertTrue(rec.got.size() >= 1, rec.got.toString());
            Notice first = rec.got.get(0);
            if (r.ok()) {
                assertEquals(Notice.Kind.RUN_FINISHED, first.kind());
                assertTrue(first.body().matches("(?s)run \\S+.*\\nAAPL: return [+-]\\d+\\.\\d\\d% · \\d+ trades · equity \\$[\\d,]+\\.\\d\\d.*"), first.body());
            } else {
                assertEquals(Notice.Kind.ERROR, first.kind(), "a failed run is announced as an error: " + r);
            }
            assertTrue(r.ok(), "the plan itself should run: " + r);
        }
    }

    @Test
    void scheduledRunsAnnounceThroughTheConfiguredChannelsAndABrokenSetupIsHarmless() throws Exception {
        java.util.List<String> texts = new CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer tg = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        tg.createContext("/", ex -> {
            texts.add(new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            byte[] b = "{\"ok\":true,\"result\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        tg.start();
        System.setProperty("tradebook.home", home.toString());
        try {
            java.nio.file.Path db = home.resolve("tradebook.db");
            new tradebook.live.Settings(db).put("telegram.chat_id", "42");
            new tradebook.live.Settings(db).put("telegram.url", "http://127.0.0.1:" + tg.getAddress().getPort());
            new tradebook.live.secret.SecretStore(db, tradebook.live.secret.SecretBox.open(home)).put("telegram.token", "555:sched-Known-Token");
            PlanRunner.Result failed = new PlanRunner.Result("r-9", "failed", "cannot fetch AAPL: HTTP 429", java.util.List.of(), java.util.Map.of(), "", "");
            RunNotifier.announceConfigured("sma", failed);
            assertEquals(1, texts.size());
            assertTrue(texts.get(0).contains("Tradebook: plan sma error: run r-9 failed") && texts.get(0).contains("HTTP 429"), texts.get(0));

            java.nio.file.Files.setPosixFilePermissions(home.resolve("secret.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
            RunNotifier.announceConfigured("sma", failed);   // the key file is refused: logged, not thrown
            assertEquals(1, texts.size());
        } finally {
            System.clearProperty("tradebook.home");
            tg.stop(0);
        }
    }
}
