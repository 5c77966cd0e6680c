package tradebook.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An order of a plan as the store keeps it ({@code orders} table). {@code size} is signed units
 * (negative sells); limit/stop are NaN for market orders. Status: {@code new} (recorded, not yet
 * at the broker), {@code submitted}, {@code filled}, {@code cancelled}, {@code replaced} (a later
 * run of the same trading day superseded it), {@code rejected}.
 */
public record PlanOrder(
        String id,
        long planId,
        String planName,
        String runId,
        String ticker,
        double size,
        EntryType entry,
        double limitPrice,
        double stopPrice,
        LocalDateTime signalTime,
        LocalDate tradingDay,
        String status,
        String broker,
        String brokerOrderId,
        Instant createdAt) {

    public static final String NEW = "new", SUBMITTED = "submitted", FILLED = "filled", CANCELLED = "cancelled",
            REPLACED = "replaced", REJECTED = "rejected";

    public boolean isLive() {
        return NEW.equals(status) || SUBMITTED.equals(status);
    }

    public boolean isMarket() {
        return Double.isNaN(limitPrice) && Double.isNaN(stopPrice);
    }

    public PlanOrder withStatus(String s, String brokerId) {
        return new PlanOrder(id, planId, planName, runId, ticker, size, entry, limitPrice, stopPrice, signalTime, tradingDay, s,
                broker, brokerId, createdAt);
    }
}
