package tradebook.plan;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The idempotent order id: the first 20 hex digits of SHA-256 over
 * {@code planId|TICKER|size|signalBarTime} and, in incremental mode, {@code |runId}. The same plan
 * deciding the same order on the same bar gets the same id, so INSERT OR IGNORE records it once.
 * The plan's row id (not its name) goes in, so a removed plan's name reused later never collides.
 */
public final class OrderIds {
    private OrderIds() {}

    public static String of(long planId, String ticker, double size, LocalDateTime signalTime, String runIdOrNull) {
        String s = planId + "|" + ticker.toUpperCase(java.util.Locale.ROOT) + "|" + BigDecimal.valueOf(size).stripTrailingZeros().toPlainString()
                + "|" + signalTime + (runIdOrNull == null ? "" : "|" + runIdOrNull);
        return StrategySource.sha(s).substring(0, 20);
    }
}
