package tradebook.lib;

import tradebook.backtest.Strategy;

/**
 * A reusable piece of strategy logic, run from a strategy's {@code init()} and {@code next()}.
 * Java has single inheritance, so library behaviour ({@link Trailing}, {@link Signals}) also
 * comes as objects a strategy holds and calls; {@link Lib#compose} runs several in order.
 *
 * <pre>{@code
 * public class MyStrategy extends SomeBaseOfMine {
 *     final Trailing trailing = new Trailing().trailingSl(2);
 *     public void init() { super.init(); trailing.init(this); ... }
 *     public void next() { super.next(); trailing.next(this); ... }
 * }
 * }</pre>
 */
public interface Behavior {
    /** Called from the strategy's {@code init()}. */
    default void init(Strategy strategy) {}

    /** Called from the strategy's {@code next()}, once per bar. */
    default void next(Strategy strategy) {}
}
