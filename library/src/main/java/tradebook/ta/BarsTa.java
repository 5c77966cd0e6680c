package tradebook.ta;

import java.util.function.Function;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;
import tradebook.data.Bars;

/**
 * Indicators of one set of bars, on the close unless the indicator needs more:
 * {@code Datasets.GOOG().ta().sma(10)}, {@code data().ta().rsi(14)} inside {@code init()}.
 * Definitions as in {@link Ta}. Reads the visible bars only.
 */
public final class BarsTa {
    private final Bars bars;

    public BarsTa(Bars bars) {
        this.bars = bars;
    }

    private double[] close() { return Ta.arr(bars.close()); }

    private double[] high() { return Ta.arr(bars.high()); }

    private double[] low() { return Ta.arr(bars.low()); }

    public double[] sma(int n) { return Ta.sma(close(), n); }

    public double[] ema(int n) { return Ta.ema(close(), n); }

    public double[] wma(int n) { return Ta.wma(close(), n); }

    public double[] rsi(int n) { return Ta.rsi(close(), n); }

    /** {@code {macd, signal, histogram}} with 12, 26, 9. */
    public double[][] macd() { return Ta.macd(close()); }

    public double[][] macd(int fast, int slow, int signal) { return Ta.macd(close(), fast, slow, signal); }

    /** {@code {lower, middle, upper}} with 20, 2. */
    public double[][] bollinger() { return Ta.bollinger(close()); }

    public double[][] bollinger(int n, double k) { return Ta.bollinger(close(), n, k); }

    public double[] stdev(int n) { return Ta.stdev(close(), n); }

    public double[] roc(int n) { return Ta.roc(close(), n); }

    public double[] momentum(int n) { return Ta.momentum(close(), n); }

    public double[] trueRange() { return Ta.trueRange(high(), low(), close()); }

    public double[] atr(int n) { return Ta.atr(high(), low(), close(), n); }

    /** {@code {%K, %D}} with 14, 3. */
    public double[][] stochastic() { return Ta.stochastic(high(), low(), close()); }

    public double[][] stochastic(int k, int d) { return Ta.stochastic(high(), low(), close(), k, d); }

    public double[] williamsR(int n) { return Ta.williamsR(high(), low(), close(), n); }

    public double[] cci(int n) { return Ta.cci(high(), low(), close(), n); }

    public double[] obv() {
        if (!bars.hasVolume()) throw new IllegalArgumentException(bars.name() + " has no volume: OBV needs it");
        return Ta.obv(close(), Ta.arr(bars.volume()));
    }

    /** Highest high of the last {@code n} bars. */
    public double[] highest(int n) { return Ta.highest(high(), n); }

    /** Lowest low of the last {@code n} bars. */
    public double[] lowest(int n) { return Ta.lowest(low(), n); }

    /** Any ta4j indicator: {@code ta4j(s -> new KAMAIndicator(new ClosePriceIndicator(s), 10, 2, 30))}. */
    public double[] ta4j(Function<BarSeries, Indicator<Num>> indicator) { return Ta4j.apply(bars, indicator); }

    /** These bars as a ta4j series. */
    public BarSeries series() { return Ta4j.series(bars); }
}
