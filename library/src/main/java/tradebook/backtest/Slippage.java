package tradebook.backtest;

/**
 * Price slippage of a filled market or stop order, as a fraction of the price moved against the
 * trader. Off by default so results equal Backtesting.py's.
 */
@FunctionalInterface
public interface Slippage {
    /** @param size units (negative for sells) @param price fill price @param barVolume the bar's volume */
    double fraction(double size, double price, double barVolume);

    static Slippage fixed(double fraction) {
        return (size, price, volume) -> fraction;
    }

    /** Square-root market impact: {@code k * sqrt(|size| / volume)}, a common simple model. */
    static Slippage volumeImpact(double k) {
        return (size, price, volume) -> volume > 0 ? k * Math.sqrt(Math.abs(size) / volume) : 0;
    }
}
