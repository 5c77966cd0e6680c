package tradebook.live.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The systemd user unit, written under a temporary HOME (systemctl is never called). */
class ServiceInstallerTest {
    @TempDir Path home;

    @Test
    void unitFileRunsTheSchedulerAndRestartsItOnFailure() throws Exception {
        Path launcher = Path.of("/opt/trade book/tradebook"), tbHome = home.resolve(".tradebook");
        Path unit = ServiceInstaller.install(home, Map.of(), launcher, tbHome);
        assertEquals(home.resolve(".config/systemd/user/tradebook-scheduler.service"), unit);
        String text = Files.readString(unit);
        assertTrue(text.contains("\n[Service]\nType=simple\n"), text);
        assertTrue(text.contains("\nExecStart=\"/opt/trade book/tradebook\" scheduler\n"), text);
        assertTrue(text.contains("\nRestart=on-failure\n"), text);
        assertTrue(text.contains("\nEnvironment=\"TRADEBOOK_HOME=" + tbHome + "\"\n"), text);
        assertTrue(text.contains("\nWorkingDirectory=/opt/trade book\n"), text);
        assertTrue(text.contains("\n[Install]\nWantedBy=default.target\n"), text);
        assertFalse(text.contains("TRADEBOOK_KEY="), "no secret in the unit");
        String how = ServiceInstaller.instructions(unit);
        assertTrue(how.contains("systemctl --user enable --now tradebook-scheduler.service") && how.contains("loginctl enable-linger"), how);
        assertTrue(ServiceInstaller.uninstall(home, Map.of()));
        assertFalse(Files.exists(unit));
        assertFalse(ServiceInstaller.uninstall(home, Map.of()));
    }

    @Test
    void xdgConfigHomeAndSystemdSpecifiersAreHonoured() throws Exception {
        Path xdg = home.resolve("cfg");
        Path unit = ServiceInstaller.install(home, Map.of("XDG_CONFIG_HOME", xdg.toString()), Path.of("/srv/100%/tradebook"), Path.of("/data/tb"));
        assertEquals(xdg.resolve("systemd/user/tradebook-scheduler.service"), unit);
        assertTrue(Files.readString(unit).contains("ExecStart=\"/srv/100%%/tradebook\" scheduler"), "a literal % is written %%");
        assertThrows(IllegalArgumentException.class, () -> ServiceInstaller.unit(Path.of("tradebook"), Path.of("/x")));
    }
}
