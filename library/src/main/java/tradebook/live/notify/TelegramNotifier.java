package tradebook.live.notify;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tradebook.live.secret.Masker;

/**
 * Telegram Bot API: {@code POST {base}/bot{token}/sendMessage} with {@code chat_id} and
 * {@code text}. The base URL is configurable (default {@value #DEFAULT_BASE_URL}) so tests use a
 * local server. The token is part of the URL, so it is registered with the {@link Masker}: no
 * error message or log shows it.
 */
public final class TelegramNotifier implements Notifier {
    public static final String DEFAULT_BASE_URL = "https://api.telegram.org";
    private static final int MAX_TEXT = 4096;   // Telegram's limit for one message
    private final String baseUrl, token, chatId;
    private final Duration timeout;
    private final HttpClient http;

    public TelegramNotifier(String baseUrl, String token, String chatId, Duration timeout) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException("Telegram: the bot token is empty (secret telegram.token)");
        if (chatId == null || chatId.isBlank()) throw new IllegalArgumentException("Telegram: the chat id is empty (setting telegram.chat_id)");
        Masker.register(token);
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.chatId = chatId;
        this.timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        this.http = HttpClient.newBuilder().connectTimeout(this.timeout).build();
    }

    @Override public String name() {
        return "telegram";
    }

    @Override public void send(Notice notice) throws NotifyException {
        String text = Masker.mask(notice.text());
        if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT - 3) + "...";
        JsonObject body = new JsonObject();
        body.addProperty("chat_id", chatId);
        body.addProperty("text", text);
        body.addProperty("disable_web_page_preview", true);
        String where = baseUrl + "/bot" + token + "/sendMessage";
        HttpRequest req = HttpRequest.newBuilder(URI.create(where)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NotifyException("Telegram: POST " + where + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotifyException("Telegram: interrupted while sending to " + where, e);
        }
        String desc = null;
        boolean ok = false;
        try {
            JsonElement e = JsonParser.parseString(resp.body());
            if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject();
                ok = o.has("ok") && o.get("ok").getAsBoolean();
                desc = o.has("description") ? o.get("description").getAsString() : null;
            }
        } catch (RuntimeException notJson) {
            desc = resp.body();
        }
        if (resp.statusCode() != 200 || !ok) {
            throw new NotifyException("Telegram: POST " + where + " answered HTTP " + resp.statusCode()
                    + (desc == null ? "" : ": " + desc) + hint(resp.statusCode()));
        }
    }

    private static String hint(int status) {
        switch (status) {
            case 401: case 404: return " (check the bot token: ./tradebook secret set telegram.token)";
            case 400: case 403: return " (check the chat id, and that the user has started a chat with the bot)";
            case 429: return " (rate limited by Telegram)";
            default: return "";
        }
    }
}
