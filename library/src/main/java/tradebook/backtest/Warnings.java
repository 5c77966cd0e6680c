package tradebook.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a run warns about, once per kind: the first occurrence's message and how often it
 * recurred (a million-bar run must not build a million strings, nor print them). Portfolio runs
 * keep theirs in one too.
 */
public final class Warnings {
    private final Map<String, String> first = new LinkedHashMap<>();
    private final Map<String, int[]> count = new LinkedHashMap<>();

    public void add(String kind, Supplier<String> message) {
        int[] c = count.get(kind);
        if (c == null) {
            count.put(kind, new int[] {1});
            first.put(kind, message.get());
        } else {
            c[0]++;
        }
    }

    /** Each kind's first message, with how many more times it happened. */
    public List<String> list() {
        List<String> out = new ArrayList<>();
        first.forEach((kind, msg) -> {
            int n = count.get(kind)[0];
            out.add(n == 1 ? msg : msg + " (and " + (n - 1) + " more time" + (n > 2 ? "s" : "") + ")");
        });
        return out;
    }
}
