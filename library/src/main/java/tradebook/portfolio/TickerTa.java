package tradebook.portfolio;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import tradebook.data.Bars;
import tradebook.data.DataException;
import tradebook.ta.Ta;

/**
 * Runs an indicator once per ticker and returns the bars &times; tickers result as a {@link Panel}
 * ({@code data().ta()}). Each ticker's computation sees that ticker's aligned bars, NaN where it
 * has no price. Called inside {@code next()}, it sees only the bars revealed so far, so it cannot
 * look ahead (the later rows of the result are NaN); compute in {@code init()} for speed.
 */
public final class TickerTa {
    private final Universe universe;

    TickerTa(Universe universe) {
        this.universe = universe;
    }

    /** Any per-ticker computation: one value per bar of the ticker's bars (NaN while warming up). */
    public Panel apply(String name, Function<Bars, double[]> perTicker) {
        int m = universe.tickerCount(), total = universe.length(), visible = universe.size();
        double[][] cols = new double[m][];
        for (int k = 0; k < m; k++) {
            Bars b = universe.full(k);
            if (visible < total) b = head(b, visible);
            double[] v = perTicker.apply(b);
            if (v == null || v.length != b.size()) {
                throw new DataException(name + " for " + universe.ticker(k) + ": " + (v == null ? "null" : v.length + " values")
                        + " for " + b.size() + " bars; return one value per bar (NaN where not known)");
            }
            if (v.length < total) {
                double[] padded = Arrays.copyOf(v, total);
                Arrays.fill(padded, v.length, total, Double.NaN);
                v = padded;
            }
            cols[k] = v;
        }
        String[] tickers = universe.tickers().toArray(new String[0]);
        return new Panel(name, tickers, cols, universe.clock, universe.timeArray());
    }

    /** A computation over each ticker's closes. */
    public Panel close(String name, UnaryOperator<double[]> fn) {
        return apply(name, b -> fn.apply(b.close().array()));
    }

    /** Simple moving average of the closes over {@code n} bars. */
    public Panel sma(int n) {
        return close("SMA(" + n + ")", c -> Ta.sma(c, n));
    }

    /** Rate of change of the closes over {@code n} bars, in percent: {@code 100 * (close / close n bars ago - 1)}. */
    public Panel roc(int n) {
        if (n < 1) throw new IllegalArgumentException("roc period must be at least 1, got " + n);
        return close("ROC(" + n + ")", c -> {
            double[] out = new double[c.length];
            Arrays.fill(out, Double.NaN);
            for (int i = n; i < c.length; i++) out[i] = 100 * (c[i] / c[i - n] - 1);
            return out;
        });
    }

    /** The first {@code count} bars of a ticker, copied, so a computation cannot read later ones. */
    private static Bars head(Bars b, int count) {
        return Bars.aligned(b.name(), Arrays.copyOf(b.timeArray(), count), Arrays.copyOf(b.open().array(), count),
                Arrays.copyOf(b.high().array(), count), Arrays.copyOf(b.low().array(), count),
                Arrays.copyOf(b.close().array(), count), Arrays.copyOf(b.volume().array(), count));
    }
}
