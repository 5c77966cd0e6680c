package tradebook.backtest;

/**
 * A pending order. Prices not set are NaN. Contingent orders are the stop-loss and take-profit
 * orders of an open trade; closing orders of a trade have a parent trade but are not contingent.
 */
public final class Order {
    final Broker broker;
    double size;
    final double limit;
    final double stop;
    boolean stopHit;
    final double sl;
    final double tp;
    final String tag;
    final Trade parentTrade;

    Order(Broker broker, double size, double limit, double stop, double sl, double tp, String tag, Trade parentTrade) {
        this.broker = broker;
        this.size = size;
        this.limit = limit;
        this.stop = stop;
        this.sl = sl;
        this.tp = tp;
        this.tag = tag;
        this.parentTrade = parentTrade;
    }

    public double size() { return broker.toUnits(size); }

    public double limit() { return limit; }

    /** The stop price, NaN once it has been touched (the order then acts as market/limit). */
    public double stop() { return stopHit ? Double.NaN : stop; }

    public double sl() { return sl; }

    public double tp() { return tp; }

    public String tag() { return tag; }

    public Trade parentTrade() { return parentTrade; }

    public boolean isLong() { return size > 0; }

    public boolean isShort() { return size < 0; }

    /** True for the stop-loss / take-profit orders of an open trade. */
    public boolean isContingent() {
        return parentTrade != null && (this == parentTrade.slOrder || this == parentTrade.tpOrder);
    }

    /** Cancels the order; cancelling a stop-loss/take-profit removes it from its trade. */
    public void cancel() {
        broker.orders.remove(this);
        if (parentTrade != null) {
            if (this == parentTrade.slOrder) parentTrade.slOrder = null;
            else if (this == parentTrade.tpOrder) parentTrade.tpOrder = null;
        }
    }

    boolean hasLimit() { return !Double.isNaN(limit); }

    /** Stop price still waiting to be touched, else NaN. */
    double pendingStop() { return stopHit ? Double.NaN : stop; }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("Order[size=").append(broker.toUnits(size));
        if (hasLimit()) sb.append(", limit=").append(limit);
        if (!Double.isNaN(pendingStop())) sb.append(", stop=").append(stop);
        if (!Double.isNaN(sl)) sb.append(", sl=").append(sl);
        if (!Double.isNaN(tp)) sb.append(", tp=").append(tp);
        if (isContingent()) sb.append(", contingent");
        if (tag != null) sb.append(", tag=").append(tag);
        return sb.append(']').toString();
    }
}
