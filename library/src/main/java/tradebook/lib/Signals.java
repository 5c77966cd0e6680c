package tradebook.lib;

import tradebook.backtest.OrderSpec;
import tradebook.backtest.Strategy;
import tradebook.backtest.Trade;

/**
 * Orders from precomputed per-bar vectors (Backtesting.py's {@code SignalStrategy} behaviour), a
 * vectorized backtest inside the event-driven engine. On each bar, first the exit portion: a
 * positive value closes that portion of every long trade, a negative one that portion of every
 * short trade; then the entry size: positive buys, negative sells, with sizes as in
 * {@code buy(size(...))} (0..1 a fraction of available liquidity, &ge; 1 whole units). Zero or NaN
 * does nothing. Optional stop-loss and take-profit go with each entry.
 */
public final class Signals implements Behavior {
    private double[] entry;
    private double[] exit;
    private double[] slPrices, tpPrices;
    private double slPct = Double.NaN, tpPct = Double.NaN;

    /** Sets the signals and declares them as scatter indicators "entry size" and "exit portion". */
    public Signals set(Strategy s, double[] entrySize, double[] exitPortion, boolean plot) {
        int n = s.data().size();
        check(entrySize, n, "entry size");
        if (exitPortion != null) check(exitPortion, n, "exit portion");
        this.entry = entrySize.clone();
        this.exit = exitPortion == null ? null : exitPortion.clone();
        s.I("entry size", zeroToNaN(entry)).scatter(true).overlay(false).color("black").plot(plot);
        if (exit != null) s.I("exit portion", zeroToNaN(exit)).scatter(true).overlay(false).color("black").plot(plot);
        return this;
    }

    /** Stop-loss price for an entry on each bar (NaN: none). */
    public Signals stopLoss(Strategy s, double[] prices) {
        check(prices, s.data().size(), "stop-loss prices");
        this.slPrices = prices.clone();
        this.slPct = Double.NaN;
        return this;
    }

    /** Take-profit price for an entry on each bar (NaN: none). */
    public Signals takeProfit(Strategy s, double[] prices) {
        check(prices, s.data().size(), "take-profit prices");
        this.tpPrices = prices.clone();
        this.tpPct = Double.NaN;
        return this;
    }

    /** Stop-loss a fraction below (longs) or above (shorts) the close of the signal bar, e.g. .05. */
    public Signals stopLossPct(double pct) {
        if (!(pct > 0 && pct < 1)) throw new IllegalArgumentException("stop-loss percentage is a fraction in (0, 1), e.g. .05 for 5%; got " + pct);
        this.slPct = pct;
        this.slPrices = null;
        return this;
    }

    /** Take-profit a fraction above (longs) or below (shorts) the close of the signal bar, e.g. .10. */
    public Signals takeProfitPct(double pct) {
        if (!(pct > 0)) throw new IllegalArgumentException("take-profit percentage must be positive, e.g. .1 for 10%; got " + pct);
        this.tpPct = pct;
        this.tpPrices = null;
        return this;
    }

    @Override public void next(Strategy s) {
        if (entry == null) return;
        int i = s.data().size() - 1;
        double portion = exit == null ? 0 : exit[i];
        if (portion > 0) {
            for (Trade t : s.trades()) if (t.isLong()) t.close(portion);
        } else if (portion < 0) {
            for (Trade t : s.trades()) if (t.isShort()) t.close(-portion);
        }
        double size = entry[i];
        if (size > 0) s.buy(spec(s, size, i, true));
        else if (size < 0) s.sell(spec(s, -size, i, false));
    }

    private OrderSpec spec(Strategy s, double size, int i, boolean isLong) {
        OrderSpec o = s.size(size);
        double close = s.data().close().get(-1);
        double sl = slPrices != null ? slPrices[i] : Double.isNaN(slPct) ? Double.NaN : close * (isLong ? 1 - slPct : 1 + slPct);
        double tp = tpPrices != null ? tpPrices[i] : Double.isNaN(tpPct) ? Double.NaN : close * (isLong ? 1 + tpPct : 1 - tpPct);
        if (!Double.isNaN(sl)) o.sl(sl);
        if (!Double.isNaN(tp)) o.tp(tp);
        return o;
    }

    private static void check(double[] a, int n, String what) {
        if (a == null) throw new IllegalArgumentException(what + " is null");
        if (a.length != n) throw new IllegalArgumentException(what + ": " + a.length + " values for " + n + " bars; give one per bar (0 where nothing happens)");
    }

    private static double[] zeroToNaN(double[] a) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) if (out[i] == 0) out[i] = Double.NaN;
        return out;
    }
}
