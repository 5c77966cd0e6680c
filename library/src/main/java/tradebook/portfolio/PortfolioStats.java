package tradebook.portfolio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tradebook.backtest.Stats;
import tradebook.data.Bars;

/**
 * The result of a portfolio backtest: Backtesting.py's stats keys computed the same way, at
 * account level, with "Buy &amp; Hold Return [%]" (and Alpha/Beta) against an equal-weight basket
 * of the tickers priced on the first bar the strategy could trade, bought then and held. Adds
 * what a portfolio needs: trades with a Ticker column, the allocation over time, the target
 * weights of each rebalance, every fill, the risk log, recorded series, and the baseline curve.
 *
 * <p>{@link #data()} is the basket as bars (its value per bar, starting at 1 on the basket's
 * start bar); {@link #tradeList()} is empty: use {@link #portfolioTrades()}.
 */
public final class PortfolioStats extends Stats {
    private final PortfolioBacktest backtest;
    private final PortfolioStrategy strategy;
    private final Universe universe;
    private final List<PortfolioTrade> trades;
    private final double[] equity, cash, baseline;
    private final double[][] value;
    private final List<Account.Request> rebalances;
    private final List<RunLog.Fill> fills;
    private final List<RiskEvent> risk;
    private final Map<String, double[]> records;
    private final int tradeStartBar, basketStart;
    private final Map<String, Double> finalUnits;

    private PortfolioStats(LinkedHashMap<String, Object> values, Bars basket, double[] equity, List<String> warnings, int warmup,
                           PortfolioBacktest backtest, PortfolioStrategy strategy, Universe universe, Account a, RunLog log,
                           double[] baseline, int tradeStartBar, int basketStart) {
        super(values, basket, equity, strategy.toString(), warnings, warmup);
        this.backtest = backtest;
        this.strategy = strategy;
        this.universe = universe;
        this.trades = List.copyOf(a.closedTrades);
        this.equity = equity;
        this.cash = a.cashHistory;
        this.value = a.value;
        this.baseline = baseline;
        this.rebalances = List.copyOf(a.rebalances);
        this.fills = List.copyOf(log.fills);
        this.risk = List.copyOf(log.risk);
        this.records = new LinkedHashMap<>(strategy.records());
        this.tradeStartBar = tradeStartBar;
        this.basketStart = basketStart;
        Map<String, Double> u = new LinkedHashMap<>();
        for (int k = 0; k < a.m; k++) if (a.units[k] != 0) u.put(a.ticker(k), a.units[k]);
        this.finalUnits = Collections.unmodifiableMap(u);
    }

    static PortfolioStats of(PortfolioBacktest bt, PortfolioStrategy strategy, Universe universe, Account a, RunLog log,
                             List<String> warnings, int warmup, int s0, int b0, double rf) {
        int n = a.n;
        long[] time = universe.timeArray();
        double[] basket = basket(a, b0);
        String name = "Equal-weight basket (" + basketSize(a, b0) + " tickers)";
        Bars basketBars = Bars.aligned(name, time, basket, basket, basket, basket, null);
        double[] equity = a.equity;
        double e0 = equity[s0];
        double[] baseline = new double[n];
        for (int i = 0; i < n; i++) baseline[i] = i <= b0 ? e0 : e0 * basket[i];

        // Stats over the trading period only (from the trade start date, if any).
        double[] b = Arrays.copyOfRange(basket, s0, n);
        Bars slice = Bars.aligned(name, Arrays.copyOfRange(time, s0, n), b, b, b, b, null);
        List<PortfolioTrade> ts = a.closedTrades;
        int nt = ts.size();
        double[] pl = new double[nt], ret = new double[nt];
        int[] entry = new int[nt], exit = new int[nt];
        double commissions = 0;
        for (int k = 0; k < nt; k++) {
            PortfolioTrade t = ts.get(k);
            pl[k] = t.pl();
            ret[k] = t.plPct();
            entry[k] = t.entryBar - s0;
            exit[k] = t.exitBar - s0;
            commissions += t.commissions();
        }
        LinkedHashMap<String, Object> values = computeValues(slice, Arrays.copyOfRange(equity, s0, n), b, b0 - s0, pl, ret, entry, exit,
                commissions, rf);
        return new PortfolioStats(values, basketBars, equity, warnings, warmup, bt, strategy, universe, a, log, baseline, s0, b0);
    }

    /** Value per bar of an equal-weight basket bought at bar b0's close (1 there): the mean of each ticker's close / its close at b0. */
    private static double[] basket(Account a, int b0) {
        int n = a.n;
        double[] sum = new double[n];
        int members = 0;
        for (int k = 0; k < a.m; k++) {
            double[] c = a.close[k];
            double base = c[b0];
            if (Double.isNaN(base)) continue;
            members++;
            int first = 0;
            while (Double.isNaN(c[first])) first++;
            double last = c[first];
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(c[i])) last = c[i];
                sum[i] += last / base;
            }
        }
        for (int i = 0; i < n; i++) sum[i] /= members;
        return sum;
    }

    private static int basketSize(Account a, int b0) {
        int members = 0;
        for (int k = 0; k < a.m; k++) if (!Double.isNaN(a.close[k][b0])) members++;
        return members;
    }

    // ---------------------------------------------------------------- what a portfolio adds

    public PortfolioBacktest portfolioBacktest() { return backtest; }

    /** The strategy instance that ran. */
    public PortfolioStrategy portfolioStrategy() { return strategy; }

    /** The data the backtest ran on (all bars). */
    public Universe universe() { return universe; }

    /** Closed trades, in order of closing. */
    public List<PortfolioTrade> portfolioTrades() { return trades; }

    /** Units held per ticker at the end (non-zero only). */
    public Map<String, Double> finalPositions() { return finalUnits; }

    /** Bar on which trading (and the stats) start: 0, or the trade start date's bar. */
    public int tradeStartBar() { return tradeStartBar; }

    /** Bar on which the equal-weight baseline is bought (the first bar the strategy could trade). */
    public int baselineStartBar() { return basketStart; }

    /** Equity of the equal-weight baseline per bar: the starting equity, put into the basket at its start bar. */
    public double[] baseline() { return baseline.clone(); }

    /** Cash per bar (at each bar's close). */
    public double[] cash() { return cash.clone(); }

    /** What the risk rules did: blocked orders and drawdown stops. */
    public List<RiskEvent> riskEvents() { return risk; }

    /** Recorded series ({@code record(name, value)}), NaN on bars without a value. */
    public Map<String, double[]> recordArrays() { return Collections.unmodifiableMap(records); }

    private DateTimeColumn dates(String name) {
        DateTimeColumn d = DateTimeColumn.create(name);
        long[] t = universe.timeArray();
        for (long x : t) d.append(Universe.toTime(x));
        return d;
    }

    /**
     * Closed trades with Backtesting.py's columns, a Ticker column first: Ticker, Size, EntryBar,
     * ExitBar, EntryPrice, ExitPrice, SL, TP (always NaN here), PnL, Commission, ReturnPct,
     * EntryTime, ExitTime, Duration (days), Tag.
     */
    @Override public Table trades() {
        StringColumn ticker = StringColumn.create("Ticker");
        TradeColumns cols = new TradeColumns();
        for (PortfolioTrade t : trades) {
            ticker.append(t.ticker());
            cols.add(t.size(), t.entryBar(), t.exitBar(), t.entryPrice(), t.exitPrice(), Double.NaN, Double.NaN, t.pl(),
                    t.commissions(), t.plPct(), t.entryTime(), t.exitTime(), t.tag());
        }
        return cols.table(ticker);
    }

    /**
     * The allocation over time: per bar, each ticker's position value as a fraction of equity
     * (negative for shorts) and the cash fraction ({@code Date, <tickers...>, Cash}).
     */
    public Table allocation() {
        Table t = Table.create("Allocation", dates("Date"));
        weights().forEach((name, w) -> t.addColumns(DoubleColumn.create(name, w)));
        return t;
    }

    /** Each ticker's position value, then the cash, as a fraction of equity per bar (0 where equity is 0). */
    private Map<String, double[]> weights() {
        int n = equity.length;
        Map<String, double[]> out = new LinkedHashMap<>();
        List<String> tickers = universe.tickers();
        for (int k = 0; k <= tickers.size(); k++) {
            double[] part = k < tickers.size() ? value[k] : cash;
            double[] w = new double[n];
            for (int i = 0; i < n; i++) w[i] = equity[i] == 0 ? 0 : part[i] / equity[i];
            out.put(k < tickers.size() ? tickers.get(k) : "Cash", w);
        }
        return out;
    }

    /**
     * Equity against the equal-weight basket, drawdown, and the allocation over time (stacked
     * weights of the largest holdings and cash): the portfolio's counterpart of a backtest plot.
     */
    @Override public tradebook.chart.Chart plot() {
        Map<String, double[]> weights = weights();
        double[] cashWeight = weights.remove("Cash");
        return tradebook.chart.Chart.plotPortfolio(strategy + " on " + universe.tickers().size() + " tickers", universe.timeArray(),
                equity, baseline, "Equal-weight basket", weights, cashWeight);
    }

    /** Options of a single-asset plot do not apply to a portfolio: the portfolio plot. */
    @Override public tradebook.chart.Chart plot(tradebook.chart.PlotOptions options) {
        return plot();
    }

    /** Position value per bar and ticker, in cash ({@code Date, <tickers...>}). */
    public Table positionValues() {
        Table t = Table.create("Position values", dates("Date"));
        List<String> tickers = universe.tickers();
        for (int k = 0; k < tickers.size(); k++) t.addColumns(DoubleColumn.create(tickers.get(k), value[k].clone()));
        return t;
    }

    /** The target weights of every rebalance scheduled, on the bar it was asked for ({@code Date, CashReserve, <tickers...>}). */
    public Table targetWeights() {
        DateTimeColumn d = DateTimeColumn.create("Date");
        DoubleColumn reserve = DoubleColumn.create("CashReserve");
        List<String> tickers = universe.tickers();
        List<DoubleColumn> cols = new ArrayList<>();
        for (String tk : tickers) cols.add(DoubleColumn.create(tk));
        for (Account.Request r : rebalances) {
            d.append(Universe.toTime(universe.timeArray()[r.bar()]));
            reserve.append(r.cashReserve());
            for (int k = 0; k < tickers.size(); k++) cols.get(k).append(r.weights()[k]);
        }
        Table t = Table.create("Target weights", d, reserve);
        cols.forEach(t::addColumns);
        return t;
    }

    /** Every fill: {@code Time, Bar, Ticker, Units} (negative sells){@code , Price, Commission, Source, CashAfter}. */
    public Table fills() {
        DateTimeColumn time = DateTimeColumn.create("Time");
        IntColumn bar = IntColumn.create("Bar");
        StringColumn ticker = StringColumn.create("Ticker"), source = StringColumn.create("Source");
        DoubleColumn units = DoubleColumn.create("Units"), price = DoubleColumn.create("Price");
        DoubleColumn comm = DoubleColumn.create("Commission"), cashAfter = DoubleColumn.create("CashAfter");
        for (RunLog.Fill f : fills) {
            time.append(Universe.toTime(universe.timeArray()[f.bar()]));
            bar.append(f.bar());
            ticker.append(universe.ticker(f.k()));
            units.append(f.units());
            price.append(f.price());
            comm.append(f.commission());
            source.append(f.source());
            cashAfter.append(f.cashAfter());
        }
        return Table.create("Fills", time, bar, ticker, units, price, comm, source, cashAfter);
    }

    /** Risk events as a table: {@code Time, Bar, Ticker, Rule, Reason}. */
    public Table riskLog() {
        DateTimeColumn time = DateTimeColumn.create("Time");
        IntColumn bar = IntColumn.create("Bar");
        StringColumn ticker = StringColumn.create("Ticker"), rule = StringColumn.create("Rule"), reason = StringColumn.create("Reason");
        for (RiskEvent e : risk) {
            time.append(e.time());
            bar.append(e.bar());
            ticker.append(e.ticker() == null ? "" : e.ticker());
            rule.append(e.rule());
            reason.append(e.reason());
        }
        return Table.create("Risk log", time, bar, ticker, rule, reason);
    }

    /** Recorded series as a table: {@code Date} and one column per name. */
    public Table records() {
        Table t = Table.create("Records", dates("Date"));
        records.forEach((k, v) -> t.addColumns(DoubleColumn.create(k, v.clone())));
        return t;
    }

    /** Equity and the equal-weight baseline per bar ({@code Date, Equity, Baseline}), for plots. */
    public Table baselineCurve() {
        return Table.create("Equity and baseline", dates("Date"), DoubleColumn.create("Equity", equity.clone()),
                DoubleColumn.create("Baseline", baseline.clone()));
    }
}
