package tradebook.live.console;

import static tradebook.live.console.Page.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tradebook.plan.Fill;
import tradebook.plan.Ledger;
import tradebook.plan.PlanOrder;
import tradebook.plan.Plans;
import tradebook.plan.RunLog;
import tradebook.plan.RunRecord;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;
import tradebook.plan.TradePlan;

/** The console's pages, rendered from the store on each request (no caching: the scheduler writes concurrently). */
final class Pages {
    private Pages() {}

    /** An instant to the second, UTC ("2026-11-23 12:04:29Z"): nanoseconds only clutter a table. */
    static String when(java.time.Instant t) {
        return t == null ? "" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String postButton(String action, String label) {
        return "<form method=\"post\" action=\"" + esc(action) + "\" class=\"inline\">%CSRF%<button>" + esc(label) + "</button></form>";
    }

    static String plans(Store store) {
        List<StoredPlan> plans = store.plans();
        if (plans.isEmpty()) return "<p id=\"no-plans\">No plans yet. Promote one with <code>./tradebook promote FILE.java</code>.</p>";
        StringBuilder b = new StringBuilder("<table id=\"plans\"><tr><th>plan</th><th>state</th><th>last run</th><th>next run</th>"
                + "<th>tickers</th><th>broker</th><th>actions</th></tr>");
        for (StoredPlan sp : plans) {
            TradePlan p = sp.plan();
            List<RunRecord> last = store.runs(sp.id(), 1);
            String lastRun = last.isEmpty() ? "<span class=\"muted\">never</span>"
                    : "<span class=\"" + (RunRecord.OK.equals(last.get(0).status()) ? "ok" : "bad") + "\">" + esc(last.get(0).status()) + "</span> "
                    + esc(when(last.get(0).startedAt()));
            String next;
            try {
                next = sp.enabled() ? esc(Plans.nextRuns(p, 1)) : "<span class=\"muted\">disabled</span>";
            } catch (RuntimeException e) {
                next = "<span class=\"bad\">" + esc(e.getMessage()) + "</span>";
            }
            String name = url(sp.name());
            b.append("<tr data-plan=\"").append(esc(sp.name())).append("\"><td><a href=\"/plan/").append(name).append("\">").append(esc(sp.name()))
                    .append("</a> <span class=\"muted\">v").append(sp.version()).append("</span></td><td class=\"state\">")
                    .append(sp.enabled() ? "<span class=\"ok\">enabled</span>" : "<span class=\"muted\">disabled</span>").append("</td><td>")
                    .append(lastRun).append("</td><td>").append(next).append("</td><td>").append(esc(String.join(", ", p.tickers())))
                    .append("</td><td>").append(esc(p.broker())).append("</td><td>")
                    .append(sp.enabled() ? postButton("/plan/" + name + "/disable", "Disable") : postButton("/plan/" + name + "/enable", "Enable"))
                    .append(' ').append(postButton("/plan/" + name + "/run", "Run now")).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    static String plan(Store store, StoredPlan sp, String manualKind) {
        TradePlan p = sp.plan();
        String name = url(sp.name());
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(sp.enabled() ? "<span class=\"ok\">enabled</span>" : "<span class=\"muted\">disabled</span>")
                .append(" · strategy ").append(esc(p.className())).append(' ').append(esc(p.params())).append(" · tickers ")
                .append(esc(String.join(", ", p.tickers()))).append(" · entry ").append(esc(p.entry())).append(" · broker ").append(esc(p.broker()))
                .append(" · ").append(esc(p.mode())).append("</p><p>")
                .append(sp.enabled() ? postButton("/plan/" + name + "/disable", "Disable") : postButton("/plan/" + name + "/enable", "Enable"))
                .append(' ').append(postButton("/plan/" + name + "/run", "Run now"))
                .append("ib".equals(manualKind(store, p.broker())) ? " " + postButton("/plan/" + name + "/sync", "Sync with IB") : "").append("</p>");

        List<Fill> fills = store.fills(sp.id());
        Ledger l = Ledger.of(p, fills);
        b.append("<h2>Position</h2><table id=\"position\"><tr><th>ticker</th><th>units</th><th>avg price</th></tr>");
        for (Map.Entry<String, Double> u : l.units().entrySet()) {
            double avg = l.avgPrice().getOrDefault(u.getKey(), Double.NaN);
            b.append("<tr data-ticker=\"").append(esc(u.getKey())).append("\"><td>").append(esc(u.getKey())).append("</td><td class=\"units\">")
                    .append(ManualFills.fmt(u.getValue())).append("</td><td>").append(Double.isNaN(avg) ? "" : String.format(Locale.ROOT, "%.4f", avg))
                    .append("</td></tr>");
        }
        b.append(String.format(Locale.ROOT, "</table><p id=\"cash\">cash %,.2f · %d fill(s) · commissions %,.2f</p>", l.cash(), l.fillCount(), l.commissions()));

        b.append("<h2>Equity: live against the backtest</h2>").append(EquityChart.svg(EquityChart.of(store, sp)));

        List<PlanOrder> orders = store.orders(sp.id());
        b.append("<h2>Orders</h2>");
        if (orders.isEmpty()) b.append("<p class=\"muted\" id=\"no-orders\">No orders yet.</p>");
        else {
            b.append("<table id=\"orders\"><tr><th>order</th><th>day</th><th>ticker</th><th>side</th><th>size</th><th>entry</th><th>status</th>"
                    + "<th>broker</th><th>fill</th></tr>");
            for (PlanOrder o : orders) {
                Optional<Fill> f = fills.stream().filter(x -> x.orderId().equals(o.id())).findFirst();
                boolean manual = "manual".equals(manualKind(store, o.broker())) && o.isLive();
                b.append("<tr data-order=\"").append(esc(o.id())).append("\"><td><code>").append(esc(o.id())).append("</code></td><td>")
                        .append(esc(o.tradingDay())).append("</td><td>").append(esc(o.ticker())).append("</td><td>").append(o.size() > 0 ? "BUY" : "SELL")
                        .append("</td><td>").append(ManualFills.fmt(Math.abs(o.size()))).append("</td><td>").append(esc(o.entry()))
                        .append("</td><td class=\"status\">").append(esc(o.status())).append("</td><td>").append(esc(o.broker()))
                        .append(o.brokerOrderId() == null ? "" : " <span class=\"muted\">" + esc(o.brokerOrderId()) + "</span>").append("</td><td>");
                if (f.isPresent()) {
                    b.append(String.format(Locale.ROOT, "%s @ %.4f<br><span class=\"muted\">%s</span>", ManualFills.fmt(f.get().size()), f.get().price(), esc(when(f.get().time()))));
                } else if (manual) {
                    b.append("<form method=\"post\" action=\"/fill\" class=\"fill-form\">%CSRF%<input type=\"hidden\" name=\"order\" value=\"")
                            .append(esc(o.id())).append("\"><input name=\"price\" placeholder=\"price\" required> <input name=\"size\" placeholder=\"size (all)\"> ")
                            .append("<input name=\"time\" placeholder=\"time (now)\"> <input name=\"commission\" placeholder=\"commission (0)\"> ")
                            .append("<button>Record fill</button></form>");
                }
                b.append("</td></tr>");
            }
            b.append("</table>");
        }

        List<RunRecord> runs = store.runs(sp.id(), 30);
        b.append("<h2>Runs</h2>");
        if (runs.isEmpty()) b.append("<p class=\"muted\" id=\"no-runs\">No runs yet.</p>");
        else {
            b.append("<table id=\"runs\"><tr><th>run</th><th>started</th><th>status</th><th>trading day</th><th>message</th></tr>");
            for (RunRecord r : runs) {
                b.append("<tr><td><a href=\"/run/").append(url(r.id())).append("\">").append(esc(r.id())).append("</a>").append(r.dryRun() ? " (dry)" : "")
                        .append("</td><td>").append(esc(when(r.startedAt()))).append("</td><td class=\"").append(RunRecord.OK.equals(r.status()) ? "ok" : "bad")
                        .append("\">").append(esc(r.status())).append("</td><td>").append(esc(r.tradingDay() == null ? "" : r.tradingDay()))
                        .append("</td><td>").append(esc(r.message() == null ? "" : first(r.message(), 200))).append("</td></tr>");
            }
            b.append("</table>");
        }
        return b.toString();
    }

    static String manualKind(Store store, String alias) {
        return store.brokerAccount(alias).map(a -> a[0]).orElse(alias);
    }

    static String run(RunRecord r, Optional<RunLog> log) {
        StringBuilder b = new StringBuilder();
        b.append("<p>plan <a href=\"/plan/").append(url(r.planName())).append("\">").append(esc(r.planName())).append("</a> v").append(r.planVersion())
                .append(" · status <b>").append(esc(r.status())).append("</b> · started ").append(esc(when(r.startedAt()))).append(" · finished ")
                .append(esc(when(r.finishedAt()))).append("</p>");
        if (r.message() != null && !r.message().isBlank()) b.append("<h2>Message</h2><pre id=\"message\">").append(esc(r.message())).append("</pre>");
        if (log.isPresent()) {
            RunLog l = log.get();
            b.append("<h2>Output</h2><pre id=\"stdout\">").append(esc(nz(l.stdout()))).append("</pre>");
            b.append("<h2>Errors</h2><pre id=\"stderr\">").append(esc(nz(l.stderr()))).append("</pre>");
            b.append("<h2>Orders</h2><pre id=\"run-orders\">").append(esc(nz(l.orders()))).append("</pre>");
            b.append("<h2>Stats</h2><pre id=\"stats\">").append(esc(nz(l.stats()))).append("</pre>");
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String first(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "...";
    }
}
