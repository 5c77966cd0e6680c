package tradebook.plan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;

/** Which days a market trades and when a day closes early. */
public interface MarketCalendar {
    String name();

    boolean isTradingDay(LocalDate day);

    /** The close of an early-close day (e.g. 13:00), empty on a regular day. */
    Optional<LocalTime> earlyClose(LocalDate day);

    /** The regular session: runs between {@code earlyClose} and this on an early-close day are skipped. */
    LocalTime regularClose();

    /** Why a day does not trade ("Saturday", "Thanksgiving Day"), or empty when it trades. */
    Optional<String> closedBecause(LocalDate day);

    /** {@code NYSE} (also NASDAQ, the same days) or {@code ALWAYS} (every day: crypto, tests). */
    static MarketCalendar of(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        return switch (n) {
            case "NYSE", "NASDAQ", "XNYS", "US" -> NyseCalendar.INSTANCE;
            case "ALWAYS", "24X7", "CRYPTO" -> Always.INSTANCE;
            default -> throw new PlanException("unknown market calendar '" + name + "' (use NYSE or ALWAYS)");
        };
    }

    /** Every day trades; no early closes. */
    final class Always implements MarketCalendar {
        static final Always INSTANCE = new Always();

        @Override public String name() { return "ALWAYS"; }
        @Override public boolean isTradingDay(LocalDate day) { return true; }
        @Override public Optional<LocalTime> earlyClose(LocalDate day) { return Optional.empty(); }
        @Override public LocalTime regularClose() { return LocalTime.MAX; }
        @Override public Optional<String> closedBecause(LocalDate day) { return Optional.empty(); }
    }
}
