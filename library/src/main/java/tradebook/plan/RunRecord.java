package tradebook.plan;

import java.time.Instant;

/** One row of {@code runs}. Status: running, ok, failed, blocked (strict check), missed (started too late), crashed (process died), dry-run. */
public record RunRecord(String id, long planId, String planName, int planVersion, Instant scheduledAt, Instant startedAt,
                        Instant finishedAt, String status, boolean dryRun, String tradingDay, String message) {
    public static final String RUNNING = "running", OK = "ok", FAILED = "failed", BLOCKED = "blocked", MISSED = "missed",
            CRASHED = "crashed", DRY_RUN = "dry-run";
}
