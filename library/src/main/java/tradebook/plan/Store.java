package tradebook.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The SQLite store of plans, runs, logs, orders and fills (schema in {@link Schema}). Every write
 * that must be whole (a plan and its version, a run's orders) is one transaction, so a killed
 * process leaves either all of it or none. WAL mode and a busy timeout let the scheduler, the CLI
 * and a notebook use the file at once.
 */
public final class Store implements AutoCloseable {
    private final Path file;
    private final Connection c;

    private Store(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = FULL");
                st.execute("PRAGMA foreign_keys = ON");
            }
            Schema.migrate(c, file.toString());
            try (Statement st = c.createStatement()) {
                String now = Instant.now().toString();
                st.execute("INSERT OR IGNORE INTO broker_accounts(alias, kind, config, created_at) VALUES ('paper', 'paper', '{}', '" + now + "')");
                st.execute("INSERT OR IGNORE INTO broker_accounts(alias, kind, config, created_at) VALUES ('manual', 'manual', '{}', '" + now + "')");
            }
            recover();
        } catch (SQLException e) {
            throw new PlanException("cannot open the store " + file + ": " + e.getMessage()
                    + " (is it a Tradebook database? set TRADEBOOK_HOME to use another folder)", e);
        } catch (java.io.IOException e) {
            throw new PlanException("cannot create the folder of the store " + file + ": " + e.getMessage(), e);
        }
    }

    /** The store at {@code $TRADEBOOK_HOME/tradebook.db}. */
    public static Store open() {
        return open(Home.database());
    }

    public static Store open(Path file) {
        return new Store(file);
    }

    public Path file() {
        return file;
    }

    public int schemaVersion() {
        return sql(() -> Schema.version(c));
    }

    public static int currentSchemaVersion() {
        return Schema.current();
    }

    @Override public void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a read connection cannot lose data
        }
    }

    // ------------------------------------------------------------------ helpers

    interface SqlCall<T> {
        T call() throws SQLException;
    }

    private <T> T sql(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new PlanException("store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code body} in one transaction: all of it is written, or none. */
    public synchronized <T> T tx(SqlCall<T> body) {
        return sql(() -> {
            c.setAutoCommit(false);
            try {
                T t = body.call();
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private PreparedStatement ps(String sql, Object... args) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Double d && d.isNaN()) p.setObject(i + 1, null);
            else if (a instanceof Instant || a instanceof LocalDate || a instanceof LocalDateTime) p.setString(i + 1, a.toString());
            else p.setObject(i + 1, a);
        }
        return p;
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement p = ps(sql, args)) {
            return p.executeUpdate();
        }
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    /** Marks runs whose process is gone as crashed (with {@code why}) and frees their locks; returns how many. */
    public int markDeadRuns(String why) {
        return sql(() -> recover(why));
    }

    private void recover() throws SQLException {
        recover("the process running it stopped before the run finished (killed or crashed); orders it had recorded are kept");
    }

    /** Runs left "running" by a process that died become "crashed"; their plan locks go. */
    private int recover(String why) throws SQLException {
        List<String> dead = new ArrayList<>();
        try (PreparedStatement p = ps("SELECT id, pid FROM runs WHERE status = ?", RunRecord.RUNNING); ResultSet rs = p.executeQuery()) {
            while (rs.next()) if (!alive(rs.getLong(2))) dead.add(rs.getString(1));
        }
        for (String id : dead) {
            update("UPDATE runs SET status = ?, finished_at = ?, message = coalesce(message, '') || ? WHERE id = ?", RunRecord.CRASHED,
                    Instant.now(), why, id);
        }
        List<Long> stale = new ArrayList<>();
        try (PreparedStatement p = ps("SELECT plan_id, pid FROM plan_locks"); ResultSet rs = p.executeQuery()) {
            while (rs.next()) if (!alive(rs.getLong(2))) stale.add(rs.getLong(1));
        }
        for (long id : stale) update("DELETE FROM plan_locks WHERE plan_id = ?", id);
        return dead.size();
    }

    static boolean alive(long pid) {
        return pid == pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    // ------------------------------------------------------------------ plans

    /**
     * Saves a new plan (version 1) or, when a plan of that name exists, a new version of it (the
     * old versions stay in {@code plan_versions}). One transaction: never a plan without its spec.
     */
    public StoredPlan savePlan(TradePlan plan, String note, boolean mustBeNew) {
        plan.validate();
        String spec = Json.GSON.toJson(plan);
        String now = Instant.now().toString();
        return tx(() -> {
            Long id = null;
            int version = 0;
            try (PreparedStatement p = ps("SELECT id, version FROM plans WHERE name = ? AND removed_at IS NULL", plan.name());
                 ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    id = rs.getLong(1);
                    version = rs.getInt(2);
                }
            }
            if (id != null && mustBeNew) {
                throw new PlanException("a plan named '" + plan.name() + "' exists already (names ignore case): choose another --name, "
                        + "or edit it with ./tradebook plan edit " + plan.name());
            }
            version++;
            if (id == null) {
                update("INSERT INTO plans(name, version, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?)", plan.name(), version,
                        plan.enabled() ? 1 : 0, now, now);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
                    rs.next();
                    id = rs.getLong(1);
                }
            } else {
                update("UPDATE plans SET version = ?, enabled = ?, updated_at = ? WHERE id = ?", version, plan.enabled() ? 1 : 0, now, id);
            }
            update("INSERT INTO plan_versions(plan_id, version, spec, note, created_at) VALUES (?, ?, ?, ?, ?)", id, version, spec, note, now);
            return new StoredPlan(id, version, plan, Instant.parse(now));
        });
    }

    public Optional<StoredPlan> plan(String name) {
        return sql(() -> {
            try (PreparedStatement p = ps("SELECT p.id, p.version, p.enabled, p.updated_at, v.spec FROM plans p JOIN plan_versions v "
                    + "ON v.plan_id = p.id AND v.version = p.version WHERE p.name = ? AND p.removed_at IS NULL", name);
                 ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(storedPlan(rs)) : Optional.empty();
            }
        });
    }

    public StoredPlan require(String name) {
        return plan(name).orElseThrow(() -> new PlanException("no plan named '" + name + "'"
                + (plans().isEmpty() ? " (there are no plans yet: promote a strategy first)" : " (./tradebook plan list shows them)")));
    }

    private static StoredPlan storedPlan(ResultSet rs) throws SQLException {
        TradePlan spec = Json.GSON.fromJson(rs.getString("spec"), TradePlan.class);
        spec = spec.toBuilder().enabled(rs.getInt("enabled") == 1).build();
        return new StoredPlan(rs.getLong("id"), rs.getInt("version"), spec, instant(rs.getString("updated_at")));
    }

    /** Plans not removed, by name. */
    public List<StoredPlan> plans() {
        return sql(() -> {
            List<StoredPlan> out = new ArrayList<>();
            try (PreparedStatement p = ps("SELECT p.id, p.version, p.enabled, p.updated_at, v.spec FROM plans p JOIN plan_versions v "
                    + "ON v.plan_id = p.id AND v.version = p.version WHERE p.removed_at IS NULL ORDER BY p.name COLLATE NOCASE");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(storedPlan(rs));
            }
            return out;
        });
    }

    /** Every version of a plan, oldest first: (version, created_at, note). */
    public List<String[]> versions(long planId) {
        return sql(() -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement p = ps("SELECT version, created_at, coalesce(note, '') FROM plan_versions WHERE plan_id = ? ORDER BY version", planId);
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
            return out;
        });
    }

    public void setEnabled(String name, boolean on) {
        StoredPlan sp = require(name);
        sql(() -> update("UPDATE plans SET enabled = ?, updated_at = ? WHERE id = ?", on ? 1 : 0, Instant.now(), sp.id()));
    }

    /** Removes a plan from the list and the scheduler; its versions, runs, logs, orders and fills stay. The name becomes free. */
    public void remove(String name) {
        StoredPlan sp = require(name);
        sql(() -> update("UPDATE plans SET enabled = 0, removed_at = ?, updated_at = ?, name = name || '~removed-' || id WHERE id = ?",
                Instant.now(), Instant.now(), sp.id()));
    }

    /** A marker that changes whenever any plan is added, edited, enabled, disabled or removed. */
    public String plansStamp() {
        return sql(() -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) || '/' || coalesce(max(updated_at), '') || '/' || coalesce(sum(version), 0) FROM plans")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    // ------------------------------------------------------------------ runs and logs

    public static String newRunId(String planName, Instant at) {
        String t = at.toString().replaceAll("[^0-9]", "");
        return planName.toLowerCase(java.util.Locale.ROOT) + "-" + t.substring(0, Math.min(14, t.length()))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    public RunRecord startRun(StoredPlan sp, Instant scheduledAt, boolean dryRun, LocalDate tradingDay) {
        Instant now = Instant.now();
        String id = newRunId(sp.name(), now);
        sql(() -> update("INSERT INTO runs(id, plan_id, plan_version, scheduled_at, started_at, status, dry_run, trading_day, pid) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, sp.id(), sp.version(), scheduledAt, now, RunRecord.RUNNING, dryRun ? 1 : 0,
                tradingDay, pid()));
        return run(id).orElseThrow();
    }

    /** A run that did not happen (started too late): recorded so the user sees it. */
    public void recordMissed(StoredPlan sp, Instant scheduledAt, String why) {
        Instant now = Instant.now();
        sql(() -> update("INSERT INTO runs(id, plan_id, plan_version, scheduled_at, started_at, finished_at, status, dry_run, pid, message) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", newRunId(sp.name(), now), sp.id(), sp.version(), scheduledAt, now, now,
                RunRecord.MISSED, pid(), why));
    }

    public void finishRun(String runId, String status, String message, RunLog log) {
        tx(() -> {
            update("UPDATE runs SET status = ?, message = ?, finished_at = ? WHERE id = ?", status, message, Instant.now(), runId);
            if (log != null) {
                update("INSERT OR REPLACE INTO run_logs(run_id, stdout, stderr, stats, orders, data_snapshot) VALUES (?, ?, ?, ?, ?, ?)", runId,
                        log.stdout(), log.stderr(), log.stats(), log.orders(), log.dataSnapshot());
            }
            return null;
        });
    }

    public boolean hasRunFor(long planId, Instant scheduledAt) {
        return sql(() -> {
            try (PreparedStatement p = ps("SELECT 1 FROM runs WHERE plan_id = ? AND scheduled_at = ? AND dry_run = 0", planId, scheduledAt);
                 ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        });
    }

    public Optional<RunRecord> run(String runId) {
        List<RunRecord> r = runs("r.id = ?", runId, 1);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    /** The latest runs of a plan, newest first. */
    public List<RunRecord> runs(long planId, int limit) {
        return runs("r.plan_id = ?", planId, limit);
    }

    private List<RunRecord> runs(String where, Object arg, int limit) {
        return sql(() -> {
            List<RunRecord> out = new ArrayList<>();
            try (PreparedStatement p = ps("SELECT r.*, p.name AS plan_name FROM runs r JOIN plans p ON p.id = r.plan_id WHERE " + where
                    + " ORDER BY r.started_at DESC, r.rowid DESC LIMIT " + limit, arg); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunRecord(rs.getString("id"), rs.getLong("plan_id"), rs.getString("plan_name"), rs.getInt("plan_version"),
                            instant(rs.getString("scheduled_at")), instant(rs.getString("started_at")), instant(rs.getString("finished_at")),
                            rs.getString("status"), rs.getInt("dry_run") == 1, rs.getString("trading_day"), rs.getString("message")));
                }
            }
            return out;
        });
    }

    public Optional<RunLog> log(String runId) {
        return sql(() -> {
            try (PreparedStatement p = ps("SELECT stdout, stderr, stats, orders, data_snapshot FROM run_logs WHERE run_id = ?", runId);
                 ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new RunLog(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                        : Optional.empty();
            }
        });
    }

    /** The data snapshot of the plan's latest successful non-dry run, for the strict check; with that run's id. */
    public Optional<Map.Entry<String, byte[]>> lastGoodSnapshot(long planId) {
        return sql(() -> {
            try (PreparedStatement p = ps("SELECT r.id, l.data_snapshot FROM runs r JOIN run_logs l ON l.run_id = r.id WHERE r.plan_id = ? "
                    + "AND r.status = ? AND r.dry_run = 0 AND l.data_snapshot IS NOT NULL ORDER BY r.started_at DESC, r.rowid DESC LIMIT 1",
                    planId, RunRecord.OK); ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(Map.entry(rs.getString(1), rs.getBytes(2))) : Optional.empty();
            }
        });
    }

    // ------------------------------------------------------------------ locks

    /** Takes the plan's run lock: false when another live process (or this one) is running it. */
    public boolean lock(long planId, String runId) {
        return tx(() -> {
            try (PreparedStatement p = ps("SELECT pid, run_id FROM plan_locks WHERE plan_id = ?", planId); ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    if (alive(rs.getLong(1))) return false;
                    update("DELETE FROM plan_locks WHERE plan_id = ?", planId);
                }
            }
            update("INSERT INTO plan_locks(plan_id, run_id, pid, acquired_at) VALUES (?, ?, ?, ?)", planId, runId, pid(), Instant.now());
            return true;
        });
    }

    public void unlock(long planId, String runId) {
        sql(() -> update("DELETE FROM plan_locks WHERE plan_id = ? AND run_id = ?", planId, runId));
    }

    // ------------------------------------------------------------------ orders and fills

    public Optional<PlanOrder> order(String id) {
        List<PlanOrder> l = orders("o.id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public List<PlanOrder> orders(long planId) {
        return orders("o.plan_id = ?", planId);
    }

    public List<PlanOrder> liveOrders(long planId) {
        return orders("o.plan_id = ? AND o.status IN ('new', 'submitted')", planId);
    }

    /** Live orders of every plan at one broker kind (for the manual broker's to-do list). */
    public List<PlanOrder> liveOrdersAt(String broker) {
        return orders("o.broker = ? AND o.status IN ('new', 'submitted')", broker);
    }

    /** Orders of a plan for one ticker and trading day, oldest first (the one-live-order rule reads these). */
    public List<PlanOrder> ordersOfDay(long planId, String ticker, LocalDate day) {
        return sql(() -> {
            List<PlanOrder> out = new ArrayList<>();
            try (PreparedStatement p = ps(ORDER_SELECT + "WHERE o.plan_id = ? AND o.ticker = ? AND o.trading_day = ? ORDER BY o.created_at",
                    planId, ticker, day); ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(order(rs));
            }
            return out;
        });
    }

    private static final String ORDER_SELECT = "SELECT o.*, p.name AS plan_name FROM orders o JOIN plans p ON p.id = o.plan_id ";

    private List<PlanOrder> orders(String where, Object arg) {
        return sql(() -> {
            List<PlanOrder> out = new ArrayList<>();
            try (PreparedStatement p = ps(ORDER_SELECT + "WHERE " + where + " ORDER BY o.created_at, o.rowid", arg); ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(order(rs));
            }
            return out;
        });
    }

    private static PlanOrder order(ResultSet rs) throws SQLException {
        double lim = rs.getDouble("limit_price");
        if (rs.wasNull()) lim = Double.NaN;
        double stop = rs.getDouble("stop_price");
        if (rs.wasNull()) stop = Double.NaN;
        return new PlanOrder(rs.getString("id"), rs.getLong("plan_id"), rs.getString("plan_name"), rs.getString("run_id"), rs.getString("ticker"),
                rs.getDouble("size"), EntryType.valueOf(rs.getString("entry")), lim, stop, LocalDateTime.parse(rs.getString("signal_time")),
                LocalDate.parse(rs.getString("trading_day")), rs.getString("status"), rs.getString("broker"), rs.getString("broker_order_id"),
                instant(rs.getString("created_at")));
    }

    /**
     * Records a run's new order: INSERT OR IGNORE on the idempotent id (an order recorded before
     * stays as it is), and the live order of the same plan, ticker and trading day, if it has not
     * reached the broker ({@code new}) or was cancelled there ({@code replaceable}), is marked
     * {@code replaced} in the same transaction. Returns true when the order was inserted.
     */
    public boolean recordOrder(PlanOrder o, PlanOrder replaceable) {
        return tx(() -> {
            try (PreparedStatement p = ps("SELECT 1 FROM orders WHERE id = ?", o.id()); ResultSet rs = p.executeQuery()) {
                if (rs.next()) return false;
            }
            String now = Instant.now().toString();
            if (replaceable != null) {
                update("UPDATE orders SET status = ?, replaced_by = ?, updated_at = ? WHERE id = ? AND status IN ('new', 'submitted')",
                        PlanOrder.REPLACED, o.id(), now, replaceable.id());
            }
            int n = update("INSERT OR IGNORE INTO orders(id, plan_id, run_id, ticker, size, entry, limit_price, stop_price, signal_time, trading_day, "
                    + "status, broker, broker_order_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", o.id(), o.planId(),
                    o.runId(), o.ticker(), o.size(), o.entry().name(), o.limitPrice(), o.stopPrice(), o.signalTime(), o.tradingDay(), PlanOrder.NEW,
                    o.broker(), o.brokerOrderId(), now, now);
            return n == 1;
        });
    }

    public void setOrderStatus(String id, String status, String brokerOrderId, String message) {
        sql(() -> update("UPDATE orders SET status = ?, broker_order_id = coalesce(?, broker_order_id), message = coalesce(?, message), "
                + "updated_at = ? WHERE id = ?", status, brokerOrderId, message, Instant.now(), id));
    }

    /** Records fills (a fill id seen before is ignored) and marks their orders filled; returns how many were new. */
    public int recordFills(List<Fill> fills) {
        if (fills.isEmpty()) return 0;
        return tx(() -> {
            int n = 0;
            for (Fill f : fills) {
                Long planId = null;
                try (PreparedStatement p = ps("SELECT plan_id FROM orders WHERE id = ?", f.orderId()); ResultSet rs = p.executeQuery()) {
                    if (rs.next()) planId = rs.getLong(1);
                }
                if (planId == null) throw new PlanException("fill " + f.id() + ": no order " + f.orderId() + " (./tradebook plan orders NAME lists them)");
                n += update("INSERT OR IGNORE INTO fills(id, order_id, plan_id, ticker, size, price, commission, time, source, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", f.id(), f.orderId(), planId, f.ticker(), f.size(), f.price(), f.commission(),
                        f.time(), f.source(), Instant.now());
                update("UPDATE orders SET status = ?, updated_at = ? WHERE id = ?", PlanOrder.FILLED, Instant.now(), f.orderId());
            }
            return n;
        });
    }

    public List<Fill> fills(long planId) {
        return sql(() -> {
            List<Fill> out = new ArrayList<>();
            try (PreparedStatement p = ps("SELECT * FROM fills WHERE plan_id = ? ORDER BY time, rowid", planId); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Fill(rs.getString("id"), rs.getString("order_id"), rs.getString("ticker"), rs.getDouble("size"), rs.getDouble("price"),
                            rs.getDouble("commission"), instant(rs.getString("time")), rs.getString("source")));
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ storage

    /** The plan's {@code storage()} map as saved by its last successful run (empty at first). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> storage(long planId) {
        return sql(() -> {
            try (PreparedStatement p = ps("SELECT data FROM storage WHERE plan_id = ?", planId); ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return new LinkedHashMap<>();
                Map<String, Object> m = Json.GSON.fromJson(rs.getString(1), LinkedHashMap.class);
                return m == null ? new LinkedHashMap<>() : m;
            }
        });
    }

    public void saveStorage(long planId, Map<String, Object> data) {
        String json;
        try {
            json = Json.GSON.toJson(data);
        } catch (RuntimeException e) {
            throw new PlanException("storage(): values must be JSON-friendly (numbers, strings, booleans, lists, maps): " + e.getMessage(), e);
        }
        sql(() -> update("INSERT OR REPLACE INTO storage(plan_id, data, updated_at) VALUES (?, ?, ?)", planId, json, Instant.now()));
    }

    // ------------------------------------------------------------------ broker accounts

    /** (kind, config JSON) of a broker account alias, or empty. */
    public Optional<String[]> brokerAccount(String alias) {
        return sql(() -> {
            try (PreparedStatement p = ps("SELECT kind, config FROM broker_accounts WHERE alias = ?", alias); ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        });
    }

    /**
     * Adds or changes a broker account (e.g. {@code ib-main}, kind {@code ib}). {@code configJson}
     * holds settings only: never a password or token in plain text (keep a reference to a secret store).
     */
    public void saveBrokerAccount(String alias, String kind, String configJson) {
        if (alias == null || !alias.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) throw new PlanException("broker alias '" + alias + "': letters, digits, '.', '_', '-'");
        try {
            com.google.gson.JsonParser.parseString(configJson == null ? "{}" : configJson).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new PlanException("broker account " + alias + ": config must be a JSON object, got " + configJson);
        }
        sql(() -> update("INSERT INTO broker_accounts(alias, kind, config, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT(alias) DO UPDATE SET kind = excluded.kind, config = excluded.config", alias, kind, configJson == null ? "{}" : configJson,
                Instant.now()));
    }

    public List<String> brokerAliases() {
        return sql(() -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT alias FROM broker_accounts ORDER BY alias")) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ the scheduler's row

    /** The scheduler's heartbeat: pid, beat time and its next runs (JSON list of "plan at"). */
    public void heartbeat(String nextRunsJson) {
        sql(() -> update("INSERT INTO scheduler(id, pid, started_at, heartbeat_at, next_runs, stop_requested) VALUES (1, ?, ?, ?, ?, 0) "
                + "ON CONFLICT(id) DO UPDATE SET pid = excluded.pid, heartbeat_at = excluded.heartbeat_at, next_runs = excluded.next_runs, "
                + "started_at = CASE WHEN scheduler.pid = excluded.pid THEN scheduler.started_at ELSE excluded.started_at END",
                pid(), Instant.now(), Instant.now(), nextRunsJson));
    }

    /** (pid, heartbeat_at, next_runs, stop_requested), or empty when no scheduler ever ran. */
    public Optional<Object[]> schedulerRow() {
        return sql(() -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pid, heartbeat_at, next_runs, stop_requested FROM scheduler WHERE id = 1")) {
                return rs.next() ? Optional.of(new Object[] {rs.getLong(1), instant(rs.getString(2)), rs.getString(3), rs.getInt(4) == 1})
                        : Optional.empty();
            }
        });
    }

    public void requestSchedulerStop(boolean stop) {
        sql(() -> update("UPDATE scheduler SET stop_requested = ? WHERE id = 1", stop ? 1 : 0));
    }

    /** {@code PRAGMA integrity_check}: "ok" or the problems. */
    public String integrity() {
        return sql(() -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) sb.append(sb.length() == 0 ? "" : "; ").append(rs.getString(1));
                return sb.toString();
            }
        });
    }
}
