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
        int n = equity.length;
        long[] t = data.timeArray();
        double[] close = data.close().array();
        double rf = settings.riskFreeRate;
        LinkedHashMap<String, Object> s = new LinkedHashMap<>();

        // Drawdown series and its peaks/durations.
        double[] dd = new double[n];
        double peak = Double.NEGATIVE_INFINITY;
        double maxEquity = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = 1 - equity[i] / peak;
            maxEquity = Math.max(maxEquity, equity[i]);
        }
        double[] ddDur = new double[n]; // in ms, NaN except at the end of each drawdown
        double[] ddPeak = new double[n];
        java.util.Arrays.fill(ddDur, Double.NaN);
        java.util.Arrays.fill(ddPeak, Double.NaN);
        List<Double> durs = new ArrayList<>(), peaks = new ArrayList<>();
        int prevZero = -1;
        for (int i = 0; i < n; i++) {
            if (dd[i] == 0 || i == n - 1) {
                if (prevZero >= 0 && i > prevZero + 1) {
                    double pk = 0;
                    for (int k = prevZero; k <= i; k++) pk = Math.max(pk, dd[k]);
                    ddDur[i] = t[i] - t[prevZero];
                    ddPeak[i] = pk;
                    durs.add(ddDur[i]);
                    peaks.add(pk);
                }
                prevZero = i;
            }
        }

        Duration period = data.period();
        long unit = timeUnit(period.toMillis());

        s.put("Start", time(t[0]));
        s.put("End", time(t[n - 1]));
        Duration duration = Duration.ofMillis(t[n - 1] - t[0]);
        s.put("Duration", duration);

        boolean[] have = new boolean[n];
        for (Trade tr : trades) for (int k = tr.entryBar; k <= tr.exitBar && k < n; k++) if (k >= 0) have[k] = true;
        int exposed = 0;
        for (boolean b : have) if (b) exposed++;
        s.put("Exposure Time [%]", exposed * 100.0 / n);
        s.put("Equity Final [$]", equity[n - 1]);
        s.put("Equity Peak [$]", maxEquity);
        double commissions = 0;
        for (Trade tr : trades) commissions += tr.commissions;
        if (commissions != 0) s.put("Commissions [$]", commissions);
        s.put("Return [%]", (equity[n - 1] - equity[0]) / equity[0] * 100);
        double c0 = close[Math.min(warmup, n - 1)];
        double bh = (close[n - 1] - c0) / c0 * 100;
        s.put("Buy & Hold Return [%]", bh);

        // Per-period returns for annualization.
        long freqDays = period.toMillis() / DAY;
        int weekend = 0;
        for (int i = 0; i < n; i++) {
            DayOfWeek d = time(t[i]).getDayOfWeek();
            if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) weekend++;
        }
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
        double maxDd = 0;
        for (double x : dd) if (x > maxDd) maxDd = x;
        s.put("Calmar Ratio", maxDd != 0 ? annReturn / maxDd : Double.NaN);

        // Jensen's alpha and beta against the asset (log returns).
        double beta = Double.NaN;
        if (n > 2) {
            double[] er = new double[n - 1], mr = new double[n - 1];
            for (int i = 1; i < n; i++) {
                er[i - 1] = Math.log(equity[i] / equity[i - 1]);
                mr[i - 1] = Math.log(close[i] / close[i - 1]);
            }
            beta = covariance(er, mr) / covariance(mr, mr);
        }
        s.put("Alpha [%]", (double) s.get("Return [%]") - rf * 100 - beta * (bh - rf * 100));
        s.put("Beta", beta);
        s.put("Max. Drawdown [%]", -maxDd * 100);
        s.put("Avg. Drawdown [%]", -mean(peaks) * 100);
        s.put("Max. Drawdown Duration", roundUp(max(durs), unit));
        s.put("Avg. Drawdown Duration", roundUp(mean(durs), unit));

        int nt = trades.size();
        double[] pl = new double[nt], ret = new double[nt];
        List<Double> tdur = new ArrayList<>();
        for (int k = 0; k < nt; k++) {
            Trade tr = trades.get(k);
            pl[k] = tr.pl();
            ret[k] = tr.plPct();
            tdur.add((double) (t[tr.exitBar] - t[tr.entryBar]));
        }
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

        return new Stats(s, data, List.copyOf(trades), equity, dd, ddDur, strategy, List.copyOf(warnings), backtest, warmup);
    }

    /** Last equity of each calendar day (week to Sunday, month, year for coarser data), then returns. */
    static double[] periodReturns(long[] t, double[] equity, long freqDays) {
        List<Double> last = new ArrayList<>();
        long prevKey = Long.MIN_VALUE;
        for (int i = 0; i < t.length; i++) {
            long key = binKey(t[i], freqDays);
            if (key != prevKey) {
                last.add(equity[i]);
                prevKey = key;
            } else {
                last.set(last.size() - 1, equity[i]);
            }
        }
        double[] r = new double[last.size()];
        r[0] = Double.NaN;
        for (int k = 1; k < r.length; k++) r[k] = last.get(k) / last.get(k - 1) - 1;
        return r;
    }

    private static long binKey(long millis, long freqDays) {
        LocalDateTime d = time(millis);
        if (freqDays == 7) return d.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).toEpochDay();
        if (freqDays == 31) return d.getYear() * 12L + d.getMonthValue();
        if (freqDays == 365) return d.getYear();
        return Math.floorDiv(millis, DAY);
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
