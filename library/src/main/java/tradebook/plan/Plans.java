package tradebook.plan;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import tradebook.plan.broker.BrokerException;
import tradebook.plan.broker.Brokers;

/**
 * Trade plans from Java: {@code Plans.promote(plan)} validates everything, dry-runs it, and only
 * then saves and enables it; errors come before anything is saved.
 *
 * <pre>{@code
 * TradePlan p = TradePlan.builder().name("goog-sma").strategy("SmaCross", source).tickers("GOOG")
 *         .runTimes("9:30:01-16:00/30min").broker("paper").cash(10_000).build();
 * Plans.Promoted r = Plans.promote(p);   // r.dryRun() shows the orders it would place now
 * }</pre>
 */
public final class Plans {
    private Plans() {}

    /** The saved plan and the dry run that cleared it. */
    public record Promoted(StoredPlan plan, PlanRunner.Result dryRun) {
        @Override public String toString() {
            return "plan '" + plan.name() + "' saved (version " + plan.version() + ", " + (plan.enabled() ? "enabled" : "disabled") + ")\n"
                    + "next runs: " + nextRuns(plan.plan(), 3) + "\n" + dryRun;
        }
    }

    public static Promoted promote(TradePlan plan) {
        try (Store store = Store.open()) {
            return promote(store, plan, Clock.systemUTC(), true);
        }
    }

    /** Validates, compiles, dry-runs, then saves (a new plan when {@code mustBeNew}, else a new version). */
    public static Promoted promote(Store store, TradePlan plan, Clock clock, boolean mustBeNew) {
        plan.validate();
        if (mustBeNew && store.plan(plan.name()).isPresent()) {
            throw new PlanException("a plan named '" + plan.name() + "' exists already (names ignore case): choose another --name, "
                    + "or change it with ./tradebook plan edit " + plan.name());
        }
        try {
            Brokers.open(store, plan, clock).check();
        } catch (BrokerException e) {
            throw new PlanException("broker: " + e.getMessage(), e);
        }
        PlanRunner.Result dry = new PlanRunner(store, clock).dryRun(plan);
        if (!dry.ok()) {
            throw new PlanException("the dry run of '" + plan.name() + "' failed, nothing was saved:\n" + dry.message()
                    + (dry.stderr().isBlank() ? "" : "\n" + firstLines(dry.stderr(), 12)));
        }
        StoredPlan sp = store.savePlan(plan, mustBeNew ? "promoted" : "edited", mustBeNew);
        return new Promoted(sp, dry);
    }

    private static String firstLines(String s, int n) {
        String[] lines = s.split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(n, lines.length)));
    }

    public static List<StoredPlan> list() {
        try (Store store = Store.open()) {
            return store.plans();
        }
    }

    /** The plans as a table (renders in a notebook): name, enabled, version, strategy, tickers, mode, entry, broker, times, next run. */
    public static tech.tablesaw.api.Table table() {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("Trade plans");
        String[] cols = {"Name", "Enabled", "Version", "Strategy", "Tickers", "Mode", "Entry", "Broker", "Times", "Next run"};
        for (String c : cols) t.addColumns(tech.tablesaw.api.StringColumn.create(c));
        for (StoredPlan sp : list()) {
            TradePlan p = sp.plan();
            String[] row = {p.name(), sp.enabled() ? "yes" : "no", String.valueOf(sp.version()), p.className(), String.join(",", p.tickers()),
                    p.mode().name().toLowerCase(Locale.ROOT), p.entry().name(), p.broker(), p.runTimes(), sp.enabled() ? nextRuns(p, 1) : "-"};
            for (int i = 0; i < cols.length; i++) t.stringColumn(i).append(row[i]);
        }
        return t;
    }

    public static PlanRunner.Result run(String name, boolean dryRun) {
        try (Store store = Store.open()) {
            StoredPlan sp = store.require(name);
            return new PlanRunner(store, Clock.systemUTC()).run(sp, new PlanRunner.Options(dryRun, false, null, false));
        }
    }

    /** The next {@code n} run times, in the plan's zone, as text. */
    public static String nextRuns(TradePlan p, int n) {
        var list = p.schedule().next(java.time.Instant.now(), p.zone(), p.marketCalendar(), n);
        if (list.isEmpty()) return "none in the next 30 days";
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);
        StringBuilder sb = new StringBuilder();
        for (var t : list) sb.append(sb.length() == 0 ? "" : ", ").append(f.format(t.atZone(p.zone())));
        return sb.append(' ').append(p.timeZone()).toString();
    }
}
