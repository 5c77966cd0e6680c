package tradebook.lib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import tradebook.backtest.Indicator;
import tradebook.backtest.Strategy;
import tradebook.data.Bars;
import tradebook.data.Series;

/**
 * Backtesting.py's helper functions: {@code import static tradebook.lib.Lib.*;}. Crossings,
 * {@link #barssince}, {@link #quantile}, {@link #resampleApply} for multiple time frames,
 * {@link #range} for optimization grids, {@link #randomOhlcData} for stress tests, and
 * {@link #compose} for strategy behaviours.
 */
public final class Lib {
    private Lib() {}

    /** True if {@code a} just crossed over (above) {@code b}: a[-2] &lt; b[-2] and a[-1] &gt; b[-1]. */
    public static boolean crossover(Series a, Series b) {
        if (a.size() < 2 || b.size() < 2) return false;
        return a.get(-2) < b.get(-2) && a.get(-1) > b.get(-1);
    }

    public static boolean crossover(Series a, double b) {
        if (a.size() < 2) return false;
        return a.get(-2) < b && a.get(-1) > b;
    }

    public static boolean crossover(double a, Series b) {
        if (b.size() < 2) return false;
        return a < b.get(-2) && a > b.get(-1);
    }

    /** True if {@code a} and {@code b} just crossed, either direction. */
    public static boolean cross(Series a, Series b) {
        return crossover(a, b) || crossover(b, a);
    }

    public static boolean cross(Series a, double b) {
        return crossover(a, b) || crossover(b, a);
    }

    public static boolean cross(double a, Series b) {
        return crossover(a, b) || crossover(b, a);
    }

    // ---------------------------------------------------------------- barssince

    /** Bars since {@code condition} was last true (0 if it is true now), or infinity if never. */
    public static double barssince(boolean[] condition) {
        return barssince(condition, Double.POSITIVE_INFINITY);
    }

    /** Bars since {@code condition} was last true, or {@code dflt} if never. */
    public static double barssince(boolean[] condition, double dflt) {
        for (int k = condition.length - 1; k >= 0; k--) if (condition[k]) return condition.length - 1 - k;
        return dflt;
    }

    /** Bars since the series' value met {@code condition}: {@code barssince(data().close(), c -> c > 100)}. */
    public static double barssince(Series series, DoublePredicate condition) {
        int n = series.size();
        for (int k = n - 1; k >= 0; k--) if (condition.test(series.get(k))) return n - 1 - k;
        return Double.POSITIVE_INFINITY;
    }

    /**
     * Bars since {@code conditionAtBar} held, looking back from bar {@code size - 1}; stops at the
     * first hit, so it is cheap inside {@code next()}:
     * {@code barssince(i -> close.get(i) > open.get(i), data().size(), Double.POSITIVE_INFINITY)}.
     */
    public static double barssince(IntPredicate conditionAtBar, int size, double dflt) {
        for (int k = size - 1; k >= 0; k--) if (conditionAtBar.test(k)) return size - 1 - k;
        return dflt;
    }

    // ---------------------------------------------------------------- quantile

    /**
     * Quantile rank of the latest value among the earlier ones: the fraction of earlier values
     * strictly below it (missing values count as not below, as in Backtesting.py). NaN with
     * fewer than two values.
     */
    public static double quantile(double[] series) {
        if (series.length < 2) return Double.NaN;
        double last = series[series.length - 1];
        int below = 0;
        for (int k = 0; k < series.length - 1; k++) if (series[k] < last) below++;
        return below / (double) (series.length - 1);
    }

    public static double quantile(Series series) {
        return quantile(series.values());
    }

    /**
     * The value at quantile {@code q} (0..1; divide percentages by 100), ignoring missing values,
     * with linear interpolation between ranks (numpy's {@code nanpercentile}).
     */
    public static double quantile(double[] series, double q) {
        if (!(q >= 0 && q <= 1)) throw new IllegalArgumentException("quantile must be in [0, 1] (divide percentages by 100), got " + q);
        double[] v = Arrays.stream(series).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }

    public static double quantile(Series series, double q) {
        return quantile(series.values(), q);
    }

    // ---------------------------------------------------------------- ranges for optimization

    /** Python's {@code range(start, stop, step)}: {@code range(5, 30, 5)} is 5, 10, 15, 20, 25. */
    public static int[] range(int start, int stop, int step) {
        if (step == 0) throw new IllegalArgumentException("range step must not be 0");
        int n = Math.max(0, (int) Math.ceil((stop - (double) start) / step));
        int[] out = new int[n];
        for (int k = 0; k < n; k++) out[k] = start + k * step;
        return out;
    }

    /** {@code range(start, stop)}: start, start+1, ..., stop-1. */
    public static int[] range(int start, int stop) {
        return range(start, stop, 1);
    }

    /** {@code range(stop)}: 0, 1, ..., stop-1. */
    public static int[] range(int stop) {
        return range(0, stop, 1);
    }

    /** numpy's {@code arange} for fractions: {@code arange(.01, .05, .01)} is .01, .02, .03, .04 (rounded to 12 digits). */
    public static double[] arange(double start, double stop, double step) {
        if (step == 0 || Double.isNaN(step)) throw new IllegalArgumentException("arange step must be a non-zero number");
        int n = Math.max(0, (int) Math.ceil((stop - start) / step - 1e-9));
        double[] out = new double[n];
        for (int k = 0; k < n; k++) out[k] = Math.round((start + k * step) * 1e12) / 1e12;
        return out;
    }

    // ---------------------------------------------------------------- multiple time frames

    /**
     * Backtesting.py's {@code resample_apply}, called in {@code init()}: resamples {@code series}
     * to {@code rule} (a pandas rule: {@code "D"}, {@code "W-FRI"}, {@code "M"}, {@code "4H"},
     * {@code "15min"}...), applies {@code fn} to the resampled values, aligns the result back to
     * the strategy's bars without look-ahead and declares it as an indicator.
     *
     * <pre>{@code
     * Indicator weeklyRsi = resampleApply(this, "W-FRI", x -> Ta.rsi(x, 14), data().close());
     * }</pre>
     *
     * Periods combine as Open: first, High: max, Low: min, Close: last, Volume: sum, other series:
     * last. A period's value shows from the first bar at or after its label (the period's end),
     * never before its last bar. Binning and alignment details: {@link Resample}.
     */
    public static Indicator resampleApply(Strategy strategy, String rule, Function<double[], double[]> fn, Series series) {
        return resampleApply(strategy, rule + "(" + series.name() + ")", rule, fn, series);
    }

    /**
     * Python's form, inside a strategy's {@code init()}:
     * {@code weekly = resampleApply("W-FRI", x -> Ta.sma(x, 10), data().close())} declares the
     * indicator on the strategy running {@code init()} on this thread. Outside a strategy use
     * {@link Resample#apply}.
     */
    public static Indicator resampleApply(String rule, Function<double[], double[]> fn, Series series) {
        return resampleApply(initializing("resampleApply"), rule, fn, series);
    }

    /** {@code resampleApply("W-FRI", Ta::rsi, data().close(), 14)} inside {@code init()}. */
    public static Indicator resampleApply(String rule, PeriodIndicator fn, Series series, int period) {
        return resampleApply(initializing("resampleApply"), rule, fn, series, period);
    }

    private static Strategy initializing(String what) {
        Strategy s = Strategy.initializing();
        if (s == null) {
            throw new IllegalStateException(what + "(rule, fn, series) declares an indicator, so it belongs in a strategy's init(); "
                    + "elsewhere use Resample.apply(bars, rule, fn, values, agg), which returns the aligned values");
        }
        return s;
    }

    /** An indicator function with a period, such as {@code Ta::rsi} or {@code Ta::sma}. */
    @FunctionalInterface
    public interface PeriodIndicator {
        double[] apply(double[] values, int period);
    }

    /**
     * Python's argument order: {@code resampleApply(this, "W-FRI", Ta::rsi, data().close(), 14)}
     * (the indicator is named e.g. {@code "W-FRI(Close, 14)"}).
     */
    public static Indicator resampleApply(Strategy strategy, String rule, PeriodIndicator fn, Series series, int period) {
        return resampleApply(strategy, rule + "(" + series.name() + ", " + period + ")", rule, x -> fn.apply(x, period), series);
    }

    /** As above, naming the indicator. */
    public static Indicator resampleApply(Strategy strategy, String name, String rule, Function<double[], double[]> fn, Series series) {
        return resampleApply(strategy, name, rule, fn, series, Resample.Agg.forColumn(series.name()));
    }

    /** As above, with an explicit aggregation of each period (Backtesting.py's {@code agg=}). */
    public static Indicator resampleApply(Strategy strategy, String name, String rule, Function<double[], double[]> fn,
                                          Series series, Resample.Agg agg) {
        Bars bars = strategy.data();
        double[] line = Resample.apply(bars, rule, fn, visible(series, bars), agg);
        return strategy.I(name, line);
    }

    /** For functions returning several lines, e.g. {@code x -> Ta.macd(x)} or {@code x -> Ta.bollinger(x)}. */
    public static Indicator resampleApplyLines(Strategy strategy, String name, String rule, Function<double[], double[][]> fn, Series series) {
        Bars bars = strategy.data();
        double[][] lines = Resample.applyLines(bars, rule, fn, visible(series, bars), Resample.Agg.forColumn(series.name()));
        return strategy.I(name, lines);
    }

    /**
     * On whole bars: the function gets the bars resampled to {@code rule} (OHLCV aggregated as
     * above) and returns one value per resampled bar, e.g.
     * {@code resampleApply(this, "ATR weekly", "W-FRI", w -> w.ta().atr(14), data())}.
     */
    public static Indicator resampleApply(Strategy strategy, String name, String rule, Function<Bars, double[]> fn, Bars bars) {
        Bars own = strategy.data();
        if (bars.size() != own.size()) throw new IllegalArgumentException("resampleApply: pass the strategy's data()");
        Bars coarse = Resample.bars(bars, rule);
        double[] result = fn.apply(coarse);
        Resample.Rule r = Resample.rule(rule);
        Resample.Resampled periods = Resample.resample(bars.timeArray(), bars.close().array(), bars.size(), r, Resample.Agg.LAST);
        return strategy.I(name, Resample.align(bars.timeArray(), bars.size(), periods, result));
    }

    private static double[] visible(Series series, Bars bars) {
        double[] v = series.values();
        if (v.length != bars.size()) {
            throw new IllegalArgumentException("resampleApply: " + series.name() + " has " + v.length + " values but the strategy has "
                    + bars.size() + " bars; call it in init() with the strategy's own data or indicators");
        }
        return v;
    }

    // ---------------------------------------------------------------- random data

    /**
     * Random OHLC data like {@code example}: each generated set strings together bars drawn with
     * replacement from the example, keeping each drawn bar's close-to-close change, its open,
     * high and low relative to its close, and its volume; {@code frac} of the example's length
     * (above 1 oversamples). An endless stream, reproducible by {@code seed}; for Monte Carlo and
     * robustness tests: {@code randomOhlcData(GOOG, 1, 42).limit(100).map(d -> new Backtest(d, S.class).run())}.
     */
    public static Stream<Bars> randomOhlcData(Bars example, double frac, long seed) {
        if (!(frac > 0)) throw new IllegalArgumentException("frac must be positive, got " + frac);
        int n = example.size();
        if (n < 2) throw new IllegalArgumentException("randomOhlcData needs at least 2 example bars");
        double[] o = example.open().array(), h = example.high().array(), l = example.low().array(), c = example.close().array();
        double[] v = example.hasVolume() ? example.volume().array() : null;
        long[] t = example.timeArray();
        long step = example.period().isZero() ? 86_400_000L : example.period().toMillis();
        int m = Math.max(2, (int) Math.round(frac * n));
        SplittableRandom seeds = new SplittableRandom(seed);
        int[] counter = {0};
        return Stream.generate(() -> {
            SplittableRandom rnd = seeds.split();
            long[] tt = new long[m];
            double[] oo = new double[m], hh = new double[m], ll = new double[m], cc = new double[m], vv = v == null ? null : new double[m];
            double price = c[0];
            for (int k = 0; k < m; k++) {
                int j = 1 + rnd.nextInt(n - 1); // bar j and its change from bar j-1
                price = k == 0 ? c[j] : price * c[j] / c[j - 1];
                double ratio = price / c[j];
                oo[k] = o[j] * ratio;
                hh[k] = h[j] * ratio;
                ll[k] = l[j] * ratio;
                cc[k] = price;
                if (vv != null) vv[k] = v[j];
                tt[k] = k < n ? t[k] : t[n - 1] + (k - n + 1) * step;
            }
            return Bars.of(example.name() + " random " + (++counter[0]), tt, oo, hh, ll, cc, vv);
        });
    }

    /** With frac 1 and a random seed. */
    public static Stream<Bars> randomOhlcData(Bars example) {
        return randomOhlcData(example, 1, new SplittableRandom().nextLong());
    }

    // ---------------------------------------------------------------- behaviours

    /** One behaviour running {@code parts} in order, e.g. {@code compose(new Trailing().trailingSl(2), signals)}. */
    public static Behavior compose(Behavior... parts) {
        List<Behavior> list = new ArrayList<>(Arrays.asList(parts));
        for (Behavior b : list) if (b == null) throw new IllegalArgumentException("compose: a behaviour is null");
        return new Behavior() {
            @Override public void init(Strategy s) {
                for (Behavior b : list) b.init(s);
            }

            @Override public void next(Strategy s) {
                for (Behavior b : list) b.next(s);
            }
        };
    }
}
