package tradebook.live.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.live.ib.FakeGateway;
import tradebook.plan.cli.Cli;

/** The live commands through the plans' picocli main (as ./tradebook runs them), with TRADEBOOK_HOME in a temp folder. */
class LiveCliTest {
    @TempDir Path home;
    String out, err;

    @BeforeEach
    void home() {
        System.setProperty("tradebook.home", home.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("tradebook.home");
        System.clearProperty("tradebook.launcher");
        System.clearProperty("tradebook.user.home");
    }

    int run(String stdin, String... args) {
        InputStream in = System.in;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            if (stdin != null) System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = Cli.run(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), args);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
            return code;
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void secretsAreStoredEncryptedAndNeverPrinted() throws Exception {
        assertEquals(0, run("tg-Known-Token-123456\n", "secret", "set", "telegram.token"), err);
        assertTrue(out.startsWith("secret telegram.token stored encrypted (key: " + home.resolve("secret.key")), out);
        assertEquals(0, run(null, "secret", "list"));
        assertEquals("telegram.token", out.strip());
        for (Path f : Files.list(home).toList()) {
            if (Files.isRegularFile(f)) assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("tg-Known-Token"), f.toString());
        }
        assertEquals(1, run("", "secret", "set", "smtp.password"));
        assertEquals("tradebook: secret smtp.password: no value given (type it, or pipe it in)", err.strip());
        assertEquals(1, run("x\n", "secret", "set", "bad name!"));
        assertTrue(err.contains("bad secret name 'bad name!'"), err);
    }

    @Test
    void settingsRefuseSecretsAndNotifyTestSaysWhatIsMissing() {
        assertEquals(1, run(null, "setting", "set", "smtp.password", "hunter2"));
        assertEquals("tradebook: 'smtp.password' is a secret: store it encrypted with ./tradebook secret set smtp.password", err.strip());
        assertEquals(0, run(null, "setting", "set", "telegram.chat_id", "1234"));
        assertEquals(0, run(null, "setting", "list"));
        assertEquals("telegram.chat_id = 1234", out.strip());
        assertEquals(1, run(null, "notify", "test"));
        assertTrue(out.startsWith("no channel configured"), out);
    }

    @Test
    void serviceInstallWritesTheUserUnit() throws Exception {
        System.setProperty("tradebook.user.home", home.toString());
        System.setProperty("tradebook.launcher", "/opt/tradebook/tradebook");
        assertEquals(0, run(null, "service", "install"), err);
        Path unit = home.resolve(".config/systemd/user/tradebook-scheduler.service");
        assertTrue(out.startsWith("Wrote " + unit), out);
        assertTrue(Files.readString(unit).contains("ExecStart=\"/opt/tradebook/tradebook\" scheduler\nRestart=on-failure"), Files.readString(unit));
        assertEquals(0, run(null, "service", "uninstall"));
        assertFalse(Files.exists(unit));
    }

    @Test
    void ibAccountAddCheckAndBadOptions() throws Exception {
        try (FakeGateway gw = new FakeGateway()) {
            assertEquals(0, run(null, "ib", "add", "ibkr", "--account", "DU1234567", "--url", gw.baseUrl()), err);
            assertEquals(0, run(null, "ib", "check", "ibkr"), err);
            assertEquals("OK: IB gateway " + gw.baseUrl() + " authenticated, account DU1234567", out.strip());
            assertEquals(1, run(null, "ib", "check", "paper"));
            assertEquals("tradebook: broker account 'paper' is of kind paper, not ib", err.strip());
            assertEquals(1, run(null, "ib", "add", "x", "--account", "DU1", "--trust", "sometimes"));
            assertTrue(err.contains("\"trust\" must be system, gateway or pem, not 'sometimes'"), err);
            gw.authenticated = false;
            gw.reauthWorks = false;
            assertEquals(1, run(null, "ib", "check", "ibkr"));
            assertTrue(err.contains("is not logged in") && err.contains("log in at"), err);
        }
    }

    @Test
    void badOptionsAreNamedWithoutAStackTrace() {
        assertEquals(1, run(null, "data", "download", "AAPL", "--from", "last year"));
        assertEquals("tradebook: --from 'last year': use YYYY-MM-DD", err.strip());
        assertEquals(1, run(null, "console", "--bind", "0.0.0.0", "--port", "0"));
        assertTrue(err.contains("bound to 0.0.0.0 (beyond this machine) it needs a login password"), err);
        assertFalse(err.contains("\tat "), "no stack trace");
        assertEquals(2, run(null, "console", "--port", "many"));
    }

    @Test
    void planRunFromTheCliAnnouncesThroughTelegram() throws Exception {
        java.util.List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer tg = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        tg.createContext("/", ex -> {
            got.add(ex.getRequestURI().getPath() + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] b = "{\"ok\":true,\"result\":{}}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        tg.start();
        try {
            try (tradebook.plan.Store store = tradebook.plan.Store.open(home.resolve("tradebook.db"))) {
                store.savePlan(tradebook.live.testing.PlanFixtures.buyEveryBar("cli-run", "paper").build(), "test", true);
            }
            assertEquals(0, run("777:cli-Known-Token\n", "secret", "set", "telegram.token"), err);
            assertEquals(0, run(null, "setting", "set", "telegram.chat_id", "99"), err);
            assertEquals(0, run(null, "setting", "set", "telegram.url", "http://127.0.0.1:" + tg.getAddress().getPort()), err);
            run(null, "plan", "run", "cli-run");
            assertTrue(got.size() >= 1, "a notice for the run: " + out + err);
            assertTrue(got.get(0).startsWith("/bot777:cli-Known-Token/sendMessage ") && got.get(0).contains("Tradebook: plan cli-run"), got.get(0));
            int before = got.size();
            run(null, "plan", "run", "cli-run", "--dry-run");
            assertEquals(before, got.size(), "a dry run sends nothing");
        } finally {
            tg.stop(0);
        }
    }
}
