package tradebook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against NYSE's published holiday and early-close lists. */
class NyseCalendarTest {
    final MarketCalendar nyse = MarketCalendar.of("NYSE");

    List<LocalDate> holidays(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !nyse.isTradingDay(d)) out.add(d);
        }
        return out;
    }

    static List<LocalDate> dates(int y, String... mmdd) {
        List<LocalDate> out = new ArrayList<>();
        for (String s : mmdd) out.add(LocalDate.parse(y + "-" + s));
        return out;
    }

    @Test void holidays2024to2027() {
        assertEquals(dates(2024, "01-01", "01-15", "02-19", "03-29", "05-27", "06-19", "07-04", "09-02", "11-28", "12-25"), holidays(2024));
        assertEquals(dates(2025, "01-01", "01-09", "01-20", "02-17", "04-18", "05-26", "06-19", "07-04", "09-01", "11-27", "12-25"), holidays(2025));
        assertEquals(dates(2026, "01-01", "01-19", "02-16", "04-03", "05-25", "06-19", "07-03", "09-07", "11-26", "12-25"), holidays(2026));
        assertEquals(dates(2027, "01-01", "01-18", "02-15", "03-26", "05-31", "06-18", "07-05", "09-06", "11-25", "12-24"), holidays(2027));
    }

    @Test void observanceRules() {
        assertTrue(nyse.isTradingDay(LocalDate.of(2021, 12, 31)), "New Year on a Saturday is not observed on Friday");
        assertFalse(nyse.isTradingDay(LocalDate.of(2023, 1, 2)), "New Year on a Sunday is observed on Monday");
        assertTrue(nyse.isTradingDay(LocalDate.of(2021, 6, 18)), "no Juneteenth before 2022");
        assertFalse(nyse.isTradingDay(LocalDate.of(2022, 6, 20)), "Juneteenth 2022 (Sunday) observed Monday");
        assertFalse(nyse.isTradingDay(LocalDate.of(2026, 11, 21)), "Saturday");
        assertEquals("Sunday", nyse.closedBecause(LocalDate.of(2026, 11, 22)).orElseThrow());
    }

    @Test void earlyCloses() {
        LocalTime one = LocalTime.of(13, 0);
        assertEquals(one, nyse.earlyClose(LocalDate.of(2024, 7, 3)).orElseThrow());
        assertEquals(one, nyse.earlyClose(LocalDate.of(2025, 7, 3)).orElseThrow());
        assertTrue(nyse.earlyClose(LocalDate.of(2026, 7, 2)).isEmpty(), "2026: July 4 is a Saturday, observed Friday 3rd; no early close");
        assertEquals(one, nyse.earlyClose(LocalDate.of(2026, 11, 27)).orElseThrow());
        assertEquals(one, nyse.earlyClose(LocalDate.of(2025, 12, 24)).orElseThrow());
        assertTrue(nyse.earlyClose(LocalDate.of(2027, 12, 24)).isEmpty(), "2027-12-24 is the observed Christmas holiday");
        assertTrue(nyse.earlyClose(LocalDate.of(2026, 11, 24)).isEmpty());
    }

    @Test void alwaysTradesEveryDay() {
        assertTrue(MarketCalendar.of("ALWAYS").isTradingDay(LocalDate.of(2026, 11, 21)));
    }
}
