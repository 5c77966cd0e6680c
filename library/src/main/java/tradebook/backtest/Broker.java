package tradebook.backtest;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tradebook.data.Bars;

/**
 * The simulated account: cash, pending orders, open and closed trades, and the fill rules.
 * Sizes are held in lots of {@code unit} (1 unless fractional units are on), always whole.
 */
final class Broker {
    final Bars data;
    final double[] open, high, low, close, volume;
    final double cash0;
    double cash;
    final Commission commission;
    final double spread;
    final double leverage;
    final boolean tradeOnClose, hedging, exclusiveOrders;
    final double unit;
    final Slippage slippage;
    final List<Order> orders = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final List<Trade> closedTrades = new ArrayList<>();
    final double[] equity;
    final Warnings warnings;
    int i = -1;

    Broker(Bars data, Backtest.Settings s, Warnings warnings) {
        this.data = data;
        this.open = data.open().array();
        this.high = data.high().array();
        this.low = data.low().array();
        this.close = data.close().array();
        this.volume = s.slippage != null ? data.volume().array() : null; // only slippage models read volume
        this.cash0 = s.cash;
        this.cash = s.cash;
        this.commission = s.commission;
        this.spread = s.spread;
        this.leverage = 1 / s.margin;
        this.tradeOnClose = s.tradeOnClose;
        this.hedging = s.hedging;
        this.exclusiveOrders = s.exclusiveOrders;
        this.unit = s.fractionalUnit;
        this.slippage = s.slippage;
        this.warnings = warnings;
        this.equity = new double[open.length];
        Arrays.fill(equity, Double.NaN);
    }

    double toUnits(double lots) {
        return unit == 1 ? lots : lots * unit;
    }

    LocalDateTime timeOf(int bar) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(data.timeArray()[bar], 1000),
                (int) Math.floorMod(data.timeArray()[bar], 1000) * 1_000_000, java.time.ZoneOffset.UTC);
    }

    double lastPrice() {
        return close[i];
    }

    double equity() {
        double e = cash;
        for (int k = 0, n = trades.size(); k < n; k++) {
            Trade t = trades.get(k);
            e += toUnits(t.size) * (close[i] - t.entryPrice) - t.commissions;
        }
        return e;
    }

    double marginAvailable() {
        double used = 0;
        for (int k = 0, n = trades.size(); k < n; k++) used += Math.abs(toUnits(trades.get(k).size)) * close[i] / leverage;
        return Math.max(0, equity() - used);
    }

    /** Price with the spread applied against the trader (buys pay more, sells get less). */
    double adjustedPrice(double size, double price) {
        return price * (1 + Math.copySign(spread, size));
    }

    Order newOrder(double size, double limit, double stop, double sl, double tp, String tag, Trade trade) {
        if (size == 0) throw new IllegalArgumentException("order size must not be 0");
        double ref = !Double.isNaN(limit) ? limit : !Double.isNaN(stop) ? stop : adjustedPrice(size, close[i]);
        if (size > 0) {
            if (!(nanOr(sl, Double.NEGATIVE_INFINITY) < ref && ref < nanOr(tp, Double.POSITIVE_INFINITY))) {
                throw new IllegalArgumentException("long orders require SL (" + fmt(sl) + ") < "
                        + (!Double.isNaN(limit) ? "LIMIT" : !Double.isNaN(stop) ? "STOP" : "price") + " (" + fmt(ref)
                        + ") < TP (" + fmt(tp) + ")");
            }
        } else if (!(nanOr(tp, Double.NEGATIVE_INFINITY) < ref && ref < nanOr(sl, Double.POSITIVE_INFINITY))) {
            throw new IllegalArgumentException("short orders require TP (" + fmt(tp) + ") < "
                    + (!Double.isNaN(limit) ? "LIMIT" : !Double.isNaN(stop) ? "STOP" : "price") + " (" + fmt(ref)
                    + ") < SL (" + fmt(sl) + ")");
        }
        Order order = new Order(this, size, limit, stop, sl, tp, tag, trade);
        if (trade == null) {
            if (exclusiveOrders) {
                for (Order o : List.copyOf(orders)) if (!o.isContingent()) o.cancel();
                for (Trade t : List.copyOf(trades)) t.close();
            }
            orders.add(order);
        } else {
            // Stop-loss, take-profit and closing orders go first in the queue.
            orders.add(0, order);
        }
        return order;
    }

    private static double nanOr(double v, double alt) {
        return Double.isNaN(v) ? alt : v;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "none" : String.valueOf(v);
    }

    /** One bar: fill what can be filled at bar {@code bar}, then mark equity. */
    boolean next(int bar) {
        i = bar;
        if (!orders.isEmpty()) processOrders();
        double e = equity();
        equity[i] = e;
        if (e <= 0) {
            // Out of money: liquidate everything at this close; equity stays 0 from here on.
            for (Trade t : List.copyOf(trades)) closeTrade(t, close[i], i);
            cash = 0;
            Arrays.fill(equity, i, equity.length, 0);
            warnings.add("bankrupt", () -> "account ran out of money at bar " + bar + " (" + timeOf(bar) + "): all trades liquidated, backtest stopped");
            return false;
        }
        return true;
    }

    void processOrders() {
        double o = open[i], h = high[i], l = low[i];
        boolean reprocess = false;
        for (Order order : orders.toArray(new Order[0])) {
            if (!orders.contains(order)) continue; // removed with its trade
            boolean isLong = order.size > 0;
            double stopPrice = order.pendingStop();
            if (!Double.isNaN(stopPrice)) {
                boolean hit = isLong ? h >= stopPrice : l <= stopPrice;
                if (!hit) continue;
                // A touched stop becomes a market (or limit) order.
                order.stopHit = true;
            }
            double price;
            if (order.hasLimit()) {
                boolean limitHit = isLong ? l <= order.limit : h >= order.limit;
                // Stop and limit within one bar: assume, pessimistically, the limit came first.
                boolean limitBeforeStop = limitHit && (isLong ? order.limit < nanOr(stopPrice, Double.NEGATIVE_INFINITY)
                        : order.limit > nanOr(stopPrice, Double.POSITIVE_INFINITY));
                if (!limitHit || limitBeforeStop) continue;
                price = isLong ? Math.min(nanOr(stopPrice, o), order.limit) : Math.max(nanOr(stopPrice, o), order.limit);
            } else {
                boolean contingent = order.isContingent();
                price = tradeOnClose && !contingent ? close[i - 1] : o;
                if (!Double.isNaN(stopPrice)) price = isLong ? Math.max(price, stopPrice) : Math.min(price, stopPrice);
                if (slippage != null) {
                    price *= 1 + Math.copySign(slippage.fraction(toUnits(order.size), price, volume[i]), order.size);
                }
            }
            boolean isMarket = !order.hasLimit() && Double.isNaN(stopPrice);
            int timeIndex = isMarket && tradeOnClose && !order.isContingent() ? i - 1 : i;

            if (order.parentTrade != null) {
                Trade trade = order.parentTrade;
                double prev = trade.size;
                double size = Math.copySign(Math.min(Math.abs(prev), Math.abs(order.size)), order.size);
                if (trades.contains(trade)) reduceTrade(trade, price, size, timeIndex);
                if (order != trade.slOrder && order != trade.tpOrder) orders.remove(order);
                continue;
            }

            double adjusted = adjustedPrice(order.size, price);
            double adjustedPlusCommission = adjusted + commission.of(toUnits(order.size), price) / Math.abs(toUnits(order.size));
            double size = order.size;
            if (-1 < size && size < 1) {
                double lots = pyFloorDiv(marginAvailable() * leverage * Math.abs(size), adjustedPlusCommission * unit);
                size = Math.copySign(lots, size);
                if (lots == 0) {
                    final int bar = i;
                    warnings.add("liquidity", () -> "bar " + bar + " (" + timeOf(bar) + "): not enough liquidity for one unit of " + order
                            + "; order cancelled (raise cash or margin, or use fractional units)");
                    orders.remove(order);
                    continue;
                }
            }
            double need = size;
            if (!hedging) {
                // Net against opposite trades first, oldest first, at the unadjusted price.
                for (Trade t : trades.toArray(new Trade[0])) {
                    if (t.isLong() == (order.size > 0)) continue;
                    if (Math.abs(need) >= Math.abs(t.size)) {
                        closeTrade(t, price, timeIndex);
                        need += t.size;
                    } else {
                        reduceTrade(t, price, need, timeIndex);
                        need = 0;
                    }
                    if (need == 0) break;
                }
            }
            if (Math.abs(toUnits(need)) * adjustedPlusCommission > marginAvailable() * leverage) {
                orders.remove(order);
                continue;
            }
            if (need != 0) {
                openTrade(adjusted, need, order.sl, order.tp, timeIndex, order.tag);
                if (!Double.isNaN(order.sl) || !Double.isNaN(order.tp)) {
                    if (isMarket) {
                        reprocess = true;
                    } else if ((l <= nanOr(order.sl, Double.NEGATIVE_INFINITY) && nanOr(order.sl, Double.NEGATIVE_INFINITY) <= h)
                            || (l <= nanOr(order.tp, Double.NEGATIVE_INFINITY) && nanOr(order.tp, Double.NEGATIVE_INFINITY) <= h)) {
                        final int bar = i;
                        warnings.add("sltp-same-bar", () -> "bar " + bar + " (" + timeOf(bar) + "): a limit/stop order filled with its SL/TP inside the same bar; "
                                + "the SL/TP is first checked on the next bar, as OHLC data cannot tell the order of prices within a bar");
                    }
                }
            }
            orders.remove(order);
        }
        if (reprocess) processOrders();
    }

    void openTrade(double price, double size, double sl, double tp, int timeIndex, String tag) {
        Trade trade = new Trade(this, size, price, timeIndex, tag);
        trades.add(trade);
        cash -= commission.of(toUnits(size), price);
        if (!Double.isNaN(tp)) trade.tp(tp);
        if (!Double.isNaN(sl)) trade.sl(sl);
    }

    void reduceTrade(Trade trade, double price, double size, int timeIndex) {
        double left = trade.size + size;
        Trade closing;
        if (left == 0) {
            closing = trade;
        } else {
            trade.size = left;
            if (trade.slOrder != null) trade.slOrder.size = -left;
            if (trade.tpOrder != null) trade.tpOrder.size = -left;
            closing = trade.copy(-size);
            trades.add(closing);
        }
        closeTrade(closing, price, timeIndex);
    }

    void closeTrade(Trade trade, double price, int timeIndex) {
        trades.remove(trade);
        if (trade.slOrder != null) orders.remove(trade.slOrder);
        if (trade.tpOrder != null) orders.remove(trade.tpOrder);
        trade.exitPrice = price;
        trade.exitBar = timeIndex;
        closedTrades.add(trade);
        double exitCommission = commission.of(toUnits(trade.size), price);
        cash += toUnits(trade.size) * (price - trade.entryPrice) - exitCommission;
        // The entry commission is recomputed for this (possibly reduced) size, for the stats.
        trade.commissions = exitCommission + commission.of(toUnits(trade.size), trade.entryPrice);
    }

    /** Python's float floor division, so sizes match Backtesting.py even at exact boundaries. */
    static double pyFloorDiv(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0 && ((wx < 0) != (mod < 0))) {
            div -= 1.0;
        }
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
