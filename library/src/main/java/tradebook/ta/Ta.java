package tradebook.ta;

import tradebook.data.Series;

/**
 * Technical indicators over {@code double[]}: full-length results, NaN while warming up, ready
 * for {@code I(...)}. Each follows the textbook definition named in its comment and is checked
 * against hand-computed values and, where ta4j has the same definition (WMA, standard deviation,
 * Bollinger, stochastic %K, Williams %R, CCI, ROC, OBV, SMA), against ta4j over the GOOG data.
 * They are computed here rather than through ta4j because ta4j 0.17 costs about 1 ms per call on
 * 2,000 bars (five times a whole backtest run, which matters in optimizations), seconds on a
 * million bars, and is quadratic for %K and %R; and its recursive averages (EMA, RSI, ATR, MACD)
 * start from the first bar instead of the textbook's simple average of the first {@code n}.
 * Multi-line indicators return {@code double[][]}, one array per line, for
 * {@code I(name, lines...)}. Inputs may start with NaN (e.g. another indicator's warm-up); the
 * result then starts where enough values are known; a NaN inside a window gives NaN.
 *
 * <p>Everything else ta4j has: {@link Ta4j#apply}. Fluent access on bars: {@code bars.ta().rsi(14)}.
 */
public final class Ta {
    private Ta() {}

    /** SMA of a price column or indicator, read without copying: {@code Ta.sma(data().close(), 10)}. */
    public static double[] sma(tradebook.data.Series x, int n) {
        return sma(x instanceof tradebook.data.Column ? ((tradebook.data.Column) x).array() : x.values(), n);
    }

    /** Simple moving average of the last {@code n} values (pandas' {@code rolling(n).mean()}). */
    public static double[] sma(double[] x, int n) {
        if (n < 1) throw new IllegalArgumentException("sma period must be at least 1, got " + n);
        double[] out = new double[x.length];
        java.util.Arrays.fill(out, Double.NaN);
        // Running sum with Neumaier compensation: O(n) and as exact as summing each window.
        double sum = 0, comp = 0;
        int nan = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isNaN(v)) nan++;
            else {
                double t = sum + v;
                comp += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
                sum = t;
            }
            if (i >= n) {
                double o = x[i - n];
                if (Double.isNaN(o)) nan--;
                else {
                    double t = sum - o;
                    comp += Math.abs(sum) >= Math.abs(o) ? (sum - t) - o : (-o - t) + sum;
                    sum = t;
                }
            }
            if (i >= n - 1 && nan == 0) out[i] = (sum + comp) / n;
        }
        return out;
    }

    // ---------------------------------------------------------------- moving averages

    /** EMA of a price column or indicator. */
    public static double[] ema(Series x, int n) { return ema(arr(x), n); }

    /**
     * Exponential moving average, smoothing {@code 2/(n+1)}, seeded with the simple average of the
     * first {@code n} values (the textbook and TA-Lib convention; the first value is at {@code n-1}).
     * For pandas' {@code ewm(span=n)} use {@link #ewmSpan}.
     */
    public static double[] ema(double[] x, int n) {
        return smoothed(x, n, 2.0 / (n + 1), "ema");
    }

    /** Wilder's smoothing (RMA/SMMA): like {@link #ema} with smoothing {@code 1/n}. */
    public static double[] rma(double[] x, int n) {
        return smoothed(x, n, 1.0 / n, "rma");
    }

    /** Seed with the SMA of the first n known values, then {@code e += alpha * (x - e)}; NaN later on is skipped. */
    private static double[] smoothed(double[] x, int n, double alpha, String what) {
        period(n, what);
        double[] out = nans(x.length);
        int start = firstRun(x, n);
        if (start < 0) return out;
        double e = 0;
        for (int i = start; i < start + n; i++) e += x[i];
        e /= n;
        out[start + n - 1] = e;
        for (int i = start + n; i < x.length; i++) {
            if (Double.isNaN(x[i])) continue;
            e += alpha * (x[i] - e);
            out[i] = e;
        }
        return out;
    }

    /** WMA of a price column or indicator. */
    public static double[] wma(Series x, int n) { return wma(arr(x), n); }

    /** Linearly weighted moving average: weights 1..n, the latest value weighs n. */
    public static double[] wma(double[] x, int n) {
        period(n, "wma");
        double[] out = nans(x.length);
        double denom = n * (n + 1) / 2.0;
        for (int i = n - 1; i < x.length; i++) {
            double sum = 0;
            for (int k = 0; k < n; k++) sum += (n - k) * x[i - k];
            out[i] = sum / denom; // NaN in the window gives NaN
        }
        return out;
    }

    /** pandas' {@code ewm(span=span).mean()}: smoothing {@code 2/(span+1)}, adjusted weights. */
    public static double[] ewmSpan(double[] x, double span) {
        if (!(span >= 1)) throw new IllegalArgumentException("ewm span must be at least 1, got " + span);
        return ewm(x, 2 / (span + 1), true);
    }

    /** pandas' {@code ewm(com=com).mean()} (also {@code ewm(n)}: the first argument is com): smoothing {@code 1/(1+com)}. */
    public static double[] ewmCom(double[] x, double com) {
        if (!(com >= 0)) throw new IllegalArgumentException("ewm com must be at least 0, got " + com);
        return ewm(x, 1 / (1 + com), true);
    }

    /**
     * pandas' {@code ewm(alpha=alpha, adjust=adjust).mean()} with pandas' defaults otherwise
     * (min_periods 0, ignore_na false): from the first known value on, each result is the
     * weighted mean of the values so far with weights {@code (1-alpha)^age}
     * ({@code adjust=true}), or the recursion {@code y = (1-alpha) y + alpha x} seeded with the
     * first value ({@code adjust=false}). Missing values keep the previous result and still age
     * the weights.
     */
    public static double[] ewm(double[] x, double alpha, boolean adjust) {
        if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("ewm alpha must be in (0, 1], got " + alpha);
        double[] out = nans(x.length);
        double oldFactor = 1 - alpha, newWt = adjust ? 1 : alpha;
        double weighted = Double.NaN, oldWt = 1;
        for (int i = 0; i < x.length; i++) {
            double cur = x[i];
            boolean obs = !Double.isNaN(cur);
            if (!Double.isNaN(weighted)) {
                oldWt *= oldFactor;
                if (obs) {
                    if (weighted != cur) weighted = (oldWt * weighted + newWt * cur) / (oldWt + newWt);
                    oldWt = adjust ? oldWt + newWt : 1;
                }
            } else if (obs) {
                weighted = cur;
            }
            out[i] = weighted;
        }
        return out;
    }

    // ---------------------------------------------------------------- oscillators

    /** RSI of a price column or indicator. */
    public static double[] rsi(Series x, int n) { return rsi(arr(x), n); }

    /**
     * Relative strength index with Wilder's smoothing (Wilder 1978): the first average gain and
     * loss are simple averages of the first {@code n} changes, then {@code avg = (avg*(n-1) + cur)/n};
     * {@code RSI = 100 - 100/(1 + avgGain/avgLoss)}. First value at index {@code n}. No losses
     * gives 100, no change at all 50. (The multiple-time-frames tutorial's RSI uses pandas'
     * {@code ewm(n)} instead: see {@link #ewmCom}.)
     */
    public static double[] rsi(double[] x, int n) {
        period(n, "rsi");
        double[] out = nans(x.length);
        int i = 0;
        while (i < x.length && Double.isNaN(x[i])) i++;
        double prev = i < x.length ? x[i] : Double.NaN;
        double gain = 0, loss = 0;
        int changes = 0;
        for (i = i + 1; i < x.length; i++) {
            if (Double.isNaN(x[i])) continue;
            double d = x[i] - prev;
            prev = x[i];
            double g = d > 0 ? d : 0, l = d < 0 ? -d : 0;
            changes++;
            if (changes <= n) {
                gain += g;
                loss += l;
                if (changes < n) continue;
                gain /= n;
                loss /= n;
            } else {
                gain = (gain * (n - 1) + g) / n;
                loss = (loss * (n - 1) + l) / n;
            }
            out[i] = loss == 0 ? (gain == 0 ? 50 : 100) : 100 - 100 / (1 + gain / loss);
        }
        return out;
    }

    /** MACD(12, 26, 9) of a price column or indicator. */
    public static double[][] macd(Series x) { return macd(arr(x), 12, 26, 9); }

    /** MACD(12, 26, 9): {@code {macd, signal, histogram}}. */
    public static double[][] macd(double[] x) { return macd(x, 12, 26, 9); }

    public static double[][] macd(Series x, int fast, int slow, int signal) { return macd(arr(x), fast, slow, signal); }

    /**
     * Appel's MACD: {@code macd = EMA(fast) - EMA(slow)}, {@code signal = EMA(signal)} of the
     * macd line, {@code histogram = macd - signal}; EMAs as {@link #ema}. Returns
     * {@code {macd, signal, histogram}}.
     */
    public static double[][] macd(double[] x, int fast, int slow, int signal) {
        period(fast, "macd fast");
        period(slow, "macd slow");
        period(signal, "macd signal");
        if (fast >= slow) throw new IllegalArgumentException("macd fast period (" + fast + ") must be shorter than the slow one (" + slow + ")");
        double[] f = ema(x, fast), s = ema(x, slow);
        double[] line = new double[x.length];
        for (int i = 0; i < x.length; i++) line[i] = f[i] - s[i];
        double[] sig = ema(line, signal);
        double[] hist = new double[x.length];
        for (int i = 0; i < x.length; i++) hist[i] = line[i] - sig[i];
        return new double[][] {line, sig, hist};
    }

    /** Stochastic(14, 3): {@code {%K, %D}}. */
    public static double[][] stochastic(double[] high, double[] low, double[] close) {
        return stochastic(high, low, close, 14, 3);
    }

    /**
     * Lane's stochastic oscillator: {@code %K = 100 (close - lowest low) / (highest high - lowest low)}
     * over {@code k} bars, {@code %D} = SMA({@code d}) of %K. Returns {@code {%K, %D}};
     * NaN where the range is zero.
     */
    public static double[][] stochastic(double[] high, double[] low, double[] close, int k, int d) {
        period(k, "stochastic %K");
        period(d, "stochastic %D");
        same(close, high, low);
        double[] hh = highest(high, k), ll = lowest(low, k);
        double[] pk = nans(close.length);
        for (int i = 0; i < pk.length; i++) {
            double range = hh[i] - ll[i];
            if (range != 0) pk[i] = 100 * (close[i] - ll[i]) / range;
        }
        return new double[][] {pk, sma(pk, d)};
    }

    /** Williams %R: {@code -100 (highest high - close) / (highest high - lowest low)} over {@code n} bars; NaN where the range is zero. */
    public static double[] williamsR(double[] high, double[] low, double[] close, int n) {
        period(n, "williamsR");
        same(close, high, low);
        double[] hh = highest(high, n), ll = lowest(low, n);
        double[] out = nans(close.length);
        for (int i = 0; i < out.length; i++) {
            double range = hh[i] - ll[i];
            if (range != 0) out[i] = -100 * (hh[i] - close[i]) / range;
        }
        return out;
    }

    /**
     * Lambert's commodity channel index: typical price {@code (H+L+C)/3},
     * {@code CCI = (TP - SMA(TP)) / (0.015 * mean absolute deviation of TP)} over {@code n} bars.
     */
    public static double[] cci(double[] high, double[] low, double[] close, int n) {
        period(n, "cci");
        same(close, high, low);
        double[] tp = new double[close.length];
        for (int i = 0; i < tp.length; i++) tp[i] = (high[i] + low[i] + close[i]) / 3;
        double[] mean = sma(tp, n);
        double[] out = nans(close.length);
        for (int i = n - 1; i < tp.length; i++) {
            double dev = 0;
            for (int k = i - n + 1; k <= i; k++) dev += Math.abs(tp[k] - mean[i]);
            dev /= n;
            if (dev != 0) out[i] = (tp[i] - mean[i]) / (0.015 * dev);
        }
        return out;
    }

    /** Rate of change in percent: {@code 100 (x[i] - x[i-n]) / x[i-n]}. */
    public static double[] roc(double[] x, int n) {
        period(n, "roc");
        double[] out = nans(x.length);
        for (int i = n; i < x.length; i++) out[i] = 100 * (x[i] - x[i - n]) / x[i - n];
        return out;
    }

    public static double[] roc(Series x, int n) { return roc(arr(x), n); }

    /** Momentum: {@code x[i] - x[i-n]}. */
    public static double[] momentum(double[] x, int n) {
        period(n, "momentum");
        double[] out = nans(x.length);
        for (int i = n; i < x.length; i++) out[i] = x[i] - x[i - n];
        return out;
    }

    public static double[] momentum(Series x, int n) { return momentum(arr(x), n); }

    // ---------------------------------------------------------------- volatility

    /** Rolling population standard deviation over {@code n} values (Bollinger's definition; pandas' {@code rolling(n).std(ddof=0)}). */
    public static double[] stdev(double[] x, int n) {
        return stdev(x, n, 0);
    }

    /**
     * Rolling standard deviation with {@code ddof} degrees of freedom removed: 0 population
     * (Bollinger's), 1 sample (pandas' default {@code rolling(n).std()}).
     */
    public static double[] stdev(double[] x, int n, int ddof) {
        period(n, "stdev");
        if (ddof < 0 || ddof >= n) throw new IllegalArgumentException("stdev: ddof must be in [0, " + (n - 1) + "], got " + ddof);
        double[] mean = sma(x, n);
        double[] out = nans(x.length);
        for (int i = n - 1; i < x.length; i++) {
            if (Double.isNaN(mean[i])) continue;
            double ss = 0;
            for (int k = i - n + 1; k <= i; k++) ss += (x[k] - mean[i]) * (x[k] - mean[i]);
            out[i] = Math.sqrt(ss / (n - ddof));
        }
        return out;
    }

    public static double[] stdev(Series x, int n) { return stdev(arr(x), n); }

    /** Bollinger bands (20, 2) of a price column or indicator. */
    public static double[][] bollinger(Series x) { return bollinger(arr(x), 20, 2); }

    public static double[][] bollinger(Series x, int n, double k) { return bollinger(arr(x), n, k); }

    /** Bollinger bands (20, 2): {@code {lower, middle, upper}}. */
    public static double[][] bollinger(double[] x) { return bollinger(x, 20, 2); }

    /**
     * Bollinger bands: middle = SMA(n) (as {@link #sma}), upper/lower = middle &plusmn; k population standard
     * deviations over the same n values. Returns {@code {lower, middle, upper}}.
     */
    public static double[][] bollinger(double[] x, int n, double k) {
        period(n, "bollinger");
        if (!(k > 0)) throw new IllegalArgumentException("bollinger width k must be positive, got " + k);
        double[] mid = sma(x, n), sd = stdev(x, n);
        double[] lower = new double[x.length], upper = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            lower[i] = mid[i] - k * sd[i];
            upper[i] = mid[i] + k * sd[i];
        }
        return new double[][] {lower, mid, upper};
    }

    /**
     * True range: {@code max(high - low, |high - previous close|, |low - previous close|)}; the
     * first bar, with no previous close, is {@code high - low}.
     */
    public static double[] trueRange(double[] high, double[] low, double[] close) {
        same(close, high, low);
        double[] tr = new double[close.length];
        for (int i = 0; i < tr.length; i++) {
            double hl = high[i] - low[i];
            tr[i] = i == 0 ? hl : Math.max(hl, Math.max(Math.abs(high[i] - close[i - 1]), Math.abs(low[i] - close[i - 1])));
        }
        return tr;
    }

    /**
     * Wilder's average true range: the first value (index {@code n-1}) is the mean of the first
     * {@code n} true ranges, then {@code atr = (atr*(n-1) + tr)/n}.
     */
    public static double[] atr(double[] high, double[] low, double[] close, int n) {
        period(n, "atr");
        return rma(trueRange(high, low, close), n);
    }

    // ---------------------------------------------------------------- volume and ranges

    /** Granville's on-balance volume: starts at 0 (as ta4j), adds the volume on up closes, subtracts it on down closes. */
    public static double[] obv(double[] close, double[] volume) {
        same(close, volume);
        double[] out = new double[close.length];
        for (int i = 1; i < out.length; i++) {
            double dv = close[i] > close[i - 1] ? volume[i] : close[i] < close[i - 1] ? -volume[i] : 0;
            out[i] = out[i - 1] + dv;
        }
        return out;
    }

    /** Highest value of the last {@code n} (pandas' {@code rolling(n).max()}; NaN if any is missing). */
    public static double[] highest(double[] x, int n) { return extreme(x, n, true); }

    public static double[] highest(Series x, int n) { return highest(arr(x), n); }

    /** Lowest value of the last {@code n}. */
    public static double[] lowest(double[] x, int n) { return extreme(x, n, false); }

    public static double[] lowest(Series x, int n) { return lowest(arr(x), n); }

    private static double[] extreme(double[] x, int n, boolean max) {
        period(n, max ? "highest" : "lowest");
        double[] out = nans(x.length);
        int[] dq = new int[x.length]; // monotonic deque of indices: O(length) overall
        int head = 0, tail = 0, nan = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) nan++;
            else {
                while (tail > head && (max ? x[dq[tail - 1]] <= x[i] : x[dq[tail - 1]] >= x[i])) tail--;
                dq[tail++] = i;
            }
            if (i >= n && Double.isNaN(x[i - n])) nan--;
            while (tail > head && dq[head] <= i - n) head++;
            if (i >= n - 1 && nan == 0) out[i] = x[dq[head]];
        }
        return out;
    }

    /** pandas' {@code diff()}: {@code x[i] - x[i-1]}, NaN first. */
    public static double[] diff(double[] x) {
        double[] out = nans(x.length);
        for (int i = 1; i < x.length; i++) out[i] = x[i] - x[i - 1];
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** The values of a series without copying when it is a full price column. */
    static double[] arr(Series x) {
        if (x instanceof tradebook.data.Column) {
            double[] a = ((tradebook.data.Column) x).array();
            if (a.length == x.size()) return a;
        }
        return x.values();
    }

    private static double[] nans(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    private static void period(int n, String what) {
        if (n < 1) throw new IllegalArgumentException(what + " period must be at least 1, got " + n);
    }

    private static void same(double[] x, double[]... others) {
        for (double[] o : others) {
            if (o.length != x.length) throw new IllegalArgumentException("inputs differ in length: " + x.length + " and " + o.length);
        }
    }

    /** Start of the first run of {@code n} known values, or -1. */
    private static int firstRun(double[] x, int n) {
        int run = 0;
        for (int i = 0; i < x.length; i++) {
            run = Double.isNaN(x[i]) ? 0 : run + 1;
            if (run == n) return i - n + 1;
        }
        return -1;
    }
}
