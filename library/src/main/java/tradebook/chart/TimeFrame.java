package tradebook.chart;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bar time frame such as {@code "5min"}, {@code "4H"}, {@code "D"}, {@code "W"}, {@code "M"}
 * (pandas-like aliases, as traders write them in Backtesting.py's {@code resample=} and
 * {@code superimpose=}). Maps a bar's time to the start of the bucket it falls in.
 */
final class TimeFrame {
    private static final long MINUTE = 60_000L, HOUR = 60 * MINUTE, DAY = 24 * HOUR;

    private static final Pattern ALIAS = Pattern.compile("(\\d*)\\s*([a-z]+)(-[a-z]+)?");

    /** Frames tried, smallest first, when a plot picks one by itself. */
    static final List<TimeFrame> LADDER = List.of(parse("1min"), parse("5min"), parse("15min"), parse("30min"),
            parse("1H"), parse("2H"), parse("4H"), parse("8H"), parse("D"), parse("W"), parse("M"), parse("Q"), parse("Y"));

    private enum Unit { FIXED, WEEK, MONTH }

    final String label;
    private final Unit unit;
    /** FIXED: milliseconds; WEEK: weeks; MONTH: months. */
    private final long step;

    private TimeFrame(String label, Unit unit, long step) {
        this.label = label;
        this.unit = unit;
        this.step = step;
    }

    /** Parses "1min", "15T", "4H", "h", "D", "W", "W-FRI", "M", "ME", "MS", "Q", "Y", "A". */
    static TimeFrame parse(String alias) {
        String s = alias.trim().toLowerCase(Locale.ROOT);
        Matcher m = ALIAS.matcher(s);
        if (!m.matches()) throw bad(alias);
        long n = m.group(1).isEmpty() ? 1 : Long.parseLong(m.group(1));
        if (n <= 0) throw bad(alias);
        String u = m.group(2);
        String label = alias.trim();
        switch (u) {
            case "s": case "sec": return new TimeFrame(label, Unit.FIXED, n * 1000);
            case "t": case "min": return new TimeFrame(label, Unit.FIXED, n * MINUTE);
            case "h": case "hour": return new TimeFrame(label, Unit.FIXED, n * HOUR);
            case "d": case "day": case "b": return new TimeFrame(label, Unit.FIXED, n * DAY);
            case "w": case "week": return new TimeFrame(label, Unit.WEEK, n);
            case "m": case "me": case "ms": case "month": return new TimeFrame(label, Unit.MONTH, n);
            case "q": case "qe": case "qs": return new TimeFrame(label, Unit.MONTH, 3 * n);
            case "y": case "ye": case "ys": case "a": return new TimeFrame(label, Unit.MONTH, 12 * n);
            default: throw bad(alias);
        }
    }

    private static IllegalArgumentException bad(String alias) {
        return new IllegalArgumentException("unknown time frame '" + alias
                + "': use e.g. \"5min\", \"1H\", \"4H\", \"D\", \"W\", \"M\", \"Q\", \"Y\"");
    }

    /** Start (epoch ms) of the bucket holding {@code t}. */
    long bucket(long t) {
        switch (unit) {
            case FIXED:
                return Math.floorDiv(t, step) * step;
            case WEEK: {
                LocalDate d = date(t);
                LocalDate monday = d.minusDays(d.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
                long weeks = Math.floorDiv(monday.toEpochDay() - 4, 7); // 1970-01-05 was a Monday
                long start = 4 + Math.floorDiv(weeks, step) * step * 7;
                return start * DAY;
            }
            default: {
                LocalDate d = date(t);
                long months = d.getYear() * 12L + d.getMonthValue() - 1;
                long m0 = Math.floorDiv(months, step) * step;
                return LocalDate.of((int) Math.floorDiv(m0, 12), Math.floorMod(m0, 12) + 1, 1).toEpochDay() * DAY;
            }
        }
    }

    /** Start of the bucket after the one starting at {@code start}. */
    long next(long start) {
        switch (unit) {
            case FIXED: return start + step;
            case WEEK: return start + step * 7 * DAY;
            default: return date(start).plusMonths(step).toEpochDay() * DAY;
        }
    }

    /** Approximate length in milliseconds (for comparing frames). */
    long approxMillis() {
        switch (unit) {
            case FIXED: return step;
            case WEEK: return step * 7 * DAY;
            default: return step * 30 * DAY + step * DAY / 2;
        }
    }

    /** Number of buckets the sorted times fall into, counting no further than {@code limit + 1}. */
    int countBuckets(long[] time, int n, int limit) {
        int count = 0;
        long end = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (time[i] >= end) {
                long b = bucket(time[i]);
                end = next(b);
                if (++count > limit) return count;
            }
        }
        return count;
    }

    private static LocalDate date(long t) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(t, 1000), 0, ZoneOffset.UTC).toLocalDate();
    }

    @Override public String toString() { return label; }
}
