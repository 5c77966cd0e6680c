package tradebook.live.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.live.notify.Notifications;
import tradebook.live.testing.PlanFixtures;
import tradebook.plan.Store;

/** Abuse: no session, no CSRF token, a foreign Host, a wrong password, malformed fills: all refused, nothing changed. */
class ConsoleSecurityTest {
    @TempDir Path home;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String cookie, String... kv) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cookieOf(HttpResponse<?> r) {
        String sc = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no Set-Cookie"));
        return sc.substring(0, sc.indexOf(';'));
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "a CSRF field in the page");
        return m.group(1);
    }

    boolean enabled(Path db) {
        try (Store s = Store.open(db)) {
            return s.plan("buy-daily").orElseThrow().enabled();
        }
    }

    int fills(ConsoleFixture fx) {
        try (Store s = Store.open(fx.db)) {
            return s.fills(fx.order.planId()).size();
        }
    }

    @Test
    void beyondLoopbackWithoutAPasswordTheConsoleDoesNotStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Console.start(new Console.Options("0.0.0.0", 0,
                home.resolve("tradebook.db"), null, false, PlanFixtures.DJIA_END, Notifications.none())));
        assertTrue(e.getMessage().contains("bound to 0.0.0.0 (beyond this machine) it needs a login password"), e.getMessage());
    }

    @Test
    void withLoginEveryRequestWithoutASessionIsRefused() throws Exception {
        try (ConsoleFixture fx = new ConsoleFixture(home, "console-Known-Pw1", true)) {
            String base = fx.base();
            assertTrue(fx.console.loginRequired());
            HttpResponse<String> r = get(base + "/", null);
            assertEquals(303, r.statusCode());
            assertEquals("/login", r.headers().firstValue("Location").orElse(""));
            assertFalse(r.body().contains("buy-daily"));
            r = get(base + "/plan/buy-daily", null);
            assertEquals(303, r.statusCode(), "a plan page needs a session too");
            r = post(base + "/plan/buy-daily/disable", null, "csrf", "x");
            assertEquals(403, r.statusCode());
            r = post(base + "/fill", "tb_session=forged-session-id", "order", fx.order.id(), "price", "10", "csrf", "x");
            assertEquals(403, r.statusCode());
            assertTrue(enabled(fx.db), "nothing changed");
            assertEquals(0, fills(fx));

            // the login form carries a pre-login session and CSRF token; a wrong password is refused
            HttpResponse<String> form = get(base + "/login", null);
            assertEquals(200, form.statusCode());
            String pre = cookieOf(form), csrf = csrfOf(form.body());
            r = post(base + "/login", pre, "csrf", csrf, "password", "guess");
            assertEquals(401, r.statusCode());
            assertTrue(r.body().contains("Wrong password."));
            r = post(base + "/login", pre, "csrf", "wrong", "password", "console-Known-Pw1");
            assertEquals(403, r.statusCode(), "login form without its CSRF token");
            assertEquals(303, get(base + "/", pre).statusCode(), "a pre-login session opens nothing");

            r = post(base + "/login", pre, "csrf", csrf, "password", "console-Known-Pw1");
            assertEquals(303, r.statusCode());
            String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
            String session = cookieOf(r);
            assertFalse(session.equals(pre), "a new session id after login");
            HttpResponse<String> page = get(base + "/", session);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("buy-daily"));
            assertFalse(page.body().contains("console-Known-Pw1"));
            String token = csrfOf(page.body());
            assertEquals(403, post(base + "/plan/buy-daily/disable", session).statusCode(), "no CSRF token");
            assertTrue(enabled(fx.db));
            assertEquals(303, post(base + "/plan/buy-daily/disable", session, "csrf", token).statusCode());
            assertFalse(enabled(fx.db));

            assertEquals(303, post(base + "/logout", session, "csrf", token).statusCode());
            assertEquals(303, get(base + "/", session).statusCode(), "logged out");
        }
    }

    @Test
    void onLoopbackPostsNeedTheirSessionsTokenAndTheHostMustBeLocal() throws Exception {
        try (ConsoleFixture fx = new ConsoleFixture(home, null, false)) {
            String base = fx.base();
            assertEquals(403, post(base + "/plan/buy-daily/disable", null, "csrf", "x").statusCode(), "a cross-site POST has no session");
            HttpResponse<String> page = get(base + "/", null);
            assertEquals(200, page.statusCode());
            String cookie = cookieOf(page);
            assertEquals(403, post(base + "/plan/buy-daily/disable", cookie, "csrf", "guessed").statusCode());
            assertTrue(enabled(fx.db));

            // DNS rebinding: a page at evil.example resolving to 127.0.0.1 sends Host: evil.example
            try (Socket s = new Socket("127.0.0.1", fx.console.port())) {
                OutputStream o = s.getOutputStream();
                o.write(("GET / HTTP/1.1\r\nHost: evil.example:" + fx.console.port() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                o.flush();
                InputStream in = s.getInputStream();
                String resp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(resp.startsWith("HTTP/1.1 403"), resp);
                assertFalse(resp.contains("buy-daily"));
            }
        }
    }

    @Test
    void malformedFillsAreRejectedWithAMessageAndChangeNothing() throws Exception {
        try (ConsoleFixture fx = new ConsoleFixture(home, null, false)) {
            String base = fx.base();
            HttpResponse<String> page = get(base + "/plan/buy-daily", null);
            String cookie = cookieOf(page), csrf = csrfOf(page.body());
            String id = fx.order.id();
            List<String[]> bad = List.of(
                    new String[] {"order", id, "price", "abc"}, new String[] {"order", id, "price", "-5"},
                    new String[] {"order", id, "price", "NaN"}, new String[] {"order", id},
                    new String[] {"order", id, "price", "100", "size", "-1"}, new String[] {"order", id, "price", "100", "size", "5"},
                    new String[] {"order", id, "price", "100", "time", "yesterday"}, new String[] {"order", id, "price", "100", "time", "2999-01-01"},
                    new String[] {"order", id, "price", "100", "commission", "-1"},
                    new String[] {"order", "no-such-order", "price", "100"}, new String[] {"price", "100"},
                    new String[] {"order", "<script>alert(1)</script>", "price", "1"});
            String[] expect = {"price: 'abc' is not a number", "price: must be greater than 0", "price: 'NaN' is not a number", "price: missing",
                    "size: -1 does not fit order", "size: 5 does not fit order", "time: 'yesterday' is not a time", "is in the future",
                    "commission: must not be negative", "order no-such-order: no such order", "order: missing", "no such order"};
            for (int i = 0; i < bad.size(); i++) {
                String[] kv = new String[bad.get(i).length + 2];
                System.arraycopy(bad.get(i), 0, kv, 0, bad.get(i).length);
                kv[kv.length - 2] = "csrf";
                kv[kv.length - 1] = csrf;
                HttpResponse<String> r = post(base + "/fill", cookie, kv);
                assertEquals(400, r.statusCode(), String.join(",", bad.get(i)));
                assertTrue(r.body().contains(expect[i]), expect[i] + " in " + r.body());
                assertTrue(r.body().contains("Nothing was changed."));
                assertFalse(r.body().contains("<script>alert(1)</script>"), "escaped");
            }
            assertEquals(0, fills(fx), "no fill recorded");
            assertEquals(400, post(base + "/plan/buy-daily/explode", cookie, "csrf", csrf).statusCode());
            assertEquals(400, post(base + "/plan/nope/enable", cookie, "csrf", csrf).statusCode());
            assertEquals(404, get(base + "/plan/nope", cookie).statusCode());
            assertEquals(404, get(base + "/run/nope", cookie).statusCode());
            assertTrue(enabled(fx.db));
        }
    }
}
