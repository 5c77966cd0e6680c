package tradebook.kernel;

/** The few terminal colours Jupyter front ends render in tracebacks. */
final class Ansi {
    private Ansi() {}

    static String red(String s) { return "\u001b[1;31m" + s + "\u001b[0m"; }
    static String bold(String s) { return "\u001b[1m" + s + "\u001b[0m"; }
    static String dim(String s) { return "\u001b[2m" + s + "\u001b[0m"; }
    static String green(String s) { return "\u001b[32m" + s + "\u001b[0m"; }
}
