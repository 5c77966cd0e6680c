package tradebook.backtest;

/**
 * Commission in cash for an order of {@code size} units (negative for sells) at {@code price}.
 * Like Backtesting.py, sizing calls it with the order's requested size, which may be a fraction.
 */
@FunctionalInterface
public interface Commission {
    double of(double size, double price);

    static Commission relative(double rate) {
        return (size, price) -> Math.abs(size) * price * rate;
    }

    static Commission fixedPlusRelative(double fixed, double rate) {
        return (size, price) -> fixed + Math.abs(size) * price * rate;
    }
}
