package tradebook.plan;

/** When a plan's orders are meant to fill. */
public enum EntryType {
    /** Trade on open: orders of a bar fill at the next bar's open (as Backtesting.py's default). */
    TOO,
    /** Trade on close: orders fill at the signal bar's close (market-on-close; the backtest runs with tradeOnClose). */
    TOC,
    /** Regular hours: orders go out at once as market orders (paper: filled like TOO, daily bars have no intraday price). */
    TRG;

    public static EntryType parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PlanException("unknown entry type '" + s + "': use TOO (trade on open), TOC (trade on close) or TRG (regular hours)");
        }
    }
}
