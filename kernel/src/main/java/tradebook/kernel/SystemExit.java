package tradebook.kernel;

/**
 * What {@code System.exit(n)} in a cell calls instead (see {@link ExitPatcher}): it ends the
 * cell, not the kernel. Public because snippet classes call it.
 */
public final class SystemExit {
    private SystemExit() {}

    public static void exit(int status) {
        throw new ExitRequest(status);
    }

    /** Unwinds the cell; an Error so that {@code catch (Exception e)} in user code does not swallow it. */
    public static final class ExitRequest extends Error {
        private final int status;

        ExitRequest(int status) {
            super("System.exit(" + status + ") was called; the kernel keeps running (use Restart to start afresh)", null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
