package tradebook.backtest;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tradebook.data.Bars;
import tradebook.data.BarsCursor;

/**
 * Runs a {@link Strategy} over {@link Bars} on a simulated account, with Backtesting.py's rules:
 * market orders fill at the next open (or this close with {@link #tradeOnClose}), limit and
 * stop gaps fill pessimistically, SL is checked before TP, sizes below 1 are fractions of the
 * available liquidity.
 *
 * <pre>{@code
 * Stats stats = new Backtest(Datasets.GOOG(), SmaCross.class).cash(10_000).commission(.002).run();
 * }</pre>
 */
public class Backtest {

    /** The account and broker settings of a backtest. */
    public static final class Settings implements Cloneable {
        double cash = 10_000;
        Commission commission = (size, price) -> 0;
        double commissionRelative = 0, commissionFixed = 0;
        double spread = 0;
        double margin = 1;
        boolean tradeOnClose, hedging, exclusiveOrders, finalizeTrades;
        double fractionalUnit = 1;
        Slippage slippage;
        double riskFreeRate = 0;
        // trade plans: an account that already holds units, next() only from a bar on, a storage() map kept across runs
        double initialUnits, initialPrice = Double.NaN;
        long tradeFromMillis = Long.MIN_VALUE;
        Map<String, Object> storage;

        @Override protected Settings clone() {
            try {
                return (Settings) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        public double cash() { return cash; }

        public double spread() { return spread; }

        public double margin() { return margin; }

        public boolean tradeOnClose() { return tradeOnClose; }

        public boolean finalizeTrades() { return finalizeTrades; }

        public double fractionalUnit() { return fractionalUnit; }
    }

    private final Bars data;
    private final Class<? extends Strategy> strategyClass;
    private final Supplier<? extends Strategy> factory;
    private final Settings settings = new Settings();
    private Stats lastStats;

    private final java.util.Set<String> shownWarnings = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Backtest(Bars data, Class<? extends Strategy> strategy) {
        this(data, strategy, null);
    }

    /** With a factory, e.g. {@code () -> new MyStrategy(model)}, for strategies that need constructor arguments. */
    public Backtest(Bars data, Supplier<? extends Strategy> factory) {
        this(data, null, factory);
    }

    private Backtest(Bars data, Class<? extends Strategy> cls, Supplier<? extends Strategy> factory) {
        if (data == null) throw new IllegalArgumentException("data is null: pass Bars, e.g. Datasets.GOOG() or Bars.csv(\"file.csv\")");
        if (cls == null && factory == null) throw new IllegalArgumentException("strategy is null: pass a Strategy subclass, e.g. SmaCross.class");
        this.data = data;
        this.strategyClass = cls;
        this.factory = factory;
    }

    // ---------------------------------------------------------------- settings

    /** Initial cash (default 10,000). */
    public Backtest cash(double cash) {
        if (!(cash > 0)) throw new IllegalArgumentException("cash must be positive, got " + cash);
        settings.cash = cash;
        return this;
    }

    /** Commission as a fraction of the traded value, charged on entry and on exit (e.g. .002). */
    public Backtest commission(double relative) {
        return commission(0, relative);
    }

    /** A fixed amount per order plus a fraction of the traded value. */
    public Backtest commission(double fixed, double relative) {
        if (!(relative > -.1 && relative < .1)) {
            throw new IllegalArgumentException("commission " + relative + " looks wrong: it is a fraction of the traded value, e.g. .002 for 0.2%");
        }
        if (fixed < 0) throw new IllegalArgumentException("fixed commission must not be negative, got " + fixed);
        settings.commission = Commission.fixedPlusRelative(fixed, relative);
        settings.commissionFixed = fixed;
        settings.commissionRelative = relative;
        return this;
    }

    /** Commission as any function of the order size (units, negative for sells) and price. */
    public Backtest commission(Commission commission) {
        settings.commission = commission;
        return this;
    }

    /** Bid-ask spread as a fraction of the price, paid on entry (buys higher, sells lower). */
    public Backtest spread(double spread) {
        if (!(spread >= 0 && spread < .1)) throw new IllegalArgumentException("spread must be a small non-negative fraction, got " + spread);
        settings.spread = spread;
        return this;
    }

    /** Margin requirement: 1 (default) no leverage, .02 for 50:1. */
    public Backtest margin(double margin) {
        if (!(margin > 0 && margin <= 1)) throw new IllegalArgumentException("margin must be in (0, 1], got " + margin);
        settings.margin = margin;
        return this;
    }

    /** Fill market orders at the current bar's close instead of the next bar's open. */
    public Backtest tradeOnClose(boolean on) {
        settings.tradeOnClose = on;
        return this;
    }

    /** Allow long and short trades at once instead of netting them (FIFO). */
    public Backtest hedging(boolean on) {
        settings.hedging = on;
        return this;
    }

    /** Each new order cancels pending orders and closes open trades first. */
    public Backtest exclusiveOrders(boolean on) {
        settings.exclusiveOrders = on;
        return this;
    }

    /** Close trades still open at the end (at the last bar) and count them in the stats. */
    public Backtest finalizeTrades(boolean on) {
        settings.finalizeTrades = on;
        return this;
    }

    /** Trade in multiples of this unit, e.g. 1e-6 BTC; sizes in orders and trades stay in whole units of the asset. */
    public Backtest fractionalUnit(double unit) {
        if (!(unit > 0 && unit <= 1)) throw new IllegalArgumentException("fractional unit must be in (0, 1], got " + unit);
        settings.fractionalUnit = unit;
        return this;
    }

    /** Slippage of market and stop fills as a fixed fraction of the price (off by default). */
    public Backtest slippage(double fraction) {
        if (!(fraction >= 0 && fraction < .1)) throw new IllegalArgumentException("slippage must be a small non-negative fraction, got " + fraction);
        settings.slippage = fraction == 0 ? null : Slippage.fixed(fraction);
        return this;
    }

    /** Slippage from a model of order size and bar volume. */
    public Backtest slippage(Slippage model) {
        settings.slippage = model;
        return this;
    }

    /** Annual risk-free rate for Sharpe/Sortino/Alpha (default 0). */
    public Backtest riskFreeRate(double rate) {
        settings.riskFreeRate = rate;
        return this;
    }

    /**
     * Starts the account holding {@code units} (negative: short) bought at {@code avgPrice}; the
     * cash given to {@link #cash} is then the cash before that purchase (Backtesting.py counts
     * equity as cash plus open P/L). Used by incremental trade-plan runs.
     */
    public Backtest initialPosition(double units, double avgPrice) {
        if (units != 0 && !(avgPrice > 0)) throw new IllegalArgumentException("initial position of " + units + " needs a positive average price, got " + avgPrice);
        settings.initialUnits = units;
        settings.initialPrice = avgPrice;
        return this;
    }

    /** Calls {@code next()} only on bars at or after {@code time} (earlier bars only warm the indicators up). */
    public Backtest tradeFrom(java.time.LocalDateTime time) {
        settings.tradeFromMillis = time == null ? Long.MIN_VALUE : Bars.millis(time);
        return this;
    }

    /** The map a strategy sees as {@link Strategy#storage()} (trade plans keep it across runs). */
    public Backtest storage(Map<String, Object> storage) {
        settings.storage = storage;
        return this;
    }

    public Settings settings() { return settings.clone(); }

    public Bars data() { return data; }

    public Class<? extends Strategy> strategyClass() {
        return strategyClass != null ? strategyClass : newStrategy().getClass();
    }

    /** The stats of the latest {@code run()}, or null. */
    public Stats lastStats() { return lastStats; }

    /** Parameter optimization: {@code bt.optimize().param("n1", range(5, 30, 5)).maximize("Equity Final [$]").run()}. */
    public Optimization optimize() { return new Optimization(this); }

    // ---------------------------------------------------------------- running

    /** Runs with the strategy's default parameters. */
    public Stats run() {
        return run(Map.of());
    }

    /** Runs with some parameters set, e.g. {@code run(Map.of("n1", 10, "n2", 30))}. */
    public Stats run(Map<String, ?> params) {
        lastStats = null; // let the previous run's arrays go before this run allocates its own
        Stats s = run(params, true);
        lastStats = s;
        return s;
    }

    /**
     * The indicators the strategy holds in its fields (Python: its attributes), the ones that
     * count for the warm-up; identity, since equal values may be different indicators.
     */
    static java.util.Set<Indicator> heldIndicators(Strategy strategy) {
        java.util.Set<Indicator> held = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Class<?> c = strategy.getClass(); c != null && c != Strategy.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) || !Indicator.class.isAssignableFrom(f.getType())) continue;
                if (!f.trySetAccessible()) continue;
                try {
                    Object v = f.get(strategy);
                    if (v != null) held.add((Indicator) v);
                } catch (IllegalAccessException e) {
                    // not readable: it cannot be a field next() reads either
                }
            }
        }
        return held;
    }

    /** One run; {@code report} prints warnings (optimization runs keep them in the stats only). */
    Stats run(Map<String, ?> params, boolean report) {
        Settings s = settings.clone();
        Warnings warnings = new Warnings();
        Strategy strategy = newStrategy();
        setParams(strategy, params);
        String who = strategy.getClass().getSimpleName();

        BarsCursor cursor = new BarsCursor(data);
        Bars view = cursor.view();
        Broker broker = new Broker(view, s, warnings);
        strategy.bind(broker, view);
        if (s.storage != null) strategy.useStorage(s.storage);
        int n = cursor.total();
        try {
            strategy.init();
        } catch (RuntimeException | Error e) {
            if (e instanceof ThreadDeath) throw e;
            throw new BacktestException(who + ".init() failed: " + describe(e), e);
        }
        int warmup = 0;
        java.util.Set<Indicator> held = heldIndicators(strategy);
        for (Indicator ind : strategy.indicators()) {
            if (ind.scatter() || !held.contains(ind)) continue;
            int w = ind.warmup();
            if (w < 0) {
                warnings.add("all-nan:" + ind.name(), () -> "indicator '" + ind.name() + "' of " + who + " has no value on any of the " + n
                        + " bars of " + data.name() + ": too few bars for its period?");
                continue;
            }
            warmup = Math.max(warmup, w);
        }
        // As Backtesting.py: next() first runs one bar after every indicator the strategy keeps in a
        // field has a value (one only used inside init(), e.g. to compute signals, does not delay it)
        int start = 1 + warmup;
        if (start >= n) {
            throw new BacktestException(who + " needs " + (warmup + 2) + " bars (indicator warm-up " + warmup + ") but "
                    + data.name() + " has " + n);
        }
        if (s.initialUnits != 0) {
            double lots = Math.rint(s.initialUnits / s.fractionalUnit);
            if (lots != 0) broker.trades.add(new Trade(broker, lots, s.initialPrice, start - 1, "initial"));
        }
        boolean bankrupt = false;
        for (int i = start; i < n; i++) {
            cursor.show(i + 1);
            if (!broker.next(i)) {
                bankrupt = true;
                break;
            }
            if (data.timeMillis(i) < s.tradeFromMillis) continue;
            try {
                strategy.next();
            } catch (RuntimeException | Error e) {
                if (e instanceof ThreadDeath) throw e;
                throw new BacktestException(who + ".next() failed at bar " + i + " (" + view.time(i) + "): " + describe(e), e);
            }
            if ((i & 1023) == 0 && Thread.currentThread().isInterrupted()) {
                throw new BacktestException("backtest interrupted at bar " + i);
            }
        }
        if (!bankrupt) {
            if (s.finalizeTrades) {
                List<Trade> open = new ArrayList<>(broker.trades);
                for (int k = open.size() - 1; k >= 0; k--) open.get(k).close();
                // Fill the closing orders (and any placed on the last bar) with the last bar's prices.
                broker.next(n - 1);
            } else if (!broker.trades.isEmpty()) {
                int open = broker.trades.size();
                warnings.add("open-at-end", () -> open + " trade(s) remain open at the end of the backtest and are not in the stats; "
                        + "use finalizeTrades(true) to close them at the last bar and count them");
            }
        }
        double[] equity = broker.equity;
        // Bars before the first next(): equity is the first known value (the initial cash).
        int first = 0;
        while (first < n && Double.isNaN(equity[first])) first++;
        double fill = first < n ? equity[first] : broker.cash;
        for (int k = 0; k < first; k++) equity[k] = fill;
        List<String> messages = warnings.list();
        if (report) {
            // Like Python's default warning filter: a kind of warning prints once per Backtest (all stay in the stats)
            for (String w : messages) if (shownWarnings.add(w.replaceAll("\\d+", "#"))) System.err.println("warning: " + w);
        }
        return StatsCalculator.compute(data, broker.closedTrades, equity, strategy, warmup, s, messages, this);
    }

    static String describe(Throwable e) {
        return StrategyParams.error(e);
    }

    Strategy newStrategy() {
        return StrategyParams.instantiate(strategyClass, factory, "new Backtest(data");
    }

    static void setParams(Strategy strategy, Map<String, ?> params) {
        StrategyParams.set(strategy, Strategy.class, params);
    }

    /** The chart of the latest {@code run()}: equity, P/L, candlesticks with trades, volume, indicators. */
    public tradebook.chart.Chart plot() {
        return plot(tradebook.chart.PlotOptions.defaults());
    }

    /** The chart of the latest {@code run()} with Backtesting.py-style options. */
    public tradebook.chart.Chart plot(tradebook.chart.PlotOptions options) {
        if (lastStats == null) throw new IllegalStateException("nothing to plot yet: call run() (or optimize()) first");
        return tradebook.chart.Chart.plot(lastStats, options);
    }

    @Override public String toString() {
        return "Backtest[" + data.name() + ", " + (strategyClass != null ? strategyClass.getSimpleName() : "strategy factory") + "]";
    }
}
