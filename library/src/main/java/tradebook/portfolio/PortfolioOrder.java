package tradebook.portfolio;

/**
 * A pending order for one ticker. Market orders fill at the next bar's open (or this bar's close
 * with trade-on-close); limit and stop orders wait for their price. Orders wait while the ticker
 * has no real price (before it starts, in a gap).
 */
public final class PortfolioOrder {
    final Account account;
    final int k;
    final double size; // units (signed), or a signed fraction of available cash when |size| < 1
    final double limit;
    final double stop;
    boolean stopHit;
    final String tag;
    final PortfolioTrade trade; // set for orders that close one trade
    final String source;        // "strategy", "risk" or "end"

    PortfolioOrder(Account account, int k, double size, double limit, double stop, String tag, PortfolioTrade trade, String source) {
        this.account = account;
        this.k = k;
        this.size = size;
        this.limit = limit;
        this.stop = stop;
        this.tag = tag;
        this.trade = trade;
        this.source = source;
    }

    public String ticker() { return account.ticker(k); }

    /** Units (negative for sells), or a fraction of available cash when below 1 in magnitude. */
    public double size() { return size; }

    /** Limit price, NaN if none. */
    public double limit() { return limit; }

    /** Stop price still waiting to be touched, NaN if none. */
    public double stop() { return stopHit ? Double.NaN : stop; }

    public String tag() { return tag; }

    public boolean isLong() { return size > 0; }

    public boolean isShort() { return size < 0; }

    /** The trade this order closes, or null. */
    public PortfolioTrade trade() { return trade; }

    public void cancel() {
        account.orders.remove(this);
    }

    @Override public String toString() {
        return "PortfolioOrder[" + ticker() + ", size=" + size + (Double.isNaN(limit) ? "" : ", limit=" + limit)
                + (Double.isNaN(stop()) ? "" : ", stop=" + stop) + (tag == null ? "" : ", tag=" + tag) + "]";
    }
}
