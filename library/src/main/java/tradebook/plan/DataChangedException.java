package tradebook.plan;

/** A strict run refused to trade: history differs from the last good run's. */
public final class DataChangedException extends PlanException {
    public DataChangedException(String message) {
        super(message);
    }
}
