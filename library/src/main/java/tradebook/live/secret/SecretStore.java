package tradebook.live.secret;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named secrets in the trading database ({@code secrets} table), always encrypted by a
 * {@link SecretBox}. Names are like {@code ib.password}, {@code telegram.token},
 * {@code smtp.password}, {@code console.password}.
 */
public final class SecretStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private final Path db;
    private final SecretBox box;

    public SecretStore(Path db, SecretBox box) {
        this.db = db;
        this.box = box;
        try {
            Files.createDirectories(db.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SecretException("cannot create the folder of " + db + ": " + e.getMessage(), e);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL, "
                    + "updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))");
        } catch (SQLException e) {
            throw new SecretException("cannot open the secrets table in " + db + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return tradebook.live.Db.connect(db);
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SecretException("bad secret name '" + name + "': use letters, digits, '.', '_' or '-' (e.g. telegram.token)");
        }
        return name;
    }

    public void put(String name, String plain) {
        checkName(name);
        String enc = box.encrypt(plain);
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO secrets(name, value) VALUES(?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value, "
                        + "updated = strftime('%Y-%m-%dT%H:%M:%SZ','now')")) {
            p.setString(1, name);
            p.setString(2, enc);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new SecretException("cannot store the secret '" + name + "' in " + db + ": " + e.getMessage(), e);
        }
    }

    public Optional<String> get(String name) {
        checkName(name);
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("SELECT value FROM secrets WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) return Optional.empty();
                try {
                    return Optional.of(box.decrypt(r.getString(1)));
                } catch (SecretException e) {
                    throw new SecretException("secret '" + name + "' in " + db + ": " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new SecretException("cannot read the secret '" + name + "' from " + db + ": " + e.getMessage(), e);
        }
    }

    /** The secret, or a clear error naming how to set it. */
    public String require(String name) {
        return get(name).orElseThrow(() -> new SecretException("no secret '" + name + "' in " + db
                + " (set it with: ./tradebook secret set " + name + ")"));
    }

    public boolean delete(String name) {
        checkName(name);
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("DELETE FROM secrets WHERE name = ?")) {
            p.setString(1, name);
            return p.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new SecretException("cannot delete the secret '" + name + "' from " + db + ": " + e.getMessage(), e);
        }
    }

    public List<String> names() {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name FROM secrets ORDER BY name")) {
            while (r.next()) out.add(r.getString(1));
        } catch (SQLException e) {
            throw new SecretException("cannot list the secrets in " + db + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Loads every stored secret once so the {@link Masker} knows them all (call at start of a process that logs). */
    public void registerAllWithMasker() {
        for (String n : names()) get(n);
    }

    public Path database() {
        return db;
    }
}
