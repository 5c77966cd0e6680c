package tradebook.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Optimization heatmaps: for every pair of parameters, the objective aggregated over the other
 * parameters, one panel per pair, on one colour scale (as Backtesting.py's {@code plot_heatmaps}).
 */
final class Heatmaps {
    private Heatmaps() {}

    static Figure figure(Table heatmap, String agg, int columns) {
        if (heatmap == null || heatmap.columnCount() < 2) {
            throw new IllegalArgumentException("a heatmap table needs parameter columns and an objective column last");
        }
        String how = agg == null ? "max" : agg.toLowerCase(Locale.ROOT);
        if (!List.of("max", "mean", "min", "median", "sum", "count").contains(how)) {
            throw new IllegalArgumentException("unknown aggregation '" + agg + "': use max, mean, min, median, sum or count");
        }
        List<Column<?>> params = new ArrayList<>(heatmap.columns().subList(0, heatmap.columnCount() - 1));
        Column<?> objective = heatmap.column(heatmap.columnCount() - 1);
        if (!(objective instanceof NumericColumn)) {
            throw new IllegalArgumentException("the last column, '" + objective.name() + "', must hold the objective's numbers");
        }
        NumericColumn<?> value = (NumericColumn<?>) objective;
        Figure f = new Figure("Heatmaps of " + objective.name() + " (" + how + ")", Figure.Layout.GRID);
        f.colorbarTitle = objective.name();
        f.showLegend = false;
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) for (int j = i + 1; j < params.size(); j++) pairs.add(new int[] {i, j});
        if (params.size() == 1) pairs.add(new int[] {0, -1});
        f.gridColumns = Math.max(1, Math.min(columns, pairs.size()));
        f.width = Math.min(1200, 140 + 400 * f.gridColumns);
        for (int[] pair : pairs) {
            Column<?> cx = params.get(pair[0]);
            Column<?> cy = pair[1] < 0 ? null : params.get(pair[1]);
            List<String> xs = categories(cx), ys = cy == null ? List.of("") : categories(cy);
            Map<String, Integer> xi = index(xs), yi = index(ys);
            List<List<Double>> cells = new ArrayList<>();
            for (int k = 0; k < xs.size() * ys.size(); k++) cells.add(new ArrayList<>());
            for (int r = 0; r < heatmap.rowCount(); r++) {
                double v = value.getDouble(r);
                if (Double.isNaN(v)) continue;
                int x = xi.get(label(cx, r)), y = cy == null ? 0 : yi.get(label(cy, r));
                cells.get(y * xs.size() + x).add(v);
            }
            Panel p = f.add(new Panel(cx.name() + (cy == null ? "" : " × " + cy.name()), 320));
            p.xTitle = cx.name();
            p.yTitle = cy == null ? "" : cy.name();
            p.xCategories = xs;
            p.yCategories = ys;
            Trace t = f.add(new Trace(Trace.Kind.HEATMAP, p.name, p));
            t.z = new double[ys.size()][xs.size()];
            for (int y = 0; y < ys.size(); y++) {
                for (int x = 0; x < xs.size(); x++) t.z[y][x] = aggregate(cells.get(y * xs.size() + x), how);
            }
        }
        return f;
    }

    /** Distinct values of a column in ascending (numeric where numeric) order, as labels. */
    private static List<String> categories(Column<?> c) {
        if (c instanceof NumericColumn) {
            TreeMap<Double, String> m = new TreeMap<>();
            NumericColumn<?> n = (NumericColumn<?>) c;
            for (int r = 0; r < c.size(); r++) m.putIfAbsent(n.getDouble(r), label(c, r));
            return new ArrayList<>(m.values());
        }
        TreeMap<String, String> m = new TreeMap<>();
        for (int r = 0; r < c.size(); r++) m.putIfAbsent(label(c, r), label(c, r));
        return new ArrayList<>(m.values());
    }

    private static String label(Column<?> c, int r) {
        if (c instanceof NumericColumn) {
            double v = ((NumericColumn<?>) c).getDouble(r);
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return c.getString(r);
    }

    private static Map<String, Integer> index(List<String> labels) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) m.put(labels.get(i), i);
        return m;
    }

    static double aggregate(List<Double> vs, String how) {
        if (vs.isEmpty()) return how.equals("count") ? 0 : Double.NaN;
        switch (how) {
            case "max": return vs.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
            case "min": return vs.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
            case "sum": return vs.stream().mapToDouble(Double::doubleValue).sum();
            case "count": return vs.size();
            case "median": {
                double[] a = vs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
            }
            default: return vs.stream().mapToDouble(Double::doubleValue).average().getAsDouble();
        }
    }
}
