package tradebook.backtest;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tradebook.data.Bars;
import tradebook.display.Displayable;
import tradebook.display.Html;

/**
 * The result of a backtest: Backtesting.py's stats keys in its order ({@code get("Sharpe Ratio")}),
 * the closed trades and the equity curve as Tablesaw tables, and JSON.
 *
 * <p>Values are {@link Double} (NaN where undefined), {@link Integer} for {@code # Trades},
 * {@link LocalDateTime} for Start/End and {@link Duration} for durations (null where undefined).
 */
public class Stats implements Displayable {
    private final LinkedHashMap<String, Object> values;
    private final Bars data;
    private final List<Trade> trades;
    private final double[] equity;
    private double[][] drawdowns; // computed on demand: million-bar runs need not hold them
    private final Strategy strategy;
    private final List<String> warnings;
    private final Backtest backtest;
    private final int warmup;
    private final String strategyLabel; // shown as _strategy when there is no single-asset strategy

    Stats(LinkedHashMap<String, Object> values, Bars data, List<Trade> trades, double[] equity,
          Strategy strategy, List<String> warnings, Backtest backtest, int warmup) {
        this.values = values;
        this.data = data;
        this.trades = trades;
        this.equity = equity;
        this.strategy = strategy;
        this.warnings = warnings;
        this.backtest = backtest;
        this.warmup = warmup;
        this.strategyLabel = null;
    }

    /**
     * For other engines (the portfolio engine): stats values already computed (see {@link
     * #computeValues}), the data whose time index the equity follows, and a label for the
     * strategy. Such stats have no single-asset {@link #tradeList()} or {@link #strategy()}.
     */
    protected Stats(LinkedHashMap<String, Object> values, Bars data, double[] equity, String strategyLabel,
                    List<String> warnings, int warmup) {
        this.values = values;
        this.data = data;
        this.trades = List.of();
        this.equity = equity;
        this.strategy = null;
        this.warnings = List.copyOf(warnings);
        this.backtest = null;
        this.warmup = warmup;
        this.strategyLabel = strategyLabel;
    }

    /**
     * Backtesting.py's stats keys from primitive inputs, for engines outside this package: the
     * time index and period of {@code data}, equity per bar, the benchmark prices that "Buy &amp;
     * Hold Return [%]" and Beta compare against (buy-and-hold from bar {@code benchmarkStart}),
     * and the closed trades as parallel arrays (P/L in cash, return as a fraction, entry and exit
     * bar, in order of closing) with their total commissions.
     */
    protected static LinkedHashMap<String, Object> computeValues(Bars data, double[] equity, double[] benchmark, int benchmarkStart,
                                                                 double[] tradePl, double[] tradeReturn, int[] entryBar, int[] exitBar,
                                                                 double commissions, double riskFreeRate) {
        return StatsCalculator.values(data, equity, benchmark, benchmarkStart, tradePl, tradeReturn, entryBar, exitBar,
                commissions, riskFreeRate);
    }

    private String label() {
        return strategy != null ? strategy.toString() : strategyLabel;
    }

    /** A stats value by its Backtesting.py key, e.g. {@code "Return [%]"}. */
    public Object get(String key) {
        if (!values.containsKey(key)) {
            if (key.equals("Commissions [$]")) return 0.0; // Backtesting.py omits it when zero
            throw new IllegalArgumentException("no stats key '" + key + "'; keys: " + values.keySet());
        }
        return values.get(key);
    }

    /** A value as a number: durations in days, times as NaN. */
    public double getDouble(String key) {
        return number(get(key));
    }

    static double number(Object v) {
        if (v instanceof Number) return ((Number) v).doubleValue();
        if (v instanceof Duration) return ((Duration) v).toMillis() / 86_400_000.0;
        return Double.NaN;
    }

    /** The keys in order. */
    public List<String> keys() {
        return new ArrayList<>(values.keySet());
    }

    /** All public values, in order. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** The strategy instance that ran (its parameters and indicators). */
    public Strategy strategy() { return strategy; }

    /** The data the backtest ran on. */
    public Bars data() { return data; }

    /** The backtest that produced these stats. */
    public Backtest backtest() { return backtest; }

    /** Closed trades, in order of closing. */
    public List<Trade> tradeList() { return trades; }

    /** Equity per bar (a copy). */
    public double[] equity() { return equity.clone(); }

    /** Drawdown per bar as a fraction (0 at new equity peaks). */
    public double[] drawdown() { return drawdowns()[0].clone(); }

    private synchronized double[][] drawdowns() {
        if (drawdowns == null) drawdowns = StatsCalculator.drawdowns(data.timeArray(), equity);
        return drawdowns;
    }

    /** Bars of indicator warm-up before the first {@code next()}. */
    public int warmup() { return warmup; }

    /** What the run warned about (unfilled orders, open trades...). */
    public List<String> warnings() { return warnings; }

    /**
     * Closed trades as a table with Backtesting.py's columns: Size, EntryBar, ExitBar, EntryPrice,
     * ExitPrice, SL, TP, PnL, Commission, ReturnPct, EntryTime, ExitTime, Duration (days), Tag, and
     * each indicator's value at entry and exit ({@code Entry_SMA}, {@code Exit_SMA}).
     */
    public Table trades() {
        TradeColumns cols = new TradeColumns();
        for (Trade t : trades) {
            cols.add(t.size(), t.entryBar, t.exitBar, t.entryPrice, t.exitPrice, t.sl(), t.tp(), t.pl(), t.commissions,
                    t.plPct(), t.entryTime(), t.exitTime(), t.tag);
        }
        Table table = cols.table();
        if (strategy != null) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Indicator ind : strategy.indicators()) {
                for (int k = 0; k < ind.lineCount(); k++) {
                    String base = ind.lineName(k);
                    int c = seen.merge(base, 1, Integer::sum);
                    String name = c == 1 ? base : base + "_" + c;
                    double[] a = ind.arrays()[k];
                    DoubleColumn en = DoubleColumn.create("Entry_" + name), ex = DoubleColumn.create("Exit_" + name);
                    for (Trade t : trades) {
                        en.append(a[t.entryBar]);
                        ex.append(a[t.exitBar]);
                    }
                    table.addColumns(en, ex);
                }
            }
        }
        return table;
    }

    /**
     * Backtesting.py's trade columns, filled a trade at a time; the portfolio's trades table
     * puts a Ticker column before them.
     */
    protected static final class TradeColumns {
        private final DoubleColumn size = DoubleColumn.create("Size");
        private final IntColumn entryBar = IntColumn.create("EntryBar"), exitBar = IntColumn.create("ExitBar");
        private final DoubleColumn entryPrice = DoubleColumn.create("EntryPrice"), exitPrice = DoubleColumn.create("ExitPrice");
        private final DoubleColumn sl = DoubleColumn.create("SL"), tp = DoubleColumn.create("TP"), pnl = DoubleColumn.create("PnL");
        private final DoubleColumn commission = DoubleColumn.create("Commission"), ret = DoubleColumn.create("ReturnPct");
        private final DateTimeColumn entryTime = DateTimeColumn.create("EntryTime"), exitTime = DateTimeColumn.create("ExitTime");
        private final DoubleColumn duration = DoubleColumn.create("Duration");
        private final StringColumn tag = StringColumn.create("Tag");

        public TradeColumns() {}

        public void add(double units, int entry, int exit, double entryPx, double exitPx, double stop, double target, double pl,
                        double commissions, double returnPct, LocalDateTime entered, LocalDateTime exited, String tagText) {
            size.append(units);
            entryBar.append(entry);
            exitBar.append(exit);
            entryPrice.append(entryPx);
            exitPrice.append(exitPx);
            sl.append(stop);
            tp.append(target);
            pnl.append(pl);
            commission.append(commissions);
            ret.append(returnPct);
            entryTime.append(entered);
            exitTime.append(exited);
            duration.append(Duration.between(entered, exited).toMillis() / 86_400_000.0);
            tag.append(tagText == null ? "" : tagText);
        }

        /** The table, with {@code leading} columns (as long as the trades) first. */
        public Table table(tech.tablesaw.columns.Column<?>... leading) {
            Table t = Table.create("Trades");
            t.addColumns(leading);
            return t.addColumns(size, entryBar, exitBar, entryPrice, exitPrice, sl, tp, pnl, commission, ret,
                    entryTime, exitTime, duration, tag);
        }
    }

    /** Equity per bar with drawdown (fraction) and drawdown duration (days, at each drawdown's end). */
    public Table equityCurve() {
        DateTimeColumn time = DateTimeColumn.create("Date");
        for (int i = 0; i < equity.length; i++) time.append(StatsCalculator.time(data.timeArray()[i]));
        double[][] dd = drawdowns();
        double[] durDays = new double[equity.length];
        for (int i = 0; i < durDays.length; i++) durDays[i] = dd[1][i] / 86_400_000.0;
        return Table.create("Equity curve", time, DoubleColumn.create("Equity", equity.clone()),
                DoubleColumn.create("DrawdownPct", dd[0].clone()), DoubleColumn.create("DrawdownDuration", durDays));
    }

    /** Every public key as one JSON object: numbers (NaN as null), ISO date-times, durations in days. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(jsonString(e.getKey())).append(": ").append(jsonValue(e.getValue()));
        }
        if (label() != null) sb.append(", \"_strategy\": ").append(jsonString(label()));
        return sb.append('}').toString();
    }

    static String jsonValue(Object v) {
        if (v == null) return "null";
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? Double.toString(d) : "null";
        }
        if (v instanceof Number) return v.toString();
        if (v instanceof Duration) return Double.toString(((Duration) v).toMillis() / 86_400_000.0);
        if (v instanceof LocalDateTime) return jsonString(v.toString().length() == 16 ? v + ":00" : v.toString());
        return jsonString(String.valueOf(v));
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** A value formatted as Backtesting.py prints it. */
    static String format(Object v) {
        if (v == null) return "NaN";
        if (v instanceof Double) {
            double d = (Double) v;
            if (Double.isNaN(d)) return "NaN";
            return String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "").replaceAll("\\.$", ".0");
        }
        if (v instanceof Duration) {
            Duration d = (Duration) v;
            long days = d.toDays();
            Duration rest = d.minusDays(days);
            return days + " days " + String.format(Locale.ROOT, "%02d:%02d:%02d", rest.toHours(), rest.toMinutesPart(), rest.toSecondsPart());
        }
        if (v instanceof LocalDateTime) return v.toString().replace('T', ' ');
        return String.valueOf(v);
    }

    @Override public String toString() {
        int w = 0;
        for (String k : values.keySet()) w = Math.max(w, k.length());
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-" + (w + 2) + "s%s%n", e.getKey(), format(e.getValue())));
        }
        if (label() != null) sb.append(String.format(Locale.ROOT, "%-" + (w + 2) + "s%s%n", "_strategy", label()));
        return sb.toString();
    }

    /** An HTML table of the stats. */
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table class=\"tradebook-stats\" style=\"font-variant-numeric:tabular-nums\">");
        sb.append("<thead><tr><th style=\"text-align:left\">").append(label() == null ? "" : Html.escape(label()))
                .append("</th><th style=\"text-align:right\">").append(Html.escape(data.name())).append("</th></tr></thead><tbody>");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sb.append("<tr><td style=\"text-align:left\">").append(Html.escape(e.getKey())).append("</td><td style=\"text-align:right\">")
                    .append(Html.escape(format(e.getValue()))).append("</td></tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    /** The chart of this run: equity, P/L, candlesticks with trades, volume, indicators. */
    public tradebook.chart.Chart plot() {
        return tradebook.chart.Chart.plot(this);
    }

    /** The chart of this run with Backtesting.py-style options. */
    public tradebook.chart.Chart plot(tradebook.chart.PlotOptions options) {
        return tradebook.chart.Chart.plot(this, options);
    }

    @Override public Map<String, String> toMimeBundle() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text/plain", toString());
        m.put("text/html", toHtml());
        return m;
    }
}
