package tradebook.portfolio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;

/**
 * One value per ticker at one bar (a row of a {@link Panel}), with what ranking code needs:
 * {@code rankDescending()} for bucket input, {@code above(0)} as a bucket condition.
 *
 * <pre>{@code
 * TickerValues roc = this.roc.last();
 * alloc().bucket("equity").append(roc.rankDescending(), roc.above(0)).trim(3).weightEqually().apply();
 * }</pre>
 */
public final class TickerValues {
    private final String[] tickers;
    private final double[] values;
    private final Map<String, Integer> position;

    TickerValues(String[] tickers, double[] values, Map<String, Integer> position) {
        this.tickers = tickers;
        this.values = values;
        this.position = position;
    }

    /** Values by ticker, in the universe's ticker order. */
    public static TickerValues of(Map<String, Double> values) {
        String[] t = values.keySet().toArray(new String[0]);
        double[] v = new double[t.length];
        Map<String, Integer> pos = new java.util.HashMap<>();
        for (int k = 0; k < t.length; k++) {
            v[k] = values.get(t[k]);
            pos.put(t[k], k);
        }
        return new TickerValues(t, v, pos);
    }

    public List<String> tickers() { return List.of(tickers); }

    public int size() { return tickers.length; }

    /** The ticker's value (NaN when it has none, or the ticker is unknown). */
    public double get(String ticker) {
        Integer k = position.get(ticker);
        return k == null ? Double.NaN : values[k];
    }

    /** Tickers with a value, highest first (ties keep the universe's order). */
    public List<String> rankDescending() {
        return rank(true);
    }

    /** Tickers with a value, lowest first (ties keep the universe's order). */
    public List<String> rankAscending() {
        return rank(false);
    }

    private List<String> rank(boolean descending) {
        // Insertion sort of indices: stable, and fast for a universe's few dozen tickers.
        int[] idx = new int[tickers.length];
        int m = 0;
        for (int k = 0; k < tickers.length; k++) {
            double v = values[k];
            if (Double.isNaN(v)) continue;
            int j = m++;
            while (j > 0 && (descending ? values[idx[j - 1]] < v : values[idx[j - 1]] > v)) {
                idx[j] = idx[j - 1];
                j--;
            }
            idx[j] = k;
        }
        List<String> out = new ArrayList<>(m);
        for (int j = 0; j < m; j++) out.add(tickers[idx[j]]);
        return out;
    }

    /** A condition: the ticker's value is above {@code x} (NaN is not). */
    public Predicate<String> above(double x) {
        return where(v -> v > x);
    }

    /** A condition: the ticker's value is below {@code x} (NaN is not). */
    public Predicate<String> below(double x) {
        return where(v -> v < x);
    }

    /** A condition on the ticker's value (never true for NaN). */
    public Predicate<String> where(DoublePredicate test) {
        return t -> {
            double v = get(t);
            return !Double.isNaN(v) && test.test(v);
        };
    }

    /** Ticker to value, in order. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < tickers.length; k++) m.put(tickers[k], values[k]);
        return m;
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < tickers.length; k++) {
            if (k > 0) sb.append(", ");
            sb.append(tickers[k]).append('=').append(String.format(Locale.ROOT, "%.6g", values[k]));
        }
        return sb.append('}').toString();
    }
}
