package tradebook.live.notify;

/** One message to the user: what happened ({@link Kind}), a one-line title and a short body. */
public record Notice(Kind kind, String title, String body) {
    public enum Kind { RUN_FINISHED, ORDERS_PLACED, ERROR }

    /** Title and body as one plain text. */
    public String text() {
        return body == null || body.isBlank() ? title : title + "\n" + body;
    }
}
