package tradebook.backtest;

import java.util.Arrays;
import tradebook.data.Bars;
import tradebook.data.Series;

/**
 * A full-length indicator declared in {@code init()} with {@code I(...)}, revealed bar by bar:
 * inside {@code next()}, {@code get(-1)} is its value at the current bar and nothing later is
 * visible. Multi-line indicators (bands, MACD) keep each line; {@code get} reads the first.
 */
public final class Indicator implements Series {
    private final String name;
    private final double[][] lines;
    private final Bars owner;
    private Boolean overlay;
    private boolean plot = true;
    private boolean scatter;
    private String color;
    private String[] lineNames;

    Indicator(String name, double[][] lines, Bars owner) {
        this.name = name;
        this.lines = lines;
        this.owner = owner;
    }

    @Override public String name() { return name; }

    /** Visible values: the bars up to the current one. */
    @Override public int size() { return owner.size(); }

    @Override public double get(int i) {
        int n = owner.size();
        int k = i < 0 ? n + i : i;
        if (k < 0 || k >= n) Series.index(i, n, name);
        return lines[0][k];
    }

    @Override public double[] values() { return Arrays.copyOf(lines[0], owner.size()); }

    /**
     * Writes a visible value, e.g. {@code forecast.set(-1, f)} inside {@code next()} (Python's
     * {@code self.forecasts[-1] = f}): for values known only as the backtest goes, shown on the chart.
     */
    public void set(int i, double value) {
        int n = owner.size();
        lines[0][Series.index(i, n, name)] = value;
    }

    /** Number of lines (1 for most indicators, 3 for Bollinger bands...). */
    public int lineCount() { return lines.length; }

    /** Line {@code k} as a series, revealed like this indicator. */
    public Series line(int k) {
        final double[] a = lines[k];
        final String ln = lineName(k);
        return new Series() {
            @Override public String name() { return ln; }
            @Override public int size() { return owner.size(); }
            @Override public double get(int i) {
                int n = owner.size();
                return a[Series.index(i, n, ln)];
            }
        };
    }

    /** Value of line {@code k} at {@code i} (negative from the current bar). */
    public double get(int k, int i) {
        return lines[k][Series.index(i, owner.size(), name)];
    }

    /** The full arrays of every line, all bars (for plots and stats; includes future bars). */
    public double[][] arrays() { return lines; }

    /** Draw on the price chart (true), in a panel of its own (false), or decide from the values (null). */
    public Indicator overlay(boolean overlay) { this.overlay = overlay; return this; }

    public Boolean overlay() { return overlay; }

    /** Whether the plot shows it. */
    public Indicator plot(boolean plot) { this.plot = plot; return this; }

    public boolean plot() { return plot; }

    /** Draw as markers instead of a line; scatter indicators do not delay the first {@code next()}. */
    public Indicator scatter(boolean scatter) { this.scatter = scatter; return this; }

    public boolean scatter() { return scatter; }

    /** CSS color for the plot. */
    public Indicator color(String color) { this.color = color; return this; }

    public String color() { return color; }

    /** Names of the lines, e.g. {@code "lower", "mid", "upper"}. */
    public Indicator lineNames(String... names) { this.lineNames = names; return this; }

    public String lineName(int k) {
        if (lineNames != null && k < lineNames.length) return lineNames[k];
        return lines.length == 1 ? name : name + "[" + k + "]";
    }

    /** Bars before the first value of every line is known (the warm-up). */
    int warmup() {
        int w = 0;
        for (double[] line : lines) {
            int k = 0;
            while (k < line.length && Double.isNaN(line[k])) k++;
            if (k == line.length) return -1;
            w = Math.max(w, k);
        }
        return w;
    }

    @Override public String toString() {
        int n = owner.size();
        double[] v = lines[0];
        return name + (n > 5 ? "[..., " + v[n - 3] + ", " + v[n - 2] + ", " + v[n - 1] + "]" : Arrays.toString(values()));
    }
}
