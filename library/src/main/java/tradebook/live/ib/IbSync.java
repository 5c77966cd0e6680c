package tradebook.live.ib;

import java.util.List;
import java.util.Map;
import tradebook.plan.PlanOrder;
import tradebook.plan.Store;
import tradebook.plan.broker.BrokerException;

/**
 * Downloads IB's order status and executions into the store: executions become fills (their
 * orders then count as filled); orders IB cancelled or deactivated are marked so. Safe to run
 * any number of times (fill ids are IB's execution ids).
 */
public final class IbSync {
    private IbSync() {}

    /** Returns a one-line summary, e.g. "2 new fill(s), 1 order(s) cancelled at IB". */
    public static String sync(Store store, IbBroker broker, long planId) throws BrokerException {
        List<PlanOrder> submitted = store.liveOrders(planId).stream().filter(o -> PlanOrder.SUBMITTED.equals(o.status())).toList();
        if (submitted.isEmpty()) return "no submitted orders";
        int fills = store.recordFills(broker.fills(submitted));
        int closed = 0;
        Map<String, IbOrderStatus> st = broker.statuses(submitted);
        for (PlanOrder o : submitted) {
            IbOrderStatus s = st.get(o.id());
            if (s == null || s.isFilled() || !s.isDone() || s.filledQuantity() > 0) continue;
            String status = "Inactive".equalsIgnoreCase(s.status()) ? PlanOrder.REJECTED : PlanOrder.CANCELLED;
            store.setOrderStatus(o.id(), status, s.orderId(), "IB status " + s.status());
            closed++;
        }
        return fills + " new fill(s)" + (closed > 0 ? ", " + closed + " order(s) cancelled or rejected at IB" : "");
    }
}
