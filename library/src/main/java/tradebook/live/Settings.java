package tradebook.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plain (non-secret) settings of the live parts in the trading database, table
 * {@code live_settings}: {@code telegram.chat_id}, {@code smtp.host}, {@code ib.url}, ... A name that
 * looks like a secret (ends in token, password, secret or key) is refused: those go to the
 * encrypted {@link tradebook.live.secret.SecretStore}.
 */
public final class Settings {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    private static final Pattern SECRET = Pattern.compile("(?i).*(token|password|passwd|secret|key)$");
    private final Path db;

    public Settings(Path db) {
        this.db = db;
        try {
            Files.createDirectories(db.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the folder of " + db + ": " + e.getMessage(), e);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS live_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the settings table in " + db + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return tradebook.live.Db.connect(db);
    }

    public static boolean looksSecret(String name) {
        return name != null && SECRET.matcher(name).matches();
    }

    static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad setting name '" + name + "': lower-case words joined by dots, e.g. smtp.host");
        }
        if (looksSecret(name)) {
            throw new IllegalArgumentException("'" + name + "' is a secret: store it encrypted with ./tradebook secret set " + name);
        }
        return name;
    }

    public void put(String name, String value) {
        check(name);
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO live_settings(name, value) VALUES(?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value")) {
            p.setString(1, name);
            p.setString(2, value);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save setting " + name + " in " + db + ": " + e.getMessage(), e);
        }
    }

    public Optional<String> get(String name) {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("SELECT value FROM live_settings WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read setting " + name + " from " + db + ": " + e.getMessage(), e);
        }
    }

    public boolean remove(String name) {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("DELETE FROM live_settings WHERE name = ?")) {
            p.setString(1, name);
            return p.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove setting " + name + " from " + db + ": " + e.getMessage(), e);
        }
    }

    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name, value FROM live_settings ORDER BY name")) {
            while (r.next()) out.put(r.getString(1), r.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list settings in " + db + ": " + e.getMessage(), e);
        }
        return out;
    }
}
