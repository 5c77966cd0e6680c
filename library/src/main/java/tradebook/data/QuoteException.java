package tradebook.data;

/**
 * A quote service could not give the bars: unknown ticker, rate limit, HTTP error, unreachable
 * service, or a response that does not hold what it should. The message says which and what to do.
 */
public class QuoteException extends DataException {
    private final int status;
    private final boolean retryable;

    public QuoteException(String message, int status, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    /** The HTTP status, or 0 when there was none (network error, bad content). */
    public int status() {
        return status;
    }

    /** Whether trying again later may work (rate limit, server error, network). */
    public boolean retryable() {
        return retryable;
    }
}
