package tradebook.portfolio;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tradebook.data.DataException;
import tradebook.data.Series;

/**
 * Values by bar and ticker (bars &times; tickers): a price column of every ticker
 * ({@code data().close()}) or a per-ticker indicator ({@code data().ta().roc(10)}). Read like the
 * rest of the data, revealed bar by bar: {@code last()} is the current bar's row,
 * {@code get("AAPL")} one ticker's series, {@code get(-2, "AAPL")} one value.
 */
public final class Panel {
    private final String name;
    private final String[] tickers;
    private final double[][] cols; // [ticker][bar], full length
    private final Universe.Clock clock;
    private final long[] time;
    private final Map<String, Integer> position = new HashMap<>();

    Panel(String name, String[] tickers, double[][] cols, Universe.Clock clock, long[] time) {
        this.name = name;
        this.tickers = tickers;
        this.cols = cols;
        this.clock = clock;
        this.time = time;
        for (int k = 0; k < tickers.length; k++) {
            if (cols[k].length != time.length) {
                throw new DataException(name + ": " + cols[k].length + " values for " + tickers[k] + ", expected one per bar (" + time.length + ")");
            }
            position.put(tickers[k], k);
        }
    }

    public String name() { return name; }

    public List<String> tickers() { return List.of(tickers); }

    /** Number of visible bars. */
    public int size() { return clock.visible; }

    private int k(String ticker) {
        Integer k = position.get(ticker);
        if (k == null) throw new DataException(name + ": no ticker '" + ticker + "'; have " + List.of(tickers));
        return k;
    }

    /** One ticker's values as a series, revealed like the data ({@code get(-1)} is the current bar). */
    public Series get(String ticker) {
        final double[] a = cols[k(ticker)];
        final String label = name + "[" + ticker + "]";
        return new Series() {
            @Override public String name() { return label; }
            @Override public int size() { return clock.visible; }
            @Override public double get(int i) { return a[Series.index(i, clock.visible, label)]; }
        };
    }

    /** The value of {@code ticker} at {@code bar} (negative counts back from the current bar). */
    public double get(int bar, String ticker) {
        return cols[k(ticker)][Series.index(bar, clock.visible, name)];
    }

    /** Every ticker's value at {@code bar} (negative counts back from the current bar). */
    public TickerValues row(int bar) {
        int i = Series.index(bar, clock.visible, name);
        double[] v = new double[tickers.length];
        for (int k = 0; k < tickers.length; k++) v[k] = cols[k][i];
        return new TickerValues(tickers, v, position);
    }

    /** The current bar's row: {@code roc.last().rankDescending()}. */
    public TickerValues last() {
        return row(-1);
    }

    /** A ticker's full array, all bars including unrevealed ones: for {@code init()}, never inside {@code next()}. */
    public double[] array(String ticker) {
        return cols[k(ticker)];
    }

    /** First bar at which any ticker has a value (the warm-up of an indicator panel), or -1. */
    int warmup() {
        int w = Integer.MAX_VALUE;
        for (double[] c : cols) {
            int i = 0;
            while (i < c.length && Double.isNaN(c[i])) i++;
            if (i < c.length) w = Math.min(w, i);
        }
        return w == Integer.MAX_VALUE ? -1 : w;
    }

    /** The visible rows as a table: a Date column and one column per ticker. */
    public Table toTable() {
        int n = size();
        DateTimeColumn date = DateTimeColumn.create("Date");
        for (int i = 0; i < n; i++) date.append(Universe.toTime(time[i]));
        Table t = Table.create(name, date);
        for (int k = 0; k < tickers.length; k++) t.addColumns(DoubleColumn.create(tickers[k], Arrays.copyOf(cols[k], n)));
        return t;
    }

    @Override public String toString() {
        int n = size();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %d bars x %d tickers", name, n, tickers.length));
        if (n > 0) sb.append(", last ").append(Universe.fmt(time[n - 1])).append(' ').append(last());
        return sb.toString();
    }
}
