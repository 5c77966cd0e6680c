package tradebook.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figure of a portfolio backtest: equity against the equal-weight basket, drawdown, and the
 * allocation over time as stacked weights (the largest holdings by average weight, the rest as
 * "Other", then cash). Long histories are thinned to at most {@link #MAX_POINTS} points per line.
 */
final class PortfolioPlot {
    static final int MAX_POINTS = 4000, MAX_LAYERS = 10;
    private static final String BASELINE = "#7f7f7f", CASH = "#c7c7c7", OTHER = "#9e9e9e";

    private PortfolioPlot() {}

    static Figure build(String title, long[] time, double[] equity, double[] baseline, String baselineName,
                        Map<String, double[]> weights, double[] cashWeight) {
        int n = time.length;
        if (equity.length != n || baseline.length != n || cashWeight.length != n) {
            throw new IllegalArgumentException("portfolio plot: " + n + " bars but " + equity.length + " equity values");
        }
        int step = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        int[] idx = thin(n, step);
        double[] x = new double[idx.length];
        for (int k = 0; k < idx.length; k++) x[k] = time[idx[k]];

        Figure f = new Figure(title, Figure.Layout.STACKED);
        Panel eq = f.add(new Panel("Equity", 200));
        eq.yFormat = ",.0f";
        Trace line = f.add(new Trace(Trace.Kind.LINE, String.format(Locale.ROOT, "Equity (final $%,.0f)", equity[n - 1]), eq));
        line.x = x;
        line.y = pick(equity, idx);
        line.color = BacktestPlot.EQUITY;
        Trace base = f.add(new Trace(Trace.Kind.LINE, baselineName, eq));
        base.x = x;
        base.y = pick(baseline, idx);
        base.color = BASELINE;
        base.dash = "dash";
        base.lineWidth = 1.2;

        Panel ddp = f.add(new Panel("Drawdown", 90));
        ddp.yFormat = ".0%";
        double[] dd = new double[n];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = peak > 0 ? equity[i] / peak - 1 : 0;
        }
        Trace area = f.add(new Trace(Trace.Kind.AREA, "Drawdown", ddp));
        area.x = x;
        area.y = pick(dd, idx);
        area.color = BacktestPlot.DOWN;

        Panel alloc = f.add(new Panel("Allocation", 220));
        alloc.yFormat = ".0%";
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(weights.entrySet());
        ranked.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -mean(e.getValue())));
        Map<String, double[]> layers = new LinkedHashMap<>();
        double[] other = new double[n];
        boolean hasOther = false;
        for (int k = 0; k < ranked.size(); k++) {
            double[] w = ranked.get(k).getValue();
            if (mean(w) <= 0) continue; // never held
            if (k < MAX_LAYERS) layers.put(ranked.get(k).getKey(), w);
            else {
                hasOther = true;
                for (int i = 0; i < n; i++) other[i] += w[i];
            }
        }
        if (hasOther) layers.put("Other", other);
        layers.put("Cash", cashWeight);
        int c = 0;
        for (Map.Entry<String, double[]> e : layers.entrySet()) {
            Trace t = f.add(new Trace(Trace.Kind.AREA, e.getKey(), alloc));
            t.x = x;
            t.y = pick(e.getValue(), idx);
            t.stackGroup = "allocation";
            t.color = e.getKey().equals("Cash") ? CASH : e.getKey().equals("Other") ? OTHER
                    : BacktestPlot.PALETTE[c++ % BacktestPlot.PALETTE.length];
        }
        return f;
    }

    private static int[] thin(int n, int step) {
        int m = (n - 1) / step + 1 + ((n - 1) % step == 0 ? 0 : 1);
        int[] idx = new int[m];
        for (int k = 0, i = 0; k < m; k++, i += step) idx[k] = Math.min(i, n - 1); // always keep the last bar
        return idx;
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int k = 0; k < idx.length; k++) out[k] = v[idx[k]];
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        int c = 0;
        for (double d : v) if (!Double.isNaN(d)) { s += Math.abs(d); c++; }
        return c == 0 ? 0 : s / c;
    }
}
