package tradebook.lib;

import java.util.Arrays;
import tradebook.backtest.Strategy;
import tradebook.backtest.Trade;
import tradebook.ta.Ta;

/**
 * A trailing stop-loss (Backtesting.py's {@code TrailingStrategy} behaviour): on every bar, each
 * open trade's stop-loss moves to {@code close - nAtr * ATR} (longs) or {@code close + nAtr * ATR}
 * (shorts) if that is tighter than its current stop; stops never loosen. With
 * {@link #trailingPct} the distance is a fixed fraction of the close instead.
 *
 * <p>ATR is Backtesting.py's: the simple mean of the last {@code atrPeriods} true ranges
 * (default 100; the first bar has no true range, so the first ATR is at bar {@code atrPeriods}).
 * Until the ATR is known, stops are not moved. Backtesting.py 0.6 instead fills that warm-up
 * with the first ATR, a value computed from later bars (kernc/backtesting.py#963);
 * {@link #backfillAtr(boolean)} reproduces it when matching its figures matters.
 */
public final class Trailing implements Behavior {
    private int atrPeriods = 100;
    private double nAtr = 6;
    private double pct = Double.NaN;
    private boolean backfill;
    private double[] atr;
    private Strategy strategy;

    /** Lookback of the ATR (default 100, for a stable ATR). */
    public Trailing atrPeriods(int periods) {
        if (periods < 1) throw new IllegalArgumentException("ATR periods must be at least 1, got " + periods);
        this.atrPeriods = periods;
        if (strategy != null) atr = computeAtr(strategy);
        return this;
    }

    /** Trail the stop {@code nAtr} ATRs away from the close (default 6). */
    public Trailing trailingSl(double nAtr) {
        if (!(nAtr > 0)) throw new IllegalArgumentException("trailing stop distance must be a positive number of ATRs, got " + nAtr);
        this.nAtr = nAtr;
        this.pct = Double.NaN;
        return this;
    }

    /**
     * Trail the stop a fraction of the close away (0 &lt; pct &lt; 1, e.g. .05 for 5%). Exact, unlike
     * Backtesting.py's {@code set_trailing_pct}, which converts the percentage to an average
     * number of ATRs.
     */
    public Trailing trailingPct(double pct) {
        if (!(pct > 0 && pct < 1)) throw new IllegalArgumentException("trailing percentage is a fraction in (0, 1), e.g. .05 for 5%; got " + pct);
        this.pct = pct;
        return this;
    }

    /** Fill the ATR's warm-up with its first value, as Backtesting.py 0.6 does (uses future data). */
    public Trailing backfillAtr(boolean on) {
        this.backfill = on;
        if (strategy != null) atr = computeAtr(strategy);
        return this;
    }

    /** The ATR per bar (NaN while warming up, unless back-filled). */
    public double[] atr() {
        if (atr == null) throw new IllegalStateException("the trailing stop has no data yet: call init(strategy) first");
        return atr.clone();
    }

    @Override public void init(Strategy s) {
        this.strategy = s;
        this.atr = computeAtr(s);
    }

    private double[] computeAtr(Strategy s) {
        double[] tr = Ta.trueRange(s.data().high().values(), s.data().low().values(), s.data().close().values());
        tr[0] = Double.NaN; // no previous close
        double[] a = Ta.sma(tr, atrPeriods);
        if (backfill) {
            int k = 0;
            while (k < a.length && Double.isNaN(a[k])) k++;
            if (k < a.length) Arrays.fill(a, 0, k, a[k]);
        }
        return a;
    }

    @Override public void next(Strategy s) {
        if (atr == null) init(s);
        int i = s.data().size() - 1;
        double close = s.data().close().get(-1);
        for (Trade t : s.trades()) {
            double stop;
            if (!Double.isNaN(pct)) stop = t.isLong() ? close * (1 - pct) : close * (1 + pct);
            else if (Double.isNaN(atr[i])) continue;
            else stop = t.isLong() ? close - atr[i] * nAtr : close + atr[i] * nAtr;
            double current = t.sl();
            if (!Double.isNaN(current)) stop = t.isLong() ? Math.max(current, stop) : Math.min(current, stop);
            if (!(stop > 0)) continue; // a stop at or below zero protects nothing
            t.sl(stop); // re-set every bar, as Backtesting.py does
        }
    }
}
