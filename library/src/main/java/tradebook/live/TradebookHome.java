package tradebook.live;

import java.nio.file.Path;

/** Where trading state lives: {@code $TRADEBOOK_HOME}, else {@code ~/.tradebook} (DESIGN.md, "Data and state"). */
public final class TradebookHome {
    private TradebookHome() {}

    public static Path dir() {
        String home = System.getenv("TRADEBOOK_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".tradebook");
    }
}
