package tradebook.kernel;

import java.util.List;

/**
 * A cell failed in a way the user should read: the traceback lines are already formatted.
 * Jupyter's {@code ename} is the simple class name, hence one small subclass per kind.
 */
public class CellError extends Exception {
    private final List<String> traceback;

    public CellError(String message, List<String> traceback) {
        super(message, null, false, false);
        this.traceback = List.copyOf(traceback);
    }

    public List<String> traceback() {
        return traceback;
    }

    /** javac rejected a snippet. */
    public static final class CompileError extends CellError {
        public CompileError(String message, List<String> traceback) { super(message, traceback); }
    }

    /** User code threw. */
    public static final class UserException extends CellError {
        public UserException(String message, List<String> traceback) { super(message, traceback); }
    }

    /** The cell was interrupted. */
    public static final class Interrupted extends CellError {
        public Interrupted(String message, List<String> traceback) { super(message, traceback); }
    }

    /** A magic could not run. */
    public static final class MagicError extends CellError {
        public MagicError(String message) { super(message, List.of(Ansi.red("MagicError: ") + message)); }
    }
}
