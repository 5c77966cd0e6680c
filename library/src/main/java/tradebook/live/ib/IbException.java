package tradebook.live.ib;

import tradebook.live.secret.Masker;

/**
 * A call to the Client Portal gateway failed. {@link #kind()} says how (so callers can react:
 * re-login, treat a duplicate as already placed, retry later); the message names the request,
 * the gateway URL and what IB said, masked of secrets.
 */
public class IbException extends RuntimeException {
    public enum Kind {
        /** the gateway has no brokerage session (log in through the gateway's page) */
        NOT_AUTHENTICATED,
        /** IB refused the order (the message has IB's reason) */
        REJECTED,
        /** IB already has an order with this client order id: it was placed before */
        DUPLICATE_ORDER_ID,
        /** no answer within the time limit */
        TIMEOUT,
        /** cannot connect to the gateway */
        UNREACHABLE,
        /** the gateway's TLS certificate is not trusted */
        CERTIFICATE,
        /** no such contract, order or account */
        NOT_FOUND,
        /** an HTTP error or an answer of an unexpected shape */
        BAD_RESPONSE
    }

    private final Kind kind;

    public IbException(Kind kind, String message) {
        this(kind, message, null);
    }

    public IbException(Kind kind, String message, Throwable cause) {
        super(Masker.mask(message), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
