package tradebook.live.ib;

import java.time.Duration;

/**
 * Where and how to reach the Client Portal gateway.
 *
 * @param baseUrl      default {@value #DEFAULT_BASE_URL}
 * @param trust        how to trust the gateway's certificate (ignored for http:// URLs)
 * @param timeout      per request
 * @param maxReplies   how many "reply" confirmations one order may need before we give up
 * @param reauthPolls  how often to ask {@code /iserver/auth/status} after {@code /iserver/reauthenticate}
 * @param reauthPause  the pause between those polls
 */
public record IbConfig(String baseUrl, GatewayTrust trust, Duration timeout, int maxReplies, int reauthPolls, Duration reauthPause) {
    public static final String DEFAULT_BASE_URL = "https://localhost:5000/v1/api";

    public IbConfig {
        if (baseUrl == null || baseUrl.isBlank()) baseUrl = DEFAULT_BASE_URL;
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            throw new IllegalArgumentException("IB gateway base URL must start with https:// or http://, not '" + baseUrl + "'");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (trust == null) trust = GatewayTrust.system();
        if (timeout == null) timeout = Duration.ofSeconds(15);
        if (maxReplies <= 0) maxReplies = 5;
        if (reauthPolls <= 0) reauthPolls = 10;
        if (reauthPause == null) reauthPause = Duration.ofSeconds(1);
    }

    public static IbConfig of(String baseUrl, GatewayTrust trust) {
        return new IbConfig(baseUrl, trust, null, 0, 0, null);
    }

    public IbConfig withTimeout(Duration t) {
        return new IbConfig(baseUrl, trust, t, maxReplies, reauthPolls, reauthPause);
    }

    public IbConfig withReauth(int polls, Duration pause) {
        return new IbConfig(baseUrl, trust, timeout, maxReplies, polls, pause);
    }
}
