package tradebook.live.secret;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces known secrets with {@code ****} in any text: log records, CLI output, exception
 * messages, web pages. Every secret the process decrypts or is given is registered here, so a
 * value that made it into memory cannot leak through an output that goes through the masker.
 */
public final class Masker {
    public static final String MASK = "****";
    /** Shorter strings are not masked: masking "1" or "ab" would garble every text. */
    static final int MIN_LENGTH = 4;
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Masker() {}

    /** Remembers a secret (and its URL-encoded form, as it would appear in a URL such as Telegram's). */
    public static void register(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) return;
        SECRETS.add(secret);
        String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
        if (!encoded.equals(secret)) SECRETS.add(encoded);
    }

    /** The text with every known secret replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || SECRETS.isEmpty()) return text;
        // longest first: a secret that contains another is masked whole
        List<String> all = SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String out = text;
        for (String s : all) {
            if (out.contains(s)) out = out.replace(s, MASK);
        }
        return out;
    }

    /** A throwable's message chain as one masked line, for logs and error pages (no stack trace). */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && sb.length() < 2000; c = c.getCause()) {
            if (sb.length() > 0) sb.append(" <- ");
            String m = c.getMessage();
            sb.append(m == null || m.isBlank() ? c.getClass().getSimpleName() : m);
            if (c.getCause() == c) break;
        }
        return mask(sb.toString());
    }

    /** For tests: forget every secret. */
    static void clearForTests() {
        SECRETS.clear();
    }
}
