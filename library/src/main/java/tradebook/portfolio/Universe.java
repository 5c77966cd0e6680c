package tradebook.portfolio;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tradebook.data.Bars;
import tradebook.data.BarsCursor;
import tradebook.data.DataException;

/**
 * Many tickers on one time index: the union of every ticker's bar times. A ticker that starts
 * late (or ends early) has NaN prices outside its own range. Inside its range, a bar it lacks is
 * a gap: runs of at most {@link #maxFill()} bars (default {@value #DEFAULT_MAX_FILL}) are
 * forward-filled with the previous close and volume 0; longer runs stay NaN. Every gap is
 * reported in {@link #gaps()}; nothing is filled silently.
 *
 * <p>Inside a strategy's {@code next()}, {@code data()} is a view of the universe that shows
 * bars up to the current one only: {@code data().get("AAPL").close().get(-1)} is AAPL's latest
 * close, {@code data().close()} all tickers' closes as a bars &times; tickers {@link Panel}.
 *
 * <pre>{@code
 * Universe u = Universe.of(Datasets.DJIA());        // or Universe.of(map, maxFillBars)
 * u.gaps().forEach(System.out::println);
 * }</pre>
 */
public final class Universe {
    /** Longest run of missing bars that is forward-filled. */
    public static final int DEFAULT_MAX_FILL = 5;

    private final String[] tickers;
    private final Map<String, Integer> position;
    private final long[] time;
    private final Bars[] full;          // aligned bars, all rows
    private final boolean[][] filled;   // [ticker][bar]: a forward-filled (synthetic) bar
    private final double[][] closes;    // [ticker][bar], for the hot tradable() check
    private final int[] first, last;    // each ticker's first and last bar of its own
    private final int maxFill;
    private final List<Gap> gaps;
    private final List<String> notes;
    // The revealed view: shared by the panels and per-ticker cursors of this instance.
    final Clock clock;
    private final Bars[] views;
    private final BarsCursor[] cursors;
    private Panel open, high, low, close, volume;

    /** How many bars are visible; shared by a view and everything read through it. */
    static final class Clock {
        int visible;
    }

    private Universe(String[] tickers, long[] time, Bars[] full, boolean[][] filled, int[] first, int[] last, int maxFill,
                     List<Gap> gaps, List<String> notes, boolean reveal) {
        this.tickers = tickers;
        this.position = new HashMap<>();
        for (int k = 0; k < tickers.length; k++) position.put(tickers[k], k);
        this.time = time;
        this.full = full;
        this.filled = filled;
        this.closes = new double[tickers.length][];
        for (int k = 0; k < tickers.length; k++) closes[k] = full[k].close().array();
        this.first = first;
        this.last = last;
        this.maxFill = maxFill;
        this.gaps = gaps;
        this.notes = notes;
        this.clock = new Clock();
        this.clock.visible = time.length;
        if (reveal) {
            cursors = new BarsCursor[tickers.length];
            views = new Bars[tickers.length];
            for (int k = 0; k < tickers.length; k++) {
                cursors[k] = new BarsCursor(full[k]);
                views[k] = cursors[k].view();
            }
        } else {
            cursors = null;
            views = full;
        }
    }

    /** The tickers' bars aligned on the union of their times, gaps of up to {@value #DEFAULT_MAX_FILL} bars filled. */
    public static Universe of(Map<String, Bars> bars) {
        return of(bars, DEFAULT_MAX_FILL);
    }

    /** Bars named by ticker ({@link Bars#name()}; a trailing {@code .csv} is dropped). */
    public static Universe of(Bars... bars) {
        Map<String, Bars> m = new LinkedHashMap<>();
        for (Bars b : bars) {
            String name = b.name().endsWith(".csv") ? b.name().substring(0, b.name().length() - 4) : b.name();
            if (m.put(name, b) != null) throw new DataException("two bars are named '" + name + "'; name them with bars.named(ticker)");
        }
        return of(m);
    }

    /**
     * The tickers' bars aligned on the union of their times; runs of up to {@code maxFillBars}
     * missing bars inside a ticker's range are forward-filled, longer ones left NaN (0: never fill).
     */
    public static Universe of(Map<String, Bars> bars, int maxFillBars) {
        if (bars == null || bars.isEmpty()) throw new DataException("a universe needs at least one ticker's bars");
        if (maxFillBars < 0) throw new DataException("maxFillBars must be 0 or more, got " + maxFillBars);
        String[] tickers = bars.keySet().toArray(new String[0]);
        for (String t : tickers) {
            if (t == null || t.isBlank()) throw new DataException("a ticker name is empty");
            if (bars.get(t) == null) throw new DataException("no bars for ticker " + t);
        }
        long[] time = unionIndex(bars.values());
        int n = time.length, m = tickers.length;
        Bars[] full = new Bars[m];
        boolean[][] filled = new boolean[m][];
        int[] first = new int[m], last = new int[m];
        List<Gap> gaps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            Bars src = bars.get(tickers[k]);
            long[] st = src.timeArray();
            int len = src.size();
            double[] so = src.open().array(), sh = src.high().array(), sl = src.low().array(), sc = src.close().array();
            double[] sv = src.hasVolume() ? src.volume().array() : null;
            double[] o = nans(n), h = nans(n), l = nans(n), c = nans(n), v = nans(n);
            boolean[] f = new boolean[n];
            int j = 0, firstBar = -1, lastBar = -1;
            for (int i = 0; i < n && j < len; i++) {
                if (time[i] != st[j]) continue;
                o[i] = so[j];
                h[i] = sh[j];
                l[i] = sl[j];
                c[i] = sc[j];
                if (sv != null) v[i] = sv[j];
                if (firstBar < 0) firstBar = i;
                lastBar = i;
                j++;
            }
            first[k] = firstBar;
            last[k] = lastBar;
            // Gaps inside the ticker's own range.
            for (int i = firstBar + 1; i < lastBar; i++) {
                if (!Double.isNaN(c[i])) continue;
                int end = i;
                while (Double.isNaN(c[end + 1])) end++;
                int runLen = end - i + 1;
                boolean fill = runLen <= maxFillBars;
                if (fill) {
                    double prev = c[i - 1];
                    for (int x = i; x <= end; x++) {
                        o[x] = h[x] = l[x] = c[x] = prev;
                        v[x] = 0;
                        f[x] = true;
                    }
                }
                gaps.add(new Gap(tickers[k], i, runLen, toTime(time[i]), toTime(time[end]), fill));
                i = end;
            }
            if (firstBar > 0) notes.add(tickers[k] + " starts at " + fmt(time[firstBar]) + " (bar " + firstBar + " of " + n + "): no prices before");
            if (lastBar < n - 1) notes.add(tickers[k] + " ends at " + fmt(time[lastBar]) + " (bar " + lastBar + " of " + n + "): no prices after");
            full[k] = Bars.aligned(tickers[k], time, o, h, l, c, sv == null ? null : v);
            filled[k] = f;
        }
        return new Universe(tickers, time, full, filled, first, last, maxFillBars, Collections.unmodifiableList(gaps),
                Collections.unmodifiableList(notes), false);
    }

    private static long[] unionIndex(Iterable<Bars> all) {
        int total = 0;
        for (Bars b : all) total += b.size();
        long[] t = new long[total];
        int p = 0;
        for (Bars b : all) {
            System.arraycopy(b.timeArray(), 0, t, p, b.size());
            p += b.size();
        }
        Arrays.sort(t);
        int u = 0;
        for (int i = 0; i < total; i++) if (u == 0 || t[i] != t[u - 1]) t[u++] = t[i];
        return Arrays.copyOf(t, u);
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** A view of the same data that reveals bars one at a time (the engine's {@code data()}). */
    Universe revealing() {
        return new Universe(tickers, time, full, filled, first, last, maxFill, gaps, notes, true);
    }

    /** Shows bars {@code 0 .. count-1} (views made by {@link #revealing()} only). */
    void show(int count) {
        clock.visible = count;
        for (BarsCursor c : cursors) c.show(count);
    }

    // ---------------------------------------------------------------- reading

    public List<String> tickers() {
        return List.of(tickers);
    }

    /** Number of visible bars (inside {@code next()}: up to and including the current one). */
    public int size() {
        return clock.visible;
    }

    /** Number of bars of the whole index (including those not yet revealed). */
    public int length() {
        return time.length;
    }

    /** The index's times, all bars (epoch ms of local time, as {@link Bars#timeArray()}); read-only. */
    public long[] timeArray() {
        return time;
    }

    /** Time of bar {@code i} (negative counts from the latest visible bar). */
    public LocalDateTime time(int i) {
        return toTime(time[tradebook.data.Series.index(i, size(), "universe time")]);
    }

    /** Time of the current (latest visible) bar. */
    public LocalDateTime now() {
        return time(-1);
    }

    /** One ticker's bars on the universe's index (NaN where it has no price), revealed like the universe. */
    public Bars get(String ticker) {
        return views[indexOf(ticker)];
    }

    public Panel open() {
        return open == null ? open = panel("Open") : open;
    }

    public Panel high() {
        return high == null ? high = panel("High") : high;
    }

    public Panel low() {
        return low == null ? low = panel("Low") : low;
    }

    /** Closes of every ticker: a bars &times; tickers panel ({@code close().last()} is the latest row). */
    public Panel close() {
        return close == null ? close = panel("Close") : close;
    }

    public Panel volume() {
        return volume == null ? volume = panel("Volume") : volume;
    }

    private Panel panel(String column) {
        double[][] cols = new double[tickers.length][];
        for (int k = 0; k < tickers.length; k++) cols[k] = full[k].column(column).array();
        return new Panel(column, tickers, cols, clock, time);
    }

    /** Per-ticker indicators computed over each ticker's bars: {@code data().ta().roc(10)}. */
    public TickerTa ta() {
        return new TickerTa(this);
    }

    /** The full aligned bars of a ticker (all rows, for indicator computation). */
    Bars full(int k) {
        return full[k];
    }

    int indexOf(String ticker) {
        Integer k = position.get(ticker);
        if (k == null) throw new DataException("no ticker '" + ticker + "' in the universe; have " + List.of(tickers));
        return k;
    }

    int tickerCount() {
        return tickers.length;
    }

    String ticker(int k) {
        return tickers[k];
    }

    /** Whether the ticker has a real (not forward-filled) price at {@code bar}: only then can orders fill. */
    public boolean isTradable(String ticker, int bar) {
        return tradable(indexOf(ticker), bar);
    }

    boolean tradable(int k, int bar) {
        return !Double.isNaN(closes[k][bar]) && !filled[k][bar];
    }

    /** Whether the bar was forward-filled for this ticker. */
    public boolean isFilled(String ticker, int bar) {
        return filled[indexOf(ticker)][bar];
    }

    /** The ticker's first bar with a price of its own (on the universe's index). */
    public int firstBar(String ticker) {
        return first[indexOf(ticker)];
    }

    /** The ticker's last bar with a price of its own. */
    public int lastBar(String ticker) {
        return last[indexOf(ticker)];
    }

    /** Longest run of missing bars that was forward-filled. */
    public int maxFill() {
        return maxFill;
    }

    /** Every run of missing bars inside a ticker's range, filled or not. */
    public List<Gap> gaps() {
        return gaps;
    }

    /** What alignment found: late starts, early ends, gaps. */
    public List<String> report() {
        List<String> out = new ArrayList<>(notes);
        int filledRuns = 0, emptyRuns = 0;
        for (Gap g : gaps) {
            if (g.filled()) filledRuns++;
            else {
                emptyRuns++;
                out.add(g.toString());
            }
        }
        if (filledRuns > 0) out.add(filledRuns + " gap(s) of at most " + maxFill + " bar(s) forward-filled (see gaps())");
        return out;
    }

    static LocalDateTime toTime(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC);
    }

    static String fmt(long millis) {
        LocalDateTime t = toTime(millis);
        return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString();
    }

    @Override public String toString() {
        int n = size();
        return String.format(Locale.ROOT, "Universe: %d tickers, %d bars, %s .. %s, %d gap(s)", tickers.length, n,
                fmt(time[0]), fmt(time[Math.max(0, n - 1)]), gaps.size());
    }
}
