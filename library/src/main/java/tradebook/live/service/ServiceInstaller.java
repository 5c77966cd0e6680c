package tradebook.live.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The scheduler as a systemd user service: writes
 * {@code ~/.config/systemd/user/tradebook-scheduler.service} (or under {@code $XDG_CONFIG_HOME}),
 * which runs {@code ./tradebook scheduler} and restarts it when it crashes. Enabling is left to
 * the user (printed instructions): installing never starts anything behind their back.
 */
public final class ServiceInstaller {
    public static final String UNIT = "tradebook-scheduler.service";

    private ServiceInstaller() {}

    /** Where the unit goes for this user. */
    public static Path unitFile(Path userHome, Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : userHome.resolve(".config");
        return config.resolve("systemd").resolve("user").resolve(UNIT);
    }

    /** The unit's text: the launcher's absolute path, the trading home, restart on failure. */
    public static String unit(Path launcher, Path tradebookHome) {
        if (!launcher.isAbsolute()) throw new IllegalArgumentException("service: the launcher path must be absolute, not " + launcher);
        return String.join("\n",
                "# Written by ./tradebook service install. Remove with ./tradebook service uninstall.",
                "[Unit]",
                "Description=Tradebook trade-plan scheduler",
                "After=network-online.target",
                "Wants=network-online.target",
                "",
                "[Service]",
                "Type=simple",
                "WorkingDirectory=" + escape(launcher.getParent().toString()),
                "Environment=" + quote("TRADEBOOK_HOME=" + tradebookHome),
                "ExecStart=" + quote(launcher.toString()) + " scheduler",
                "Restart=on-failure",
                "RestartSec=30",
                "# the key for encrypted secrets stays in $TRADEBOOK_HOME/secret.key (0600), never in this file",
                "",
                "[Install]",
                "WantedBy=default.target",
                "");
    }

    /** systemd expands '%' specifiers: a literal one is written "%%". */
    static String escape(String s) {
        return s.replace("%", "%%");
    }

    /** A quoted word for ExecStart/Environment: '%' doubled, '"' and '\' escaped. */
    static String quote(String s) {
        return "\"" + escape(s).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Writes the unit (replacing an older one); returns its path. */
    public static Path install(Path userHome, Map<String, String> env, Path launcher, Path tradebookHome) {
        Path f = unitFile(userHome, env);
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, unit(launcher, tradebookHome));
            return f;
        } catch (IOException e) {
            throw new IllegalStateException("service: cannot write " + f + ": " + e.getMessage(), e);
        }
    }

    public static boolean uninstall(Path userHome, Map<String, String> env) {
        try {
            return Files.deleteIfExists(unitFile(userHome, env));
        } catch (IOException e) {
            throw new IllegalStateException("service: cannot remove " + unitFile(userHome, env) + ": " + e.getMessage(), e);
        }
    }

    /** What to run next, printed after install. */
    public static String instructions(Path unit) {
        return String.join("\n",
                "Wrote " + unit,
                "Enable and start it (and again after each update of the file):",
                "  systemctl --user daemon-reload",
                "  systemctl --user enable --now " + UNIT,
                "Keep it running while you are logged out:",
                "  loginctl enable-linger $USER",
                "Watch it:",
                "  systemctl --user status " + UNIT,
                "  journalctl --user -u " + UNIT + " -f");
    }
}
