package tradebook.live.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import tradebook.live.LiveLog;
import tradebook.live.Settings;
import tradebook.live.secret.SecretStore;

/**
 * Builds the channels from the settings and secrets: Telegram when {@code telegram.chat_id} and
 * the secret {@code telegram.token} exist ({@code telegram.url} overrides the API's base URL);
 * e-mail when {@code smtp.host} and {@code smtp.to} exist ({@code smtp.port}, {@code smtp.user},
 * {@code smtp.from}, {@code smtp.security}, {@code smtp.trust}, secret {@code smtp.password}). A channel whose
 * settings are broken is left out with a warning, so notifications never stop a run.
 */
public final class NotifySetup {
    private static final Logger LOG = LiveLog.get(NotifySetup.class);

    private NotifySetup() {}

    public static Notifications from(Settings settings, SecretStore secrets) {
        List<Notifier> out = new ArrayList<>();
        try {
            var chat = settings.get("telegram.chat_id");
            var token = secrets.get("telegram.token");
            if (chat.isPresent() && token.isPresent()) {
                out.add(new TelegramNotifier(settings.get("telegram.url").orElse(null), token.get(), chat.get(), Duration.ofSeconds(10)));
            } else if (chat.isPresent() || token.isPresent()) {
                LOG.warning("Telegram is half set up: it needs both the setting telegram.chat_id and the secret telegram.token");
            }
        } catch (RuntimeException e) {
            LOG.warning("Telegram notifications are off: " + e.getMessage());
        }
        try {
            var host = settings.get("smtp.host");
            if (host.isPresent()) {
                int port;
                String ps = settings.get("smtp.port").orElse("587");
                try {
                    port = Integer.parseInt(ps.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("setting smtp.port is not a number: '" + ps + "'");
                }
                out.add(new EmailNotifier(new EmailNotifier.Settings(host.get(), port, settings.get("smtp.user").orElse(null),
                        secrets.get("smtp.password").orElse(null), settings.get("smtp.from").orElse(null),
                        settings.get("smtp.to").orElse(null), settings.get("smtp.security").orElse(null), 0,
                        settings.get("smtp.trust").orElse(null))));
            }
        } catch (RuntimeException e) {
            LOG.warning("e-mail notifications are off: " + e.getMessage());
        }
        return new Notifications(out);
    }
}
