package tradebook.backtest;

/**
 * Options of a new order, built fluently from the strategy: {@code buy(size(.2).sl(95).tp(120))}.
 * Unset prices are NaN; an unset size means "all available liquidity" (Backtesting.py's default).
 */
public final class OrderSpec {
    double size = Strategy.FULL_EQUITY;
    double limit = Double.NaN;
    double stop = Double.NaN;
    double sl = Double.NaN;
    double tp = Double.NaN;
    String tag;

    /** 0 &lt; size &lt; 1: fraction of available liquidity; size &ge; 1: whole units. */
    public OrderSpec size(double size) {
        this.size = size;
        return this;
    }

    /** A limit order at this price. */
    public OrderSpec limit(double price) {
        this.limit = price;
        return this;
    }

    /** A stop (market-if-touched) order; with a limit, a stop-limit order. */
    public OrderSpec stop(double price) {
        this.stop = price;
        return this;
    }

    /** Stop-loss price of the resulting trade. */
    public OrderSpec sl(double price) {
        this.sl = price;
        return this;
    }

    /** Take-profit price of the resulting trade. */
    public OrderSpec tp(double price) {
        this.tp = price;
        return this;
    }

    /** Any label; carried to the order, the trade and the trades table. */
    public OrderSpec tag(String tag) {
        this.tag = tag;
        return this;
    }

    @Override public String toString() {
        return "OrderSpec[size=" + size + ", limit=" + limit + ", stop=" + stop + ", sl=" + sl + ", tp=" + tp + ", tag=" + tag + "]";
    }
}
