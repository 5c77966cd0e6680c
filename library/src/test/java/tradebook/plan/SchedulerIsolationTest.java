package tradebook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.plan.schedule.Scheduler;

/** Jobs in JVMs of their own: a hanging strategy is killed at the timeout and the next plan still runs. */
class SchedulerIsolationTest {
    @TempDir Path home;

    static final String HANGS = """
            public class Hangs extends Strategy {
                @Override public void init() {
                    while (true) {
                        try { Thread.sleep(1000); } catch (InterruptedException e) { }
                    }
                }
            }
            """;

    @AfterEach void clear() {
        System.clearProperty("tradebook.home");
    }

    @Test void aHangingRunIsKilledAtTheTimeoutAndTheNextPlanRuns() throws Exception {
        System.setProperty("tradebook.home", home.toString());
        Path quotes = home.resolve("quotes");
        PlanFixtures.writeCsv(quotes, "TEST", PlanFixtures.days(LocalDate.of(2026, 11, 20), 60));
        try (Store store = Store.open(Home.database())) {
            StoredPlan hang = store.savePlan(PlanFixtures.plan("hang", "Hangs", HANGS, quotes).calendar("ALWAYS").timeZone("UTC").runTimes("10:00").build(), "t", true);
            StoredPlan ok = store.savePlan(PlanFixtures.plan("ok", "Toggle", PlanFixtures.TOGGLE, quotes).calendar("ALWAYS").timeZone("UTC").runTimes("10:00:01").build(), "t", true);
            SchedulerTest.MovableClock clock = new SchedulerTest.MovableClock("2026-11-21T09:59:00Z");
            Scheduler s = Scheduler.isolated(store, clock, Duration.ofSeconds(6));
            s.tick();
            clock.set("2026-11-21T10:00:02Z");
            long t0 = System.nanoTime();
            s.tick();
            assertTrue(System.nanoTime() - t0 < 60_000_000_000L);
            RunRecord killed = store.runs(hang.id(), 1).get(0);
            assertEquals(RunRecord.CRASHED, killed.status());
            assertTrue(killed.message().contains("killed after the run timeout of 6 s"), killed.message());
            assertEquals(Instant.parse("2026-11-21T10:00:00Z"), killed.scheduledAt());
            assertTrue(store.lock(hang.id(), "free"), "its lock was freed");
            RunRecord good = store.runs(ok.id(), 1).get(0);
            assertEquals(RunRecord.OK, good.status(), good.message());
            assertEquals(Instant.parse("2026-11-21T10:00:01Z"), good.scheduledAt());
            assertEquals(1, store.orders(ok.id()).size());
        }
    }
}
