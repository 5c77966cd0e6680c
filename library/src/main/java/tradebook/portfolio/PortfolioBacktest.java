package tradebook.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tradebook.backtest.BacktestException;
import tradebook.backtest.Commission;
import tradebook.backtest.StrategyParams;
import tradebook.data.Bars;

/**
 * Runs a {@link PortfolioStrategy} over a {@link Universe} on one simulated cash account.
 *
 * <p>Fill rules (Backtesting.py's, as Minitrade keeps them): orders placed in {@code next()} at
 * bar i fill on bar i+1 — market orders and rebalances at its open (with {@link #tradeOnClose}:
 * at bar i's close), limit/stop orders when its range reaches them. Nothing fills on a bar where
 * the ticker has no real price (before it starts, or in a gap, filled or not): orders wait, and
 * a rebalance skips that ticker with a warning. Commission is charged per fill on the account.
 * {@code next()} first runs on bar 1 + the indicators' warm-up, as in Backtesting.py (Minitrade
 * starts one bar earlier), or on the trade start date's bar if later.
 *
 * <pre>{@code
 * Stats stats = new PortfolioBacktest(Universe.of(Datasets.DJIA()), Momentum.class)
 *         .cash(100_000).commission(.001).run();
 * }</pre>
 */
public class PortfolioBacktest {
    private final Universe universe;
    private final Class<? extends PortfolioStrategy> strategyClass;
    private final Supplier<? extends PortfolioStrategy> factory;
    private double cash = 10_000;
    private Commission commission = (size, price) -> 0;
    private boolean tradeOnClose;
    private boolean finalizeTrades = true;
    private double unit = 1;
    private double lotSize = 1;
    private LocalDate tradeStart;
    private final Map<String, Double> holdings = new LinkedHashMap<>();
    private RiskRules risk = RiskRules.none();
    private final Rebalance rebalanceDefaults = new Rebalance();
    private double riskFreeRate;
    private boolean quiet;
    private PortfolioStats lastStats;

    private Map<String, Object> storage;

    public PortfolioBacktest(Universe universe, Class<? extends PortfolioStrategy> strategy) {
        this(universe, strategy, null);
    }

    /** With a factory, for strategies that need constructor arguments. */
    public PortfolioBacktest(Universe universe, Supplier<? extends PortfolioStrategy> factory) {
        this(universe, null, factory);
    }

    /** Ticker to bars, aligned with {@link Universe#of(Map)}. */
    public PortfolioBacktest(Map<String, Bars> bars, Class<? extends PortfolioStrategy> strategy) {
        this(Universe.of(bars), strategy, null);
    }

    private PortfolioBacktest(Universe universe, Class<? extends PortfolioStrategy> cls, Supplier<? extends PortfolioStrategy> factory) {
        if (universe == null) throw new IllegalArgumentException("universe is null: pass Universe.of(Map<String, Bars>), e.g. Universe.of(Datasets.DJIA())");
        if (cls == null && factory == null) throw new IllegalArgumentException("strategy is null: pass a PortfolioStrategy subclass");
        this.universe = universe;
        this.strategyClass = cls;
        this.factory = factory;
    }

    // ---------------------------------------------------------------- settings

    /** Initial cash (default 10,000). */
    public PortfolioBacktest cash(double cash) {
        if (!(cash > 0)) throw new IllegalArgumentException("cash must be positive, got " + cash);
        this.cash = cash;
        return this;
    }

    /** Commission as a fraction of each fill's value (e.g. .001). */
    public PortfolioBacktest commission(double relative) {
        return commission(0, relative);
    }

    /** A fixed amount per fill plus a fraction of its value. */
    public PortfolioBacktest commission(double fixed, double relative) {
        if (!(relative > -.1 && relative < .1)) {
            throw new IllegalArgumentException("commission " + relative + " looks wrong: it is a fraction of the traded value, e.g. .002 for 0.2%");
        }
        if (fixed < 0) throw new IllegalArgumentException("fixed commission must not be negative, got " + fixed);
        this.commission = Commission.fixedPlusRelative(fixed, relative);
        return this;
    }

    /** Commission as any function of the fill's units (negative for sells) and price. */
    public PortfolioBacktest commission(Commission commission) {
        this.commission = commission;
        return this;
    }

    /** Fill market orders and rebalances at the current bar's close instead of the next bar's open. */
    public PortfolioBacktest tradeOnClose(boolean on) {
        this.tradeOnClose = on;
        return this;
    }

    /**
     * Close positions still open at the end on the last bar and count them in the stats (default
     * true, as Minitrade; false keeps Backtesting.py 0.6's rule of counting closed trades only).
     */
    public PortfolioBacktest finalizeTrades(boolean on) {
        this.finalizeTrades = on;
        return this;
    }

    /** Trade in multiples of this unit (e.g. .001 shares); rebalances then size in these units. */
    public PortfolioBacktest fractionalUnit(double unit) {
        if (!(unit > 0 && unit <= 1)) throw new IllegalArgumentException("fractional unit must be in (0, 1], got " + unit);
        this.unit = unit;
        if (lotSize < unit || lotSize == 1) lotSize = unit;
        return this;
    }

    /** Rebalances buy and sell whole lots of this many units (default 1; e.g. 100 for round lots). */
    public PortfolioBacktest lotSize(double units) {
        if (!(units > 0)) throw new IllegalArgumentException("lot size must be positive, got " + units);
        this.lotSize = units;
        return this;
    }

    /** Trade from this date: earlier bars only warm indicators up; the stats start here. */
    public PortfolioBacktest tradeStartDate(LocalDate date) {
        this.tradeStart = date;
        return this;
    }

    /** Units of a ticker already held when trading starts (valued at that bar's open, no cost). */
    public PortfolioBacktest holding(String ticker, double units) {
        universe.indexOf(ticker);
        if (!(units != 0) || !Double.isFinite(units)) throw new IllegalArgumentException("holding of " + ticker + " must be a non-zero number of units, got " + units);
        holdings.put(ticker, units);
        return this;
    }

    /** Several holdings at once: ticker to units. */
    public PortfolioBacktest holdings(Map<String, Double> units) {
        units.forEach(this::holding);
        return this;
    }

    /** Risk rules checked on every order (see {@link RiskRules}). */
    public PortfolioBacktest risk(RiskRules rules) {
        this.risk = rules == null ? RiskRules.none() : rules;
        return this;
    }

    /** Default options of {@code rebalance()} in this backtest (e.g. another cash reserve). */
    public PortfolioBacktest rebalanceDefaults(double cashReserve, double rtol, double atol) {
        rebalanceDefaults.cashReserve(cashReserve).rtol(rtol).atol(atol);
        return this;
    }

    /** Annual risk-free rate for Sharpe/Sortino/Alpha (default 0). */
    public PortfolioBacktest riskFreeRate(double rate) {
        this.riskFreeRate = rate;
        return this;
    }

    /** The map the strategy sees as {@link PortfolioStrategy#storage()} (trade plans keep it across runs). */
    public PortfolioBacktest storage(Map<String, Object> storage) {
        this.storage = storage;
        return this;
    }

    /** Keep warnings in the stats only (do not print them). */
    public PortfolioBacktest quiet(boolean quiet) {
        this.quiet = quiet;
        return this;
    }

    public Universe universe() { return universe; }

    public RiskRules risk() { return risk; }

    public double cash() { return cash; }

    /** The stats of the latest run, or null. */
    public PortfolioStats lastStats() { return lastStats; }

    // ---------------------------------------------------------------- running

    public PortfolioStats run() {
        return run(Map.of());
    }

    /** Runs with some {@link tradebook.backtest.Param} fields set, e.g. {@code run(Map.of("top", 5))}. */
    public PortfolioStats run(Map<String, ?> params) {
        lastStats = null;
        PortfolioStrategy strategy = newStrategy();
        if (storage != null) strategy.useStorage(storage);
        setParams(strategy, params);
        String who = strategy.getClass().getSimpleName();
        Universe view = universe.revealing();
        RunLog log = new RunLog();
        Account account = new Account(view, cash, commission, tradeOnClose, unit, lotSize, risk, log);
        Allocation alloc = new Allocation(view.tickers());
        strategy.bind(view, account, alloc, rebalanceDefaults.copy());
        int n = view.length();
        try {
            strategy.init();
        } catch (RuntimeException | Error e) {
            if (e instanceof ThreadDeath) throw e;
            throw new BacktestException(who + ".init() failed: " + describe(e), e);
        }
        int warmup = 0;
        for (Panel p : strategy.indicators()) {
            int w = p.warmup();
            if (w < 0) {
                throw new BacktestException("indicator '" + p.name() + "' of " + who + " has no value for any ticker on any of the "
                        + n + " bars: too few bars for its period?");
            }
            warmup = Math.max(warmup, w);
        }
        int tradeStartBar = tradeStartBar(view);
        int start = Math.max(1 + warmup, tradeStartBar);
        if (start >= n) {
            throw new BacktestException(who + " would start trading at bar " + start + " (indicator warm-up " + warmup
                    + (tradeStart == null ? "" : ", trade start " + tradeStart) + ") but the universe has " + n + " bars");
        }
        for (Map.Entry<String, Double> h : holdings.entrySet()) {
            int k = view.indexOf(h.getKey());
            double price = account.open[k][tradeStartBar];
            if (Double.isNaN(price)) {
                throw new BacktestException("holding of " + h.getKey() + ": it has no price at " + view.time(tradeStartBar)
                        + ", where trading starts");
            }
            account.hold(k, h.getValue(), price, tradeStartBar);
        }
        account.riskFrom = tradeStartBar;

        boolean bankrupt = false;
        for (int i = 0; i < n; i++) {
            view.show(i + 1);
            if (!account.step(i)) {
                bankrupt = true;
                break;
            }
            if (i >= start && !account.halted) {
                alloc.nextBar();
                try {
                    strategy.next();
                } catch (RuntimeException | Error e) {
                    if (e instanceof ThreadDeath) throw e;
                    throw new BacktestException(who + ".next() failed at bar " + i + " (" + view.time(i) + "): " + describe(e), e);
                }
            }
            if ((i & 255) == 0 && Thread.currentThread().isInterrupted()) throw new BacktestException("backtest interrupted at bar " + i);
        }
        if (!bankrupt) finish(account, log, n);
        double[] eq = account.equity;
        int first = 0;
        while (first < n && Double.isNaN(eq[first])) first++;
        for (int k = 0; k < first; k++) eq[k] = eq[first];
        List<String> warnings = new ArrayList<>(view.report().isEmpty() ? List.of() : List.of("data: " + String.join("; ", view.report())));
        warnings.addAll(log.warnings());
        if (!quiet) for (String w : log.warnings()) System.err.println("warning: " + w);
        PortfolioStats s = PortfolioStats.of(this, strategy, universe, account, log, warnings, warmup, tradeStartBar,
                tradeStart != null ? tradeStartBar : Math.min(warmup, n - 1), riskFreeRate);
        lastStats = s;
        return s;
    }

    /** Finalize (close what is open on the last bar, as Backtesting.py does) or warn about open positions. */
    private void finish(Account account, RunLog log, int n) {
        int open = 0;
        for (List<PortfolioTrade> ts : account.openTrades) open += ts.size();
        if (finalizeTrades) {
            for (int k = 0; k < account.m; k++) {
                for (PortfolioTrade t : List.copyOf(account.openTrades.get(k))) {
                    account.orders.add(new PortfolioOrder(account, k, -t.size, Double.NaN, Double.NaN, t.tag, t, "end"));
                }
            }
            account.step(n - 1); // the last bar again, filling the closing orders with its prices
            int left = 0;
            for (List<PortfolioTrade> ts : account.openTrades) left += ts.size();
            if (left > 0) {
                int l = left;
                log.warn("open-at-end", () -> l + " trade(s) could not be closed on the last bar (no price there) and are not in the stats");
            }
        } else if (open > 0) {
            int o = open;
            log.warn("open-at-end", () -> o + " trade(s) remain open at the end of the backtest and are not in the stats; "
                    + "use finalizeTrades(true) to close them at the last bar and count them");
        }
    }

    private int tradeStartBar(Universe view) {
        if (tradeStart == null) return 0;
        long t = Bars.millis(tradeStart.atStartOfDay());
        long[] time = view.timeArray();
        for (int i = 0; i < time.length; i++) if (time[i] >= t) return i;
        throw new BacktestException("trade start date " + tradeStart + " is after the last bar (" + view.time(time.length - 1).toLocalDate() + ")");
    }

    static String describe(Throwable e) {
        return StrategyParams.error(e);
    }

    PortfolioStrategy newStrategy() {
        return StrategyParams.instantiate(strategyClass, factory, "new PortfolioBacktest(universe");
    }

    static void setParams(PortfolioStrategy strategy, Map<String, ?> params) {
        StrategyParams.set(strategy, PortfolioStrategy.class, params);
    }

    @Override public String toString() {
        return "PortfolioBacktest[" + universe.tickers().size() + " tickers, "
                + (strategyClass != null ? strategyClass.getSimpleName() : "strategy factory") + "]";
    }
}
