package tradebook.lib;

import tradebook.data.Series;

/** Backtesting.py's helper functions: {@code import static tradebook.lib.Lib.*;} */
public final class Lib {
    private Lib() {}

    /** True if {@code a} just crossed over (above) {@code b}: a[-2] &lt; b[-2] and a[-1] &gt; b[-1]. */
    public static boolean crossover(Series a, Series b) {
        if (a.size() < 2 || b.size() < 2) return false;
        return a.get(-2) < b.get(-2) && a.get(-1) > b.get(-1);
    }

    public static boolean crossover(Series a, double b) {
        if (a.size() < 2) return false;
        return a.get(-2) < b && a.get(-1) > b;
    }

    public static boolean crossover(double a, Series b) {
        if (b.size() < 2) return false;
        return a < b.get(-2) && a > b.get(-1);
    }

    /** True if {@code a} and {@code b} just crossed, either direction. */
    public static boolean cross(Series a, Series b) {
        return crossover(a, b) || crossover(b, a);
    }

    public static boolean cross(Series a, double b) {
        return crossover(a, b) || crossover(b, a);
    }

    public static boolean cross(double a, Series b) {
        return crossover(a, b) || crossover(b, a);
    }
}
