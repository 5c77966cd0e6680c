package tradebook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.plan.schedule.Scheduler;

/** The scheduler's rules with a clock the test moves. */
class SchedulerTest {
    /** A clock the test sets. */
    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(String iso) {
            now = Instant.parse(iso);
        }

        void set(String iso) {
            now = Instant.parse(iso);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @TempDir Path home;
    Path quotes;
    Store store;
    final List<String> ran = new ArrayList<>();

    @BeforeEach void setUp() throws Exception {
        quotes = home.resolve("quotes");
        PlanFixtures.writeCsv(quotes, "TEST", PlanFixtures.days(LocalDate.of(2026, 11, 20), 60));
        store = Store.open(home.resolve("tradebook.db"));
    }

    @AfterEach void tearDown() {
        store.close();
    }

    StoredPlan plan(String name, String times) {
        return store.savePlan(PlanFixtures.plan(name, "Toggle", PlanFixtures.TOGGLE, quotes).calendar("ALWAYS").timeZone("UTC").runTimes(times).build(),
                "test", true);
    }

    Scheduler recording(Clock clock) {
        return new Scheduler(store, clock, (sp, at) -> ran.add(sp.name() + "@" + at));
    }

    @Test void aRunUpTo180SecondsLateRunsAndOneLaterIsRecordedAsMissed() {
        StoredPlan sp = plan("p", "10:00, 10:05");
        MovableClock clock = new MovableClock("2026-11-21T09:59:00Z"); // a Saturday: ALWAYS trades
        Scheduler s = recording(clock);
        s.tick();
        assertTrue(ran.isEmpty());
        clock.set("2026-11-21T10:02:59Z"); // 179 s late
        s.tick();
        assertEquals(List.of("p@2026-11-21T10:00:00Z"), ran);
        clock.set("2026-11-21T10:08:01Z"); // 181 s late
        s.tick();
        assertEquals(1, ran.size(), "not run");
        RunRecord missed = store.runs(sp.id(), 1).get(0);
        assertEquals(RunRecord.MISSED, missed.status());
        assertEquals(Instant.parse("2026-11-21T10:05:00Z"), missed.scheduledAt());
        assertTrue(missed.message().contains("more than 180 s late"), missed.message());
        assertEquals(Instant.parse("2026-11-22T10:00:00Z"), s.due().get(sp.id()), "next: tomorrow");
    }

    @Test void dueJobsRunOneAtATimeInOrderOfTheirTime() {
        plan("b", "10:00:02");
        plan("a", "10:00:01");
        plan("c", "10:00:03");
        MovableClock clock = new MovableClock("2026-11-21T09:59:00Z");
        Scheduler s = recording(clock);
        s.tick();
        clock.set("2026-11-21T10:00:05Z");
        s.tick();
        assertEquals(List.of("a@2026-11-21T10:00:01Z", "b@2026-11-21T10:00:02Z", "c@2026-11-21T10:00:03Z"), ran);
    }

    @Test void addedChangedDisabledAndRemovedPlansArePickedUpWithoutARestart() {
        MovableClock clock = new MovableClock("2026-11-21T09:00:00Z");
        Scheduler s = recording(clock);
        s.tick();
        assertTrue(s.due().isEmpty());
        StoredPlan p = plan("p", "10:00");
        s.tick();
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), s.due().get(p.id()));
        store.savePlan(p.plan().toBuilder().runTimes("11:00").build(), "edit", false);
        s.tick();
        assertEquals(Instant.parse("2026-11-21T11:00:00Z"), s.due().get(p.id()));
        store.setEnabled("p", false);
        s.tick();
        assertFalse(s.due().containsKey(p.id()));
        store.setEnabled("p", true);
        s.tick();
        assertTrue(s.due().containsKey(p.id()));
        store.remove("p");
        s.tick();
        assertTrue(s.due().isEmpty());
        clock.set("2026-11-21T11:00:30Z");
        s.tick();
        assertTrue(ran.isEmpty());
    }

    @Test void aRealRunIsRecordedAndARestartedSchedulerDoesNotRepeatIt() {
        StoredPlan sp = plan("real", "10:00");
        MovableClock clock = new MovableClock("2026-11-21T09:59:59Z");
        Scheduler s = Scheduler.standard(store, clock);
        s.tick();
        clock.set("2026-11-21T10:00:01Z");
        s.tick();
        RunRecord r = store.runs(sp.id(), 5).get(0);
        assertEquals(RunRecord.OK, r.status(), r.message());
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), r.scheduledAt());
        assertEquals(1, store.orders(sp.id()).size());
        clock.set("2026-11-21T10:01:00Z");
        Scheduler again = Scheduler.standard(store, clock);
        again.tick();
        assertEquals(1, store.runs(sp.id(), 5).size(), "the slot ran already");
        assertEquals(Instant.parse("2026-11-22T10:00:00Z"), again.due().get(sp.id()));
    }
}
