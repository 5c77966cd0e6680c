package tradebook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: the scheduler runs a plan a few seconds ahead and stops on request; a killed run loses nothing. */
class PlanProcessTest {
    @TempDir Path home;

    static final String SLEEPY = """
            public class Sleepy extends Strategy {
                @Override public void init() {
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("MARK")), "in the run");
                        Thread.sleep(120_000);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }
            }
            """;

    static void waitFor(String what, long millis, java.util.function.BooleanSupplier ok) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!ok.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(200);
        }
    }

    @Test void theSchedulerProcessRunsAPlanAtItsTimeAndStopsOnRequest() throws Exception {
        Path quotes = home.resolve("quotes");
        PlanFixtures.writeCsv(quotes, "TEST", PlanFixtures.days(LocalDate.now(ZoneOffset.UTC).minusDays(1), 80));
        Instant at = Instant.now().plusSeconds(8);
        String time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(at);
        long planId;
        try (Store store = Store.open(home.resolve("tradebook.db"))) {
            planId = store.savePlan(PlanFixtures.plan("soon", "Toggle", PlanFixtures.TOGGLE, quotes).calendar("ALWAYS").timeZone("UTC")
                    .runTimes(time).build(), "test", true).id();
        }
        Path log = home.resolve("scheduler.log");
        Process p = Processes.cli(home, log, Map.of(), "scheduler");
        try (Store store = Store.open(home.resolve("tradebook.db"))) {
            waitFor("the scheduled run", 60_000, () -> store.runs(planId, 1).stream().anyMatch(r -> RunRecord.OK.equals(r.status())));
            RunRecord r = store.runs(planId, 1).get(0);
            assertEquals(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.scheduledAt());
            assertTrue(!r.startedAt().isBefore(r.scheduledAt()), "not before its time");
            assertEquals(1, store.orders(planId).size());
            assertTrue(store.log(r.id()).orElseThrow().stdout().contains("plan soon"));
            assertTrue(store.schedulerRow().isPresent());

            // only one scheduler at a time; doctor sees it alive
            Process second = Processes.cli(home, home.resolve("second.log"), Map.of(), "scheduler");
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, second.exitValue());
            assertTrue(Files.readString(home.resolve("second.log")).contains("a scheduler is running already"));
            Process doctor = Processes.cli(home, home.resolve("doctor.log"), Map.of(), "doctor");
            assertTrue(doctor.waitFor(60, TimeUnit.SECONDS));
            String doc = Files.readString(home.resolve("doctor.log"));
            assertTrue(doc.contains("OK    scheduler") && doc.contains("pid " + p.pid()), doc);

            Process stop = Processes.cli(home, home.resolve("stop.log"), Map.of(), "scheduler", "--stop");
            assertTrue(stop.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, stop.exitValue(), Files.readString(home.resolve("stop.log")));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the scheduler stopped");
            assertEquals(0, p.exitValue(), Files.readString(log));
            String out = Files.readString(log);
            assertTrue(out.contains("run soon for") && out.contains("scheduler stopped"), out);

            // SIGTERM: a clean stop too
            Path log2 = home.resolve("scheduler2.log");
            Process p2 = Processes.cli(home, log2, Map.of(), "scheduler");
            waitFor("the second scheduler to start", 60_000, () -> {
                try {
                    return Files.readString(log2).contains("scheduler started");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            p2.destroy();
            assertTrue(p2.waitFor(30, TimeUnit.SECONDS), "stopped on SIGTERM");
            assertTrue(Files.readString(log2).contains("scheduler stopped"), Files.readString(log2));
            assertEquals("ok", store.integrity());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test void killingARunMidwayLosesNoRecordedOrderAndLeavesNoHalfWrittenPlan() throws Exception {
        Path quotes = home.resolve("quotes");
        PlanFixtures.writeCsv(quotes, "TEST", PlanFixtures.days(LocalDate.of(2026, 11, 20), 80));
        Path db = home.resolve("tradebook.db");
        long a, b;
        String orderId;
        try (Store store = Store.open(db)) {
            StoredPlan pa = store.savePlan(PlanFixtures.plan("a", "Toggle", PlanFixtures.TOGGLE, quotes).build(), "test", true);
            StoredPlan pb = store.savePlan(PlanFixtures.plan("b", "Sleepy", SLEEPY, quotes).build(), "test", true);
            a = pa.id();
            b = pb.id();
            PlanRunner.Result r = new PlanRunner(store, PlanFixtures.at(LocalDate.of(2026, 11, 20), 17, 0)).run(pa, PlanRunner.Options.normal());
            assertEquals(RunRecord.OK, r.status(), r.message());
            orderId = (String) r.orders().get(0).get("id");
        }
        // a run of b, killed while its strategy runs
        Path mark = home.resolve("mark-run");
        Process p = Processes.cli(home, home.resolve("run.log"), Map.of("MARK", mark.toString()), "plan", "run", "b");
        waitFor("the run to start", 60_000, () -> Files.exists(mark));
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        // a promote, killed during its dry run: no plan may appear
        Path java = home.resolve("Sleepy.java");
        Files.writeString(java, SLEEPY);
        Path mark2 = home.resolve("mark-promote");
        Process q = Processes.cli(home, home.resolve("promote.log"), Map.of("MARK", mark2.toString()), "promote", java.toString(),
                "--name", "half", "--tickers", "TEST", "--source", "csv:" + quotes);
        waitFor("the dry run to start", 60_000, () -> Files.exists(mark2));
        q.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        try (Store store = Store.open(db)) {
            assertEquals("ok", store.integrity());
            assertEquals(List.of(orderId), store.orders(a).stream().map(PlanOrder::id).toList(), "a's order is kept");
            RunRecord killed = store.runs(b, 1).get(0);
            assertEquals(RunRecord.CRASHED, killed.status(), "the killed run is marked, not left running");
            assertTrue(store.orders(b).isEmpty());
            assertTrue(store.lock(b, "after"), "its lock was freed");
            assertTrue(store.plan("half").isEmpty(), "no half-written plan");
            assertEquals(List.of("a", "b"), store.plans().stream().map(StoredPlan::name).toList());
        }
    }
}
