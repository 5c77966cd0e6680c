package tradebook.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Test data: CSV quotes on business days, strategy sources, plans, a fixed clock. */
final class PlanFixtures {
    private PlanFixtures() {}

    static final ZoneId NY = ZoneId.of("America/New_York");

    /** Buys 10 units when flat, closes when long: every bar has an order, sizes fixed. */
    static final String TOGGLE = """
            public class Toggle extends Strategy {
                @Param public int units = 10;
                @Override public void next() {
                    if (position().isOpen()) position().close(); else buy(size(units));
                }
            }
            """;

    /** Buys with all the cash on bars from {@code from} on when flat: the size follows the last close. */
    static final String BUY_FROM = """
            public class BuyFrom extends Strategy {
                @Param public String from = "2099-01-01";
                @Override public void next() {
                    if (!position().isOpen() && !data().now().toLocalDate().isBefore(LocalDate.parse(from))) buy();
                }
            }
            """;

    static final String THROWS = """
            public class Boom extends Strategy {
                @Override public void next() {
                    if (bar() > 30) throw new IllegalStateException("boom on purpose");
                    if (!position().isOpen()) buy(size(1));
                }
            }
            """;

    /** Business days ending at {@code last}, {@code n} of them. */
    static List<LocalDate> days(LocalDate last, int n) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = last; out.size() < n; d = d.minusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) out.add(0, d);
        }
        return out;
    }

    /** Writes {@code dir/TICKER.csv} with a gentle wave of prices on the given days. */
    static Path writeCsv(Path dir, String ticker, List<LocalDate> days) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
        for (int i = 0; i < days.size(); i++) {
            double c = price(i);
            double o = i == 0 ? c : price(i - 1) + 0.1;
            sb.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f,%d%n", days.get(i), o, Math.max(o, c) + 1, Math.min(o, c) - 1, c, 1000 + i));
        }
        Path f = dir.resolve(ticker + ".csv");
        Files.writeString(f, sb);
        return f;
    }

    static double price(int i) {
        return 100 + 10 * Math.sin(i / 7.0) + 0.05 * i;
    }

    /** Rewrites one cell of a CSV (by date and column name). */
    static void setPrice(Path csv, LocalDate day, String column, double value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        List<String> head = List.of(lines.get(0).split(","));
        int col = head.indexOf(column);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            if (f[0].equals(day.toString())) {
                f[col] = String.format(Locale.ROOT, "%.4f", value);
                lines.set(i, String.join(",", f));
            }
        }
        Files.write(csv, lines);
    }

    /** A clock fixed at a New York wall time. */
    static Clock at(LocalDate day, int hour, int minute) {
        return Clock.fixed(ZonedDateTime.of(day.atTime(hour, minute), NY).toInstant(), ZoneOffset.UTC);
    }

    static TradePlan.Builder plan(String name, String cls, String source, Path quotes) {
        return TradePlan.builder().name(name).strategy(cls, source).tickers("TEST").quoteSource("csv:" + quotes)
                .backtestStart(LocalDate.of(2020, 1, 1)).runTimes("9:30:01-16:00/30min").broker("paper").cash(10_000).enabled(true);
    }
}
