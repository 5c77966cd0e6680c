package tradebook.lib;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebook.data.Bars;

/**
 * Resampling to a higher time frame with pandas' rules, and aligning results back to the
 * original bars without look-ahead, as Backtesting.py's {@code resample_apply} does.
 *
 * <p>Rules are pandas offset aliases: {@code "15min"} ({@code "T"}), {@code "4H"} ({@code "h"}),
 * {@code "30s"}, {@code "D"}, {@code "W"} (= {@code "W-SUN"}), {@code "W-FRI"} (any weekday),
 * {@code "M"}/{@code "ME"} (month end), {@code "MS"} (month start), {@code "Q"}/{@code "QE"},
 * {@code "QS"}, {@code "Y"}/{@code "YE"}/{@code "A"}, {@code "YS"}. Fixed-length rules take a
 * multiple ({@code "4H"}); calendar rules do not.
 *
 * <p>Binning follows pandas' defaults with {@code label='right'} (what Backtesting.py passes):
 * fixed-length bins are {@code [start, end)} counted from midnight of the first bar's day and
 * labelled with their end; week/month/quarter/year-end bins take whole days up to and including
 * the anchor day ({@code W-FRI}: Saturday..Friday) and are labelled with the anchor day;
 * month/quarter/year-start bins are {@code [start, next start)} labelled with the next start.
 * Periods without any bar are dropped (pandas' {@code dropna()}), except that a sum over an
 * empty period is 0 as in pandas.
 *
 * <p>Alignment: a period's value is shown from the first bar at or after its label, as
 * Backtesting.py's forward-filled reindex does, and never before the period's last bar. The
 * two agree on daily and coarser data and on fixed-length rules; on intraday data with a
 * calendar rule Backtesting.py shows the period's value from the anchor day's midnight, before
 * that day's bars are known (a look-ahead); here it waits for the period's last bar.
 */
public final class Resample {
    private Resample() {}

    /** How the bars of one period combine into one value (Backtesting.py's {@code OHLCV_AGG}). */
    public enum Agg {
        FIRST, LAST, MAX, MIN, SUM, MEAN;

        /** Open: first, High: max, Low: min, Close: last, Volume: sum, anything else: last. */
        public static Agg forColumn(String name) {
            switch (name == null ? "" : name) {
                case "Open": return FIRST;
                case "High": return MAX;
                case "Low": return MIN;
                case "Volume": return SUM;
                default: return LAST;
            }
        }
    }

    /** A parsed rule. */
    public static final class Rule {
        private final String text;
        private final long fixedMillis; // > 0 for fixed-length rules
        private final Kind kind;
        private final DayOfWeek weekAnchor;

        private enum Kind { FIXED, WEEK, MONTH_END, MONTH_START, QUARTER_END, QUARTER_START, YEAR_END, YEAR_START }

        private Rule(String text, Kind kind, long fixedMillis, DayOfWeek weekAnchor) {
            this.text = text;
            this.kind = kind;
            this.fixedMillis = fixedMillis;
            this.weekAnchor = weekAnchor;
        }

        /** Whether bins are closed on the right (pandas: week/month/quarter/year ends). */
        boolean closedRight() {
            return kind == Kind.WEEK || kind == Kind.MONTH_END || kind == Kind.QUARTER_END || kind == Kind.YEAR_END;
        }

        /** The label (epoch ms of local time) of the period holding time {@code t}. */
        long label(long t, long origin) {
            if (kind == Kind.FIXED) return origin + (Math.floorDiv(t - origin, fixedMillis) + 1) * fixedMillis;
            LocalDate d = date(t);
            LocalDate anchor;
            switch (kind) {
                case WEEK: anchor = d.with(TemporalAdjusters.nextOrSame(weekAnchor)); break;
                case MONTH_END: anchor = d.with(TemporalAdjusters.lastDayOfMonth()); break;
                case QUARTER_END: anchor = quarterStart(d).plusMonths(3).minusDays(1); break;
                case YEAR_END: anchor = d.with(TemporalAdjusters.lastDayOfYear()); break;
                case MONTH_START: anchor = d.withDayOfMonth(1).plusMonths(1); break;
                case QUARTER_START: anchor = quarterStart(d).plusMonths(3); break;
                case YEAR_START: anchor = d.withDayOfYear(1).plusYears(1); break;
                default: throw new AssertionError(kind);
            }
            return millis(anchor);
        }

        /** The label of the period after the one labelled {@code label}. */
        long nextLabel(long label) {
            if (kind == Kind.FIXED) return label + fixedMillis;
            LocalDate d = date(label);
            switch (kind) {
                case WEEK: return millis(d.plusWeeks(1));
                case MONTH_END: return millis(d.plusDays(1).with(TemporalAdjusters.lastDayOfMonth()));
                case QUARTER_END: return millis(d.plusDays(1).plusMonths(3).minusDays(1));
                case YEAR_END: return millis(d.plusYears(1));
                case MONTH_START: return millis(d.plusMonths(1));
                case QUARTER_START: return millis(d.plusMonths(3));
                case YEAR_START: return millis(d.plusYears(1));
                default: throw new AssertionError(kind);
            }
        }

        @Override public String toString() { return text; }
    }

    private static final Pattern RULE = Pattern.compile("(\\d*)([A-Za-z]+)(?:-([A-Za-z]{3}))?");

    /** Parses a pandas offset alias; the message lists what is accepted. */
    public static Rule rule(String text) {
        if (text == null) throw new IllegalArgumentException("resample rule is null; use a pandas rule such as \"D\", \"W-FRI\", \"4H\" or \"15min\"");
        Matcher m = RULE.matcher(text.trim());
        if (!m.matches()) throw bad(text, "");
        int mult = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
        if (mult < 1) throw bad(text, "the multiple must be at least 1");
        String unit = m.group(2);
        String anchor = m.group(3);
        long fixed;
        switch (unit) {
            case "D": fixed = 86_400_000L; break;
            case "H": case "h": fixed = 3_600_000L; break;
            case "T": case "min": fixed = 60_000L; break;
            case "S": case "s": fixed = 1_000L; break;
            case "L": case "ms": fixed = 1L; break;
            default: fixed = 0;
        }
        if (fixed > 0) {
            if (anchor != null) throw bad(text, unit + " takes no anchor");
            return new Rule(text, Rule.Kind.FIXED, fixed * mult, null);
        }
        Rule.Kind kind;
        DayOfWeek day = null;
        switch (unit) {
            case "W":
                kind = Rule.Kind.WEEK;
                day = anchor == null ? DayOfWeek.SUNDAY : weekday(text, anchor);
                anchor = null;
                break;
            case "M": case "ME": kind = Rule.Kind.MONTH_END; break;
            case "MS": kind = Rule.Kind.MONTH_START; break;
            case "Q": case "QE": kind = Rule.Kind.QUARTER_END; break;
            case "QS": kind = Rule.Kind.QUARTER_START; break;
            case "Y": case "YE": case "A": kind = Rule.Kind.YEAR_END; break;
            case "YS": case "AS": kind = Rule.Kind.YEAR_START; break;
            case "m": throw bad(text, "'m' is not minutes in pandas: use \"" + (mult > 1 ? mult : "") + "min\"");
            default: throw bad(text, "unknown unit '" + unit + "'");
        }
        if (anchor != null && !((kind == Rule.Kind.QUARTER_END || kind == Rule.Kind.QUARTER_START) && anchor.equalsIgnoreCase("DEC")
                || (kind == Rule.Kind.YEAR_END || kind == Rule.Kind.YEAR_START) && anchor.equalsIgnoreCase("DEC"))) {
            throw bad(text, "only the default (December) anchor is supported for quarters and years");
        }
        if (mult != 1) throw bad(text, "multiples of calendar rules are not supported; use \"" + unit + "\"");
        return new Rule(text, kind, 0, day);
    }

    private static DayOfWeek weekday(String text, String a) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(a)) return d;
        }
        throw bad(text, "unknown weekday '" + a + "' (MON, TUE, WED, THU, FRI, SAT, SUN)");
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad resample rule '" + text + "'" + (why.isEmpty() ? "" : ": " + why)
                + "; use a pandas rule such as \"15min\", \"4H\", \"D\", \"W-FRI\", \"M\" (month end), \"MS\", \"Q\", \"Y\"");
    }

    /** One value per non-empty period, with where each becomes visible. */
    public static final class Resampled {
        /** Labels (epoch ms of local time, as {@link Bars#timeArray()}). */
        public final long[] labels;
        /** The aggregated values. */
        public final double[] values;
        /** Time of the period's last bar (its label for an empty period). */
        final long[] lastBar;

        Resampled(long[] labels, double[] values, long[] lastBar) {
            this.labels = labels;
            this.values = values;
            this.lastBar = lastBar;
        }

        public int size() { return values.length; }

        /** Label of period {@code j} as a date-time. */
        public LocalDateTime time(int j) {
            return LocalDateTime.ofEpochSecond(Math.floorDiv(labels[j], 1000), (int) Math.floorMod(labels[j], 1000) * 1_000_000, ZoneOffset.UTC);
        }
    }

    /** Aggregates {@code values} (one per time) into periods of {@code rule}. */
    public static Resampled resample(long[] time, double[] values, int n, Rule rule, Agg agg) {
        if (values.length < n || time.length < n) throw new IllegalArgumentException("need " + n + " values, got " + values.length);
        long origin = n == 0 ? 0 : Math.floorDiv(time[0], 86_400_000L) * 86_400_000L; // pandas origin 'start_day'
        long[] labels = new long[n];
        double[] out = new double[n];
        long[] last = new long[n];
        int m = 0;
        int i = 0;
        while (i < n) {
            long label = rule.label(time[i], origin);
            if (agg == Agg.SUM && m > 0) {
                // pandas sums an empty period to 0 and so keeps it
                for (long l = rule.nextLabel(labels[m - 1]); l < label; l = rule.nextLabel(l)) {
                    if (m == labels.length) {
                        labels = Arrays.copyOf(labels, m * 2);
                        out = Arrays.copyOf(out, m * 2);
                        last = Arrays.copyOf(last, m * 2);
                    }
                    labels[m] = l;
                    out[m] = 0;
                    last[m++] = l;
                }
            }
            int j = i;
            while (j < n && rule.label(time[j], origin) == label) j++;
            double v = aggregate(values, i, j, agg);
            if (!Double.isNaN(v)) {
                if (m == labels.length) {
                    labels = Arrays.copyOf(labels, m * 2 + 1);
                    out = Arrays.copyOf(out, m * 2 + 1);
                    last = Arrays.copyOf(last, m * 2 + 1);
                }
                labels[m] = label;
                out[m] = v;
                last[m++] = time[j - 1];
            }
            i = j;
        }
        return new Resampled(Arrays.copyOf(labels, m), Arrays.copyOf(out, m), Arrays.copyOf(last, m));
    }

    private static double aggregate(double[] x, int from, int to, Agg agg) {
        double acc = Double.NaN;
        int count = 0;
        for (int k = from; k < to; k++) {
            double v = x[k];
            if (Double.isNaN(v)) continue;
            switch (agg) {
                case FIRST: return v;
                case LAST: acc = v; break;
                case MAX: acc = count == 0 || v > acc ? v : acc; break;
                case MIN: acc = count == 0 || v < acc ? v : acc; break;
                case SUM: case MEAN: acc = count == 0 ? v : acc + v; break;
                default: throw new AssertionError(agg);
            }
            count++;
        }
        if (agg == Agg.SUM) return count == 0 ? 0 : acc;
        if (agg == Agg.MEAN && count > 0) return acc / count;
        return acc;
    }

    /**
     * Spreads per-period results back over the original bars: bar {@code i} gets the result of
     * the latest period visible at its time (see the class comment), NaN before the first.
     */
    public static double[] align(long[] time, int n, Resampled periods, double[] result) {
        if (result.length != periods.size()) {
            throw new IllegalArgumentException("the function returned " + result.length + " values for " + periods.size()
                    + " resampled periods; it must return one value per period");
        }
        double[] out = new double[n];
        int j = -1;
        for (int i = 0; i < n; i++) {
            while (j + 1 < result.length && Math.max(periods.labels[j + 1], periods.lastBar[j + 1]) <= time[i]) j++;
            out[i] = j < 0 ? Double.NaN : result[j];
        }
        return out;
    }

    /** Resamples {@code values} of {@code bars} by {@code rule}, applies {@code fn}, aligns back. */
    public static double[] apply(Bars bars, String rule, Function<double[], double[]> fn, double[] values, Agg agg) {
        return applyLines(bars, rule, x -> new double[][] {fn.apply(x)}, values, agg)[0];
    }

    /** As {@link #apply} for functions returning several lines (e.g. MACD). */
    public static double[][] applyLines(Bars bars, String rule, Function<double[], double[][]> fn, double[] values, Agg agg) {
        Rule r = rule(rule);
        int n = bars.size();
        if (values.length != n) {
            throw new IllegalArgumentException("resample: " + values.length + " values for " + n + " bars; pass one value per bar");
        }
        Resampled periods = resample(bars.timeArray(), values, n, r, agg);
        double[][] lines = fn.apply(periods.values.clone());
        if (lines == null) throw new IllegalArgumentException("the resampled function returned null");
        double[][] out = new double[lines.length][];
        for (int k = 0; k < lines.length; k++) out[k] = align(bars.timeArray(), n, periods, lines[k]);
        return out;
    }

    /** Bars resampled by {@code rule}: Open first, High max, Low min, Close last, Volume sum; labelled like pandas. */
    public static Bars bars(Bars bars, String rule) {
        Rule r = rule(rule);
        int n = bars.size();
        long[] t = bars.timeArray();
        Resampled o = resample(t, bars.open().array(), n, r, Agg.FIRST);
        Resampled h = resample(t, bars.high().array(), n, r, Agg.MAX);
        Resampled l = resample(t, bars.low().array(), n, r, Agg.MIN);
        Resampled c = resample(t, bars.close().array(), n, r, Agg.LAST);
        double[] v = null;
        if (bars.hasVolume()) {
            Resampled vs = resample(t, bars.volume().array(), n, r, Agg.SUM);
            v = new double[c.size()];
            int k = 0;
            for (int j = 0; j < vs.size() && k < v.length; j++) if (vs.labels[j] == c.labels[k]) v[k++] = vs.values[j];
        }
        return Bars.of(bars.name() + " " + rule, c.labels, o.values, h.values, l.values, c.values, v);
    }

    private static LocalDate date(long millis) {
        return LocalDate.ofEpochDay(Math.floorDiv(millis, 86_400_000L));
    }

    private static long millis(LocalDate d) {
        return d.toEpochDay() * 86_400_000L;
    }

    private static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }
}
