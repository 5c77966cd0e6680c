package tradebook.backtest;

/** The optimization was interrupted; {@link #partial()} holds the runs finished by then. */
public final class OptimizationInterruptedException extends BacktestException {
    private final transient OptimizationResult partial;

    OptimizationInterruptedException(String message, OptimizationResult partial) {
        super(message);
        this.partial = partial;
    }

    /** The finished runs (heatmap and errors; no best stats). */
    public OptimizationResult partial() { return partial; }
}
