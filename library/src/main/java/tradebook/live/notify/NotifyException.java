package tradebook.live.notify;

import tradebook.live.secret.Masker;

/** A channel could not deliver; the message names the channel and the endpoint (secrets masked). */
public class NotifyException extends Exception {
    public NotifyException(String message) {
        super(Masker.mask(message));
    }

    public NotifyException(String message, Throwable cause) {
        super(Masker.mask(message), cause);
    }
}
