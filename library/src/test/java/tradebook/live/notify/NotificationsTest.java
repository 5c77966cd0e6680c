package tradebook.live.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tradebook.live.LiveLog;
import tradebook.live.Settings;
import tradebook.live.secret.SecretBox;
import tradebook.live.secret.SecretStore;
import tradebook.plan.EntryType;
import tradebook.plan.PlanOrder;

/** Telegram against a local HTTP server standing in for the Bot API; e-mail against GreenMail's local SMTP server. */
class NotificationsTest {
    static final String TOKEN = "987654:AAE-known-bot-token";
    static final String STATS = "{\"Return [%]\": 3.2145, \"# Trades\": 5, \"Equity Final [$]\": 10321.45, \"Sharpe Ratio\": 0.8}";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path home;
    HttpServer telegram;
    final List<String> paths = new CopyOnWriteArrayList<>();
    final List<JsonObject> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startTelegram() throws Exception {
        telegram = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        telegram.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            paths.add(path);
            bodies.add(JsonParser.parseString(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject());
            boolean ok = path.equals("/bot" + TOKEN + "/sendMessage");
            String body = ok ? "{\"ok\":true,\"result\":{\"message_id\":42,\"chat\":{\"id\":1234,\"type\":\"private\"},\"date\":1704402000,\"text\":\"...\"}}"
                    : "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(ok ? 200 : 401, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        telegram.start();
    }

    @AfterEach
    void stop() {
        telegram.stop(0);
    }

    String tgUrl() {
        return "http://127.0.0.1:" + telegram.getAddress().getPort();
    }

    static PlanOrder order(String ticker, double size) {
        return new PlanOrder("a1b2c3d4e5f6a7b8c9d0", 1, "sma", "run-1", ticker, size, EntryType.TOC, Double.NaN, Double.NaN,
                LocalDateTime.of(2024, 1, 4, 0, 0), LocalDate.of(2024, 1, 4), PlanOrder.SUBMITTED, "ib", "1876420317", null);
    }

    @Test
    void statsSummaryAndOrderTexts() {
        assertEquals("return +3.21% · 5 trades · equity $10,321.45", Notices.summary(STATS));
        assertEquals("no stats", Notices.summary(null));
        Notice n = Notices.ordersPlaced("sma", List.of(order("AAPL", 10), order("MSFT", -2.5)));
        assertEquals("Tradebook: plan sma placed 2 order(s)", n.title());
        assertTrue(n.body().contains("BUY 10 AAPL (TOC, order a1b2c3d4e5f6a7b8c9d0 at ib)"), n.body());
        assertTrue(n.body().contains("SELL 2.5 MSFT"), n.body());
    }

    @Test
    void telegramSendsTheRunSummaryToTheChat() throws Exception {
        new TelegramNotifier(tgUrl(), TOKEN, "1234", Duration.ofSeconds(5)).send(Notices.runFinished("sma", "sma-20240104", "ok", STATS));
        assertEquals(List.of("/bot" + TOKEN + "/sendMessage"), paths);
        assertEquals("1234", bodies.get(0).get("chat_id").getAsString());
        String text = bodies.get(0).get("text").getAsString();
        assertTrue(text.startsWith("Tradebook: plan sma run ok\nrun sma-20240104\nreturn +3.21% · 5 trades · equity $10,321.45"), text);
    }

    @Test
    void emailGoesThroughSmtp() throws Exception {
        EmailNotifier mail = new EmailNotifier(new EmailNotifier.Settings("127.0.0.1", smtp.getSmtp().getPort(), null, null,
                "tradebook@example.test", "me@example.test", "none", 5000, null));
        mail.send(Notices.ordersPlaced("sma", List.of(order("AAPL", 10))));
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("Tradebook: plan sma placed 1 order(s)", m.getSubject());
        assertEquals("me@example.test", m.getAllRecipients()[0].toString());
        assertTrue(m.getContent().toString().contains("BUY 10 AAPL"), m.getContent().toString());
    }

    @Test
    void emailWithLoginUsesTheStoredPassword() throws Exception {
        smtp.setUser("me@example.test", "smtp-Known-Passw0rd");
        Path db = home.resolve("tradebook.db");
        Settings settings = new Settings(db);
        SecretStore secrets = new SecretStore(db, SecretBox.open(home, Map.of()));
        settings.put("smtp.host", "127.0.0.1");
        settings.put("smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        settings.put("smtp.user", "me@example.test");
        settings.put("smtp.to", "me@example.test");
        settings.put("smtp.security", "none");
        secrets.put("smtp.password", "smtp-Known-Passw0rd");
        settings.put("telegram.chat_id", "1234");
        settings.put("telegram.url", tgUrl());
        secrets.put("telegram.token", TOKEN);
        Notifications n = NotifySetup.from(settings, secrets);
        assertEquals(List.of("telegram", "email"), n.channels().stream().map(Notifier::name).toList());
        assertEquals(List.of("telegram: sent", "email: sent"), n.send(Notices.error("sma", "data fetch failed", new RuntimeException("HTTP 429"))));
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        assertTrue(smtp.getReceivedMessages()[0].getSubject().contains("data fetch failed"));
        assertFalse(Files.readString(db, StandardCharsets.ISO_8859_1).contains("smtp-Known-Passw0rd"));
    }

    @Test
    void aFailingChannelIsLoggedMaskedAndNeverThrows() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Notifier badToken = new TelegramNotifier(tgUrl(), "111111:WRONG-known-token", "1234", Duration.ofSeconds(5));
        Notifier noSmtp = new EmailNotifier(new EmailNotifier.Settings("127.0.0.1", closedPort, null, null, null, "me@example.test", "none", 2000, null));
        Notifier good = new TelegramNotifier(tgUrl(), TOKEN, "1234", Duration.ofSeconds(5));
        Notifier throwsError = new Notifier() {
            @Override public String name() {
                return "broken";
            }

            @Override public void send(Notice n) {
                throw new NoClassDefFoundError("jakarta/mail/Session");
            }
        };
        Path log = LiveLog.toFile(home.resolve("live.log"));
        List<String> result;
        try {
            result = new Notifications(List.of(badToken, noSmtp, throwsError, good)).send(Notices.runFinished("sma", "r1", "ok", STATS));
        } finally {
            LiveLog.closeFile();
        }
        assertEquals(4, result.size(), result.toString());
        assertTrue(result.get(0).startsWith("telegram: failed: Telegram: POST " + tgUrl() + "/bot****/sendMessage answered HTTP 401: Unauthorized (check the bot token"), result.get(0));
        assertTrue(result.get(1).startsWith("email: failed: e-mail: sending through 127.0.0.1:" + closedPort), result.get(1));
        assertTrue(result.get(2).startsWith("broken: failed"), result.get(2));
        assertEquals("telegram: sent", result.get(3), "the channels after a failed one still run");
        String logText = Files.readString(log);
        assertTrue(logText.contains("via telegram failed"), logText);
        assertFalse(logText.contains("WRONG-known-token"), logText);
    }
}
