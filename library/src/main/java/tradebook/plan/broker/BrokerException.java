package tradebook.plan.broker;

/** A broker could not do what was asked; the message says why and, where it can, what to do. */
public class BrokerException extends Exception {
    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
