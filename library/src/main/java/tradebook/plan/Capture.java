package tradebook.plan;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies what a run prints on System.out/err into its log while still printing it. Runs go one
 * at a time per process (the scheduler's rule), so swapping the global streams is safe here.
 */
final class Capture implements AutoCloseable {
    private final PrintStream oldOut = System.out, oldErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    Capture(boolean echo) {
        System.setOut(new PrintStream(tee(out, echo ? oldOut : null), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err, echo ? oldErr : null), true, StandardCharsets.UTF_8));
    }

    private static OutputStream tee(ByteArrayOutputStream a, OutputStream b) {
        return new OutputStream() {
            @Override public void write(int x) {
                a.write(x);
                if (b != null) try { b.write(x); } catch (java.io.IOException ignored) { /* the log copy is what counts */ }
            }

            @Override public void write(byte[] buf, int off, int len) {
                ((ByteArrayOutputStream) a).write(buf, off, len);
                if (b != null) try { b.write(buf, off, len); } catch (java.io.IOException ignored) { /* as above */ }
            }

            @Override public void flush() throws java.io.IOException {
                if (b != null) b.flush();
            }
        };
    }

    String out() {
        System.out.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        System.err.flush();
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(oldOut);
        System.setErr(oldErr);
    }
}
