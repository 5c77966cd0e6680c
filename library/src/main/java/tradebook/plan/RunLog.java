package tradebook.plan;

/** What a run printed and produced ({@code run_logs}): stdout, stderr, stats JSON, the orders it made (JSON), the bars it used (gzip CSV). */
public record RunLog(String stdout, String stderr, String stats, String orders, byte[] dataSnapshot) {
}
