package tradebook.portfolio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a run reports: warnings once per kind with a count (a long run must not build thousands
 * of strings), every risk event, and every fill.
 */
final class RunLog {
    private final Map<String, String> first = new LinkedHashMap<>();
    private final Map<String, int[]> count = new LinkedHashMap<>();
    final List<RiskEvent> risk = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();

    /** A fill: {@code units} of ticker {@code k} at {@code price} on bar {@code bar}, and the cash after it. */
    record Fill(int bar, int k, double units, double price, double commission, String source, double cashAfter) {}

    void warn(String kind, Supplier<String> message) {
        int[] c = count.get(kind);
        if (c == null) {
            count.put(kind, new int[] {1});
            first.put(kind, message.get());
        } else {
            c[0]++;
        }
    }

    List<String> warnings() {
        List<String> out = new ArrayList<>();
        first.forEach((kind, msg) -> {
            int n = count.get(kind)[0];
            out.add(n == 1 ? msg : msg + " (and " + (n - 1) + " more time" + (n > 2 ? "s" : "") + ")");
        });
        return out;
    }
}
