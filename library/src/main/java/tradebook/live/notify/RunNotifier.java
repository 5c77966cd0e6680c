package tradebook.live.notify;

import tradebook.plan.PlanRunner;
import tradebook.plan.StoredPlan;

/**
 * Runs a plan and tells the user about it: the run's outcome with its stats, the orders it sent,
 * and errors. Wraps {@link PlanRunner} (which has no listener of its own); whatever a channel
 * does, the run's result is returned unchanged and its exceptions pass through untouched.
 */
public final class RunNotifier {
    private final PlanRunner runner;
    private final Notifications notifications;

    public RunNotifier(PlanRunner runner, Notifications notifications) {
        this.runner = runner;
        this.notifications = notifications;
    }

    public PlanRunner.Result run(StoredPlan sp, PlanRunner.Options opt) {
        PlanRunner.Result r;
        try {
            r = runner.run(sp, opt);
        } catch (RuntimeException | Error e) {
            notifications.send(Notices.error(sp.name(), "the run crashed", e));
            throw e;
        }
        announce(sp.name(), r);
        return r;
    }

    /** The notices of one finished run. */
    public void announce(String plan, PlanRunner.Result r) {
        if (!r.ok()) {
            notifications.send(Notices.error(plan, "run " + r.runId() + " " + r.status(), r.message() == null ? "" : r.message()));
            return;
        }
        notifications.send(Notices.runFinished(plan, r.runId(), r.status(), r.message(), r.stats()));
        if (r.orders().stream().anyMatch(o -> String.valueOf(o.get("action")).contains("submitted"))) {
            notifications.send(Notices.ordersSubmitted(plan, r.orders()));
        }
    }
}
