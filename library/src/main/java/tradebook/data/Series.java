package tradebook.data;

/**
 * A named sequence of numbers read the way a strategy reads it: {@code get(-1)} is the latest
 * visible value, {@code get(-2)} the one before. Price columns and indicators are both series,
 * so helpers such as {@code crossover} accept either.
 */
public interface Series {

    /** Display name, e.g. {@code "Close"} or {@code "SMA(10)"}. */
    String name();

    /** Number of values visible now (inside {@code next()}: bars up to the current one). */
    int size();

    /** Value at {@code i}: {@code i >= 0} counts from the first bar, {@code i < 0} from the latest. */
    double get(int i);

    /** The latest visible value, same as {@code get(-1)}. */
    default double last() {
        return get(-1);
    }

    /** A copy of the visible values. */
    default double[] values() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) out[i] = get(i);
        return out;
    }

    /** Resolves a possibly negative index against {@code size} and checks bounds. */
    static int index(int i, int size, String name) {
        int k = i < 0 ? size + i : i;
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException(
                    name + ": index " + i + " is outside the " + size + " visible values");
        }
        return k;
    }
}
