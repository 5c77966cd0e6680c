package tradebook.plan;

/** How a run rebuilds the account it trades from. */
public enum RunMode {
    /** Replays the whole history from the backtest start; the simulated account decides the orders. */
    STRICT,
    /** Starts from the broker's recorded fills (positions and cash) and lets the strategy act on the latest bar only. */
    INCREMENTAL;

    public static RunMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PlanException("unknown mode '" + s + "': use strict or incremental");
        }
    }
}
