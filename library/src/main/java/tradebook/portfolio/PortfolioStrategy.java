package tradebook.portfolio;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tradebook.backtest.Param;
import tradebook.backtest.StrategyParams;

/**
 * A strategy over many tickers sharing one account: compute per-ticker indicators in
 * {@link #init()}, then in {@link #next()} (once per bar, after the warm-up) either place orders
 * per ticker or set target weights with {@link #alloc()} and {@link #rebalance()}.
 *
 * <pre>{@code
 * public class Momentum extends PortfolioStrategy {
 *     @Param public int lookback = 10, top = 3;
 *     Panel roc;
 *     public void init() { roc = I("ROC", data().ta().roc(lookback)); }
 *     public void next() {
 *         alloc().assumeZero();
 *         TickerValues r = roc.last();
 *         alloc().bucket("equity").append(r.rankDescending(), r.above(0)).trim(top).weightEqually().apply();
 *         rebalance();
 *     }
 * }
 * }</pre>
 *
 * {@code data()} shows bars up to the current one; so do indicator panels. Orders fill on the
 * next bar (see {@link PortfolioBacktest}).
 */
public abstract class PortfolioStrategy {
    /** Backtesting.py's default order size: all available cash, just under 1. */
    public static final double FULL_EQUITY = 1 - Math.ulp(1.0);
    /** Bucket apply modes, for {@code .apply(OVERWRITE)}. */
    public static final ApplyMode UPDATE = ApplyMode.UPDATE, OVERWRITE = ApplyMode.OVERWRITE, ACCUMULATE = ApplyMode.ACCUMULATE;

    private Universe data;
    private Account account;
    private Allocation alloc;
    private Rebalance defaults;
    private final List<Panel> indicators = new ArrayList<>();
    private final Map<String, double[]> records = new LinkedHashMap<>();
    private TickerPosition[] positions;

    /** Declares indicators; called once before the first bar, with all bars visible. */
    public void init() {
    }

    /** Called once per bar after the warm-up; place orders or rebalance here. */
    public void next() {
    }

    final void bind(Universe data, Account account, Allocation alloc, Rebalance defaults) {
        this.data = data;
        this.account = account;
        this.alloc = alloc;
        this.defaults = defaults;
        this.positions = new TickerPosition[data.tickerCount()];
        for (int k = 0; k < positions.length; k++) positions[k] = new TickerPosition(account, k);
    }

    private Account account() {
        if (account == null) {
            throw new IllegalStateException("the strategy is not running: use new PortfolioBacktest(universe, " + getClass().getSimpleName() + ".class).run()");
        }
        return account;
    }

    private Map<String, Object> storage;

    /**
     * A map kept across runs of a trade plan (incremental mode); values should be JSON-friendly
     * (numbers, strings, booleans, lists, maps). In a plain backtest it is an empty map for this run.
     */
    public Map<String, Object> storage() {
        if (storage == null) storage = new java.util.LinkedHashMap<>();
        return storage;
    }

    final void useStorage(Map<String, Object> map) {
        this.storage = map;
    }

    /** Every ticker's bars up to the current one (in {@code init()}: all bars). */
    public Universe data() {
        account();
        return data;
    }

    /** Index of the current bar on the universe's index. */
    public int bar() {
        return data().size() - 1;
    }

    // ---------------------------------------------------------------- indicators and records

    /**
     * Declares a per-ticker indicator: {@code next()} starts only once every declared indicator
     * has a value for at least one ticker, and plots can show it.
     */
    public Panel I(String name, Panel values) {
        if (values == null) throw new IllegalArgumentException("I(\"" + name + "\"): no values");
        if (!values.tickers().equals(data().tickers())) {
            throw new IllegalArgumentException("I(\"" + name + "\"): the panel's tickers " + values.tickers()
                    + " are not this universe's " + data().tickers() + "; build it with data().ta()");
        }
        indicators.add(values);
        return values;
    }

    /** Indicators declared so far. */
    public List<Panel> indicators() {
        return Collections.unmodifiableList(indicators);
    }

    /** Stores {@code value} for the current bar under {@code name} (a custom series for stats and plots). */
    public void record(String name, double value) {
        double[] a = records.computeIfAbsent(name, k -> {
            double[] r = new double[data().length()];
            java.util.Arrays.fill(r, Double.NaN);
            return r;
        });
        a[bar()] = value;
    }

    Map<String, double[]> records() {
        return records;
    }

    // ---------------------------------------------------------------- orders

    /** Starts an order for a ticker: {@code buy(ticker("AAPL").size(10))}. */
    public TickerOrder ticker(String ticker) {
        data().indexOf(ticker);
        return new TickerOrder(ticker);
    }

    /** A buy order: market unless a limit or stop price is set; fills on the next bar. */
    public PortfolioOrder buy(TickerOrder order) {
        return place(order, 1);
    }

    /** A sell order: closes longs first (oldest first), then opens a short with what is left. */
    public PortfolioOrder sell(TickerOrder order) {
        return place(order, -1);
    }

    private PortfolioOrder place(TickerOrder o, int sign) {
        Account a = account();
        if (a.halted) throw new IllegalStateException("trading is halted by the drawdown stop; no new orders");
        double size = o.size;
        double unit = a.unit;
        boolean whole = Math.abs(size / unit - Math.rint(size / unit)) <= 1e-9 * Math.max(1, size / unit);
        if (!(size > 0 && size < 1) && !(size >= 1 && whole)) {
            throw new IllegalArgumentException("order size must be a fraction of cash (0 < size < 1) or a positive whole number of units"
                    + (unit != 1 ? " (multiples of " + unit + ")" : "") + ", got " + size + " for " + o.ticker);
        }
        if (!Double.isNaN(o.limit) && !Double.isNaN(o.stop)) {
            throw new IllegalArgumentException("stop-limit orders are not supported for portfolios: give " + o.ticker + " a limit or a stop, not both");
        }
        for (double p : new double[] {o.limit, o.stop}) {
            if (!Double.isNaN(p) && !(p > 0 && p < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("order price must be positive, got " + p);
        }
        double s = size < 1 ? size : Math.rint(size / unit) * unit;
        return a.place(data.indexOf(o.ticker), sign * s, o.limit, o.stop, o.tag);
    }

    // ---------------------------------------------------------------- account

    /** The net position in a ticker. */
    public TickerPosition position(String ticker) {
        account();
        return positions[data.indexOf(ticker)];
    }

    /** Open trades of a ticker, oldest first. */
    public List<PortfolioTrade> trades(String ticker) {
        return Collections.unmodifiableList(new ArrayList<>(account().openTrades.get(data.indexOf(ticker))));
    }

    /** All open trades. */
    public List<PortfolioTrade> trades() {
        List<PortfolioTrade> out = new ArrayList<>();
        for (List<PortfolioTrade> ts : account().openTrades) out.addAll(ts);
        return Collections.unmodifiableList(out);
    }

    public List<PortfolioTrade> closedTrades() {
        return Collections.unmodifiableList(new ArrayList<>(account().closedTrades));
    }

    /** Pending orders. */
    public List<PortfolioOrder> orders() {
        return Collections.unmodifiableList(new ArrayList<>(account().orders));
    }

    /** Cash plus every position at its latest close. */
    public double equity() {
        return account().equityNow();
    }

    public double cash() {
        return account().cash;
    }

    /** Whether the drawdown stop has halted trading. */
    public boolean halted() {
        return account().halted;
    }

    // ---------------------------------------------------------------- allocation

    /** The target weights that {@link #rebalance()} trades towards. */
    public Allocation alloc() {
        account();
        return alloc;
    }

    /** Rebalance options: {@code rebalance(cashReserve(.05).force(true))}. */
    public Rebalance cashReserve(double fraction) { return defaults.copy().cashReserve(fraction); }

    public Rebalance force(boolean force) { return defaults.copy().force(force); }

    public Rebalance rtol(double rtol) { return defaults.copy().rtol(rtol); }

    public Rebalance atol(double atol) { return defaults.copy().atol(atol); }

    public Rebalance lotSize(double units) { return defaults.copy().lotSize(units); }

    /** Trades towards {@code alloc().weights()} at the next fill, if they changed (see {@link Rebalance}); whether it will. */
    public boolean rebalance() {
        return rebalance(defaults);
    }

    /**
     * Trades towards the current weights at the next fill: target units = weight &times; equity
     * &times; (1 - cashReserve) / price, in whole lots; sells before buys; weight 0 closes the
     * ticker. Without {@code force}, nothing happens while the weights equal those of the last
     * rebalance within rtol/atol. Returns whether a rebalance was scheduled.
     */
    public boolean rebalance(Rebalance options) {
        Account a = account();
        if (a.halted) return false;
        alloc.validate("at rebalance()");
        if (!options.force && alloc.hasPrevious && unchanged(options)) return false;
        double lot = Double.isNaN(options.lotSize) ? a.lotSize : options.lotSize;
        a.requestRebalance(alloc.weights, options.cashReserve, lot);
        System.arraycopy(alloc.weights, 0, alloc.previous, 0, alloc.weights.length);
        alloc.hasPrevious = true;
        return true;
    }

    private boolean unchanged(Rebalance o) {
        for (int k = 0; k < alloc.weights.length; k++) {
            if (Math.abs(alloc.weights[k] - alloc.previous[k]) > o.atol + o.rtol * Math.abs(alloc.previous[k])) return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- parameters

    /** The {@link Param} fields and their values. */
    public Map<String, Object> params() {
        return StrategyParams.values(this, PortfolioStrategy.class);
    }

    static List<Field> paramFields(Class<?> cls) {
        return StrategyParams.fields(cls, PortfolioStrategy.class);
    }

    @Override public String toString() {
        return StrategyParams.describe(this, PortfolioStrategy.class);
    }
}
