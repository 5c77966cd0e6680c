package tradebook.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A quote source with an on-disk cache: one CSV file per ticker and date range under
 * {@code <dir>/<source>/}. Ranges ending before today are cached (a bar of today may still
 * change); a cached file is read back as is. Delete the folder to refetch.
 */
final class CachedSource implements QuoteSource {
    private final QuoteSource source;
    private final Path dir;

    CachedSource(QuoteSource source, Path dir) {
        this.source = source;
        this.dir = dir.resolve(source.name().replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** {@code $TRADEBOOK_HOME/cache/quotes}, or {@code ~/.tradebook/cache/quotes}. */
    static Path defaultDirectory() {
        String home = System.getenv("TRADEBOOK_HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".tradebook");
        return base.resolve("cache").resolve("quotes");
    }

    @Override public String name() {
        return source.name();
    }

    Path file(String ticker, LocalDate from, LocalDate to) {
        return dir.resolve(ticker.replaceAll("[^A-Za-z0-9._^=-]", "_") + "_" + from + "_" + to + ".csv");
    }

    @Override public Bars daily(String ticker, LocalDate from, LocalDate to) {
        Path f = file(ticker, from, to);
        if (Files.isRegularFile(f)) return Bars.csv(f).named(ticker);
        Bars b = source.daily(ticker, from, to);
        if (to.isBefore(LocalDate.now())) write(f, b);
        return b;
    }

    private static void write(Path f, Bars b) {
        try {
            Files.createDirectories(f.getParent());
            List<String> cols = new java.util.ArrayList<>(b.columnNames());
            if (!b.hasVolume()) cols.remove("Volume");
            StringBuilder sb = new StringBuilder("Date");
            for (String c : cols) sb.append(',').append(c);
            sb.append('\n');
            int n = b.size();
            double[][] arrays = new double[cols.size()][];
            for (int c = 0; c < cols.size(); c++) arrays[c] = b.column(cols.get(c)).array();
            for (int i = 0; i < n; i++) {
                sb.append(Bars.format(b.timeMillis(i)));
                for (double[] a : arrays) {
                    sb.append(',');
                    if (!Double.isNaN(a[i])) sb.append(String.format(Locale.ROOT, "%s", a[i]));
                }
                sb.append('\n');
            }
            Path tmp = Files.createTempFile(f.getParent(), f.getFileName().toString(), ".tmp");
            Files.writeString(tmp, sb);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quote cache " + f + ": " + e.getMessage(), e);
        }
    }

    @Override public String toString() {
        return "CachedSource[" + source + " in " + dir + "]";
    }
}
