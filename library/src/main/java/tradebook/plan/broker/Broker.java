package tradebook.plan.broker;

import java.util.List;
import tradebook.plan.Fill;
import tradebook.plan.PlanOrder;

/**
 * Where a plan's orders go. A stable interface: {@code paper} and {@code manual} implement it
 * here; a real broker (e.g. Interactive Brokers) implements the same four calls.
 *
 * <p>Contract: the store records an order (status {@code new}) before {@link #submit} is called,
 * and keeps the returned broker order id; a crash between the two leaves a {@code new} order
 * that the next run cancels or resubmits, never a lost one. {@link #fills} is polled at the start
 * of each run (and by {@code ./tradebook plan orders}); fills must carry a stable id so recording
 * them twice is harmless. Positions and cash of a plan are computed from its recorded fills, so a
 * broker needs no position query of its own.
 */
public interface Broker {

    /** The kind: {@code paper}, {@code manual}, {@code ib}, ... */
    String kind();

    /** Health check for {@code ./tradebook doctor}: returns a short "OK" detail or throws with the reason. */
    String check() throws BrokerException;

    /**
     * Sends an order; returns the broker's id for it. The same order may be sent again after a crash
     * (same {@code order.id()}): use the id as the client order reference so the broker can tell.
     */
    String submit(PlanOrder order) throws BrokerException;

    /** Cancels an order not yet filled; false when it cannot be cancelled any more (filled or gone). */
    boolean cancel(PlanOrder order) throws BrokerException;

    /** Fills of these submitted orders known to the broker so far (already recorded ones may repeat). */
    List<Fill> fills(List<PlanOrder> submitted) throws BrokerException;
}
