package tradebook.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Daily bars from {@code <dir>/<TICKER>.csv} files (any shape {@link Bars#csv} reads). */
final class CsvDirectorySource implements QuoteSource {
    private final Path dir;

    CsvDirectorySource(Path dir) {
        this.dir = dir;
    }

    @Override public String name() {
        return "csv:" + dir;
    }

    @Override public Bars daily(String ticker, LocalDate from, LocalDate to) {
        Path f = dir.resolve(ticker + ".csv");
        if (!Files.isRegularFile(f)) throw new DataException("no file " + f + " for ticker " + ticker);
        return range(Bars.csv(f), ticker, from, to, f.toString());
    }

    static Bars range(Bars all, String ticker, LocalDate from, LocalDate to, String where) {
        if (from.isAfter(to)) throw new DataException(ticker + ": the start date " + from + " is after the end date " + to);
        try {
            return all.between(from.atStartOfDay(), to.atTime(23, 59, 59)).named(ticker);
        } catch (DataException e) {
            throw new DataException(ticker + ": no bars between " + from + " and " + to + " in " + where + " (it has "
                    + all.time(0).toLocalDate() + " .. " + all.time(-1).toLocalDate() + ")", e);
        }
    }

    /** The bundled DJIA files. */
    static final class Djia implements QuoteSource {
        @Override public String name() {
            return "djia";
        }

        @Override public Bars daily(String ticker, LocalDate from, LocalDate to) {
            return range(Datasets.DJIA(ticker), ticker, from, to, "the bundled DJIA set");
        }
    }
}
