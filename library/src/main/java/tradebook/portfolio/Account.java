package tradebook.portfolio;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tradebook.backtest.Commission;

/**
 * The simulated account of a portfolio backtest: one cash balance, per-ticker positions made of
 * FIFO trades, pending orders, and the fill rules. Orders placed while bar {@code i} is current
 * fill on bar {@code i+1}: market orders at its open (with trade-on-close: at bar {@code i}'s
 * close), limit and stop orders when the bar's range reaches them, as in Backtesting.py.
 * A rebalance fills on the same bar as market orders, after them, sells before buys.
 */
final class Account implements RiskRules.Holdings {
    final Universe universe;
    final int m, n;
    final double[][] open, high, low, close;
    final Commission commission;
    final boolean tradeOnClose;
    final double unit;     // smallest tradable quantity: 1, or the fractional unit
    final double lotSize;  // rebalance lot
    final RiskRules risk;
    final RunLog log;

    double cash;
    final double[] units;
    final List<List<PortfolioTrade>> openTrades = new ArrayList<>();
    final List<PortfolioTrade> closedTrades = new ArrayList<>();
    final List<PortfolioOrder> orders = new ArrayList<>();
    final double[] mark;        // latest known close per ticker (NaN before its first price)
    final double[] equity, cashHistory;
    final double[][] value;     // [ticker][bar]: position value at the bar's close

    /** A rebalance asked for in {@code next()}, done at the next fill. */
    record Request(int bar, double[] weights, double cashReserve, double lotSize) {}

    Request pending;
    final List<Request> rebalances = new ArrayList<>();
    boolean halted;
    int riskFrom = Integer.MAX_VALUE; // bar from which the drawdown stop watches equity
    double peak = Double.NEGATIVE_INFINITY;
    int i = -1;
    private final double[] px; // prices for the checks of the fill being processed

    Account(Universe universe, double cash, Commission commission, boolean tradeOnClose, double unit, double lotSize,
            RiskRules risk, RunLog log) {
        this.universe = universe;
        this.m = universe.tickerCount();
        this.n = universe.length();
        this.open = new double[m][];
        this.high = new double[m][];
        this.low = new double[m][];
        this.close = new double[m][];
        for (int k = 0; k < m; k++) {
            open[k] = universe.full(k).open().array();
            high[k] = universe.full(k).high().array();
            low[k] = universe.full(k).low().array();
            close[k] = universe.full(k).close().array();
            openTrades.add(new ArrayList<>());
        }
        this.cash = cash;
        this.commission = commission;
        this.tradeOnClose = tradeOnClose;
        this.unit = unit;
        this.lotSize = lotSize;
        this.risk = risk;
        this.log = log;
        this.units = new double[m];
        this.mark = new double[m];
        Arrays.fill(mark, Double.NaN);
        this.equity = new double[n];
        Arrays.fill(equity, Double.NaN);
        this.cashHistory = new double[n];
        this.value = new double[m][n];
        this.px = new double[m];
    }

    @Override public String ticker(int k) {
        return universe.ticker(k);
    }

    LocalDateTime time(int bar) {
        return Universe.toTime(universe.timeArray()[bar]);
    }

    /** Cash plus positions at their latest close. */
    double equityNow() {
        double e = cash;
        for (int k = 0; k < m; k++) if (units[k] != 0) e += units[k] * mark[k];
        return e;
    }

    // ---------------------------------------------------------------- RiskRules.Holdings (at the fill's prices)

    @Override public double equity() {
        double e = cash;
        for (int k = 0; k < m; k++) if (units[k] != 0) e += units[k] * px[k];
        return e;
    }

    @Override public int count() { return m; }

    @Override public double units(int k) { return units[k]; }

    @Override public double price(int k) { return px[k]; }

    // ---------------------------------------------------------------- bars

    /** One bar: fill what can be filled, mark positions at the close, watch the drawdown stop. False when bankrupt. */
    boolean step(int bar) {
        i = bar;
        if (!orders.isEmpty() || pending != null) {
            fillPrices();
            if (!orders.isEmpty()) processOrders();
            if (pending != null) {
                Request r = pending;
                pending = null;
                rebalance(r);
            }
        }
        for (int k = 0; k < m; k++) {
            double c = close[k][i];
            if (!Double.isNaN(c)) mark[k] = c;
        }
        double e = equityNow();
        equity[i] = e;
        cashHistory[i] = cash;
        for (int k = 0; k < m; k++) value[k][i] = units[k] == 0 ? 0 : units[k] * mark[k];
        if (e <= 0) {
            // Out of money: liquidate at this close; equity stays 0 from here on.
            for (int k = 0; k < m; k++) if (units[k] != 0) fill(k, -units[k], mark[k], i, null, "bankrupt", null);
            cash = 0;
            Arrays.fill(equity, i, n, 0);
            log.warn("bankrupt", () -> "account ran out of money at bar " + bar + " (" + time(bar) + "): all positions liquidated, backtest stopped");
            return false;
        }
        if (!halted && i >= riskFrom) {
            peak = Math.max(peak, e);
            RiskRules.Block b = risk.checkDrawdown(peak, e);
            if (b != null) halt(b);
        }
        return true;
    }

    /** Drawdown stop: cancel everything, close every position at the next fill, stop the strategy. */
    private void halt(RiskRules.Block b) {
        RiskEvent ev = new RiskEvent(time(i), i, null, b.rule(), b.reason());
        log.risk.add(ev);
        log.warn("risk-" + b.rule(), ev::toString);
        orders.clear();
        pending = null;
        for (int k = 0; k < m; k++) {
            for (PortfolioTrade t : List.copyOf(openTrades.get(k))) {
                orders.add(new PortfolioOrder(this, k, -t.size, Double.NaN, Double.NaN, t.tag, t, "risk"));
            }
        }
        halted = true;
    }

    /** Price each ticker would trade at on this fill (its mark when it cannot trade). */
    private void fillPrices() {
        int pb = tradeOnClose ? i - 1 : i;
        for (int k = 0; k < m; k++) {
            px[k] = canTrade(k, pb) ? (tradeOnClose ? close[k][pb] : open[k][pb]) : mark[k];
        }
    }

    private boolean canTrade(int k, int bar) {
        return bar >= 0 && universe.tradable(k, bar);
    }

    // ---------------------------------------------------------------- orders

    PortfolioOrder place(int k, double size, double limit, double stop, String tag) {
        PortfolioOrder o = new PortfolioOrder(this, k, size, limit, stop, tag, null, "strategy");
        orders.add(o);
        return o;
    }

    private void processOrders() {
        for (PortfolioOrder o : orders.toArray(new PortfolioOrder[0])) {
            if (!orders.contains(o)) continue;
            int k = o.k;
            boolean isLong = o.size > 0;
            if (!Double.isNaN(o.stop) && !o.stopHit) {
                if (!canTrade(k, i)) continue;
                if (!(isLong ? high[k][i] >= o.stop : low[k][i] <= o.stop)) continue;
                o.stopHit = true; // touched: from now on a market order
            }
            double price;
            int at;
            if (!Double.isNaN(o.limit)) {
                if (!canTrade(k, i)) continue;
                if (!(isLong ? low[k][i] <= o.limit : high[k][i] >= o.limit)) continue;
                price = isLong ? Math.min(open[k][i], o.limit) : Math.max(open[k][i], o.limit);
                at = i;
            } else if (o.stopHit) {
                if (!canTrade(k, i)) continue;
                price = isLong ? Math.max(open[k][i], o.stop) : Math.min(open[k][i], o.stop);
                at = i;
            } else {
                at = tradeOnClose ? i - 1 : i;
                if (!canTrade(k, at)) continue; // wait for a bar with a real price
                price = tradeOnClose ? close[k][at] : open[k][at];
            }
            orders.remove(o);
            if (o.trade != null) {
                // Closing (part of) one trade.
                if (!o.trade.isOpen()) continue;
                double q = Math.copySign(Math.min(Math.abs(o.size), Math.abs(o.trade.size)), o.size);
                fill(k, q, price, at, o.tag, o.source, o.trade);
                continue;
            }
            double perUnit = price + commission.of(o.size, price) / Math.abs(o.size);
            double size = o.size;
            if (Math.abs(size) < 1) {
                double lots = pyFloorDiv(available() * Math.abs(size), perUnit * unit);
                if (lots <= 0) {
                    log.warn("liquidity", () -> "bar " + at + " (" + time(at) + "): not enough cash for one unit of " + o
                            + "; order cancelled (raise cash, or use fractional units)");
                    continue;
                }
                size = Math.copySign(lots * unit, size);
            }
            if (blocked(k, size, price, at)) continue;
            // Net against the opposite position first, then open what is left if cash allows (Backtesting.py's order).
            double opposite = units[k] != 0 && Math.signum(units[k]) != Math.signum(size) ? Math.min(Math.abs(size), Math.abs(units[k])) : 0;
            if (opposite > 0) fill(k, Math.copySign(opposite, size), price, at, o.tag, o.source, null);
            double rest = snap(size - Math.copySign(opposite, size));
            if (rest == 0) continue;
            if (Math.abs(rest) * perUnit > available() * (1 + 1e-12)) {
                final double need = Math.abs(rest) * perUnit, have = available();
                log.warn("cash", () -> String.format(Locale.ROOT, "bar %d (%s): %s needs %.2f but %.2f is available; order cancelled",
                        at, time(at), o, need, have));
                continue;
            }
            fill(k, rest, price, at, o.tag, o.source, null);
        }
    }

    /** Cash that can pay for new positions: equity less the value of open positions at this bar's close. */
    private double available() {
        double e = cash, used = 0;
        for (int k = 0; k < m; k++) {
            if (units[k] == 0) continue;
            double c = Double.isNaN(close[k][i]) ? mark[k] : close[k][i];
            e += units[k] * c;
            used += Math.abs(units[k]) * c;
        }
        return Math.max(0, e - used);
    }

    private boolean blocked(int k, double size, double price, int at) {
        double keep = px[k];
        px[k] = price;
        RiskRules.Block b = risk.checkOrder(k, size, price, this);
        px[k] = keep;
        if (b == null) return false;
        RiskEvent ev = new RiskEvent(time(at), at, ticker(k), b.rule(), b.reason());
        log.risk.add(ev);
        log.warn("risk-" + b.rule(), () -> "order blocked by risk rule " + ev);
        return true;
    }

    // ---------------------------------------------------------------- rebalance

    void requestRebalance(double[] weights, double cashReserve, double lot) {
        pending = new Request(i, weights.clone(), cashReserve, lot);
        rebalances.add(pending);
    }

    /**
     * Trades towards the weights: target units = floor(weight &times; equity &times; (1 -
     * reserve) / price) in whole lots, equity and prices taken at this fill; sells first so their
     * cash pays for the buys.
     */
    private void rebalance(Request r) {
        int at = tradeOnClose ? i - 1 : i;
        double e = equity();
        double[] delta = new double[m];
        boolean[] can = new boolean[m];
        for (int k = 0; k < m; k++) {
            can[k] = canTrade(k, at);
            double w = r.weights()[k];
            double target;
            if (w == 0) target = 0;
            else if (Double.isNaN(px[k])) {
                final int kk = k;
                log.warn("rebalance-no-price", () -> String.format(Locale.ROOT, "rebalance at %s: %s has no price yet; its weight %.4f was not traded",
                        time(Math.max(at, 0)), ticker(kk), w));
                continue;
            } else target = floorLots(w * e * (1 - r.cashReserve()) / px[k], r.lotSize());
            delta[k] = snap(target - units[k]);
        }
        for (int k = 0; k < m; k++) {
            if (delta[k] >= 0) continue;
            if (!can[k]) {
                skipped(k, delta[k], at);
                continue;
            }
            fill(k, delta[k], px[k], at, null, "rebalance", null);
        }
        for (int k = 0; k < m; k++) {
            double q = delta[k];
            if (q <= 0) continue;
            if (!can[k]) {
                skipped(k, q, at);
                continue;
            }
            if (blocked(k, q, px[k], at)) continue;
            double p = px[k];
            if (q * p + commission.of(q, p) > cash) {
                double want = q;
                q = floorLots(cash / p, r.lotSize());
                while (q > 0 && q * p + commission.of(q, p) > cash) q = snap(q - r.lotSize());
                final double got = q;
                final int kk = k;
                log.warn("rebalance-cash", () -> String.format(Locale.ROOT, "rebalance at %s: bought %s %s instead of %s: not enough cash at the fill",
                        time(at), num(got), ticker(kk), num(want)));
                if (q <= 0) continue;
            }
            fill(k, q, p, at, null, "rebalance", null);
        }
    }

    private void skipped(int k, double q, int at) {
        log.warn("rebalance-untradable", () -> String.format(Locale.ROOT, "rebalance at %s: %s %s %s skipped: no real price on that bar (missing or forward-filled)",
                time(Math.max(at, 0)), q > 0 ? "buying" : "selling", num(Math.abs(q)), ticker(k)));
    }

    private static double floorLots(double x, double lot) {
        // A hair of tolerance so 0.45 * 10000 * 0.9 / 40.5 counts as the 100 it is on paper.
        double lots = Math.floor(x / lot + 1e-9);
        return lots <= 0 ? 0 : lots * lot;
    }

    // ---------------------------------------------------------------- fills and trades

    /** Fills {@code q} units (signed) of ticker {@code k}: cash, position, trades (oldest closed first), log. */
    void fill(int k, double q, double price, int at, String tag, String source, PortfolioTrade only) {
        double comm = commission.of(q, price);
        cash -= q * price + comm;
        units[k] = snap(units[k] + q);
        double rest = q;
        List<PortfolioTrade> open = openTrades.get(k);
        List<PortfolioTrade> against = only != null ? List.of(only) : List.copyOf(open);
        for (PortfolioTrade t : against) {
            if (rest == 0) break;
            if (Math.signum(t.size) == Math.signum(rest)) continue;
            double qty = Math.min(Math.abs(rest), Math.abs(t.size));
            double share = comm * qty / Math.abs(q);
            PortfolioTrade closing;
            if (qty >= Math.abs(t.size) - unit * 1e-9) {
                closing = t;
                open.remove(t);
            } else {
                double part = Math.copySign(qty, t.size);
                double entryShare = t.entryCommission * qty / Math.abs(t.size);
                closing = new PortfolioTrade(this, k, part, t.entryPrice, t.entryBar, entryShare, t.tag);
                t.entryCommission -= entryShare;
                t.size = snap(t.size - part);
            }
            closing.exitPrice = price;
            closing.exitBar = at;
            closing.exitCommission += share;
            closedTrades.add(closing);
            rest = snap(rest + Math.copySign(qty, t.size));
        }
        if (rest != 0) open.add(new PortfolioTrade(this, k, rest, price, at, comm * Math.abs(rest) / Math.abs(q), tag));
        log.fills.add(new RunLog.Fill(at, k, q, price, comm, source, cash));
    }

    /** Opens a position held from the start (no cash paid, no commission). */
    void hold(int k, double q, double price, int at) {
        units[k] = snap(units[k] + q);
        openTrades.get(k).add(new PortfolioTrade(this, k, q, price, at, 0, "holding"));
        log.fills.add(new RunLog.Fill(at, k, q, price, 0, "holding", cash));
    }

    /** Rounds to whole units of the fractional unit (sums of fractional sizes drift otherwise). */
    double snap(double x) {
        if (unit == 1) return x;
        double r = Math.rint(x / unit) * unit;
        return Math.abs(r) < unit / 2 ? 0 : r;
    }

    static String num(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    /** Python's float floor division, so sizes match Backtesting.py's at exact boundaries. */
    static double pyFloorDiv(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0 && ((wx < 0) != (mod < 0))) div -= 1.0;
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return floordiv;
    }
}
