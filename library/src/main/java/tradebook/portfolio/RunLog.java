package tradebook.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tradebook.backtest.Warnings;

/**
 * What a run reports: warnings once per kind with a count (a long run must not build thousands
 * of strings), every risk event, and every fill.
 */
final class RunLog {
    private final Warnings warnings = new Warnings();
    final List<RiskEvent> risk = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();

    /** A fill: {@code units} of ticker {@code k} at {@code price} on bar {@code bar}, and the cash after it. */
    record Fill(int bar, int k, double units, double price, double commission, String source, double cashAfter) {}

    void warn(String kind, Supplier<String> message) {
        warnings.add(kind, message);
    }

    List<String> warnings() {
        return warnings.list();
    }
}
