package tradebook.lib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The data behind Backtesting.py's {@code plot_heatmaps}: an optimization heatmap (one row per
 * combination: a column per parameter, the objective last, as {@code OptimizationResult.heatmap()})
 * folded into 2-D tables, one per pair of parameters, each cell the objective aggregated over the
 * other parameters.
 */
public final class Heatmaps {
    private Heatmaps() {}

    /** Aggregations a cell can use. */
    public static final List<String> AGGREGATIONS = List.of("max", "min", "mean", "median", "sum", "count");

    /**
     * A 2-D table: first column {@code rows} (its distinct values, sorted), then one column per
     * distinct value of {@code columns} (named by the value), each cell {@code agg} of the
     * objective over the rows with those two values (missing values ignored; missing where none).
     * pandas: {@code heatmap.groupby([rows, columns]).agg(agg).unstack()}.
     */
    public static Table pivot(Table heatmap, String rows, String columns, String agg) {
        String how = agg == null ? "max" : agg.toLowerCase(Locale.ROOT);
        if (!AGGREGATIONS.contains(how)) throw new IllegalArgumentException("unknown aggregation '" + agg + "': use " + AGGREGATIONS);
        List<String> params = params(heatmap);
        if (!params.contains(rows) || !params.contains(columns)) {
            throw new IllegalArgumentException("no parameter '" + (params.contains(rows) ? columns : rows) + "' in the heatmap; have " + params);
        }
        if (rows.equals(columns)) throw new IllegalArgumentException("pivot needs two different parameters, got " + rows + " twice");
        Column<?> rc = heatmap.column(rows), cc = heatmap.column(columns);
        NumericColumn<?> value = value(heatmap);
        List<Object> rv = distinct(rc), cv = distinct(cc);
        List<List<List<Double>>> cells = new ArrayList<>();
        for (int i = 0; i < rv.size(); i++) {
            List<List<Double>> row = new ArrayList<>();
            for (int j = 0; j < cv.size(); j++) row.add(new ArrayList<>());
            cells.add(row);
        }
        for (int k = 0; k < heatmap.rowCount(); k++) {
            double v = value.getDouble(k);
            if (Double.isNaN(v) || rc.isMissing(k) || cc.isMissing(k)) continue;
            cells.get(rv.indexOf(rc.get(k))).get(cv.indexOf(cc.get(k))).add(v);
        }
        Table out = Table.create(value.name() + " by " + rows + " and " + columns);
        Column<?> first = rc.emptyCopy();
        for (Object o : rv) appendObject(first, o);
        out.addColumns(first);
        for (int j = 0; j < cv.size(); j++) {
            DoubleColumn col = DoubleColumn.create(String.valueOf(cv.get(j)));
            for (int i = 0; i < rv.size(); i++) col.append(aggregate(cells.get(i).get(j), how));
            out.addColumns(col);
        }
        return out;
    }

    /** One pivot per pair of parameters, keyed {@code "n1 × n2"}, in column order (plot_heatmaps' panels). */
    public static Map<String, Table> pairs(Table heatmap, String agg) {
        List<String> params = params(heatmap);
        if (params.size() < 2) throw new IllegalArgumentException("a heatmap needs at least two parameters; this one has " + params);
        Map<String, Table> out = new LinkedHashMap<>();
        for (int a = 0; a < params.size(); a++) {
            for (int b = a + 1; b < params.size(); b++) {
                out.put(params.get(a) + " × " + params.get(b), pivot(heatmap, params.get(a), params.get(b), agg));
            }
        }
        return out;
    }

    /** The parameter columns: all but the last (the objective). */
    public static List<String> params(Table heatmap) {
        List<String> names = new ArrayList<>(heatmap.columnNames());
        if (names.size() < 2) throw new IllegalArgumentException("not a heatmap: it needs parameter columns and an objective column last");
        names.remove(names.size() - 1);
        return names;
    }

    private static NumericColumn<?> value(Table heatmap) {
        Column<?> last = heatmap.column(heatmap.columnCount() - 1);
        if (!(last instanceof NumericColumn)) throw new IllegalArgumentException("not a heatmap: its last column " + last.name() + " is not numeric");
        return (NumericColumn<?>) last;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> distinct(Column<?> c) {
        List<Object> seen = new ArrayList<>();
        for (int k = 0; k < c.size(); k++) if (!c.isMissing(k) && !seen.contains(c.get(k))) seen.add(c.get(k));
        try {
            return new ArrayList<>(new TreeSet(seen));
        } catch (ClassCastException notComparable) {
            return seen;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void appendObject(Column c, Object o) {
        c.append(o);
    }

    private static double aggregate(List<Double> xs, String how) {
        if (how.equals("count")) return xs.size();
        if (xs.isEmpty()) return Double.NaN;
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        switch (how) {
            case "max": return s[s.length - 1];
            case "min": return s[0];
            case "mean": case "sum": {
                double sum = 0;
                for (double v : s) sum += v;
                return how.equals("sum") ? sum : sum / s.length;
            }
            default: return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }
}
