package tradebook.lib;

import tradebook.backtest.Strategy;

/**
 * A strategy driven by precomputed signal vectors (Backtesting.py's {@code SignalStrategy}):
 * compute them over the whole history in {@code init()}, and the entries and exits happen bar
 * by bar. See {@link Signals} for the rules. Subclasses call {@code super.init()} and
 * {@code super.next()}. To trail stops as well, extend {@link SignalTrailingStrategy}.
 *
 * <pre>{@code
 * public class SmaCross extends SignalStrategy {
 *     public void init() {
 *         super.init();
 *         double[] fast = Ta.sma(data().close(), 10), slow = Ta.sma(data().close(), 25);
 *         double[] entry = new double[fast.length];
 *         for (int i = 1; i < entry.length; i++) if (fast[i] > slow[i] && !(fast[i - 1] > slow[i - 1])) entry[i] = .95;
 *         setSignal(entry);
 *     }
 * }
 * }</pre>
 */
public abstract class SignalStrategy extends Strategy {
    private final Signals signals = new Signals();

    @Override public void init() {
        super.init();
    }

    @Override public void next() {
        super.next();
        signals.next(this);
    }

    /** Entry sizes per bar: positive buys, negative sells, 0 nothing (sizes as in {@code buy(size(...))}). */
    public void setSignal(double[] entrySize) {
        signals.set(this, entrySize, null, true);
    }

    /** Entries, and exit portions per bar: positive closes that portion of long trades, negative of short ones. */
    public void setSignal(double[] entrySize, double[] exitPortion) {
        signals.set(this, entrySize, exitPortion, true);
    }

    /** As above; {@code plot} shows the signals as markers on the chart. */
    public void setSignal(double[] entrySize, double[] exitPortion, boolean plot) {
        signals.set(this, entrySize, exitPortion, plot);
    }

    /** Entries with a stop-loss and take-profit a fraction of the close away (NaN for none), e.g. {@code .05, .10}. */
    public void setSignal(double[] entrySize, double[] exitPortion, double slPct, double tpPct) {
        signals.set(this, entrySize, exitPortion, true);
        if (!Double.isNaN(slPct)) signals.stopLossPct(slPct);
        if (!Double.isNaN(tpPct)) signals.takeProfitPct(tpPct);
    }

    /** Stop-loss price per bar for entries on that bar (NaN: none). */
    public void setStopLoss(double[] prices) {
        signals.stopLoss(this, prices);
    }

    /** Take-profit price per bar for entries on that bar (NaN: none). */
    public void setTakeProfit(double[] prices) {
        signals.takeProfit(this, prices);
    }

    /** Stop-loss a fraction of the close away from each entry, e.g. .05. */
    public void setStopLossPct(double pct) {
        signals.stopLossPct(pct);
    }

    /** Take-profit a fraction of the close away from each entry, e.g. .10. */
    public void setTakeProfitPct(double pct) {
        signals.takeProfitPct(pct);
    }
}
