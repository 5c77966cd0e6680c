package tradebook.lib;

/**
 * Signals and a trailing stop in one strategy: Python's {@code class S(SignalStrategy,
 * TrailingStrategy)} in Java, which has single inheritance. On each bar the stops trail first,
 * then the signal's exits and entries run (Python's method order for that class). For other
 * mixes, hold {@link Signals} and {@link Trailing} objects and call them (see {@link Behavior},
 * {@link Lib#compose}).
 *
 * <pre>{@code
 * public class SmaCross extends SignalTrailingStrategy {
 *     @Param public int n1 = 10, n2 = 25;
 *     public void init() {
 *         super.init();
 *         double[] fast = I("SMA", Ta.sma(data().close(), n1)).values(), slow = I("SMA", Ta.sma(data().close(), n2)).values();
 *         double[] entry = new double[fast.length];
 *         for (int i = 1; i < entry.length; i++) if (fast[i] > slow[i] && !(fast[i - 1] > slow[i - 1])) entry[i] = .95;
 *         setSignal(entry);     // long-only entries of 95% of liquidity
 *         setTrailingSl(2);     // stops 2 ATRs below the close
 *     }
 * }
 * }</pre>
 */
public abstract class SignalTrailingStrategy extends SignalStrategy {
    private final Trailing trailing = new Trailing();

    @Override public void init() {
        super.init();
        trailing.init(this);
    }

    @Override public void next() {
        trailing.next(this);
        super.next();
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
