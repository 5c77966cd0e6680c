package tradebook.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sample data shipped inside the library (provenance: {@code tradebook/data/PROVENANCE.md}).
 * Loaded once and shared: bars are immutable.
 */
public final class Datasets {
    private Datasets() {}

    /** The 31 tickers of the DJIA set (2006-01-03 .. 2017-12-29, daily). */
    public static final List<String> DJIA_TICKERS = List.of("AABA", "AAPL", "AMZN", "AXP", "BA", "CAT",
            "CSCO", "CVX", "DIS", "GE", "GOOGL", "GS", "HD", "IBM", "INTC", "JNJ", "JPM", "KO", "MCD", "MMM",
            "MRK", "MSFT", "NKE", "PFE", "PG", "TRV", "UNH", "UTX", "VZ", "WMT", "XOM");

    private static final Map<String, Bars> CACHE = new ConcurrentHashMap<>();

    /** Google daily, 2004-08-19 .. 2013-03-01, 2,148 bars (Backtesting.py's test data). */
    public static Bars GOOG() {
        return load("GOOG.csv");
    }

    /** EUR/USD hourly, from 2017-04-19, 5,000 bars. */
    public static Bars EURUSD() {
        return load("EURUSD.csv");
    }

    /** Bitcoin monthly, from 2012-01, 156 bars. */
    public static Bars BTCUSD() {
        return load("BTCUSD.csv");
    }

    /** One DJIA ticker, daily 2006..2017. Rows with empty prices are skipped with a warning. */
    public static Bars DJIA(String ticker) {
        if (!DJIA_TICKERS.contains(ticker)) {
            throw new DataException("no DJIA ticker '" + ticker + "'; have " + DJIA_TICKERS);
        }
        return load("djia/" + ticker + ".csv");
    }

    /** The whole DJIA set, ticker to bars, in {@link #DJIA_TICKERS} order. */
    public static Map<String, Bars> DJIA() {
        Map<String, Bars> out = new LinkedHashMap<>();
        for (String t : DJIA_TICKERS) out.put(t, DJIA(t));
        return out;
    }

    /**
     * A random walk of {@code bars} one-minute bars from 2020-01-01, reproducible by {@code seed}:
     * log-normal closes, opens at the previous close, highs/lows around them, no volume.
     */
    public static Bars randomWalk(int bars, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        long[] t = new long[bars];
        double[] o = new double[bars], h = new double[bars], l = new double[bars], c = new double[bars];
        long t0 = Bars.millis(java.time.LocalDateTime.of(2020, 1, 1, 0, 0));
        double price = 100;
        for (int i = 0; i < bars; i++) {
            t[i] = t0 + 60_000L * i;
            double open = price;
            double close = open * Math.exp(0.001 * gaussian(rnd));
            o[i] = open;
            c[i] = close;
            h[i] = Math.max(open, close) * (1 + 0.0005 * Math.abs(gaussian(rnd)));
            l[i] = Math.min(open, close) * (1 - 0.0005 * Math.abs(gaussian(rnd)));
            price = close;
        }
        return Bars.of("RandomWalk(" + bars + ")", t, o, h, l, c, null);
    }

    private static double gaussian(java.util.SplittableRandom rnd) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - rnd.nextDouble(), w = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }

    private static Bars load(String file) {
        return CACHE.computeIfAbsent(file, f -> {
            try (InputStream in = Datasets.class.getResourceAsStream("/tradebook/data/" + f)) {
                if (in == null) throw new DataException("missing resource tradebook/data/" + f);
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String name = f.substring(f.lastIndexOf('/') + 1);
                return CsvBars.read(name, text.lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
