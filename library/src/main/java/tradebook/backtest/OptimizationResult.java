package tradebook.backtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tradebook.display.Displayable;
import tradebook.display.Html;

/**
 * What {@link Optimization#run()} found: the best run's {@link Stats} (read through
 * {@link #stats()} or directly, {@code result.get("Sharpe Ratio")}), its parameters, the
 * heatmap of every tried combination and the failures.
 */
public final class OptimizationResult implements Displayable {

    /** A combination whose run threw: its parameters and what went wrong. */
    public static final class Failure {
        final int index;
        private final Map<String, Object> params;
        private final String message;
        private final Throwable error;

        Failure(int index, Map<String, Object> params, String message, Throwable error) {
            this.index = index;
            this.params = Collections.unmodifiableMap(params);
            this.message = message;
            this.error = error;
        }

        public Map<String, Object> params() { return params; }

        public String message() { return message; }

        public Throwable error() { return error; }

        @Override public String toString() { return params + ": " + message; }
    }

    private final Stats stats;
    private final Map<String, Object> bestParams;
    private final List<String> names;
    private final List<List<Object>> values;
    private final int[] combos;
    private final double[] scores;
    private final boolean[] tried;
    private final String objective;
    private final boolean minimize;
    private final boolean keepHeatmap;
    private final List<Failure> failures;
    private final Duration elapsed;
    private final long gridSize;
    private Table heatmap;

    OptimizationResult(Stats stats, Map<String, Object> bestParams, List<String> names, List<List<Object>> values, int[] combos,
                       double[] scores, boolean[] tried, String objective, boolean minimize, boolean keepHeatmap,
                       List<Failure> failures, Duration elapsed, long gridSize) {
        this.stats = stats;
        this.bestParams = bestParams == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(bestParams));
        this.names = names;
        this.values = values;
        this.combos = combos;
        this.scores = scores;
        this.tried = tried;
        this.objective = objective;
        this.minimize = minimize;
        this.keepHeatmap = keepHeatmap;
        this.failures = Collections.unmodifiableList(new ArrayList<>(failures));
        this.elapsed = elapsed;
        this.gridSize = gridSize;
    }

    /** The best run's stats. */
    public Stats stats() {
        if (stats == null) throw new IllegalStateException("the optimization was interrupted: no best run; see heatmap()");
        return stats;
    }

    /** A stats value of the best run, e.g. {@code get("Sharpe Ratio")}. */
    public Object get(String key) { return stats().get(key); }

    public double getDouble(String key) { return stats().getDouble(key); }

    /** The best run's closed trades. */
    public Table trades() { return stats().trades(); }

    public Table equityCurve() { return stats().equityCurve(); }

    /** The best run's strategy instance (its parameters and indicators). */
    public Strategy strategy() { return stats().strategy(); }

    /** The best parameters, e.g. {@code {n1=10, n2=15}}. */
    public Map<String, Object> bestParams() {
        if (bestParams == null) throw new IllegalStateException("the optimization was interrupted: no best run; see heatmap()");
        return bestParams;
    }

    /** Name of the objective: the stats key, or the name given to a function. */
    public String objective() { return objective; }

    /** The optimized parameters, in the order given. */
    public List<String> paramNames() { return Collections.unmodifiableList(names); }

    /** Combinations tried (including failures). */
    public int tries() {
        int n = 0;
        for (int k = 0; k < combos.length; k++) if (tried[k] || failed(k)) n++;
        return n;
    }

    /** Size of the full grid, before the constraint and sampling. */
    public long gridSize() { return gridSize; }

    /** Combinations that threw, with their parameters and messages. */
    public List<Failure> errors() { return failures; }

    public Duration elapsed() { return elapsed; }

    private boolean failed(int k) {
        for (Failure f : failures) if (f.index == k) return true;
        return false;
    }

    /**
     * One row per tried combination, in grid order: a column per parameter, then the objective
     * (named as the key, e.g. {@code "Equity Final [$]"}); NaN where the run made no trades or
     * failed.
     */
    public synchronized Table heatmap() {
        if (!keepHeatmap) throw new IllegalStateException("the heatmap was not kept: run with returnHeatmap(true)");
        if (heatmap == null) heatmap = buildHeatmap();
        return heatmap.copy();
    }

    private Table buildHeatmap() {
        List<Integer> rows = new ArrayList<>();
        for (int k = 0; k < combos.length; k++) if (tried[k] || failed(k)) rows.add(k);
        Table t = Table.create("Heatmap " + objective);
        for (int p = 0; p < names.size(); p++) {
            List<Object> col = new ArrayList<>();
            for (int k : rows) col.add(Optimization.combination(names, values, combos[k]).get(names.get(p)));
            t.addColumns(column(names.get(p), col));
        }
        DoubleColumn v = DoubleColumn.create(objective);
        for (int k : rows) v.append(scores[k]);
        t.addColumns(v);
        return t;
    }

    private static Column<?> column(String name, List<Object> vs) {
        boolean ints = true, longs = true, nums = true, bools = true;
        for (Object o : vs) {
            ints &= o instanceof Integer || o instanceof Short || o instanceof Byte;
            longs &= o instanceof Long || o instanceof Integer;
            nums &= o instanceof Number;
            bools &= o instanceof Boolean;
        }
        if (ints) {
            IntColumn c = IntColumn.create(name);
            vs.forEach(o -> c.append(((Number) o).intValue()));
            return c;
        }
        if (longs) {
            LongColumn c = LongColumn.create(name);
            vs.forEach(o -> c.append(((Number) o).longValue()));
            return c;
        }
        if (nums) {
            DoubleColumn c = DoubleColumn.create(name);
            vs.forEach(o -> c.append(((Number) o).doubleValue()));
            return c;
        }
        if (bools) {
            BooleanColumn c = BooleanColumn.create(name);
            vs.forEach(o -> c.append((Boolean) o));
            return c;
        }
        StringColumn c = StringColumn.create(name);
        vs.forEach(o -> c.append(String.valueOf(o)));
        return c;
    }

    /** The heatmap as a 2-D table, the best (max, or min when minimizing) over any other parameters. */
    public Table pivot(String rows, String columns) {
        return pivot(rows, columns, minimize ? "min" : "max");
    }

    /**
     * The heatmap as a 2-D table: one row per value of {@code rows} (first column, named so), one
     * column per value of {@code columns} (named by the value), each cell the objective aggregated
     * over the other parameters by {@code agg}: {@code "max"}, {@code "min"}, {@code "mean"},
     * {@code "median"}, {@code "sum"} or {@code "count"} (NaN ignored; NaN where nothing ran). As pandas'
     * {@code heatmap.groupby([rows, columns]).agg(agg).unstack()}; see {@link tradebook.lib.Heatmaps}.
     */
    public Table pivot(String rows, String columns, String agg) {
        if (!names.contains(rows) || !names.contains(columns)) {
            throw new IllegalArgumentException("no parameter '" + (names.contains(rows) ? columns : rows) + "'; optimized were " + names);
        }
        return tradebook.lib.Heatmaps.pivot(heatmap(), rows, columns, agg);
    }

    /** The best run's chart. */
    public tradebook.chart.Chart plot() { return stats().plot(); }

    /** Heatmaps of the objective for every pair of parameters, the best over the others. */
    public tradebook.chart.Chart plotHeatmaps() { return tradebook.chart.Chart.plotHeatmaps(heatmap(), minimize ? "min" : "max"); }

    /** Heatmaps aggregated by {@code agg} ("max", "mean", ...). */
    public tradebook.chart.Chart plotHeatmaps(String agg) { return tradebook.chart.Chart.plotHeatmaps(heatmap(), agg); }

    private String header() {
        return String.format(Locale.ROOT, "Best of %d combinations (%s %s): %s in %.2fs%s", tries(), minimize ? "minimize" : "maximize",
                objective, bestParams == null ? "-" : bestParams, elapsed.toNanos() / 1e9,
                failures.isEmpty() ? "" : "; " + failures.size() + " failed, first " + failures.get(0));
    }

    @Override public String toString() {
        return header() + "\n" + (stats == null ? "" : stats.toString());
    }

    @Override public Map<String, String> toMimeBundle() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text/plain", toString());
        if (stats != null) {
            m.put("text/html", "<div>" + Html.escape(header()) + "</div>" + stats.toHtml());
        }
        return m;
    }
}
