package tradebook.live.ib;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import tradebook.live.secret.SecretBox;
import tradebook.plan.Home;
import tradebook.plan.TradePlan;
import tradebook.plan.broker.Broker;
import tradebook.plan.broker.BrokerException;
import tradebook.plan.broker.BrokerFactory;

/**
 * The {@code ib} kind of broker account (found by ServiceLoader). Config JSON:
 * {@code {"url": "https://localhost:5000/v1/api", "account": "DU1234567", "trust": "system"|"gateway"|"pem",
 * "pem": "/path/gateway.pem", "timeoutSeconds": 15}}. Any value stored as {@code enc:v1:...} is
 * decrypted with the {@link SecretBox} key, so credentials never sit in the table in plain text.
 */
public final class IbBrokerFactory implements BrokerFactory {
    @Override public String kind() {
        return "ib";
    }

    @Override public Broker open(String alias, String configJson, TradePlan plan) throws BrokerException {
        try {
            return new IbBroker(new IbClient(config(alias, configJson, Home.dir())), value(parse(alias, configJson), "account", Home.dir()));
        } catch (IllegalArgumentException e) {
            throw new BrokerException("broker account '" + alias + "' (ib): " + e.getMessage(), e);
        }
    }

    static JsonObject parse(String alias, String json) {
        try {
            JsonElement e = JsonParser.parseString(json == null || json.isBlank() ? "{}" : json);
            if (!e.isJsonObject()) throw new IllegalArgumentException("config is not a JSON object");
            return e.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("config of broker account '" + alias + "' is not valid JSON: " + e.getMessage(), e);
        }
    }

    static String value(JsonObject o, String key, Path home) {
        if (!o.has(key) || o.get(key).isJsonNull()) return null;
        String v = o.get(key).getAsString();
        return SecretBox.isEncrypted(v) ? SecretBox.open(home).decrypt(v) : v;
    }

    public static IbConfig config(String alias, String configJson, Path home) {
        JsonObject o = parse(alias, configJson);
        String trust = value(o, "trust", home);
        GatewayTrust t;
        if (trust == null || trust.equals("system")) t = GatewayTrust.system();
        else if (trust.equals("gateway")) t = GatewayTrust.trustGatewayCertificate();
        else if (trust.equals("pem")) {
            String pem = value(o, "pem", home);
            if (pem == null) throw new IllegalArgumentException("trust is 'pem' but no \"pem\" file is given");
            t = GatewayTrust.pem(Path.of(pem));
        } else throw new IllegalArgumentException("\"trust\" must be system, gateway or pem, not '" + trust + "'");
        String timeout = value(o, "timeoutSeconds", home);
        Duration d;
        try {
            d = timeout == null ? null : Duration.ofSeconds(Long.parseLong(timeout));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"timeoutSeconds\" is not a whole number: '" + timeout + "'");
        }
        return new IbConfig(value(o, "url", home), t, d, 0, 0, null);
    }
}
