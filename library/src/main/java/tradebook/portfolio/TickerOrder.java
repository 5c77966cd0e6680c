package tradebook.portfolio;

/**
 * Options of an order for one ticker, built fluently in the strategy:
 * {@code buy(ticker("AAPL").size(10))}, {@code sell(ticker("MSFT").size(.5).limit(30))}.
 * Size as in Backtesting.py: 0 &lt; size &lt; 1 a fraction of the available cash, size &ge; 1
 * whole units (multiples of the fractional unit, if set); unset means all available cash.
 */
public final class TickerOrder {
    final String ticker;
    double size = PortfolioStrategy.FULL_EQUITY;
    double limit = Double.NaN;
    double stop = Double.NaN;
    String tag;

    TickerOrder(String ticker) {
        this.ticker = ticker;
    }

    public TickerOrder size(double size) {
        this.size = size;
        return this;
    }

    /** A limit order: buys fill at this price or lower, sells at this price or higher. */
    public TickerOrder limit(double price) {
        this.limit = price;
        return this;
    }

    /** A stop order: becomes a market order once the price touches {@code price}. */
    public TickerOrder stop(double price) {
        this.stop = price;
        return this;
    }

    /** Any label, carried to the order, its trades and the trades table. */
    public TickerOrder tag(String tag) {
        this.tag = tag;
        return this;
    }

    @Override public String toString() {
        return "TickerOrder[" + ticker + ", size=" + size + (Double.isNaN(limit) ? "" : ", limit=" + limit)
                + (Double.isNaN(stop) ? "" : ", stop=" + stop) + (tag == null ? "" : ", tag=" + tag) + "]";
    }
}
