package tradebook.live.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.live.LiveLog;

/** Writes known secrets through the store and the log paths, then greps the raw bytes of the SQLite file(s) and the log. */
class SecretLeakTest {
    @TempDir Path home;

    static boolean contains(byte[] hay, String needle) {
        return new String(hay, StandardCharsets.ISO_8859_1).contains(needle)
                || new String(hay, StandardCharsets.UTF_16LE).contains(needle) || new String(hay, StandardCharsets.UTF_16BE).contains(needle);
    }

    @Test
    void secretsNeverReachTheDatabaseFileOrTheLogs() throws Exception {
        String password = "IbPassw0rd-Known-Secret", token = "123456:AAH-telegram-bot-token-xyz";
        Path db = home.resolve("tradebook.db");
        SecretStore store = new SecretStore(db, SecretBox.open(home, Map.of()));
        store.put("ib.password", password);
        store.put("telegram.token", token);
        store.put("ib.password", password + "-rotated");     // an update must not leave the old value behind either
        assertEquals(password + "-rotated", store.get("ib.password").orElseThrow());
        assertEquals(token, new SecretStore(db, SecretBox.open(home, Map.of())).require("telegram.token"));

        Path log = LiveLog.toFile(home.resolve("logs/live.log"));
        try {
            Logger l = LiveLog.get(SecretLeakTest.class);
            l.info("connecting with password " + password + "-rotated");
            l.log(Level.WARNING, "sendMessage failed", new RuntimeException("POST https://api.telegram.org/bot" + token + "/sendMessage: 401"));
        } finally {
            LiveLog.closeFile();
        }
        String logText = Files.readString(log);
        assertTrue(logText.contains("connecting with password ****"), logText);
        assertTrue(logText.contains("/bot****/sendMessage"), logText);

        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] bytes = Files.readAllBytes(f);
                for (String s : new String[] {password, token, "IbPassw0rd", "telegram-bot-token"}) {
                    assertFalse(contains(bytes, s), s + " found in " + f);
                }
            }
        }
        assertTrue(contains(Files.readAllBytes(db), "enc:v1:"), "the encrypted form is what the file holds");
    }

    /** The real paths: secrets set as the CLI does, a plan run whose notifications fail (token in the URL), logs to a file; then grep everything. */
    @Test
    void aRunWithFailingNotificationsLeavesNoSecretInTheStoreOrTheLogs() throws Exception {
        String token = "777777:AAH-Known-Leak-Token", smtpPw = "smtp-Known-Leak-Pw";
        Path db = home.resolve("tradebook.db");
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (tradebook.plan.Store store = tradebook.plan.Store.open(db)) {
            SecretStore secrets = new SecretStore(db, SecretBox.open(home, Map.of()));
            tradebook.live.Settings settings = new tradebook.live.Settings(db);
            secrets.put("telegram.token", token);
            secrets.put("smtp.password", smtpPw);
            settings.put("telegram.chat_id", "1");
            settings.put("telegram.url", "http://127.0.0.1:" + closed);
            settings.put("smtp.host", "127.0.0.1");
            settings.put("smtp.port", String.valueOf(closed));
            settings.put("smtp.user", "me");
            settings.put("smtp.to", "me@example.test");
            settings.put("smtp.security", "none");
            var sp = store.savePlan(tradebook.live.testing.PlanFixtures.buyEveryBar("leak", "paper").build(), "test", true);
            Path log = LiveLog.toFile(home.resolve("logs/live.log"));
            tradebook.plan.PlanRunner.Result r;
            try {
                var n = tradebook.live.notify.NotifySetup.from(settings, secrets);
                assertEquals(2, n.channels().size());
                r = new tradebook.live.notify.RunNotifier(new tradebook.plan.PlanRunner(store, tradebook.live.testing.PlanFixtures.DJIA_END), n)
                        .run(sp, tradebook.plan.PlanRunner.Options.normal());
            } finally {
                LiveLog.closeFile();
            }
            assertTrue(r.ok(), r.toString());
            String logText = Files.readString(log);
            assertTrue(logText.contains("via telegram failed") && logText.contains("via email failed"), logText);
            assertTrue(logText.contains("/bot****/sendMessage"), logText);
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] bytes = Files.readAllBytes(f);
                for (String s : new String[] {token, smtpPw, "Known-Leak"}) assertFalse(contains(bytes, s), s + " found in " + f);
            }
        }
    }
}
