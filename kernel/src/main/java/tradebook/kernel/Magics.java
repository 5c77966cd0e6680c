package tradebook.kernel;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The magic registry. A line magic is a line {@code %name args}; a cell magic is a cell whose
 * first line is {@code %%name args}. Packages add magics with {@link #register} (the trade-plan
 * package registers {@code promote}), either directly or from a {@link Provider} found with
 * {@link ServiceLoader} the first time an unknown magic is used.
 */
public final class Magics {
    /** Runs a magic. {@code body} is null for a line magic. Returns the cell's value, or {@link #NO_VALUE}. */
    @FunctionalInterface
    public interface Handler {
        Object run(Context ctx, String args, String body) throws Exception;
    }

    /** What a magic may do in the kernel. */
    public interface Context {
        /** Runs Java code as if it were a cell; returns the last expression's value or {@link #NO_VALUE}. */
        Object eval(String code) throws Exception;

        /** Shows an object as rich output. */
        void display(Object o);

        /** Shows a ready MIME bundle. */
        void display(Map<String, String> bundle);

        /** Adds a jar or class directory to the cell class path. */
        void addToClasspath(String path);

        List<String> classPath();

        PrintStream out();

        /**
         * The source of a class declared in an earlier cell (its latest declaration) with the
         * cells' imports, as one compilation unit; null when no cell declares it.
         */
        default String declarationSource(String className) {
            return null;
        }
    }

    /** A package's magics, registered on demand (META-INF/services/tradebook.kernel.Magics$Provider). */
    public interface Provider {
        void registerMagics();
    }

    /** A magic that shows nothing as the cell's result. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "(no value)";
        }
    };

    private static final Map<String, Handler> HANDLERS = new ConcurrentHashMap<>();
    private static final Map<String, String> HELP = new ConcurrentHashMap<>();
    private static volatile boolean providersLoaded;

    private Magics() {}

    public static void register(String name, Handler handler) {
        register(name, "", handler);
    }

    public static void register(String name, String help, Handler handler) {
        HANDLERS.put(name, handler);
        HELP.put(name, help);
    }

    static Handler lookup(String name) {
        Handler h = HANDLERS.get(name);
        if (h == null && !providersLoaded) {
            loadProviders();
            h = HANDLERS.get(name);
        }
        return h;
    }

    private static synchronized void loadProviders() {
        if (providersLoaded) return;
        providersLoaded = true;
        for (Provider p : ServiceLoader.load(Provider.class)) p.registerMagics();
    }

    static Map<String, String> help() {
        loadProviders(); // %lsmagic lists the providers' magics too
        return new TreeMap<>(HELP);
    }
}
