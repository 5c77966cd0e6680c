package tradebook.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tradebook.backtest.Backtest;
import tradebook.backtest.Indicator;
import tradebook.backtest.Strategy;
import tradebook.data.Bars;
import tradebook.data.Datasets;
import tradebook.ta.Ta;

/**
 * {@code resampleApply} on GOOG (daily) and EURUSD (hourly); every expected number is read off
 * the CSV files in shared/data by hand (the rows are quoted in the comments).
 */
class ResampleTest {

    static int at(Bars bars, String time) {
        LocalDateTime t = time.length() == 10 ? LocalDateTime.parse(time + "T00:00") : LocalDateTime.parse(time.replace(' ', 'T'));
        for (int i = 0; i < bars.size(); i++) if (bars.time(i).equals(t)) return i;
        throw new AssertionError("no bar at " + time);
    }

    /** A strategy that only declares what the test asks for in init(). */
    static class Probe extends Strategy {
        static java.util.function.Function<Strategy, Indicator> declare;
        static Indicator made;

        @Override public void init() { made = declare.apply(this); }
    }

    static double[] inStrategy(Bars data, java.util.function.Function<Strategy, Indicator> declare) {
        Probe.declare = declare;
        new Backtest(data, Probe.class).run(Map.of());
        return Probe.made.arrays()[0];
    }

    @Test
    void weeklyFridayCloseOnGoog() {
        Bars goog = Datasets.GOOG();
        double[] w = inStrategy(goog, s -> Lib.resampleApply(s, "W-FRI", x -> x, s.data().close()));
        // 2004-08-19 (Thu) is the first bar: its week (to Fri 08-20) is not over yet
        assertTrue(Double.isNaN(w[at(goog, "2004-08-19")]));
        assertEquals(108.31, w[at(goog, "2004-08-20")]);            // 2004-08-20,...,108.31: the week closes on Friday
        assertEquals(177.8, w[at(goog, "2005-03-17")]);             // Thu: still the week to 2005-03-11 (close 177.8)
        assertEquals(180.04, w[at(goog, "2005-03-18")]);            // 2005-03-18,...,180.04
        // 2005-03-25 was Good Friday: the week ends on Thu 03-24 (close 179.25) but is labelled
        // Friday, so it shows from the first bar on or after Friday, Monday 03-28
        assertEquals(180.04, w[at(goog, "2005-03-24")]);
        assertEquals(179.25, w[at(goog, "2005-03-28")]);
        assertEquals(179.25, w[at(goog, "2005-03-31")]);
        assertEquals(180.04, w[at(goog, "2005-04-01")]);            // 2005-04-01,...,180.04
    }

    @Test
    void weeklyHighAndSmaOfWeeklyClosesOnGoog() {
        Bars goog = Datasets.GOOG();
        double[] high = inStrategy(goog, s -> Lib.resampleApply(s, "W-FRI", x -> x, s.data().high()));
        // week 2005-03-21..24 highs 182.17, 181.94, 180.24, 180.86 -> 182.17, visible from Mon 03-28
        assertEquals(182.17, high[at(goog, "2005-03-28")]);
        assertEquals(182.17, high[at(goog, "2005-03-31")]);
        // week 03-28..04-01 highs 184.8, 183.28, 181.45, 181.39, 182.95 -> 184.8 on Friday
        assertEquals(184.8, high[at(goog, "2005-04-01")]);
        double[] sma = inStrategy(goog, s -> Lib.resampleApply(s, "W-FRI", x -> Ta.sma(x, 2), s.data().close()));
        // weekly closes ... 177.8 (03-11), 180.04 (03-18), 179.25 (03-24), 180.04 (04-01)
        assertEquals((177.8 + 180.04) / 2, sma[at(goog, "2005-03-18")], 1e-9);
        assertEquals((177.8 + 180.04) / 2, sma[at(goog, "2005-03-24")], 1e-9);
        assertEquals((180.04 + 179.25) / 2, sma[at(goog, "2005-03-28")], 1e-9);
        assertEquals((179.25 + 180.04) / 2, sma[at(goog, "2005-04-01")], 1e-9);
        // the weekly RSI of the multiple-time-frames tutorial runs too
        double[] rsi = inStrategy(goog, s -> Lib.resampleApply(s, "W-FRI", x -> Ta.rsi(x, 14), s.data().close()));
        assertTrue(Double.isNaN(rsi[at(goog, "2004-11-12")]));
        assertTrue(rsi[goog.size() - 1] > 0 && rsi[goog.size() - 1] < 100);
        // Python's argument order with a method reference gives the same line
        double[] rsi2 = inStrategy(goog, s -> Lib.resampleApply(s, "W-FRI", Ta::rsi, s.data().close(), 14));
        assertTrue(Arrays.equals(rsi, rsi2));
        assertEquals("W-FRI(Close, 14)", Probe.made.name());
        // and Python's form without the strategy, inside init()
        double[] rsi3 = inStrategy(goog, s -> Lib.resampleApply("W-FRI", Ta::rsi, s.data().close(), 14));
        assertTrue(Arrays.equals(rsi, rsi3));
        double[] w = inStrategy(goog, s -> Lib.resampleApply("W-FRI", x -> x, s.data().close()));
        assertEquals(179.25, w[at(goog, "2005-03-28")]);
        // outside init() it explains where it belongs
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Lib.resampleApply("W-FRI", x -> x, goog.close()));
        assertTrue(e.getMessage().contains("init()"), e.getMessage());
    }

    @Test
    void dailyAndFourHourOnHourlyEurusd() {
        Bars eur = Datasets.EURUSD();
        double[] d = inStrategy(eur, s -> Lib.resampleApply(s, "D", x -> x, s.data().close()));
        // the day 2017-04-19 ends with "23:00,...,1.07149"; pandas labels it 04-20 00:00, so it shows from that bar
        assertTrue(Double.isNaN(d[at(eur, "2017-04-19 23:00")]));
        assertEquals(1.07149, d[at(eur, "2017-04-20 00:00")]);
        // Friday 04-21 ends at 20:00 (close 1.07268); the next bar is Sunday 04-23 21:00
        assertEquals(1.07268, d[at(eur, "2017-04-23 21:00")]);
        // Sunday's three bars (close 1.08734 at 23:00) show from Monday 00:00
        assertEquals(1.08734, d[at(eur, "2017-04-24 00:00")]);

        double[] h4 = inStrategy(eur, s -> Lib.resampleApply(s, "4H", x -> x, s.data().close()));
        // bins from midnight of the first day: [08:00, 12:00) holds 09..11 (close 1.07192), labelled 12:00
        assertTrue(Double.isNaN(h4[at(eur, "2017-04-19 11:00")]));
        assertEquals(1.07192, h4[at(eur, "2017-04-19 12:00")]);
        assertEquals(1.07192, h4[at(eur, "2017-04-19 15:00")]);
        assertEquals(1.07064, h4[at(eur, "2017-04-19 16:00")]);  // [12:00, 16:00): 15:00 close 1.07064

        // Volume sums: pandas sums the empty Saturday to 0 and keeps it; it is the latest
        // finished day on Sunday evening
        double[] vol = inStrategy(eur, s -> Lib.resampleApply(s, "D", x -> x, s.data().volume()));
        assertEquals(0, vol[at(eur, "2017-04-23 21:00")]);
    }

    @Test
    void calendarRulesOnIntradayDataWaitForThePeriodsLastBar() {
        Bars eur = Datasets.EURUSD();
        double[] w = inStrategy(eur, s -> Lib.resampleApply(s, "W-FRI", x -> x, s.data().close()));
        // the first week ends Friday 2017-04-21 20:00 (close 1.07268); Backtesting.py would show it
        // from Friday 00:00, before Friday's bars; here it waits for the last one
        assertTrue(Double.isNaN(w[at(eur, "2017-04-21 00:00")]));
        assertTrue(Double.isNaN(w[at(eur, "2017-04-21 19:00")]));
        assertEquals(1.07268, w[at(eur, "2017-04-21 20:00")]);
        assertEquals(1.07268, w[at(eur, "2017-04-24 00:00")]);
    }

    @Test
    void monthlyAndWholeBars() {
        Bars goog = Datasets.GOOG();
        double[] m = inStrategy(goog, s -> Lib.resampleApply(s, "M", x -> x, s.data().close()));
        // March 2005 ends on Thursday 03-31 (close 180.51): month-end label 03-31, shown that day
        assertEquals(180.51, m[at(goog, "2005-03-31")]);
        assertEquals(180.51, m[at(goog, "2005-04-05")]);
        double[] atr = inStrategy(goog, s -> Lib.resampleApply(s, "weekly ATR", "W-FRI", (Bars w) -> w.ta().atr(3), s.data()));
        Bars weekly = Resample.bars(goog, "W-FRI");
        double[] wAtr = weekly.ta().atr(3);
        // the 2005-03-24 week's bar is labelled 03-25 and its ATR shows from 03-28
        int k = 0;
        while (!weekly.time(k).toLocalDate().toString().equals("2005-03-25")) k++;
        assertEquals(wAtr[k], atr[at(goog, "2005-03-28")]);
        assertEquals(182.17, weekly.high().get(k));
        assertEquals(179.25, weekly.close().get(k));
        assertEquals(179.27, weekly.open().get(k)); // Monday 03-21 opened at 179.27
    }

    @Test
    void badRulesSayWhatIsAccepted() {
        for (String bad : new String[] {"5m", "X", "W-FOO", "2W", "", "Q-MAR"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Resample.rule(bad), bad);
            assertTrue(e.getMessage().contains("pandas rule"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Resample.rule("5m"));
        assertTrue(e.getMessage().contains("\"5min\""), e.getMessage());
        for (String ok : new String[] {"D", "2D", "4H", "4h", "15min", "15T", "30s", "W", "W-MON", "M", "ME", "MS", "Q", "QS", "Y", "A", "YS"}) {
            Resample.rule(ok);
        }
        // the wrong number of results is explained
        Bars goog = Datasets.GOOG();
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> Resample.apply(goog, "W-FRI", x -> Arrays.copyOf(x, 3), goog.close().values(), Resample.Agg.LAST));
        assertTrue(e2.getMessage().contains("one value per period"), e2.getMessage());
    }
}
