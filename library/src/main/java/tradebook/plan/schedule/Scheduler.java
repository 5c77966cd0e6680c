package tradebook.plan.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import tradebook.plan.PlanRunner;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;

/**
 * The long-running scheduler: one job at a time, in order of due time; a run that would start
 * more than {@link #LATE} after its time is recorded as missed instead; plans added, edited,
 * disabled or removed are picked up on the next tick (the store's plan stamp changes).
 *
 * <p>Why a small loop and not Quartz or cron-utils: a plan's times are a list in the market's
 * zone gated by a trading calendar with early closes ({@link tradebook.plan.Schedule} computes the
 * next instant), runs must be strictly sequential, and the 180 s rule must be testable with a
 * controllable {@link Clock} — Quartz's misfire handling reads the wall clock in its own threads.
 * The loop is {@link #tick()} (tested with a fixed clock) plus a sleep.
 */
public final class Scheduler {
    public static final Duration LATE = Duration.ofSeconds(180);

    private final Store store;
    private final Clock clock;
    private final BiConsumer<StoredPlan, Instant> job;
    private final Map<Long, StoredPlan> plans = new HashMap<>();
    private final Map<Long, Instant> due = new HashMap<>();
    private final List<String> events = new ArrayList<>();
    private String stamp;
    private volatile boolean stopping;

    /** {@code job} runs one plan for one scheduled instant (normally {@link PlanRunner#run}). */
    public Scheduler(Store store, Clock clock, BiConsumer<StoredPlan, Instant> job) {
        this.store = store;
        this.clock = clock;
        this.job = job;
    }

    /** The real job: a recorded run through {@link PlanRunner}, printing its outcome. */
    public static Scheduler standard(Store store, Clock clock) {
        PlanRunner runner = new PlanRunner(store, clock);
        return new Scheduler(store, clock, (sp, at) -> {
            PlanRunner.Result r = runner.run(sp, new PlanRunner.Options(false, false, at, false));
            System.out.println(clock.instant() + " " + sp.name() + " " + r.runId() + ": " + r.status() + " — " + r.message());
            tradebook.live.notify.RunNotifier.announceConfigured(sp.name(), r);   // Telegram/e-mail if set up (issue 10); never throws
        });
    }

    /**
     * Each job in a JVM of its own ({@code tradebook.plan.cli.Cli plan run NAME --scheduled-at T}):
     * a strategy that hangs is killed after {@code timeout} (its run marked crashed) and one that
     * crashes its JVM cannot take the scheduler down; the next job still runs on time.
     */
    public static Scheduler isolated(Store store, Clock clock, Duration timeout) {
        return new Scheduler(store, clock, (sp, at) -> {
            java.util.List<String> cmd = new ArrayList<>(java.util.List.of(
                    java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                    "-Dtradebook.home=" + tradebook.plan.Home.dir().toAbsolutePath(), "-cp", childClassPath(), "tradebook.plan.cli.Cli",
                    "plan", "run", sp.name(), "--scheduled-at", at.toString()));
            try {
                Process p = new ProcessBuilder(cmd).inheritIO().start();
                if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                    int n = store.markDeadRuns("killed after the run timeout of " + timeout.toSeconds() + " s (./tradebook scheduler --run-timeout)");
                    System.out.println(clock.instant() + " " + sp.name() + ": killed after " + timeout.toSeconds() + " s (" + n + " run(s) marked crashed)");
                    tradebook.live.notify.RunNotifier.announceConfigured(sp.name(), tradebook.live.notify.Notices.error(sp.name(), "run killed",
                            "no result after the run timeout of " + timeout.toSeconds() + " s; the run is marked crashed"));   // issue 10
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot start a JVM for the run of " + sp.name() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** This JVM's class path (Maven's test path under surefire), for the job JVMs. */
    static String childClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** Loads plans when they changed; returns true when something changed. */
    boolean reload() {
        String s = store.plansStamp();
        if (s.equals(stamp)) return false;
        stamp = s;
        Map<Long, StoredPlan> now = new HashMap<>();
        for (StoredPlan sp : store.plans()) if (sp.enabled()) now.put(sp.id(), sp);
        for (Long id : new ArrayList<>(plans.keySet())) {
            if (!now.containsKey(id)) {
                log("plan " + plans.get(id).name() + " removed or disabled: no more runs");
                plans.remove(id);
                due.remove(id);
            }
        }
        for (StoredPlan sp : now.values()) {
            StoredPlan old = plans.get(sp.id());
            if (old != null && old.version() == sp.version()) continue;
            plans.put(sp.id(), sp);
            // a (re)loaded plan may still run a slot that passed less than LATE ago, unless it ran already
            Instant from = clock.instant().minus(LATE);
            Optional<Instant> next = nextSlot(sp, from);
            while (next.isPresent() && store.hasRunFor(sp.id(), next.get())) next = nextSlot(sp, next.get());
            next.ifPresentOrElse(t -> due.put(sp.id(), t), () -> due.remove(sp.id()));
            log((old == null ? "plan " : "plan changed: ") + sp.name() + " v" + sp.version() + ", next run " + next.map(Instant::toString).orElse("none"));
        }
        return true;
    }

    private static Optional<Instant> nextSlot(StoredPlan sp, Instant after) {
        return sp.plan().schedule().nextAfter(after, sp.plan().zone(), sp.plan().marketCalendar());
    }

    /** One pass: reload plans, then run (or record as missed) every job due now, one at a time, oldest first. */
    public void tick() {
        reload();
        while (!stopping) {
            Instant now = clock.instant();
            Optional<Map.Entry<Long, Instant>> first = due.entrySet().stream().filter(e -> !e.getValue().isAfter(now))
                    .min(Map.Entry.comparingByValue());
            if (first.isEmpty()) break;
            long id = first.get().getKey();
            Instant at = first.get().getValue();
            StoredPlan sp = plans.get(id);
            Instant start = clock.instant();
            if (Duration.between(at, start).compareTo(LATE) > 0) {
                String why = "started " + Duration.between(at, start).toSeconds() + " s after its time " + at + " (more than " + LATE.toSeconds()
                        + " s late): skipped";
                store.recordMissed(sp, at, why);
                log("missed " + sp.name() + " at " + at + ": " + why);
            } else if (!store.hasRunFor(id, at)) {
                log("run " + sp.name() + " for " + at);
                try {
                    job.accept(sp, at);
                } catch (RuntimeException e) {
                    log("run " + sp.name() + " failed outside the runner: " + e);
                }
            }
            nextSlot(sp, at).ifPresentOrElse(t -> due.put(id, t), () -> due.remove(id));
            if (reload()) continue; // a plan changed while the job ran
        }
    }

    /** Runs until {@link #stop()} or a stop request in the store; heartbeats into the store every few seconds, during jobs too. */
    public void loop() throws InterruptedException {
        store.requestSchedulerStop(false);
        store.heartbeat(nextRunsJson());
        Thread beat = new Thread(this::beat, "scheduler-heartbeat");
        beat.setDaemon(true);
        beat.start();
        try {
            run();
        } finally {
            beat.interrupt();
        }
        log("scheduler stopped");
    }

    private volatile String nextRuns = "[]";

    /** The heartbeat thread: its own connection (a job may hold the main one for minutes). */
    private void beat() {
        try (Store own = Store.open(store.file())) {
            while (!stopping && !Thread.currentThread().isInterrupted()) {
                own.heartbeat(nextRuns);
                Thread.sleep(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("scheduler heartbeat stopped: " + e.getMessage());
        }
    }

    private void run() throws InterruptedException {
        while (!stopping) {
            tick();
            nextRuns = nextRunsJson();
            store.heartbeat(nextRuns);
            if (store.schedulerRow().map(r -> (Boolean) r[3]).orElse(false)) {
                log("stop requested");
                break;
            }
            Instant now = clock.instant();
            long sleep = due.values().stream().min(Comparator.naturalOrder()).map(t -> Duration.between(now, t).toMillis()).orElse(1000L);
            Thread.sleep(Math.max(20, Math.min(1000, sleep)));
        }
    }

    public void stop() {
        stopping = true;
    }

    /** The next due run of each plan, e.g. {@code ["goog-sma 2026-11-23T14:30:01Z"]}. */
    public String nextRunsJson() {
        StringBuilder sb = new StringBuilder("[");
        due.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            if (sb.length() > 1) sb.append(", ");
            sb.append('"').append(plans.get(e.getKey()).name().replace("\"", "")).append(' ').append(e.getValue()).append('"');
        });
        return sb.append(']').toString();
    }

    public Map<Long, Instant> due() {
        return Map.copyOf(due);
    }

    /** What the scheduler did, in order (also printed). */
    public List<String> events() {
        return List.copyOf(events);
    }

    private void log(String s) {
        events.add(s);
        System.out.println(clock.instant() + " " + s);
    }
}
