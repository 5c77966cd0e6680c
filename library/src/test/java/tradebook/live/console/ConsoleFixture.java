package tradebook.live.console;

import java.nio.file.Path;
import tradebook.live.notify.Notifications;
import tradebook.live.testing.PlanFixtures;
import tradebook.plan.PlanOrder;
import tradebook.plan.PlanRunner;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;

/** A store with one manual-broker plan that has run once and left one open order; a console over it. */
final class ConsoleFixture implements AutoCloseable {
    final Path db;
    final Console console;
    final String plan = "buy-daily";
    final PlanOrder order;
    final String runId;

    ConsoleFixture(Path home, String password, boolean forceLogin) throws Exception {
        db = home.resolve("tradebook.db");
        try (Store store = Store.open(db)) {
            StoredPlan sp = store.savePlan(PlanFixtures.buyEveryBar(plan, "manual").enabled(true).build(), "test", true);
            PlanRunner.Result r = new PlanRunner(store, PlanFixtures.DJIA_END).run(sp, PlanRunner.Options.normal());
            if (!r.ok()) throw new IllegalStateException("fixture run failed: " + r);
            runId = r.runId();
            order = store.orders(sp.id()).stream().filter(PlanOrder::isLive).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the fixture run left no open order: " + r));
        }
        console = Console.start(new Console.Options("127.0.0.1", 0, db, password, forceLogin, PlanFixtures.DJIA_END, Notifications.none()));
    }

    String base() {
        return "http://127.0.0.1:" + console.port();
    }

    @Override public void close() {
        console.close();
    }
}
