package tradebook.plan;

import java.time.Instant;

/**
 * An execution of an order ({@code fills} table): signed units, price, commission paid. The
 * {@code id} is the broker's execution id (or one derived from the order for paper/manual), so
 * recording the same fill twice is a no-op. Positions and cash of a plan are the sum of its fills.
 */
public record Fill(String id, String orderId, String ticker, double size, double price, double commission, Instant time, String source) {
}
