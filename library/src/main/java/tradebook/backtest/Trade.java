package tradebook.backtest;

import java.time.LocalDateTime;

/**
 * A trade: opened by a filled order, closed by an opposite order, its stop-loss/take-profit, or
 * the end of the backtest. Sizes are in units of the asset (negative for shorts).
 */
public final class Trade {
    final Broker broker;
    double size; // in lots of the broker's fractional unit (whole numbers)
    final double entryPrice;
    final int entryBar;
    double exitPrice = Double.NaN;
    int exitBar = -1;
    Order slOrder;
    Order tpOrder;
    final String tag;
    double commissions;

    Trade(Broker broker, double size, double entryPrice, int entryBar, String tag) {
        this.broker = broker;
        this.size = size;
        this.entryPrice = entryPrice;
        this.entryBar = entryBar;
        this.tag = tag;
    }

    Trade copy(double newSize) {
        return new Trade(broker, newSize, entryPrice, entryBar, tag);
    }

    public double size() { return broker.toUnits(size); }

    public double entryPrice() { return entryPrice; }

    /** NaN while open. */
    public double exitPrice() { return exitPrice; }

    public int entryBar() { return entryBar; }

    /** -1 while open. */
    public int exitBar() { return exitBar; }

    public LocalDateTime entryTime() { return broker.timeOf(entryBar); }

    /** Null while open. */
    public LocalDateTime exitTime() { return exitBar < 0 ? null : broker.timeOf(exitBar); }

    public String tag() { return tag; }

    public boolean isLong() { return size > 0; }

    public boolean isShort() { return size < 0; }

    public boolean isOpen() { return exitBar < 0; }

    /** Commissions paid; counted on the trade when it closes (entry and exit). */
    public double commissions() { return commissions; }

    /** Profit (loss if negative) in cash, at the exit price or else the latest close, less commissions. */
    public double pl() {
        double price = Double.isNaN(exitPrice) ? broker.lastPrice() : exitPrice;
        return broker.toUnits(size) * (price - entryPrice) - commissions;
    }

    /** Profit as a fraction of the entry value, less commissions. */
    public double plPct() {
        double price = Double.isNaN(exitPrice) ? broker.lastPrice() : exitPrice;
        double gross = Math.signum(size) * (price / entryPrice - 1);
        return gross - commissions / (Math.abs(broker.toUnits(size)) * entryPrice);
    }

    /** Current value (absolute) at the latest price. */
    public double value() {
        double price = Double.isNaN(exitPrice) ? broker.lastPrice() : exitPrice;
        return Math.abs(broker.toUnits(size)) * price;
    }

    /** Stop-loss price, NaN if none. */
    public double sl() { return slOrder == null ? Double.NaN : slOrder.stop; }

    /** Take-profit price, NaN if none. */
    public double tp() { return tpOrder == null ? Double.NaN : tpOrder.limit; }

    /** Sets (or with NaN removes) the stop-loss. */
    public void sl(double price) { setContingent(true, price); }

    /** Sets (or with NaN removes) the take-profit. */
    public void tp(double price) { setContingent(false, price); }

    private void setContingent(boolean isSl, double price) {
        if (!isOpen()) throw new IllegalStateException("trade is closed: " + this);
        if (!Double.isNaN(price) && !(price > 0 && price < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException((isSl ? "stop-loss" : "take-profit") + " must be a positive price, got " + price);
        }
        Order existing = isSl ? slOrder : tpOrder;
        if (existing != null) existing.cancel();
        if (!Double.isNaN(price)) {
            Order o = isSl ? broker.newOrder(-size, Double.NaN, price, Double.NaN, Double.NaN, tag, this)
                    : broker.newOrder(-size, price, Double.NaN, Double.NaN, Double.NaN, tag, this);
            if (isSl) slOrder = o;
            else tpOrder = o;
        }
    }

    /** Closes the whole trade at the next fill (next open, or this close with trade-on-close). */
    public void close() { close(1.0); }

    /** Closes {@code portion} (0 &lt; portion &le; 1) of the trade, at least one unit. */
    public void close(double portion) {
        if (!(portion > 0 && portion <= 1)) throw new IllegalArgumentException("portion must be in (0, 1], got " + portion);
        double lots = Math.max(1, Math.rint(Math.abs(size) * portion));
        Order order = new Order(broker, -Math.signum(size) * lots, Double.NaN, Double.NaN, Double.NaN, Double.NaN, tag, this);
        broker.orders.add(0, order);
    }

    @Override public String toString() {
        return "Trade[size=" + broker.toUnits(size) + ", time=" + entryBar + "-" + (exitBar < 0 ? "" : exitBar)
                + ", price=" + entryPrice + "-" + (Double.isNaN(exitPrice) ? "" : exitPrice)
                + ", pl=" + String.format("%.2f", pl()) + (tag == null ? "" : ", tag=" + tag) + "]";
    }
}
