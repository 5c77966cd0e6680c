package tradebook.ta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import tradebook.data.Bars;
import tradebook.data.Datasets;

/** Each indicator against values worked out by hand from its textbook definition (the arithmetic is in the test). */
class TaTest {
    static final double NaN = Double.NaN;
    static final double EPS = 1e-9;

    static void near(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) assertTrue(Double.isNaN(actual[i]), "index " + i + ": expected NaN, got " + actual[i]);
            else assertEquals(expected[i], actual[i], EPS, "index " + i);
        }
    }

    @Test
    void emaIsSeededWithTheSmaOfTheFirstN() {
        // alpha = 2/(3+1) = .5; seed (2+4+6)/3 = 4; then 4 + .5(8-4) = 6; 6 + .5(10-6) = 8
        near(new double[] {NaN, NaN, 4, 6, 8}, Ta.ema(new double[] {2, 4, 6, 8, 10}, 3));
        // leading NaN (another indicator's warm-up) shifts the start: n = 2, alpha 2/3, seed (4+6)/2 = 5,
        // then 5 + 2/3 (8-5) = 7, 7 + 2/3 (10-7) = 9
        near(new double[] {NaN, NaN, 5, 7, 9}, Ta.ema(new double[] {NaN, 4, 6, 8, 10}, 2));
    }

    @Test
    void wmaWeighsTheLatestMost() {
        // (1*1 + 2*2 + 3*3)/6 and (1*2 + 2*3 + 3*4)/6
        near(new double[] {NaN, NaN, 14 / 6.0, 20 / 6.0}, Ta.wma(new double[] {1, 2, 3, 4}, 3));
    }

    @Test
    void rsiUsesWildersSmoothing() {
        // changes +1, -1, +1, +1; n = 2
        // bar 2: gain (1+0)/2 = .5, loss (0+1)/2 = .5 -> RS 1 -> 50
        // bar 3: gain (.5*1 + 1)/2 = .75, loss (.5*1 + 0)/2 = .25 -> RS 3 -> 75
        // bar 4: gain (.75 + 1)/2 = .875, loss .25/2 = .125 -> RS 7 -> 87.5
        near(new double[] {NaN, NaN, 50, 75, 87.5}, Ta.rsi(new double[] {1, 2, 1, 2, 3}, 2));
        near(new double[] {NaN, NaN, 100, 100}, Ta.rsi(new double[] {1, 2, 3, 4}, 2));
        near(new double[] {NaN, NaN, 50}, Ta.rsi(new double[] {5, 5, 5}, 2));
    }

    @Test
    void trueRangeAndWilderAtr() {
        double[] h = {10, 12, 11, 14}, l = {8, 10, 9, 12}, c = {9, 11, 10, 13};
        // TR0 = 10-8 = 2; TR1 = max(2, |12-9|, |10-9|) = 3; TR2 = max(2, |11-11|, |9-11|) = 2; TR3 = max(2, |14-10|, |12-10|) = 4
        near(new double[] {2, 3, 2, 4}, Ta.trueRange(h, l, c));
        // n = 2: (2+3)/2 = 2.5; (2.5*1 + 2)/2 = 2.25; (2.25 + 4)/2 = 3.125
        near(new double[] {NaN, 2.5, 2.25, 3.125}, Ta.atr(h, l, c, 2));
    }

    @Test
    void macdLinesByHand() {
        double[] x = {1, 2, 4, 8, 16, 32};
        double a2 = 2.0 / 3, a3 = .5;
        double f1 = 1.5, f2 = f1 + a2 * (4 - f1), f3 = f2 + a2 * (8 - f2), f4 = f3 + a2 * (16 - f3), f5 = f4 + a2 * (32 - f4);
        double s2 = 7 / 3.0, s3 = s2 + a3 * (8 - s2), s4 = s3 + a3 * (16 - s3), s5 = s4 + a3 * (32 - s4);
        double m2 = f2 - s2, m3 = f3 - s3, m4 = f4 - s4, m5 = f5 - s5;
        double g3 = (m2 + m3) / 2, g4 = g3 + a2 * (m4 - g3), g5 = g4 + a2 * (m5 - g4);
        double[][] macd = Ta.macd(x, 2, 3, 2);
        near(new double[] {NaN, NaN, m2, m3, m4, m5}, macd[0]);
        near(new double[] {NaN, NaN, NaN, g3, g4, g5}, macd[1]);
        near(new double[] {NaN, NaN, NaN, m3 - g3, m4 - g4, m5 - g5}, macd[2]);
        assertThrows(IllegalArgumentException.class, () -> Ta.macd(x, 3, 2, 2));
    }

    @Test
    void bollingerUsesThePopulationStandardDeviation() {
        double sd = Math.sqrt(2 / 3.0); // window {1,2,3}: deviations -1, 0, 1 -> variance 2/3
        double[][] bb = Ta.bollinger(new double[] {1, 2, 3, 4, 5}, 3, 2);
        near(new double[] {NaN, NaN, 2 - 2 * sd, 3 - 2 * sd, 4 - 2 * sd}, bb[0]);
        near(new double[] {NaN, NaN, 2, 3, 4}, bb[1]);
        near(new double[] {NaN, NaN, 2 + 2 * sd, 3 + 2 * sd, 4 + 2 * sd}, bb[2]);
        near(new double[] {NaN, NaN, sd, sd, sd}, Ta.stdev(new double[] {1, 2, 3, 4, 5}, 3));
        // sample deviation (pandas' default): sqrt(((1-2)^2 + 0 + (3-2)^2) / 2) = 1
        near(new double[] {NaN, NaN, 1, 1, 1}, Ta.stdev(new double[] {1, 2, 3, 4, 5}, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> Ta.stdev(new double[] {1, 2, 3}, 3, 3));
    }

    @Test
    void stochasticWilliamsAndCci() {
        double[] h = {3, 4, 5, 6}, l = {1, 2, 3, 2}, c = {2, 3, 5, 3};
        // bar 2: HH 5, LL 1 -> %K 100 (5-1)/(5-1) = 100; bar 3: HH 6, LL 2 -> 100 (3-2)/4 = 25; %D(2) = 62.5
        double[][] st = Ta.stochastic(h, l, c, 3, 2);
        near(new double[] {NaN, NaN, 100, 25}, st[0]);
        near(new double[] {NaN, NaN, NaN, 62.5}, st[1]);
        // %R: -100 (HH - C)/(HH - LL): bar 2 -100*0/4 = 0; bar 3 -100*3/4 = -75
        near(new double[] {NaN, NaN, 0, -75}, Ta.williamsR(h, l, c, 3));
        // TP = 2, 3, 13/3; SMA = 28/9; mean deviation = (10/9 + 1/9 + 11/9)/3 = 22/27; CCI = (13/3 - 28/9)/(.015 * 22/27) = 100
        assertEquals(100, Ta.cci(h, l, c, 3)[2], 1e-9);
    }

    @Test
    void rocMomentumObvExtremes() {
        near(new double[] {NaN, NaN, 20, -200 / 11.0}, Ta.roc(new double[] {10, 11, 12, 9}, 2));
        near(new double[] {NaN, NaN, 2, -2}, Ta.momentum(new double[] {10, 11, 12, 9}, 2));
        // OBV: 0; up +200; flat; down -400; up +500
        near(new double[] {0, 200, 200, -200, 300}, Ta.obv(new double[] {10, 11, 11, 10, 12}, new double[] {100, 200, 300, 400, 500}));
        double[] x = {3, 1, 4, 1, 5, NaN, 2, 6, 5};
        near(new double[] {NaN, NaN, 4, 4, 5, NaN, NaN, NaN, 6}, Ta.highest(x, 3));
        near(new double[] {NaN, NaN, 1, 1, 1, NaN, NaN, NaN, 2}, Ta.lowest(x, 3));
    }

    @Test
    void ewmFollowsPandas() {
        // adjust=True: (x_t + (1-a) x_{t-1} + ...)/(1 + (1-a) + ...), a = .5
        near(new double[] {1, (2 + .5) / 1.5, (3 + 1 + .25) / 1.75}, Ta.ewm(new double[] {1, 2, 3}, .5, true));
        near(new double[] {1, 1.5, 2.25}, Ta.ewm(new double[] {1, 2, 3}, .5, false));
        // a missing value keeps the result and still ages the weights: x1 weighs .25 against x3's 1
        near(new double[] {NaN, 1, 1, (.25 * 1 + 3) / 1.25}, Ta.ewm(new double[] {NaN, 1, NaN, 3}, .5, true));
        near(Ta.ewm(new double[] {1, 2, 3}, .5, true), Ta.ewmCom(new double[] {1, 2, 3}, 1));
        near(Ta.ewm(new double[] {1, 2, 3}, .5, true), Ta.ewmSpan(new double[] {1, 2, 3}, 3));
    }

    @Test
    void tutorialRsiFromDiffAndEwm() {
        // the multiple-time-frames tutorial: gains and losses of diff(), each smoothed with pandas ewm(n) (com n)
        double[] x = {1, 2, 1, 2, 3};
        double[] d = Ta.diff(x);
        near(new double[] {NaN, 1, -1, 1, 1}, d);
        double[] gain = new double[d.length], loss = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            gain[i] = d[i] < 0 ? 0 : d[i];
            loss[i] = d[i] > 0 ? 0 : -d[i];
        }
        double[] g = Ta.ewmCom(gain, 1), l = Ta.ewmCom(loss, 1);
        // alpha .5, adjusted weights from bar 1: bar 2 gain (0 + .5*1)/1.5 = 1/3, loss (1 + .5*0)/1.5 = 2/3 -> RSI 100 - 100/(1 + .5)
        assertEquals(100 - 100 / 1.5, 100 - 100 / (1 + g[2] / l[2]), 1e-12);
    }

    @Test
    void barsTaAndTheTa4jBridgeAgree() {
        Bars goog = Datasets.GOOG();
        double[] close = goog.close().values();
        assertArrayEquals(Ta.sma(close, 10), goog.ta().sma(10));
        assertArrayEquals(Ta.rsi(close, 14), goog.ta().rsi(14));
        assertArrayEquals(Ta.atr(goog.high().values(), goog.low().values(), close, 14), goog.ta().atr(14));
        double[] viaTa4j = goog.ta().ta4j(s -> new SMAIndicator(new ClosePriceIndicator(s), 10));
        double[] ours = Ta.sma(close, 10);
        for (int i = 9; i < close.length; i++) assertEquals(ours[i], viaTa4j[i], 1e-9);
        assertEquals(goog.size(), goog.ta().series().getBarCount());
    }

    /** Where ta4j has the same definition, it agrees over all of GOOG (after the warm-up ta4j fills from partial windows). */
    @Test
    void agreesWithTa4jOnGoog() {
        Bars goog = Datasets.GOOG();
        double[] c = goog.close().values(), h = goog.high().values(), l = goog.low().values(), v = goog.volume().values();
        org.ta4j.core.BarSeries s = Ta4j.series(goog);
        var close = new ClosePriceIndicator(s);
        same(Ta.sma(c, 10), Ta4j.values(new SMAIndicator(close, 10)), 9);
        same(Ta.wma(c, 20), Ta4j.values(new org.ta4j.core.indicators.WMAIndicator(close, 20)), 19);
        same(Ta.stdev(c, 20), Ta4j.values(new org.ta4j.core.indicators.statistics.StandardDeviationIndicator(close, 20)), 19);
        var mid = new org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        var sd = new org.ta4j.core.indicators.statistics.StandardDeviationIndicator(close, 20);
        same(Ta.bollinger(c, 20, 2)[2], Ta4j.values(new org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator(mid, sd,
                org.ta4j.core.num.DoubleNum.valueOf(2))), 19);
        same(Ta.stochastic(h, l, c, 14, 3)[0], Ta4j.values(new org.ta4j.core.indicators.StochasticOscillatorKIndicator(s, 14)), 13);
        same(Ta.williamsR(h, l, c, 14), Ta4j.values(new org.ta4j.core.indicators.WilliamsRIndicator(s, 14)), 13);
        same(Ta.cci(h, l, c, 20), Ta4j.values(new org.ta4j.core.indicators.CCIIndicator(s, 20)), 19);
        same(Ta.roc(c, 10), Ta4j.values(new org.ta4j.core.indicators.ROCIndicator(close, 10)), 10);
        same(Ta.obv(c, v), Ta4j.values(new org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator(s)), 0);
        // the recursive ones differ only by ta4j's seeding, which fades: RSI(14) agrees to 1e-6 after 500 bars
        double[] ours = Ta.rsi(c, 14), theirs = Ta4j.values(new org.ta4j.core.indicators.RSIIndicator(close, 14));
        for (int i = 500; i < c.length; i++) assertEquals(ours[i], theirs[i], 1e-6, "rsi at " + i);
    }

    static void same(double[] ours, double[] ta4j, int from) {
        for (int i = 0; i < ours.length; i++) {
            if (i < from) {
                assertTrue(Double.isNaN(ours[i]), "warm-up at " + i);
                continue;
            }
            assertEquals(ta4j[i], ours[i], 1e-9 * Math.max(1, Math.abs(ta4j[i])), "at " + i);
        }
    }

    @Test
    void badPeriodsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ta.rsi(new double[] {1, 2}, 0));
        assertTrue(e.getMessage().contains("rsi period"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ta.atr(new double[] {1}, new double[] {1, 2}, new double[] {1}, 2));
    }
}
