package tradebook.plan;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema as numbered migrations. {@code schema_version} holds the number applied;
 * opening a store applies the missing ones in one transaction each, so a crash leaves the file at
 * a whole version. Never edit a shipped migration: add the next one (other code, e.g. an IB
 * broker or a web console, reads these tables).
 */
final class Schema {
    private Schema() {}

    static final List<String> MIGRATIONS = List.of(
            // 1: the first schema (see package-info for what each table holds)
            """
            CREATE TABLE broker_accounts (
              alias TEXT PRIMARY KEY COLLATE NOCASE,
              kind TEXT NOT NULL,
              config TEXT NOT NULL DEFAULT '{}',
              created_at TEXT NOT NULL);
            CREATE TABLE plans (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL UNIQUE COLLATE NOCASE,
              version INTEGER NOT NULL,
              enabled INTEGER NOT NULL DEFAULT 0,
              removed_at TEXT,
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL);
            CREATE TABLE plan_versions (
              plan_id INTEGER NOT NULL REFERENCES plans(id),
              version INTEGER NOT NULL,
              spec TEXT NOT NULL,
              note TEXT,
              created_at TEXT NOT NULL,
              PRIMARY KEY (plan_id, version));
            CREATE TABLE runs (
              id TEXT PRIMARY KEY,
              plan_id INTEGER NOT NULL REFERENCES plans(id),
              plan_version INTEGER NOT NULL,
              scheduled_at TEXT,
              started_at TEXT NOT NULL,
              finished_at TEXT,
              status TEXT NOT NULL,
              dry_run INTEGER NOT NULL DEFAULT 0,
              trading_day TEXT,
              pid INTEGER,
              message TEXT);
            CREATE INDEX runs_plan ON runs(plan_id, started_at);
            CREATE TABLE run_logs (
              run_id TEXT PRIMARY KEY REFERENCES runs(id),
              stdout TEXT,
              stderr TEXT,
              stats TEXT,
              orders TEXT,
              data_snapshot BLOB);
            CREATE TABLE orders (
              id TEXT PRIMARY KEY,
              plan_id INTEGER NOT NULL REFERENCES plans(id),
              run_id TEXT NOT NULL,
              ticker TEXT NOT NULL,
              size REAL NOT NULL,
              entry TEXT NOT NULL,
              limit_price REAL,
              stop_price REAL,
              signal_time TEXT NOT NULL,
              trading_day TEXT NOT NULL,
              status TEXT NOT NULL,
              broker TEXT NOT NULL,
              broker_order_id TEXT,
              replaced_by TEXT,
              message TEXT,
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL);
            CREATE UNIQUE INDEX orders_one_live ON orders(plan_id, ticker, trading_day) WHERE status IN ('new', 'submitted');
            CREATE TABLE fills (
              id TEXT PRIMARY KEY,
              order_id TEXT NOT NULL REFERENCES orders(id),
              plan_id INTEGER NOT NULL,
              ticker TEXT NOT NULL,
              size REAL NOT NULL,
              price REAL NOT NULL,
              commission REAL NOT NULL DEFAULT 0,
              time TEXT NOT NULL,
              source TEXT NOT NULL,
              created_at TEXT NOT NULL);
            CREATE TABLE storage (
              plan_id INTEGER PRIMARY KEY REFERENCES plans(id),
              data TEXT NOT NULL,
              updated_at TEXT NOT NULL);
            CREATE TABLE plan_locks (
              plan_id INTEGER PRIMARY KEY,
              run_id TEXT NOT NULL,
              pid INTEGER NOT NULL,
              acquired_at TEXT NOT NULL);
            CREATE TABLE scheduler (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              pid INTEGER,
              started_at TEXT,
              heartbeat_at TEXT,
              next_runs TEXT,
              stop_requested INTEGER NOT NULL DEFAULT 0);
            """);

    static int current() {
        return MIGRATIONS.size();
    }

    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            try (ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Applies the missing migrations; refuses a file written by a newer Tradebook. */
    static void migrate(Connection c, String where) throws SQLException {
        int v = version(c);
        if (v > current()) {
            throw new PlanException(where + " has schema version " + v + " but this Tradebook knows up to " + current()
                    + ": update Tradebook (the file is left untouched)");
        }
        for (int k = v; k < current(); k++) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : MIGRATIONS.get(k).split(";")) if (!sql.isBlank()) st.execute(sql);
                st.execute("INSERT INTO schema_version(version) VALUES (" + (k + 1) + ")");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }
}
