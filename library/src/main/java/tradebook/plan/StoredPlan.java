package tradebook.plan;

import java.time.Instant;

/** A plan as stored: its row id and current version, with the spec of that version. */
public record StoredPlan(long id, int version, TradePlan plan, Instant updatedAt) {
    public String name() {
        return plan.name();
    }

    public boolean enabled() {
        return plan.enabled();
    }
}
