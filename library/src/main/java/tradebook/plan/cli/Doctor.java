package tradebook.plan.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import tradebook.data.Bars;
import tradebook.plan.Home;
import tradebook.plan.Plans;
import tradebook.plan.QuoteSources;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;
import tradebook.plan.StrategySource;
import tradebook.plan.broker.Brokers;

/**
 * {@code ./tradebook doctor}: one line per check, OK or the reason — the store (readable, current
 * schema, intact), the scheduler (alive, its next runs), and per plan its strategy, broker and
 * quote source. Returns the number of failed checks.
 */
final class Doctor {
    private final PrintStream out;
    private int failed;

    Doctor(PrintStream out) {
        this.out = out;
    }

    private void ok(String what, String detail) {
        out.printf("OK    %-28s %s%n", what, detail);
    }

    private void fail(String what, String reason) {
        failed++;
        out.printf("FAIL  %-28s %s%n", what, reason);
    }

    int run() {
        Store store;
        try {
            store = Store.open();
        } catch (RuntimeException e) {
            fail("store " + Home.database(), e.getMessage());
            return failed;
        }
        try (store) {
            int v = store.schemaVersion();
            String integrity = store.integrity();
            if (v == Store.currentSchemaVersion() && integrity.equals("ok")) ok("store", store.file() + " (schema " + v + ", integrity ok)");
            else fail("store", store.file() + ": schema " + v + " (current " + Store.currentSchemaVersion() + "), integrity: " + integrity);

            long enabled = store.plans().stream().filter(StoredPlan::enabled).count();
            var row = store.schedulerRow();
            boolean alive = row.isPresent() && ProcessHandle.of((Long) row.get()[0]).map(ProcessHandle::isAlive).orElse(false)
                    && row.get()[1] != null && Duration.between((Instant) row.get()[1], Instant.now()).toSeconds() < 60;
            if (alive) ok("scheduler", "pid " + row.get()[0] + ", last beat " + row.get()[1] + ", next " + row.get()[2]);
            else if (enabled == 0) ok("scheduler", "not running (no enabled plans need it)");
            else fail("scheduler", "not running" + row.map(r -> " (last beat " + r[1] + ", pid " + r[0] + ")").orElse("")
                    + " but " + enabled + " plan(s) are enabled: start it with ./tradebook scheduler");

            for (StoredPlan sp : store.plans()) {
                String p = "plan " + sp.name();
                java.util.List<String> problems = sp.plan().problems();
                if (problems.isEmpty()) ok(p + " settings", "valid (v" + sp.version() + ")");
                else fail(p + " settings", String.join("; ", problems));
                try {
                    StrategySource.compile(sp.plan().className(), sp.plan().source(), sp.plan().jars());
                    ok(p + " strategy", sp.plan().className() + " compiles" + (sp.enabled() ? "; next " + Plans.nextRuns(sp.plan(), 1) : "; disabled"));
                } catch (RuntimeException e) {
                    fail(p + " strategy", e.getMessage());
                }
                try {
                    ok(p + " broker", Brokers.open(store, sp.plan(), Clock.systemUTC()).check());
                } catch (Exception e) {
                    fail(p + " broker", e.getMessage());
                }
                String t = sp.plan().tickers().get(0);
                try {
                    LocalDate today = LocalDate.now(sp.plan().zone());
                    Bars b = QuoteSources.parse(sp.plan().quoteSource()).daily(t, today.minusDays(14), today);
                    ok(p + " quotes", sp.plan().quoteSource() + ": " + t + " last bar " + b.time(b.size() - 1).toLocalDate());
                } catch (RuntimeException e) {
                    fail(p + " quotes", sp.plan().quoteSource() + " for " + t + ": " + e.getMessage());
                }
            }
            if (store.plans().isEmpty()) ok("plans", "none yet (promote a strategy with %promote or ./tradebook promote)");
        }
        return failed;
    }
}
