package tradebook.live.notify;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tradebook.live.secret.Masker;
import tradebook.plan.PlanOrder;

/** The messages a plan sends: run finished (with a short stats summary), orders placed, errors. */
public final class Notices {
    private Notices() {}

    /**
     * "Plan X: run R ok" with return, number of trades and final equity read from the run's stats
     * JSON (Backtesting.py's keys {@code Return [%]}, {@code # Trades}, {@code Equity Final [$]}).
     */
    public static Notice runFinished(String plan, String runId, String status, String statsJson) {
        return new Notice(Notice.Kind.RUN_FINISHED, "Tradebook: plan " + plan + " run " + status, "run " + runId + "\n" + summary(statsJson));
    }

    /** "Return +3.21% · 5 trades · equity $10,321.00" (parts missing from the stats are left out). */
    public static String summary(String statsJson) {
        if (statsJson == null || statsJson.isBlank()) return "no stats";
        JsonObject s;
        try {
            JsonElement e = JsonParser.parseString(statsJson);
            if (!e.isJsonObject()) return "no stats";
            s = e.getAsJsonObject();
        } catch (RuntimeException e) {
            return "stats unreadable";
        }
        List<String> parts = new ArrayList<>();
        Double ret = number(s, "Return [%]"), trades = number(s, "# Trades"), equity = number(s, "Equity Final [$]");
        if (ret != null) parts.add(String.format(Locale.ROOT, "return %+.2f%%", ret));
        if (trades != null) parts.add(String.format(Locale.ROOT, "%d trades", trades.longValue()));
        if (equity != null) parts.add(String.format(Locale.ROOT, "equity $%,.2f", equity));
        return parts.isEmpty() ? "no stats" : String.join(" · ", parts);
    }

    private static Double number(JsonObject o, String k) {
        JsonElement e = o.get(k);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : null;
    }

    public static Notice ordersPlaced(String plan, List<PlanOrder> orders) {
        StringBuilder b = new StringBuilder();
        for (PlanOrder o : orders) {
            b.append(o.size() > 0 ? "BUY " : "SELL ").append(qty(Math.abs(o.size()))).append(' ').append(o.ticker())
                    .append(" (").append(o.entry()).append(", order ").append(o.id()).append(" at ").append(o.broker()).append(")\n");
        }
        return new Notice(Notice.Kind.ORDERS_PLACED, "Tradebook: plan " + plan + " placed " + orders.size() + " order(s)", b.toString().strip());
    }

    /** A run's outcome with one summary line per ticker (from {@link tradebook.backtest.Stats}). */
    public static Notice runFinished(String plan, String runId, String status, String message, java.util.Map<String, tradebook.backtest.Stats> stats) {
        StringBuilder b = new StringBuilder("run ").append(runId);
        if (message != null && !message.isBlank()) b.append("\n").append(Masker.mask(message));
        for (var e : stats.entrySet()) {
            tradebook.backtest.Stats st = e.getValue();
            b.append(String.format(Locale.ROOT, "%n%s: return %+.2f%% · %d trades · equity $%,.2f", e.getKey(), st.getDouble("Return [%]"),
                    ((Number) st.get("# Trades")).longValue(), st.getDouble("Equity Final [$]")));
        }
        return new Notice(Notice.Kind.RUN_FINISHED, "Tradebook: plan " + plan + " run " + status, b.toString());
    }

    /** The orders a run sent to its broker (the runner's order maps whose action starts with "submitted"). */
    public static Notice ordersSubmitted(String plan, List<java.util.Map<String, Object>> runOrders) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (var o : runOrders) {
            String action = String.valueOf(o.get("action"));
            if (!action.contains("submitted")) continue;
            n++;
            double size = o.get("size") instanceof Number ? ((Number) o.get("size")).doubleValue() : Double.NaN;
            b.append(size > 0 ? "BUY " : "SELL ").append(qty(Math.abs(size))).append(' ').append(o.get("ticker"))
                    .append(" (").append(o.get("entry")).append(", order ").append(o.get("id")).append("): ").append(action).append('\n');
        }
        return new Notice(Notice.Kind.ORDERS_PLACED, "Tradebook: plan " + plan + " placed " + n + " order(s)", b.toString().strip());
    }

    public static Notice error(String plan, String what, Throwable t) {
        return new Notice(Notice.Kind.ERROR, "Tradebook: plan " + plan + " error: " + what, Masker.describe(t));
    }

    public static Notice error(String plan, String what, String detail) {
        return new Notice(Notice.Kind.ERROR, "Tradebook: plan " + plan + " error: " + what, Masker.mask(detail));
    }

    private static String qty(double q) {
        return q == Math.rint(q) ? String.valueOf((long) q) : String.format(Locale.ROOT, "%.6f", q).replaceAll("0+$", "");
    }
}
