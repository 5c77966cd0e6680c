package tradebook.live.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions in memory: a random id in an HttpOnly, SameSite=Strict cookie, and a CSRF
 * token per session that every form carries. A restart logs everyone out (nothing to leak on disk).
 */
final class Sessions {
    static final String COOKIE = "tb_session";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;

    /** One browser's session; {@code authenticated} is false for the pre-login session that carries the login form's CSRF token. */
    static final class Session {
        final String id = token(), csrf = token();
        final boolean authenticated;
        volatile Instant lastSeen = Instant.now();
        volatile String flash;

        Session(boolean authenticated) {
            this.authenticated = authenticated;
        }

        String id() {
            return id;
        }

        String csrf() {
            return csrf;
        }
    }

    Sessions(Duration idle) {
        this.idle = idle;
    }

    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    Session create(boolean authenticated) {
        if (sessions.size() > 10_000) sessions.values().removeIf(x -> x.lastSeen.plus(idle).isBefore(Instant.now()));
        Session s = new Session(authenticated);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session of a cookie header, or null (unknown or idle too long). */
    Session find(String cookieHeader) {
        String id = cookie(cookieHeader, COOKIE);
        if (id == null) return null;
        Session s = sessions.get(id);
        if (s == null) return null;
        if (s.lastSeen.plus(idle).isBefore(Instant.now())) {
            sessions.remove(id);
            return null;
        }
        s.lastSeen = Instant.now();
        return s;
    }

    void remove(Session s) {
        if (s != null) sessions.remove(s.id());
    }

    static String setCookie(Session s) {
        return COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict";
    }

    static String clearCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    static boolean same(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String cookie(String header, String name) {
        if (header == null) return null;
        for (String part : header.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equals(name)) return p.substring(eq + 1);
        }
        return null;
    }
}
