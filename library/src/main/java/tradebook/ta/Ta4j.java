package tradebook.ta;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Function;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import tradebook.data.Bars;

/**
 * The bridge to ta4j's 130-odd indicators: bars in, {@code double[]} out, one value per bar,
 * ready for {@code I(...)}.
 *
 * <pre>{@code
 * double[] kama = Ta4j.apply(data(), s -> new KAMAIndicator(new ClosePriceIndicator(s), 10, 2, 30));
 * }</pre>
 *
 * Series are built with {@link DoubleNum} (plain doubles, the same arithmetic as the rest of
 * Tradebook). ta4j computes over partial windows at the start; {@link #values(Indicator, int)}
 * masks such warm-up bars with NaN. ta4j allocates objects per bar and value: fine for a
 * notebook, about a millisecond per indicator on 2,000 bars; the common indicators in
 * {@link Ta} are much faster.
 */
public final class Ta4j {
    private Ta4j() {}

    /** The visible bars as a ta4j series (bar end times = the bars' times, read as UTC). */
    public static BarSeries series(Bars bars) {
        int n = bars.size();
        long[] t = bars.timeArray();
        double[] o = bars.open().array(), h = bars.high().array(), l = bars.low().array(), c = bars.close().array();
        double[] v = bars.hasVolume() ? bars.volume().array() : null;
        Duration period = bars.period().isZero() ? Duration.ofDays(1) : bars.period();
        BarSeries s = new BaseBarSeriesBuilder().withName(bars.name()).withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < n; i++) {
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(t[i]), ZoneOffset.UTC);
            s.addBar(new BaseBar(period, end, num(o[i]), num(h[i]), num(l[i]), num(c[i]), num(v == null ? 0 : v[i]), DoubleNum.ZERO));
        }
        return s;
    }

    /** Any array as a ta4j indicator on {@code series} (same length). */
    public static Indicator<Num> indicator(BarSeries series, double[] values) {
        if (values.length != series.getBarCount()) {
            throw new IllegalArgumentException(values.length + " values for a series of " + series.getBarCount() + " bars");
        }
        return new Indicator<>() {
            @Override public Num getValue(int index) { return num(values[index]); }

            @Override public int getUnstableBars() { return 0; }

            @Override public BarSeries getBarSeries() { return series; }
        };
    }

    /** Every value of a ta4j indicator, NaN where ta4j has none. */
    public static double[] values(Indicator<Num> indicator) {
        return values(indicator, 0);
    }

    /** Every value, with the first {@code warmup} bars set to NaN (ta4j fills them from partial windows). */
    public static double[] values(Indicator<Num> indicator, int warmup) {
        int n = indicator.getBarSeries().getBarCount();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (i < warmup) {
                out[i] = Double.NaN;
                continue;
            }
            Num v = indicator.getValue(i);
            out[i] = v == null || v.isNaN() ? Double.NaN : v.doubleValue();
        }
        return out;
    }

    /** Builds an indicator on the bars as a ta4j series and returns its values. */
    public static double[] apply(Bars bars, Function<BarSeries, Indicator<Num>> indicator) {
        return values(indicator.apply(series(bars)));
    }

    static Num num(double v) {
        return Double.isNaN(v) ? org.ta4j.core.num.NaN.NaN : DoubleNum.valueOf(v);
    }
}
