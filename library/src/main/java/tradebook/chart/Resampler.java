package tradebook.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tradebook.backtest.Indicator;
import tradebook.backtest.Trade;
import tradebook.data.Bars;

/**
 * Thins a long backtest to a few thousand candles so the browser stays fast: bars are
 * aggregated per bucket of a larger time frame (open first, high max, low min, close last,
 * volume sum; equity last, drawdown deepest, indicators mean) and trades are merged by the
 * bucket they closed in, as Backtesting.py's {@code resample=} does.
 */
final class Resampler {
    private Resampler() {}

    /**
     * The smallest frame of {@link TimeFrame#LADDER} that is no finer than the bars and gives at
     * most {@code maxCandles} buckets; null if the bars already fit.
     */
    static TimeFrame auto(long[] time, int n, int maxCandles) {
        if (n <= maxCandles) return null;
        long period = n > 1 ? medianStep(time, n) : 0;
        for (TimeFrame f : TimeFrame.LADDER) {
            if (f.approxMillis() <= period) continue;
            if (f.countBuckets(time, n, maxCandles) <= maxCandles) return f;
        }
        return TimeFrame.LADDER.get(TimeFrame.LADDER.size() - 1);
    }

    private static long medianStep(long[] t, int n) {
        int m = Math.min(n - 1, 1000);
        long[] d = new long[m];
        for (int i = 0; i < m; i++) d[i] = t[n - m + i] - t[n - m + i - 1];
        java.util.Arrays.sort(d);
        return d[m / 2];
    }

    /** The plot's series at the bars' own resolution (frame null) or aggregated to {@code frame}. */
    static PlotData of(Bars bars, double[] equity, double[] drawdown, List<Indicator> indicators, List<Trade> trades, TimeFrame frame) {
        int n = bars.size();
        long[] t = bars.timeArray();
        PlotData d = new PlotData();
        d.name = bars.name();
        d.frame = frame;
        double[] o = bars.open().array(), h = bars.high().array(), l = bars.low().array(), c = bars.close().array();
        double[] v = bars.volume().array();
        if (frame == null) {
            d.time = java.util.Arrays.copyOf(t, n);
            d.open = o;
            d.high = h;
            d.low = l;
            d.close = c;
            d.volume = v;
            d.equity = equity;
            d.drawdown = drawdown;
            for (Indicator ind : indicators) {
                for (int k = 0; k < ind.lineCount(); k++) d.lines.add(new PlotData.Line(ind, k, ind.arrays()[k]));
            }
            for (Trade tr : trades) d.trades.add(mark(tr, t));
            return d;
        }
        // Bucket boundaries: start[b] is the first source bar of bucket b.
        int[] start = new int[n + 1];
        long[] bt = new long[n];
        int m = 0;
        long end = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (t[i] >= end) {
                long b = frame.bucket(t[i]);
                end = frame.next(b);
                bt[m] = b;
                start[m++] = i;
            }
        }
        start[m] = n;
        d.time = java.util.Arrays.copyOf(bt, m);
        d.open = new double[m];
        d.high = new double[m];
        d.low = new double[m];
        d.close = new double[m];
        d.volume = new double[m];
        d.equity = new double[m];
        d.drawdown = new double[m];
        for (int b = 0; b < m; b++) {
            int from = start[b], to = start[b + 1];
            double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY, vol = 0, dd = 0;
            for (int i = from; i < to; i++) {
                hi = Math.max(hi, h[i]);
                lo = Math.min(lo, l[i]);
                if (!Double.isNaN(v[i])) vol += v[i];
                if (drawdown[i] > dd) dd = drawdown[i];
            }
            d.open[b] = o[from];
            d.high[b] = hi;
            d.low[b] = lo;
            d.close[b] = c[to - 1];
            d.volume[b] = vol;
            d.equity[b] = equity[to - 1];
            d.drawdown[b] = dd;
        }
        for (Indicator ind : indicators) {
            for (int k = 0; k < ind.lineCount(); k++) {
                double[] src = ind.arrays()[k], out = new double[m];
                for (int b = 0; b < m; b++) {
                    double sum = 0;
                    int cnt = 0;
                    for (int i = start[b]; i < start[b + 1]; i++) {
                        if (!Double.isNaN(src[i])) {
                            sum += src[i];
                            cnt++;
                        }
                    }
                    out[b] = cnt == 0 ? Double.NaN : sum / cnt;
                }
                d.lines.add(new PlotData.Line(ind, k, out));
            }
        }
        // Trades merged by exit bucket: sizes and P/L add up, prices are size-weighted.
        Map<Long, PlotData.TradeMark> byExit = new LinkedHashMap<>();
        Map<Long, double[]> weights = new LinkedHashMap<>(); // |size|, |size|*entry, |size|*exit, invested
        for (Trade tr : trades) {
            PlotData.TradeMark one = mark(tr, t);
            long key = frame.bucket(one.exitTime);
            PlotData.TradeMark agg = byExit.get(key);
            double w = Math.abs(one.size);
            if (agg == null) {
                agg = new PlotData.TradeMark();
                agg.count = 0;
                agg.entryTime = frame.bucket(one.entryTime);
                agg.exitTime = key;
                byExit.put(key, agg);
                weights.put(key, new double[4]);
            }
            double[] ws = weights.get(key);
            agg.count++;
            agg.entryTime = Math.min(agg.entryTime, frame.bucket(one.entryTime));
            agg.size += one.size;
            agg.pl += one.pl;
            ws[0] += w;
            ws[1] += w * one.entryPrice;
            ws[2] += w * one.exitPrice;
            ws[3] += w * one.entryPrice;
        }
        for (Map.Entry<Long, PlotData.TradeMark> e : byExit.entrySet()) {
            PlotData.TradeMark a = e.getValue();
            double[] ws = weights.get(e.getKey());
            a.entryPrice = ws[1] / ws[0];
            a.exitPrice = ws[2] / ws[0];
            a.plPct = ws[3] == 0 ? 0 : a.pl / ws[3];
            d.trades.add(a);
        }
        return d;
    }

    private static PlotData.TradeMark mark(Trade tr, long[] t) {
        PlotData.TradeMark m = new PlotData.TradeMark();
        m.entryTime = t[tr.entryBar()];
        m.exitTime = t[tr.exitBar()];
        m.entryPrice = tr.entryPrice();
        m.exitPrice = tr.exitPrice();
        m.size = tr.size();
        m.pl = tr.pl();
        m.plPct = tr.plPct();
        return m;
    }
}
