package tradebook.kernel;

/**
 * Where a cell's last expression leaves its value. The engine runs {@code expr} as the statement
 * {@code tradebook.kernel.Values.set(expr)}: JShell compiles a statement in one javac pass, an
 * expression in two (it first works out the type for a {@code $n} variable), so this halves the
 * cost of a cell like {@code 1 + 1}. Public because snippet code calls it.
 */
public final class Values {
    private static final Object NONE = new Object();
    private static volatile Object last = NONE;

    private Values() {}

    public static void set(Object value) {
        last = value;
    }

    static void clear() {
        last = NONE;
    }

    static boolean isSet() {
        return last != NONE;
    }

    static Object get() {
        Object v = last;
        return v == NONE ? null : v;
    }
}
