package tradebook.live.secret;

/** A secret cannot be read, written or decrypted; the message says which and where (never the secret). */
public class SecretException extends RuntimeException {
    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
