package tradebook.plan.broker;

import java.util.List;
import tradebook.plan.Fill;
import tradebook.plan.PlanOrder;

/**
 * Orders for a person to place: submitting only lists them ({@code ./tradebook plan orders NAME});
 * the person records each execution with {@code ./tradebook fill ORDER --price P --time T}, and
 * those recorded fills count as the broker's.
 */
public final class ManualBroker implements Broker {
    @Override public String kind() {
        return "manual";
    }

    @Override public String check() {
        return "manual: orders are listed by ./tradebook plan orders NAME; fills recorded with ./tradebook fill";
    }

    @Override public String submit(PlanOrder order) {
        return "manual-" + order.id();
    }

    @Override public boolean cancel(PlanOrder order) {
        return true; // the person sees it as cancelled in the list and does not place it
    }

    @Override public List<Fill> fills(List<PlanOrder> submitted) {
        return List.of(); // fills arrive through ./tradebook fill, straight into the store
    }
}
