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

    /**
     * Announces a finished run to the channels configured in the store at {@code $TRADEBOOK_HOME}
     * (for {@code ./tradebook plan run}, which the scheduler's job JVMs also run, and the in-process
     * scheduler). Never throws: a broken setup is logged and the run stays as it was.
     */
    public static void announceConfigured(String plan, PlanRunner.Result r) {
        configured(plan, n -> new RunNotifier(null, n).announce(plan, r));
    }

    /** One notice to the configured channels (e.g. the scheduler killed a run); never throws. */
    public static void announceConfigured(String plan, Notice notice) {
        configured(plan, n -> n.send(notice));
    }

    private static void configured(String plan, java.util.function.Consumer<Notifications> send) {
        try {
            java.nio.file.Path db = tradebook.plan.Home.database();
            tradebook.live.Settings settings = new tradebook.live.Settings(db);
            // nothing configured: no key file is created, no secret is read
            if (settings.get("telegram.chat_id").isEmpty() && settings.get("smtp.host").isEmpty()) return;
            Notifications n = NotifySetup.from(settings,
                    new tradebook.live.secret.SecretStore(db, tradebook.live.secret.SecretBox.open(tradebook.plan.Home.dir())));
            if (!n.channels().isEmpty()) send.accept(n);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            tradebook.live.LiveLog.get(RunNotifier.class).warning("notifications for plan " + plan + " not sent: "
                    + tradebook.live.secret.Masker.describe(t));
        }
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
