package tradebook.ta;

import tradebook.data.Series;

/**
 * Technical indicators over {@code double[]}: full-length results, NaN while warming up, ready
 * for {@code I(...)}. Each follows the textbook definition named in its comment; where ta4j
 * computes exactly that, it does the work (WMA, standard deviation and Bollinger bands,
 * stochastic %K, Williams %R, CCI, ROC, OBV); the recursive averages (EMA, RSI, ATR, MACD) are
 * computed here because ta4j seeds them from the first bar instead of the textbook's simple
 * average of the first {@code n}. Multi-line indicators return {@code double[][]}, one array per
 * line, for {@code I(name, lines...)}. Inputs may start with NaN (e.g. another indicator's
 * warm-up); the result then starts where enough values are known.
 *
 * <p>Anything else ta4j has: {@link Ta4j#apply}. Fluent access on bars: {@code bars.ta().rsi(14)}.
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

    /** Linearly weighted moving average: weights 1..n, the latest value weighs n (ta4j's WMA). */
    public static double[] wma(double[] x, int n) {
        period(n, "wma");
        org.ta4j.core.BarSeries s = Ta4j.series(x);
        return Ta4j.values(new org.ta4j.core.indicators.WMAIndicator(Ta4j.indicator(s, x), n), n - 1);
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
     * over {@code k} bars (ta4j), {@code %D} = SMA({@code d}) of %K. Returns {@code {%K, %D}};
     * NaN where the range is zero.
     */
    public static double[][] stochastic(double[] high, double[] low, double[] close, int k, int d) {
        period(k, "stochastic %K");
        period(d, "stochastic %D");
        same(close, high, low);
        org.ta4j.core.BarSeries s = Ta4j.series(close, high, low, close, null);
        double[] pk = Ta4j.values(new org.ta4j.core.indicators.StochasticOscillatorKIndicator(s, k), k - 1);
        return new double[][] {pk, sma(pk, d)};
    }

    /** Williams %R: {@code -100 (highest high - close) / (highest high - lowest low)} over {@code n} bars (ta4j). */
    public static double[] williamsR(double[] high, double[] low, double[] close, int n) {
        period(n, "williamsR");
        same(close, high, low);
        org.ta4j.core.BarSeries s = Ta4j.series(close, high, low, close, null);
        return Ta4j.values(new org.ta4j.core.indicators.WilliamsRIndicator(s, n), n - 1);
    }

    /**
     * Lambert's commodity channel index (ta4j): typical price {@code (H+L+C)/3},
     * {@code CCI = (TP - SMA(TP)) / (0.015 * mean absolute deviation of TP)} over {@code n} bars.
     */
    public static double[] cci(double[] high, double[] low, double[] close, int n) {
        period(n, "cci");
        same(close, high, low);
        org.ta4j.core.BarSeries s = Ta4j.series(close, high, low, close, null);
        return Ta4j.values(new org.ta4j.core.indicators.CCIIndicator(s, n), n - 1);
    }

    /** Rate of change in percent: {@code 100 (x[i] - x[i-n]) / x[i-n]} (ta4j). */
    public static double[] roc(double[] x, int n) {
        period(n, "roc");
        org.ta4j.core.BarSeries s = Ta4j.series(x);
        return Ta4j.values(new org.ta4j.core.indicators.ROCIndicator(Ta4j.indicator(s, x), n), n);
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

    /** Rolling population standard deviation over {@code n} values (ta4j; Bollinger's definition). */
    public static double[] stdev(double[] x, int n) {
        period(n, "stdev");
        org.ta4j.core.BarSeries s = Ta4j.series(x);
        return Ta4j.values(new org.ta4j.core.indicators.statistics.StandardDeviationIndicator(Ta4j.indicator(s, x), n), n - 1);
    }

    public static double[] stdev(Series x, int n) { return stdev(arr(x), n); }

    /** Bollinger bands (20, 2) of a price column or indicator. */
    public static double[][] bollinger(Series x) { return bollinger(arr(x), 20, 2); }

    public static double[][] bollinger(Series x, int n, double k) { return bollinger(arr(x), n, k); }

    /** Bollinger bands (20, 2): {@code {lower, middle, upper}}. */
    public static double[][] bollinger(double[] x) { return bollinger(x, 20, 2); }

    /**
     * Bollinger bands (ta4j): middle = SMA(n), upper/lower = middle &plusmn; k population standard
     * deviations over the same n values. Returns {@code {lower, middle, upper}}.
     */
    public static double[][] bollinger(double[] x, int n, double k) {
        period(n, "bollinger");
        if (!(k > 0)) throw new IllegalArgumentException("bollinger width k must be positive, got " + k);
        org.ta4j.core.BarSeries s = Ta4j.series(x);
        org.ta4j.core.Indicator<org.ta4j.core.num.Num> in = Ta4j.indicator(s, x);
        var mid = new org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator(new org.ta4j.core.indicators.SMAIndicator(in, n));
        var sd = new org.ta4j.core.indicators.statistics.StandardDeviationIndicator(in, n);
        org.ta4j.core.num.Num kk = org.ta4j.core.num.DoubleNum.valueOf(k);
        return new double[][] {
            Ta4j.values(new org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator(mid, sd, kk), n - 1),
            Ta4j.values(mid, n - 1),
            Ta4j.values(new org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator(mid, sd, kk), n - 1)};
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

    /** Granville's on-balance volume (ta4j): starts at 0, adds the volume on up closes, subtracts it on down closes. */
    public static double[] obv(double[] close, double[] volume) {
        same(close, volume);
        org.ta4j.core.BarSeries s = Ta4j.series(close, close, close, close, volume);
        return Ta4j.values(new org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator(s));
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
