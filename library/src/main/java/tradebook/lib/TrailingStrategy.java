package tradebook.lib;

import tradebook.backtest.Strategy;

/**
 * A strategy whose open trades get a trailing stop-loss (Backtesting.py's
 * {@code TrailingStrategy}): by default 6 ATRs (ATR over 100 bars) from the close, tightened
 * every bar, never loosened. See {@link Trailing} for the rules. Subclasses call
 * {@code super.init()} and {@code super.next()}.
 *
 * <pre>{@code
 * public class Breakout extends TrailingStrategy {
 *     public void init() { super.init(); setAtrPeriods(20); setTrailingSl(3); }
 *     public void next() { super.next(); if (!position().isOpen() && ...) buy(); }
 * }
 * }</pre>
 */
public abstract class TrailingStrategy extends Strategy {
    private final Trailing trailing = new Trailing();

    @Override public void init() {
        super.init();
        trailing.init(this);
    }

    @Override public void next() {
        super.next();
        trailing.next(this);
    }

    /** ATR lookback (default 100). */
    public void setAtrPeriods(int periods) { trailing.atrPeriods(periods); }

    /** Trailing stop distance in ATRs (default 6). */
    public void setTrailingSl(double nAtr) { trailing.trailingSl(nAtr); }

    /** Trailing stop distance as a fraction of the close, e.g. .05. */
    public void setTrailingPct(double pct) { trailing.trailingPct(pct); }

    /** Fill the ATR warm-up with its first value, as Backtesting.py 0.6 (look-ahead; for matching its figures). */
    public void setAtrBackfill(boolean on) { trailing.backfillAtr(on); }

    /** The ATR the stops trail by. */
    public double[] atr() { return trailing.atr(); }
}
