package tradebook.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tradebook.backtest.Backtest;
import tradebook.backtest.Param;
import tradebook.backtest.Stats;
import tradebook.backtest.Trade;
import tradebook.data.Bars;
import tradebook.data.Datasets;
import tradebook.ta.Ta;

/**
 * SignalStrategy and TrailingStrategy on hand-made bars, trade by trade. Every bar's true range
 * is 2 except bar 11 (1.5), so ATR(2) is 2 from bar 2 and 1.75 at bars 11-12; each step is in
 * the comments.
 */
class LibStrategiesTest {
    //                                   0   1   2   3   4   5   6     7     8   9   10  11    12
    static final double[] OPEN  = {10, 10, 10, 10, 11, 12, 13,   12,   11, 11, 11, 11.5, 11};
    static final double[] HIGH  = {11, 11, 11, 12, 13, 14, 13.5, 12.5, 12, 12, 12, 12,   12};
    static final double[] LOW   = { 9,  9,  9, 10, 11, 12, 11.5, 10.5, 10, 10, 10, 10.5, 10};
    static final double[] CLOSE = {10, 10, 10, 11, 12, 13, 12,   11,   11, 11, 11, 11,   11};

    static Bars bars() {
        long[] t = new long[OPEN.length];
        for (int i = 0; i < t.length; i++) t[i] = Bars.millis(LocalDateTime.of(2020, 1, 1, 0, 0).plusDays(i));
        return Bars.of("hand", t, OPEN, HIGH, LOW, CLOSE, null);
    }

    static final List<Double> SL_SEEN = new ArrayList<>();

    @BeforeEach
    void clear() {
        SL_SEEN.clear();
    }

    /** Buys 5 units on bar 2 and 4 on bar 8, closes half on bar 10; stops trail 1 ATR(2). */
    public static class Both extends SignalTrailingStrategy {
        @Override public void init() {
            super.init();
            double[] entry = new double[data().size()], exit = new double[data().size()];
            entry[2] = 5;
            entry[8] = 4;
            exit[10] = .5;
            setSignal(entry, exit);
            setAtrPeriods(2);
            setTrailingSl(1);
        }
    }

    @Test
    void signalsWithATrailingStopTradeByTrade() {
        Stats s = new Backtest(bars(), Both.class).run();
        assertEquals(List.of(Double.NaN, Double.NaN, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 1.75, 1.75),
                boxed(((Both) s.strategy()).atr()));
        List<Trade> trades = s.tradeList();
        assertEquals(2, trades.size());
        // A: the bar-2 entry fills at bar 3's open (10). Stops: bar 3 11-2 = 9, bar 4 12-2 = 10,
        // bar 5 13-2 = 11, bar 6 max(11, 12-2) = 11 (never loosens). Bar 7's low 10.5 touches 11;
        // it opened above (12), so the stop fills at 11.
        Trade a = trades.get(0);
        assertEquals(5, a.size());
        assertEquals(3, a.entryBar());
        assertEquals(10, a.entryPrice());
        assertEquals(7, a.exitBar());
        assertEquals(11, a.exitPrice());
        assertEquals(11, a.sl());
        assertEquals(5, a.pl(), 1e-12);
        // B: the bar-8 entry fills at bar 9's open (11), stop 11-2 = 9. The bar-10 exit signal closes
        // half (2 of 4 units) at bar 11's open, 11.5. The other 2 units stay open (stop at bar 11:
        // max(9, 11-1.75) = 9.25, not touched by bar 12's low 10).
        Trade b = trades.get(1);
        assertEquals(2, b.size());
        assertEquals(9, b.entryBar());
        assertEquals(11, b.entryPrice());
        assertEquals(11, b.exitBar());
        assertEquals(11.5, b.exitPrice());
        assertEquals(1, b.pl(), 1e-12);
        // cash 10,000 + 5 + 1, and the 2 open units are flat (11 -> 11)
        assertEquals(10_006, s.getDouble("Equity Final [$]"), 1e-9);
    }

    /** Shorts 5 units on bar 2, stop trailing 10% above the close. */
    public static class ShortTrail extends TrailingStrategy {
        @Override public void init() {
            super.init();
            setTrailingPct(.1);
        }

        @Override public void next() {
            super.next();
            if (bar() == 2) sell(size(5));
        }
    }

    @Test
    void trailingPercentOnAShort() {
        Stats s = new Backtest(bars(), ShortTrail.class).run();
        // fills at bar 3's open 10; stop 11 * 1.1 = 12.1 set at bar 3; bar 4's high 13 touches it,
        // bar 4 opened below (11), so the buy stop fills at 12.1: P/L -5 * (12.1 - 10) = -10.5
        Trade t = s.tradeList().get(0);
        assertEquals(1, s.tradeList().size());
        assertEquals(-5, t.size());
        assertEquals(3, t.entryBar());
        assertEquals(4, t.exitBar());
        assertEquals(12.1, t.exitPrice(), 1e-12);
        assertEquals(-10.5, t.pl(), 1e-9);
    }

    /** Buys on bar 1; records its trade's stop after each bar's trailing. */
    public static class Early extends TrailingStrategy {
        @Param public boolean backfill;

        @Override public void init() {
            super.init();
            setAtrPeriods(3);
            setTrailingSl(1);
            setAtrBackfill(backfill);
        }

        @Override public void next() {
            super.next();
            if (bar() == 1) buy(size(1));
            if (!trades().isEmpty() && bar() <= 3) SL_SEEN.add(trades().get(0).sl());
        }
    }

    @Test
    void stopsWaitForTheAtrUnlessBackfilled() {
        // ATR(3) is first known at bar 3 ((TR1+TR2+TR3)/3 = 2); the trade opens at bar 2
        new Backtest(bars(), Early.class).run(java.util.Map.of("backfill", false));
        assertEquals(List.of(Double.NaN, 9.0), SL_SEEN); // bar 2: no ATR yet; bar 3: 11 - 2
        SL_SEEN.clear();
        new Backtest(bars(), Early.class).run(java.util.Map.of("backfill", true));
        assertEquals(List.of(8.0, 9.0), SL_SEEN); // Backtesting.py 0.6: bar 2 uses bar 3's ATR: 10 - 2
    }

    /** Entry on bar 2 with a 5% stop-loss and a 20% take-profit. */
    public static class WithStops extends SignalStrategy {
        @Override public void init() {
            super.init();
            double[] entry = new double[data().size()];
            entry[2] = 5;
            setSignal(entry, null, .05, .2);
        }
    }

    @Test
    void signalStopsFromTheSignalBarsClose() {
        Stats s = new Backtest(bars(), WithStops.class).run();
        // close 10 on bar 2: SL 9.5, TP 12. Bar 3 opens at 10 and reaches 12: the take-profit fills at 12
        Trade t = s.tradeList().get(0);
        assertEquals(3, t.entryBar());
        assertEquals(3, t.exitBar());
        assertEquals(12, t.exitPrice(), 1e-12);
        assertEquals(9.5, t.sl(), 1e-12);
        assertEquals(12, t.tp(), 1e-12);
    }

    /** Notebook 02: long-only 95% entries where SMA(10) crosses above SMA(25), trailing 2 ATR. */
    public static class SmaCrossTrailing extends SignalTrailingStrategy {
        @Param public int n1 = 10;
        @Param public int n2 = 25;

        @Override public void init() {
            super.init();
            double[] fast = I("SMA", Ta.sma(data().close(), n1)).values();
            double[] slow = I("SMA", Ta.sma(data().close(), n2)).values();
            double[] entry = new double[fast.length];
            for (int i = 1; i < entry.length; i++) if (fast[i] > slow[i] && !(fast[i - 1] > slow[i - 1])) entry[i] = .95;
            setSignal(entry);
            setTrailingSl(2);
            setAtrBackfill(backfill);
        }

        @Param public boolean backfill;
    }

    @Test
    void notebook02MatchesThePublishedTutorial() {
        // Backtesting.py's "Strategies Library" tutorial plots relative equity ending at
        // 4.458392908559998 (peak 5.4292670865 on bar 1746) over 39 trades; its ATR warm-up is back-filled.
        // The SMAs are locals of init(), so they do not delay next(): the entry signal on bar 24 (SMA(25)'s first value) counts.
        Stats s = new Backtest(Datasets.GOOG(), SmaCrossTrailing.class).commission(.002).run(java.util.Map.of("backfill", true));
        assertEquals(39, s.tradeList().size());
        assertEquals(44583.92908559998, s.getDouble("Equity Final [$]"), 1e-6 * 44583.93);
        assertEquals(25, s.tradeList().get(0).entryBar());
        double[] eq = s.equity();
        int peak = 0;
        for (int i = 0; i < eq.length; i++) if (eq[i] > eq[peak]) peak = i;
        assertEquals(1746, peak);
        assertEquals(5.4292670865, eq[peak] / 10_000, 1e-9);
    }

    @Test
    void notebook02StrategyOnGoog() {
        Stats s = new Backtest(Datasets.GOOG(), SmaCrossTrailing.class).commission(.002).run();
        assertTrue(s.tradeList().size() > 10, "trades: " + s.tradeList().size());
        double[] close = Datasets.GOOG().close().values();
        double[] fast = Ta.sma(close, 10), slow = Ta.sma(close, 25);
        for (Trade t : s.tradeList()) {
            assertTrue(t.isLong());
            int signal = t.entryBar() - 1; // entries fill at the next open
            assertTrue(fast[signal] > slow[signal] && !(fast[signal - 1] > slow[signal - 1]), "entry at " + t.entryBar());
        }
    }

    static List<Double> boxed(double[] a) {
        List<Double> out = new ArrayList<>();
        for (double v : a) out.add(v);
        return out;
    }
}
