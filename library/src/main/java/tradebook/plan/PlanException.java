package tradebook.plan;

/** A trade-plan problem a user can act on: the message names what is wrong, where, and what to do. */
public class PlanException extends RuntimeException {
    public PlanException(String message) {
        super(message);
    }

    public PlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
