package tradebook.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;

/**
 * NYSE trading days from a rule table (NYSE Rule 7.2 holidays and observance): New Year's Day
 * (Sunday -> Monday; Saturday -> not observed), Martin Luther King Jr. Day, Washington's Birthday,
 * Good Friday, Memorial Day, Juneteenth (from 2022), Independence Day, Labor Day, Thanksgiving,
 * Christmas (Saturday -> Friday, Sunday -> Monday), plus the one-off closures listed below. Early
 * closes at 13:00: the day before Independence Day (when a Monday..Thursday), the day after
 * Thanksgiving, Christmas Eve (when a Monday..Thursday).
 *
 * <p>Why a table and not jollyday: jollyday-core resolves on Central, but knows no early closes and
 * brings a JAXB runtime; these rules are short and tested day by day in {@code NyseCalendarTest}.
 */
final class NyseCalendar implements MarketCalendar {
    static final NyseCalendar INSTANCE = new NyseCalendar();
    static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0), CLOSE = LocalTime.of(16, 0);

    /** Unscheduled closures (national days of mourning, storms). */
    private static final Map<LocalDate, String> SPECIAL = Map.of(
            LocalDate.of(2012, 10, 29), "Hurricane Sandy",
            LocalDate.of(2012, 10, 30), "Hurricane Sandy",
            LocalDate.of(2018, 12, 5), "National Day of Mourning (George H. W. Bush)",
            LocalDate.of(2025, 1, 9), "National Day of Mourning (Jimmy Carter)");

    @Override public String name() {
        return "NYSE";
    }

    @Override public LocalTime regularClose() {
        return CLOSE;
    }

    @Override public boolean isTradingDay(LocalDate day) {
        return closedBecause(day).isEmpty();
    }

    @Override public Optional<String> closedBecause(LocalDate d) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.of(d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
        }
        if (SPECIAL.containsKey(d)) return Optional.of(SPECIAL.get(d));
        int y = d.getYear();
        LocalDate ny = LocalDate.of(y, 1, 1);
        if (d.equals(ny.getDayOfWeek() == DayOfWeek.SUNDAY ? ny.plusDays(1) : ny)) return Optional.of("New Year's Day");
        if (d.equals(nth(y, Month.JANUARY, DayOfWeek.MONDAY, 3)) && y >= 1998) return Optional.of("Martin Luther King Jr. Day");
        if (d.equals(nth(y, Month.FEBRUARY, DayOfWeek.MONDAY, 3))) return Optional.of("Washington's Birthday");
        if (d.equals(easter(y).minusDays(2))) return Optional.of("Good Friday");
        if (d.equals(LocalDate.of(y, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))) return Optional.of("Memorial Day");
        if (y >= 2022 && d.equals(observed(LocalDate.of(y, 6, 19)))) return Optional.of("Juneteenth");
        if (d.equals(observed(LocalDate.of(y, 7, 4)))) return Optional.of("Independence Day");
        if (d.equals(nth(y, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))) return Optional.of("Labor Day");
        if (d.equals(thanksgiving(y))) return Optional.of("Thanksgiving Day");
        if (d.equals(observed(LocalDate.of(y, 12, 25)))) return Optional.of("Christmas Day");
        return Optional.empty();
    }

    @Override public Optional<LocalTime> earlyClose(LocalDate d) {
        if (!isTradingDay(d)) return Optional.empty();
        int y = d.getYear();
        boolean monToThu = d.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue();
        if (d.equals(LocalDate.of(y, 7, 3)) && monToThu) return Optional.of(EARLY_CLOSE);
        if (d.equals(thanksgiving(y).plusDays(1))) return Optional.of(EARLY_CLOSE);
        if (d.equals(LocalDate.of(y, 12, 24)) && monToThu) return Optional.of(EARLY_CLOSE);
        return Optional.empty();
    }

    /** A fixed-date holiday on a weekend is observed on the Friday before (Saturday) or the Monday after (Sunday). */
    static LocalDate observed(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.minusDays(1);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    static LocalDate nth(int year, Month m, DayOfWeek dow, int n) {
        return LocalDate.of(year, m, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    static LocalDate thanksgiving(int y) {
        return nth(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
    }

    /** Easter Sunday (Gregorian; the anonymous "computus"). */
    static LocalDate easter(int y) {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }
}
