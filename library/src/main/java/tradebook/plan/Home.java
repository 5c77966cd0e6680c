package tradebook.plan;

import java.nio.file.Path;

/** Where trading state lives: {@code $TRADEBOOK_HOME} (a system property {@code tradebook.home} wins, for tests), else {@code ~/.tradebook}. */
public final class Home {
    private Home() {}

    public static Path dir() {
        String p = System.getProperty("tradebook.home");
        if (p == null || p.isBlank()) p = System.getenv("TRADEBOOK_HOME");
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".tradebook");
    }

    /** The SQLite store: {@code <home>/tradebook.db}. */
    public static Path database() {
        return dir().resolve("tradebook.db");
    }
}
