package tradebook.backtest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import tradebook.data.Bars;

/**
 * Computes the stats table with Backtesting.py's key names, order and definitions:
 * annualization from per-day (or per-week/month/year) equity, geometric mean returns,
 * drawdown durations between equity peaks, durations rounded up to the data's time unit.
 */
final class StatsCalculator {
    private StatsCalculator() {}

    static final long DAY = 86_400_000L;

    static Stats compute(Bars data, List<Trade> trades, double[] equity, Strategy strategy, int warmup,
                         Backtest.Settings settings, List<String> warnings, Backtest backtest) {
        int nt = trades.size();
        double[] pl = new double[nt], ret = new double[nt];
        int[] entry = new int[nt], exit = new int[nt];
        double commissions = 0;
        for (int k = 0; k < nt; k++) {
            Trade tr = trades.get(k);
            pl[k] = tr.pl();
            ret[k] = tr.plPct();
            entry[k] = tr.entryBar;
            exit[k] = tr.exitBar;
            commissions += tr.commissions;
        }
        LinkedHashMap<String, Object> s = values(data, equity, data.close().array(), warmup, pl, ret, entry, exit,
                commissions, settings.riskFreeRate);
        return new Stats(s, data, List.copyOf(trades), equity, strategy, List.copyOf(warnings), backtest, warmup);
    }

    /**
     * The stats values from primitive inputs, shared by the single-asset and portfolio engines:
     * {@code data} gives the time index and period, {@code benchmark} the prices "Buy &amp; Hold"
     * and Beta compare against (from bar {@code benchmarkStart}), and the closed trades come as
     * parallel arrays (P/L in cash, return as a fraction, entry and exit bar).
     */
    static LinkedHashMap<String, Object> values(Bars data, double[] equity, double[] benchmark, int benchmarkStart,
                                                double[] tradePl, double[] tradeReturn, int[] entryBar, int[] exitBar,
                                                double commissions, double rf) {
        int n = equity.length;
        long[] t = data.timeArray();
        double[] close = benchmark;
        int warmup = benchmarkStart;
        LinkedHashMap<String, Object> s = new LinkedHashMap<>();

        // Drawdown episodes: from an equity peak (drawdown 0) to the next peak or the last bar.
        List<Double> durs = new ArrayList<>(), peaks = new ArrayList<>();
        double peak = Double.NEGATIVE_INFINITY, maxDd = 0, episodePeak = 0;
        int prevZero = -1;
        for (int i = 0; i < n; i++) {
            double e = equity[i];
            if (e > peak) peak = e;
            double d = 1 - e / peak;
            if (d > maxDd) maxDd = d;
            if (d > episodePeak) episodePeak = d;
            if (d == 0 || i == n - 1) {
                if (prevZero >= 0 && i > prevZero + 1) {
                    durs.add((double) (t[i] - t[prevZero]));
                    peaks.add(episodePeak);
                }
                prevZero = i;
                episodePeak = d;
            }
        }
        double maxEquity = peak;

        Duration period = data.period();
        long unit = timeUnit(period.toMillis());

        s.put("Start", time(t[0]));
        s.put("End", time(t[n - 1]));
        Duration duration = Duration.ofMillis(t[n - 1] - t[0]);
        s.put("Duration", duration);

        int exposed = exposedBars(entryBar, exitBar, n);
        s.put("Exposure Time [%]", exposed * 100.0 / n);
        s.put("Equity Final [$]", equity[n - 1]);
        s.put("Equity Peak [$]", maxEquity);
        if (commissions != 0) s.put("Commissions [$]", commissions);
        s.put("Return [%]", (equity[n - 1] - equity[0]) / equity[0] * 100);
        double c0 = close[Math.min(warmup, n - 1)];
        double bh = (close[n - 1] - c0) / c0 * 100;
        s.put("Buy & Hold Return [%]", bh);

        // Per-period returns for annualization.
        long freqDays = period.toMillis() / DAY;
        int weekend = 0;
        for (int i = 0; i < n; i++) if (dayOfWeek(Math.floorDiv(t[i], DAY)) >= 5) weekend++;
        boolean haveWeekends = (double) weekend / n > 2.0 / 7 * .6;
        int annualDays = freqDays == 7 ? 52 : freqDays == 31 ? 12 : freqDays == 365 ? 1 : haveWeekends ? 365 : 252;
        double[] dayReturns = periodReturns(t, equity, freqDays);
        double gmean = geometricMean(dayReturns);
        double annReturn = Math.pow(1 + gmean, annualDays) - 1;
        s.put("Return (Ann.) [%]", annReturn * 100);
        double var = variance(dayReturns);
        double vol = Math.sqrt(Math.pow(var + Math.pow(1 + gmean, 2), annualDays) - Math.pow(1 + gmean, 2 * annualDays)) * 100;
        s.put("Volatility (Ann.) [%]", vol);
        double years = (duration.toMillis() / (double) DAY) / 365.25;
        s.put("CAGR [%]", years != 0 ? (Math.pow(equity[n - 1] / equity[0], 1 / years) - 1) * 100 : Double.NaN);
        s.put("Sharpe Ratio", (annReturn * 100 - rf * 100) / vol);
        double downside = 0;
        int m = 0;
        for (double r : dayReturns) {
            if (Double.isNaN(r)) continue;
            double x = Math.min(r, 0);
            downside += x * x;
            m++;
        }
        s.put("Sortino Ratio", (annReturn - rf) / (Math.sqrt(downside / m) * Math.sqrt(annualDays)));
        s.put("Calmar Ratio", maxDd != 0 ? annReturn / maxDd : Double.NaN);

        // Jensen's alpha and beta against the asset (log returns).
        double beta = n > 2 ? logReturnBeta(equity, close) : Double.NaN;
        s.put("Alpha [%]", (double) s.get("Return [%]") - rf * 100 - beta * (bh - rf * 100));
        s.put("Beta", beta);
        s.put("Max. Drawdown [%]", -maxDd * 100);
        s.put("Avg. Drawdown [%]", -mean(peaks) * 100);
        s.put("Max. Drawdown Duration", roundUp(max(durs), unit));
        s.put("Avg. Drawdown Duration", roundUp(mean(durs), unit));

        int nt = tradePl.length;
        double[] pl = tradePl, ret = tradeReturn;
        List<Double> tdur = new ArrayList<>();
        for (int k = 0; k < nt; k++) tdur.add((double) (t[exitBar[k]] - t[entryBar[k]]));
        s.put("# Trades", nt);
        int wins = 0;
        for (double p : pl) if (p > 0) wins++;
        double winRate = nt == 0 ? Double.NaN : (double) wins / nt;
        s.put("Win Rate [%]", winRate * 100);
        s.put("Best Trade [%]", nt == 0 ? Double.NaN : max(ret) * 100);
        s.put("Worst Trade [%]", nt == 0 ? Double.NaN : -max(negate(ret)) * 100);
        s.put("Avg. Trade [%]", geometricMean(ret) * 100);
        s.put("Max. Trade Duration", roundUp(max(tdur), unit));
        s.put("Avg. Trade Duration", roundUp(mean(tdur), unit));
        double pos = 0, neg = 0;
        for (double r : ret) {
            if (r > 0) pos += r;
            else if (r < 0) neg += r;
        }
        s.put("Profit Factor", nt == 0 ? Double.NaN : pos / (Math.abs(neg) != 0 ? Math.abs(neg) : Double.NaN));
        s.put("Expectancy [%]", mean(ret) * 100);
        double sd = Math.sqrt(variance(pl));
        s.put("SQN", Math.sqrt(nt) * mean(pl) / (sd != 0 ? sd : Double.NaN));
        double avgWin = 0, avgLoss = 0;
        int nw = 0, nl = 0;
        for (double p : pl) {
            if (p > 0) {
                avgWin += p;
                nw++;
            } else if (p < 0) {
                avgLoss += p;
                nl++;
            }
        }
        avgWin = nw == 0 ? Double.NaN : avgWin / nw;
        avgLoss = nl == 0 ? Double.NaN : avgLoss / nl;
        s.put("Kelly Criterion", winRate - (1 - winRate) / (avgWin / -avgLoss));
        return s;
    }

    /** Drawdown per bar (fraction) and, at the end of each drawdown, its duration in ms (NaN elsewhere). */
    static double[][] drawdowns(long[] t, double[] equity) {
        int n = equity.length;
        double[] dd = new double[n], dur = new double[n];
        java.util.Arrays.fill(dur, Double.NaN);
        double peak = Double.NEGATIVE_INFINITY;
        int prevZero = -1;
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = 1 - equity[i] / peak;
            if (dd[i] == 0 || i == n - 1) {
                if (prevZero >= 0 && i > prevZero + 1) dur[i] = t[i] - t[prevZero];
                prevZero = i;
            }
        }
        return new double[][] {dd, dur};
    }

    /** Last equity of each calendar day (week to Sunday, month, year for coarser data), then returns. */
    static double[] periodReturns(long[] t, double[] equity, long freqDays) {
        double[] last = new double[16];
        int m = 0;
        long prevKey = Long.MIN_VALUE;
        for (int i = 0; i < t.length; i++) {
            long key = binKey(t[i], freqDays);
            if (key != prevKey) {
                if (m == last.length) last = java.util.Arrays.copyOf(last, m * 2);
                m++;
                prevKey = key;
            }
            last[m - 1] = equity[i];
        }
        double[] r = new double[m];
        r[0] = Double.NaN;
        for (int k = 1; k < m; k++) r[k] = last[k] / last[k - 1] - 1;
        return r;
    }

    private static long binKey(long millis, long freqDays) {
        long day = Math.floorDiv(millis, DAY);
        if (freqDays == 7) return day + (6 - dayOfWeek(day)); // weeks end on Sunday
        if (freqDays == 31 || freqDays == 365) {
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
            return freqDays == 31 ? d.getYear() * 12L + d.getMonthValue() : d.getYear();
        }
        return day;
    }

    /** 0 = Monday .. 6 = Sunday; 1970-01-01 was a Thursday. */
    static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7);
    }

    /** Bars with at least one trade open (entry to exit bar, inclusive), from the union of trade intervals. */
    static int exposedBars(int[] entryBar, int[] exitBar, int n) {
        int m = entryBar.length;
        if (m == 0) return 0;
        long[] iv = new long[m];
        for (int k = 0; k < m; k++) iv[k] = ((long) entryBar[k] << 32) | Math.min(exitBar[k], n - 1);
        java.util.Arrays.sort(iv); // by entry bar
        int count = 0, curStart = -1, curEnd = -2;
        for (long x : iv) {
            int a = (int) (x >>> 32), b = (int) x;
            if (a > curEnd + 1) {
                if (curEnd >= curStart && curStart >= 0) count += curEnd - curStart + 1;
                curStart = a;
                curEnd = b;
            } else if (b > curEnd) curEnd = b;
        }
        if (curStart >= 0 && curEnd >= curStart) count += curEnd - curStart + 1;
        return count;
    }

    /** Beta of the equity's log returns against the asset's: sample covariance over variance, one pass, shifted for accuracy. */
    static double logReturnBeta(double[] equity, double[] close) {
        int n = equity.length - 1;
        double kx = Math.log(equity[1] / equity[0]), ky = Math.log(close[1] / close[0]);
        double sx = 0, sy = 0, sxy = 0, syy = 0;
        for (int i = 1; i <= n; i++) {
            double x = (equity[i] == equity[i - 1] ? 0 : Math.log(equity[i] / equity[i - 1])) - kx;
            double y = Math.log(close[i] / close[i - 1]) - ky;
            sx += x;
            sy += y;
            sxy += x * y;
            syy += y * y;
        }
        double cov = (sxy - sx * sy / n) / (n - 1);
        double var = (syy - sy * sy / n) / (n - 1);
        return cov / var;
    }

    /** Geometric mean of the known (non-NaN) returns; any return of -100% or worse gives 0. */
    static double geometricMean(double[] returns) {
        double sum = 0;
        int k = 0;
        for (double r : returns) {
            if (Double.isNaN(r)) continue;
            double x = r + 1;
            if (x <= 0) return 0;
            sum += Math.log(x);
            k++;
        }
        return k == 0 ? Double.NaN : Math.exp(sum / k) - 1;
    }

    /** Sample variance (ddof 1) of the non-NaN values. */
    static double variance(double[] a) {
        double sum = 0;
        int k = 0;
        for (double x : a) if (!Double.isNaN(x)) {
            sum += x;
            k++;
        }
        if (k < 2) return Double.NaN;
        double mean = sum / k, ss = 0;
        for (double x : a) if (!Double.isNaN(x)) ss += (x - mean) * (x - mean);
        return ss / (k - 1);
    }

    static double covariance(double[] a, double[] b) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double c = 0;
        for (int i = 0; i < n; i++) c += (a[i] - ma) * (b[i] - mb);
        return c / (n - 1);
    }

    static double mean(double[] a) {
        if (a.length == 0) return Double.NaN;
        double s = 0;
        for (double x : a) s += x;
        return s / a.length;
    }

    static double mean(List<Double> a) {
        if (a.isEmpty()) return Double.NaN;
        double s = 0;
        for (double x : a) s += x;
        return s / a.size();
    }

    static double max(List<Double> a) {
        double m = Double.NaN;
        for (double x : a) if (Double.isNaN(m) || x > m) m = x;
        return m;
    }

    static double max(double[] a) {
        double m = Double.NaN;
        for (double x : a) if (Double.isNaN(m) || x > m) m = x;
        return m;
    }

    static double[] negate(double[] a) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) o[i] = -a[i];
        return o;
    }

    /** The smallest time unit of the data period: durations are rounded up to it (days for daily data). */
    static long timeUnit(long periodMillis) {
        if (periodMillis <= 0) return 1;
        if (periodMillis % DAY == 0) return DAY;
        if (periodMillis % 3_600_000 == 0) return 3_600_000;
        if (periodMillis % 60_000 == 0) return 60_000;
        if (periodMillis % 1000 == 0) return 1000;
        return 1;
    }

    static Duration roundUp(double millis, long unit) {
        if (Double.isNaN(millis)) return null;
        long ms = (long) Math.ceil(millis);
        return Duration.ofMillis(Math.floorDiv(ms + unit - 1, unit) * unit);
    }

    static LocalDateTime time(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC);
    }
}
