package tradebook.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Price bars: a time index and Open/High/Low/Close/Volume as primitive arrays, plus any extra
 * numeric columns. Times are local date-times (as in Backtesting.py's naive index), held as
 * epoch milliseconds of that local time read as UTC.
 *
 * <p>A {@code Bars} handed to a strategy shows only the bars up to the current one: {@link
 * #size()} is that count and every column reads within it.
 */
public class Bars {
    public static final List<String> OHLCV = List.of("Open", "High", "Low", "Close", "Volume");

    private final String name;
    private final long[] time;
    private final double[] open, high, low, close;
    private double[] volume; // null when the data has none (then NaN, made on first use)
    private final LinkedHashMap<String, double[]> extra;
    private final List<String> warnings;
    final int total;
    int visible;
    private tradebook.data.Column openCol, highCol, lowCol, closeCol, volumeCol;
    private Map<String, tradebook.data.Column> extraCols;

    /**
     * Bars from arrays (not copied: do not change them afterwards). {@code volume} may be null
     * (then it is NaN). Times must increase strictly; prices must be finite and positive.
     */
    public static Bars of(String name, long[] timeMillis, double[] open, double[] high, double[] low,
                          double[] close, double[] volume) {
        return new Bars(name, timeMillis, open, high, low, close, volume, new LinkedHashMap<>(), new ArrayList<>());
    }

    Bars(String name, long[] time, double[] open, double[] high, double[] low, double[] close,
         double[] volume, LinkedHashMap<String, double[]> extra, List<String> warnings) {
        this.name = name == null ? "data" : name;
        int n = time.length;
        for (double[] a : new double[][] {open, high, low, close}) {
            if (a == null || a.length != n) {
                throw new DataException(this.name + ": Open, High, Low and Close must all have "
                        + n + " values, one per timestamp");
            }
        }
        if (volume != null && volume.length != n) {
            throw new DataException(this.name + ": Volume has " + volume.length + " values, expected " + n);
        }
        extra.forEach((k, v) -> {
            if (v.length != n) throw new DataException(this.name + ": column " + k + " has " + v.length + " values, expected " + n);
        });
        if (n == 0) throw new DataException(this.name + ": no bars");
        this.warnings = warnings;
        // Sort if needed (as Backtesting.py does, with a warning); duplicates are refused.
        boolean sorted = true;
        for (int i = 1; i < n; i++) {
            if (time[i] <= time[i - 1]) {
                sorted = false;
                break;
            }
        }
        if (!sorted) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            final long[] t0 = time;
            Arrays.sort(order, (a, b) -> Long.compare(t0[a], t0[b]));
            for (int i = 1; i < n; i++) {
                if (t0[order[i]] == t0[order[i - 1]]) {
                    throw new DataException(this.name + ": duplicate timestamp " + format(t0[order[i]])
                            + " at rows " + (order[i - 1] + 1) + " and " + (order[i] + 1)
                            + " (rows counted from 1, after the header)");
                }
            }
            warnings.add(this.name + ": timestamps were not in ascending order (first at row "
                    + firstUnsorted(time) + "); bars were sorted");
            time = permute(time, order);
            open = permute(open, order);
            high = permute(high, order);
            low = permute(low, order);
            close = permute(close, order);
            if (volume != null) volume = permute(volume, order);
            for (Map.Entry<String, double[]> e : extra.entrySet()) e.setValue(permute(e.getValue(), order));
        }
        String[] names = {"Open", "High", "Low", "Close"};
        double[][] cols = {open, high, low, close};
        for (int c = 0; c < 4; c++) {
            double[] a = cols[c];
            for (int i = 0; i < n; i++) {
                double v = a[i];
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new DataException(this.name + ": " + names[c] + " is " + v + " at bar " + i
                            + " (" + format(time[i]) + "); prices must be finite and positive"
                            + (Double.isNaN(v) ? " (drop or fill missing rows first)" : ""));
                }
            }
        }
        this.time = time;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.extra = extra;
        this.total = n;
        this.visible = n;
        for (String w : warnings) System.err.println("warning: " + w);
    }

    /**
     * Bars on a time index shared with other instruments (a portfolio's union index), where a
     * bar with NaN Open/High/Low/Close means the instrument has no price there (not listed yet,
     * delisted, or a gap left unfilled). Arrays are not copied. Prices that are present must be
     * finite and positive, and a bar is either fully priced or fully NaN.
     */
    public static Bars aligned(String name, long[] timeMillis, double[] open, double[] high, double[] low,
                               double[] close, double[] volume) {
        int n = timeMillis.length;
        for (double[] a : new double[][] {open, high, low, close}) {
            if (a == null || a.length != n) throw new DataException(name + ": Open, High, Low and Close must all have " + n + " values");
        }
        if (volume != null && volume.length != n) throw new DataException(name + ": Volume has " + volume.length + " values, expected " + n);
        for (int i = 0; i < n; i++) {
            if (i > 0 && timeMillis[i] <= timeMillis[i - 1]) {
                throw new DataException(name + ": aligned times must increase strictly (bar " + i + ", " + format(timeMillis[i]) + ")");
            }
            boolean missing = Double.isNaN(close[i]);
            double[] row = {open[i], high[i], low[i], close[i]};
            for (double v : row) {
                if (missing ? !Double.isNaN(v) : !(v > 0 && v < Double.POSITIVE_INFINITY)) {
                    throw new DataException(name + ": bar " + i + " (" + format(timeMillis[i]) + ") has OHLC " + Arrays.toString(row)
                            + "; an aligned bar is either all NaN (no price) or all finite and positive");
                }
            }
        }
        return new Bars(name, timeMillis, open, high, low, close, volume);
    }

    /** Unchecked: for {@link #aligned}, whose NaN rows the regular constructor would refuse. */
    private Bars(String name, long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume) {
        this.name = name == null ? "data" : name;
        this.time = time;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.extra = new LinkedHashMap<>();
        this.warnings = new ArrayList<>();
        this.total = time.length;
        this.visible = time.length;
    }

    /** A view sharing the arrays; used by {@link BarsCursor}. */
    Bars(Bars src) {
        this.name = src.name;
        this.time = src.time;
        this.open = src.open;
        this.high = src.high;
        this.low = src.low;
        this.close = src.close;
        this.volume = src.volume;
        this.extra = src.extra;
        this.warnings = src.warnings;
        this.total = src.total;
        this.visible = src.total;
    }

    private static int firstUnsorted(long[] t) {
        for (int i = 1; i < t.length; i++) if (t[i] <= t[i - 1]) return i + 1;
        return -1;
    }

    private static long[] permute(long[] a, Integer[] order) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[order[i]];
        return out;
    }

    private static double[] permute(double[] a, Integer[] order) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[order[i]];
        return out;
    }

    // ---------------------------------------------------------------- loading

    /** Loads an OHLCV CSV file. See {@link CsvBars} for the accepted shapes and messages. */
    public static Bars csv(String path) {
        return csv(Path.of(path));
    }

    public static Bars csv(Path path) {
        try {
            return CsvBars.read(path.getFileName().toString(), Files.readAllLines(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Bars from a Tablesaw table: a date or date-time column (named Date/Datetime/Time/Timestamp
     * or the first such column) and Open/High/Low/Close[/Volume] in any case; other numeric
     * columns are kept as extra columns.
     */
    public static Bars of(Table table) {
        String src = table.name() == null ? "table" : table.name();
        Column<?> timeCol = null;
        for (Column<?> c : table.columns()) {
            if (c instanceof DateColumn || c instanceof DateTimeColumn) {
                timeCol = c;
                break;
            }
        }
        if (timeCol == null) throw new DataException(src + ": no date or date-time column");
        int n = table.rowCount();
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            LocalDateTime dt = timeCol instanceof DateColumn
                    ? ((DateColumn) timeCol).get(i).atStartOfDay()
                    : ((DateTimeColumn) timeCol).get(i);
            if (dt == null) throw new DataException(src + ": missing time at row " + i);
            t[i] = millis(dt);
        }
        double[][] ohlcv = new double[5][];
        LinkedHashMap<String, double[]> extra = new LinkedHashMap<>();
        for (Column<?> c : table.columns()) {
            if (c == timeCol || !(c instanceof NumericColumn)) continue;
            double[] v = ((NumericColumn<?>) c).asDoubleArray();
            int k = ohlcvIndex(c.name());
            if (k >= 0) ohlcv[k] = v;
            else extra.put(c.name(), v);
        }
        for (int k = 0; k < 4; k++) {
            if (ohlcv[k] == null) throw new DataException(src + ": missing column " + OHLCV.get(k)
                    + " (columns: " + table.columnNames() + ")");
        }
        return new Bars(src, t, ohlcv[0], ohlcv[1], ohlcv[2], ohlcv[3], ohlcv[4], extra, new ArrayList<>());
    }

    static int ohlcvIndex(String columnName) {
        String s = columnName.trim().toLowerCase(Locale.ROOT);
        for (int k = 0; k < 5; k++) if (OHLCV.get(k).toLowerCase(Locale.ROOT).equals(s)) return k;
        return -1;
    }

    /** This data as a Tablesaw table: a {@code Date} date-time column, OHLCV, extra columns. */
    public Table toTable() {
        int n = size();
        DateTimeColumn dt = DateTimeColumn.create("Date");
        for (int i = 0; i < n; i++) dt.append(time(i));
        Table t = Table.create(name, dt,
                DoubleColumn.create("Open", Arrays.copyOf(open, n)),
                DoubleColumn.create("High", Arrays.copyOf(high, n)),
                DoubleColumn.create("Low", Arrays.copyOf(low, n)),
                DoubleColumn.create("Close", Arrays.copyOf(close, n)),
                DoubleColumn.create("Volume", Arrays.copyOf(volume().array(), n)));
        extra.forEach((k, v) -> t.addColumns(DoubleColumn.create(k, Arrays.copyOf(v, n))));
        return t;
    }

    // ---------------------------------------------------------------- reading

    public String name() { return name; }

    /** Number of visible bars (inside {@code next()}: up to and including the current one). */
    public int size() { return visible; }

    public tradebook.data.Column open() { return openCol == null ? openCol = new tradebook.data.Column(this, "Open", open) : openCol; }

    public tradebook.data.Column high() { return highCol == null ? highCol = new tradebook.data.Column(this, "High", high) : highCol; }

    public tradebook.data.Column low() { return lowCol == null ? lowCol = new tradebook.data.Column(this, "Low", low) : lowCol; }

    public tradebook.data.Column close() { return closeCol == null ? closeCol = new tradebook.data.Column(this, "Close", close) : closeCol; }

    public tradebook.data.Column volume() {
        if (volumeCol == null) {
            synchronized (this) {
                if (volume == null) {
                    double[] v = new double[total];
                    Arrays.fill(v, Double.NaN);
                    volume = v;
                }
            }
            volumeCol = new tradebook.data.Column(this, "Volume", volume);
        }
        return volumeCol;
    }

    /** Whether the data has volume (else {@link #volume()} is all NaN). */
    public boolean hasVolume() {
        if (volume == null) return false;
        for (double v : volume) if (!Double.isNaN(v)) return true;
        return false;
    }

    /** Indicators of these bars: {@code bars.ta().sma(10)}, {@code bars.ta().rsi(14)} (see {@link tradebook.ta.Ta}). */
    public tradebook.ta.BarsTa ta() {
        return new tradebook.ta.BarsTa(this);
    }

    /** A column by name: OHLCV in any case, or an extra column by its exact name. */
    public tradebook.data.Column column(String columnName) {
        switch (ohlcvIndex(columnName)) {
            case 0: return open();
            case 1: return high();
            case 2: return low();
            case 3: return close();
            case 4: return volume();
            default:
        }
        if (extraCols == null) extraCols = new LinkedHashMap<>();
        double[] v = extra.get(columnName);
        if (v == null) throw new DataException(name + ": no column '" + columnName + "' (have " + columnNames() + ")");
        return extraCols.computeIfAbsent(columnName, k -> new tradebook.data.Column(this, k, v));
    }

    public boolean hasColumn(String columnName) {
        return ohlcvIndex(columnName) >= 0 || extra.containsKey(columnName);
    }

    /** OHLCV then the extra columns. */
    public List<String> columnNames() {
        List<String> out = new ArrayList<>(OHLCV);
        out.addAll(extra.keySet());
        return out;
    }

    /** Time of bar {@code i} (negative counts from the latest visible bar). */
    public LocalDateTime time(int i) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(timeMillis(i), 1000), (int) Math.floorMod(timeMillis(i), 1000) * 1_000_000, ZoneOffset.UTC);
    }

    public long timeMillis(int i) {
        return time[Series.index(i, visible, name + " time")];
    }

    /** The full backing time array (epoch ms of local time); read-only by contract. */
    public long[] timeArray() {
        return time;
    }

    /** Time of the latest visible bar. */
    public LocalDateTime now() {
        return time(-1);
    }

    /** Median spacing of the last 100 bars (Backtesting.py's notion of the data period). */
    public Duration period() {
        int n = size();
        int from = Math.max(0, n - 100);
        int m = n - from - 1;
        if (m <= 0) return Duration.ZERO;
        long[] d = new long[m];
        for (int i = 0; i < m; i++) d[i] = time[from + i + 1] - time[from + i];
        Arrays.sort(d);
        long med = m % 2 == 1 ? d[m / 2] : (d[m / 2 - 1] + d[m / 2]) / 2;
        return Duration.ofMillis(med);
    }

    /** Bars {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public Bars slice(int from, int to) {
        LinkedHashMap<String, double[]> ex = new LinkedHashMap<>();
        extra.forEach((k, v) -> ex.put(k, Arrays.copyOfRange(v, from, to)));
        return new Bars(name, Arrays.copyOfRange(time, from, to), Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to), volume == null ? null : Arrays.copyOfRange(volume, from, to), ex, new ArrayList<>());
    }

    /** Bars between two times, inclusive. */
    public Bars between(LocalDateTime from, LocalDateTime to) {
        long a = millis(from), b = millis(to);
        int i = 0;
        while (i < size() && time[i] < a) i++;
        int j = i;
        while (j < size() && time[j] <= b) j++;
        if (j == i) throw new DataException(name + ": no bars between " + from + " and " + to);
        return slice(i, j);
    }

    /** A copy with an extra column added (or replaced). */
    public Bars withColumn(String columnName, double[] values) {
        if (values.length != total) throw new DataException(name + ": column " + columnName + " has " + values.length + " values, expected " + total);
        LinkedHashMap<String, double[]> ex = new LinkedHashMap<>(extra);
        ex.put(columnName, values);
        return new Bars(name, time, open, high, low, close, volume, ex, new ArrayList<>());
    }

    /** A copy under another name (e.g. a ticker). */
    public Bars named(String newName) {
        return new Bars(newName, time, open, high, low, close, volume, new LinkedHashMap<>(extra), new ArrayList<>());
    }

    /** What loading found and did (skipped rows, sorting). */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    public static long millis(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static String format(long millis) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        return t.toLocalTime().toSecondOfDay() == 0 && t.getNano() == 0 ? t.toLocalDate().toString() : t.toString();
    }

    @Override public String toString() {
        int n = size();
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(": ").append(n).append(" bars");
        if (n > 0) sb.append(", ").append(format(time[0])).append(" .. ").append(format(time[n - 1]));
        sb.append('\n').append(String.format(Locale.ROOT, "%-20s %12s %12s %12s %12s %14s%n", "", "Open", "High", "Low", "Close", "Volume"));
        int[] rows = n <= 10 ? range(0, n) : concat(range(0, 5), range(n - 5, n));
        int prev = -1;
        for (int i : rows) {
            if (prev >= 0 && i != prev + 1) sb.append("...\n");
            sb.append(String.format(Locale.ROOT, "%-20s %12.6g %12.6g %12.6g %12.6g %14.6g%n", format(time[i]), open[i], high[i], low[i], close[i], volume == null ? Double.NaN : volume[i]));
            prev = i;
        }
        return sb.toString();
    }

    private static int[] range(int a, int b) {
        int[] r = new int[b - a];
        for (int i = 0; i < r.length; i++) r[i] = a + i;
        return r;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
