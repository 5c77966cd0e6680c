package tradebook.live.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tradebook.data.Bars;
import tradebook.data.QuoteException;
import tradebook.data.QuoteSource;

/**
 * {@code ./tradebook data download TICKERS --from DATE}: fills the local quote cache
 * ({@link QuoteSource#cached}) ticker by ticker. Each ticker's file is written whole (atomic
 * move) as soon as it is fetched, so an interrupted download resumes where it stopped: a rerun
 * reads what is cached and fetches only the rest. A rate limit stops the download (rerun later);
 * an unknown ticker is reported and the others go on.
 */
public final class BulkDownload {
    public record Result(List<String> fetched, List<String> cached, Map<String, String> failed, boolean stoppedByRateLimit) {
        public String summary() {
            return fetched.size() + " fetched, " + cached.size() + " already cached, " + failed.size() + " failed"
                    + (stoppedByRateLimit ? " (stopped at a rate limit: run the same command later to resume)" : "");
        }
    }

    private final QuoteSource source;
    private final Path cacheDir;
    private final long pauseMillis;

    /** @param pauseMillis wait between two fetches (be gentle with free services) */
    public BulkDownload(QuoteSource source, Path cacheDir, long pauseMillis) {
        this.source = source;
        this.cacheDir = cacheDir;
        this.pauseMillis = pauseMillis;
    }

    /** The last day whose bars no longer change: yesterday (the cache keeps only finished ranges). */
    public static LocalDate defaultEnd() {
        return LocalDate.now().minusDays(1);
    }

    public Result run(List<String> tickers, LocalDate from, LocalDate to, Consumer<String> progress) {
        if (tickers.isEmpty()) throw new IllegalArgumentException("data download: no tickers given");
        if (from.isAfter(to)) throw new IllegalArgumentException("data download: --from " + from + " is after --to " + to);
        if (!to.isBefore(LocalDate.now())) {
            throw new IllegalArgumentException("data download: --to " + to + " is not in the past; only finished days are cached (use --to "
                    + defaultEnd() + ")");
        }
        AtomicInteger network = new AtomicInteger();
        QuoteSource counting = new QuoteSource() {   // tells a fetch from a cache hit
            @Override public String name() {
                return source.name();
            }

            @Override public Bars daily(String t, LocalDate f, LocalDate u) {
                network.incrementAndGet();
                return source.daily(t, f, u);
            }
        };
        QuoteSource cached = QuoteSource.cached(counting, cacheDir);
        List<String> fetched = new ArrayList<>(), hit = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        int i = 0;
        for (String raw : tickers) {
            String t = raw.strip();
            i++;
            if (Thread.currentThread().isInterrupted()) throw new IllegalStateException("data download interrupted after " + (i - 1) + " ticker(s)");
            int before = network.get();
            try {
                Bars b = cached.daily(t, from, to);
                boolean wasFetched = network.get() > before;
                (wasFetched ? fetched : hit).add(t);
                progress.accept(String.format("[%d/%d] %s: %d bars %s", i, tickers.size(), t, b.size(), wasFetched ? "fetched" : "cached"));
                if (wasFetched && pauseMillis > 0 && i < tickers.size()) Thread.sleep(pauseMillis);
            } catch (QuoteException e) {
                failed.put(t, e.getMessage());
                progress.accept(String.format("[%d/%d] %s: FAILED: %s", i, tickers.size(), t, e.getMessage()));
                if (e.status() == 429) return new Result(fetched, hit, failed, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("data download interrupted after " + i + " ticker(s); rerun to resume", e);
            }
        }
        return new Result(fetched, hit, failed, false);
    }
}
