package tradebook.data;

/** Bad price data: the message names the source, the row or bar, and what is wrong. */
public class DataException extends IllegalArgumentException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
