package tradebook.live;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A short-lived connection to the trading database that waits for other writers (the store runs in WAL mode). */
public final class Db {
    private Db() {}

    public static Connection connect(Path db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("busy_timeout", "10000");
        return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), p);
    }
}
