package tradebook.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import tradebook.live.secret.Masker;

/**
 * Logging of the live-trading parts (java.util.logging under the logger {@code tradebook.live}).
 * Every line goes through the {@link Masker}, so a secret that reaches a message or an exception
 * is written as {@code ****}. {@link #toFile(Path)} adds a log file (e.g. {@code $TRADEBOOK_HOME/logs/live.log}).
 */
public final class LiveLog {
    public static final String ROOT = "tradebook.live";
    private static FileHandler fileHandler;
    /** Held strongly (JUL keeps loggers weakly) and cut off from the JVM's unmasked root console handler. */
    private static final Logger LIVE = Logger.getLogger(ROOT);

    static {
        LIVE.setUseParentHandlers(false);
        Handler console = new java.util.logging.StreamHandler(System.err, new MaskingFormatter()) {
            @Override public synchronized void publish(LogRecord r) {
                super.publish(r);
                flush();
            }
        };
        console.setLevel(Level.WARNING);
        LIVE.addHandler(console);
    }

    private LiveLog() {}

    public static Logger get(Class<?> c) {
        return Logger.getLogger(c.getName().startsWith(ROOT) ? c.getName() : ROOT + "." + c.getSimpleName());
    }

    /** One line per record: time, level, logger, masked message, masked cause chain (no stack trace). */
    public static final class MaskingFormatter extends Formatter {
        @Override public String format(LogRecord r) {
            String msg = formatMessage(r);
            StringBuilder sb = new StringBuilder()
                    .append(Instant.ofEpochMilli(r.getMillis())).append(' ')
                    .append(r.getLevel().getName()).append(' ')
                    .append(r.getLoggerName().replace(ROOT + ".", "")).append(": ")
                    .append(msg);
            if (r.getThrown() != null) sb.append(" [").append(Masker.describe(r.getThrown())).append(']');
            return Masker.mask(sb.toString()) + System.lineSeparator();
        }
    }

    /** Sends the live loggers' records to {@code file} (appending), masked; replaces a previous file. */
    public static synchronized Path toFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Logger root = LIVE;
            if (fileHandler != null) {
                root.removeHandler(fileHandler);
                fileHandler.close();
            }
            fileHandler = new FileHandler(file.toAbsolutePath().toString(), true);
            fileHandler.setFormatter(new MaskingFormatter());
            fileHandler.setLevel(Level.ALL);
            root.addHandler(fileHandler);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open the log file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Masks the JVM's console handlers too (records printed to stderr by the root logger). */
    public static void maskConsole() {
        for (Handler h : Logger.getLogger("").getHandlers()) h.setFormatter(new MaskingFormatter());
    }

    public static synchronized void closeFile() {
        if (fileHandler != null) {
            Logger.getLogger(ROOT).removeHandler(fileHandler);
            fileHandler.close();
            fileHandler = null;
        }
    }
}
