package tradebook.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import tradebook.data.QuoteSource;
import tradebook.data.YahooSource;

/**
 * A plan names its quote source as text: {@code yahoo} (Yahoo Finance, or {@code TRADEBOOK_YAHOO_URL}),
 * {@code yahoo:http://host:port} (a Yahoo-compatible server, e.g. a recorded one in tests),
 * {@code csv:/dir} ({@code <TICKER>.csv} files) or {@code djia} (the bundled set). Plans read
 * fresh quotes each run (no cache: today's bar changes).
 */
public final class QuoteSources {
    private QuoteSources() {}

    public static QuoteSource parse(String spec) {
        if (spec == null || spec.isBlank()) throw new PlanException("no quote source (use yahoo, yahoo:URL, csv:DIR or djia)");
        String s = spec.trim();
        if (s.equals("yahoo")) return new YahooSource();
        if (s.startsWith("yahoo:")) return new YahooSource(s.substring(6));
        if (s.equals("djia")) return QuoteSource.djia();
        if (s.startsWith("csv:")) {
            Path dir = Path.of(s.substring(4));
            if (!Files.isDirectory(dir)) throw new PlanException("quote source " + s + ": no folder " + dir.toAbsolutePath());
            return QuoteSource.csvDirectory(dir);
        }
        throw new PlanException("unknown quote source '" + s + "' (use yahoo, yahoo:URL, csv:DIR or djia)");
    }
}
