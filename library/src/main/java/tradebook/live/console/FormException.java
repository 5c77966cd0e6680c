package tradebook.live.console;

/** Bad form input: shown to the user with HTTP 400; nothing was changed. */
final class FormException extends RuntimeException {
    FormException(String message) {
        super(message);
    }
}
