package tradebook.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where daily bars come from: a directory of CSV files, the bundled DJIA set, Yahoo Finance.
 * {@code daily(ticker, from, to)} gives the ticker's bars between two dates, inclusive, named by
 * the ticker; several tickers at once give a map ready for {@code Universe.of(...)}.
 *
 * <pre>{@code
 * QuoteSource yahoo = QuoteSource.cached(new YahooSource());   // cached under TRADEBOOK_HOME
 * Map<String, Bars> bars = yahoo.daily(List.of("AAPL", "MSFT"), LocalDate.of(2020, 1, 1), LocalDate.of(2023, 12, 31));
 * }</pre>
 */
public interface QuoteSource {

    /** A short name, e.g. {@code "yahoo"} (also the cache's folder name). */
    String name();

    /** Daily bars of one ticker from {@code from} to {@code to}, inclusive; fails clearly if there are none. */
    Bars daily(String ticker, LocalDate from, LocalDate to);

    /** Several tickers, in the order given. */
    default Map<String, Bars> daily(List<String> tickers, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) throw new DataException(name() + ": the start date " + from + " is after the end date " + to);
        Map<String, Bars> out = new LinkedHashMap<>();
        for (String t : tickers) out.put(t, daily(t, from, to));
        return out;
    }

    /** CSV files named {@code <TICKER>.csv} in a directory. */
    static QuoteSource csvDirectory(Path dir) {
        return new CsvDirectorySource(dir);
    }

    /** The bundled DJIA set (2006..2017). */
    static QuoteSource djia() {
        return new CsvDirectorySource.Djia();
    }

    /** The source with an on-disk cache under {@code $TRADEBOOK_HOME/cache/quotes} (default {@code ~/.tradebook}). */
    static QuoteSource cached(QuoteSource source) {
        return new CachedSource(source, CachedSource.defaultDirectory());
    }

    /** The source with an on-disk cache in {@code dir} (one folder per source). */
    static QuoteSource cached(QuoteSource source, Path dir) {
        return new CachedSource(source, dir);
    }
}
