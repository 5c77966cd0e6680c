package tradebook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test void aRangeWithAStepGivesEveryStepUpToTheEnd() {
        List<LocalTime> t = Schedule.parse("9:30:01-16:00/30min").times();
        assertEquals(13, t.size());
        assertEquals(LocalTime.of(9, 30, 1), t.get(0));
        assertEquals(LocalTime.of(15, 30, 1), t.get(12));
    }

    @Test void theEndIsIncludedWhenAStepLandsOnIt() {
        assertEquals(List.of(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0)), Schedule.parse("9:00-11:00/1h").times());
    }

    @Test void singlesAndRangesMixSortedWithoutDuplicates() {
        assertEquals(List.of(LocalTime.of(9, 25), LocalTime.of(9, 30), LocalTime.of(9, 31, 30), LocalTime.of(9, 33), LocalTime.of(15, 59, 30)),
                Schedule.parse("15:59:30, 9:30-9:33/90s, 9:25, 9:30").times());
    }

    @Test void badInputIsNamed() {
        assertTrue(assertThrows(PlanException.class, () -> Schedule.parse("25:00")).getMessage().contains("\"25:00\" is not a time of day"));
        assertTrue(assertThrows(PlanException.class, () -> Schedule.parse("9:30-16:00")).getMessage().contains("needs a step"));
        assertTrue(assertThrows(PlanException.class, () -> Schedule.parse("9:30-16:00/30 fortnights")).getMessage().contains("not like 30min"));
        assertTrue(assertThrows(PlanException.class, () -> Schedule.parse("16:00-9:30/30min")).getMessage().contains("ends (09:30) before it starts"));
        assertTrue(assertThrows(PlanException.class, () -> Schedule.parse("9:30,,10:00")).getMessage().contains("empty item"));
        assertTrue(assertThrows(PlanException.class, () -> Schedule.parse("9h30")).getMessage().contains("\"9h30\" is not a time"));
        assertTrue(assertThrows(PlanException.class, () -> Schedule.parse("9:00-10:00/0min")).getMessage().contains("zero"));
        assertThrows(PlanException.class, () -> Schedule.parse(" "));
    }

    @Test void aWeekendIsSkippedToMonday() {
        Schedule s = Schedule.parse("9:30:01");
        // Friday 2026-11-20 after the run: the next is Monday 2026-11-23
        Instant fri = ZonedDateTime.of(2026, 11, 20, 12, 0, 0, 0, PlanFixtures.NY).toInstant();
        Instant next = s.nextAfter(fri, PlanFixtures.NY, MarketCalendar.of("NYSE")).orElseThrow();
        assertEquals(ZonedDateTime.of(2026, 11, 23, 9, 30, 1, 0, PlanFixtures.NY).toInstant(), next);
        assertTrue(s.skipReason(LocalDate.of(2026, 11, 21), LocalTime.of(9, 30, 1), MarketCalendar.of("NYSE")).orElseThrow().contains("Saturday"));
    }

    @Test void anNyseHolidayIsSkipped() {
        Schedule s = Schedule.parse("9:30:01");
        // Thanksgiving 2026 is Thursday 11-26: Wednesday's run is followed by Friday's
        Instant wed = ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, PlanFixtures.NY).toInstant();
        assertEquals(ZonedDateTime.of(2026, 11, 27, 9, 30, 1, 0, PlanFixtures.NY).toInstant(),
                s.nextAfter(wed, PlanFixtures.NY, MarketCalendar.of("NYSE")).orElseThrow());
        assertTrue(s.skipReason(LocalDate.of(2026, 11, 26), LocalTime.of(9, 30, 1), MarketCalendar.of("NYSE")).orElseThrow().contains("Thanksgiving"));
    }

    @Test void runsAfterAnEarlyCloseAreSkipped() {
        Schedule s = Schedule.parse("12:30, 15:59, 17:00");
        MarketCalendar nyse = MarketCalendar.of("NYSE");
        LocalDate blackFriday = LocalDate.of(2026, 11, 27);
        assertTrue(s.skipReason(blackFriday, LocalTime.of(12, 30), nyse).isEmpty());
        assertTrue(s.skipReason(blackFriday, LocalTime.of(15, 59), nyse).orElseThrow().contains("closes early at 13:00"));
        assertTrue(s.skipReason(blackFriday, LocalTime.of(17, 0), nyse).isEmpty(), "after the regular close runs as any day");
        List<Instant> next = s.next(ZonedDateTime.of(2026, 11, 27, 0, 0, 0, 0, PlanFixtures.NY).toInstant(), PlanFixtures.NY, nyse, 3);
        assertEquals(ZonedDateTime.of(2026, 11, 27, 17, 0, 0, 0, PlanFixtures.NY).toInstant(), next.get(1));
        assertEquals(ZonedDateTime.of(2026, 11, 30, 12, 30, 0, 0, PlanFixtures.NY).toInstant(), next.get(2));
    }
}
