package tradebook.live.console;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import tradebook.plan.Fill;
import tradebook.plan.Ledger;
import tradebook.plan.RunLog;
import tradebook.plan.RunRecord;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;

/**
 * The live equity of a plan against its backtest, as an inline SVG (no script: fast, works with
 * a strict content security policy). Live: the recorded fills valued at each day's close of the
 * latest run's data snapshot. Backtest: the final equity each successful run's backtest reported.
 */
final class EquityChart {
    record Point(LocalDate day, double value) {}

    record Series(List<Point> live, List<Point> backtest) {
        boolean isEmpty() {
            return live.isEmpty() && backtest.isEmpty();
        }
    }

    private EquityChart() {}

    static Series of(Store store, StoredPlan sp) {
        List<RunRecord> runs = store.runs(sp.id(), 200);   // each log holds a data snapshot: bound the work per page
        TreeMap<LocalDate, Double> bt = new TreeMap<>();
        byte[] snapshot = null;
        for (RunRecord r : runs) {   // newest first
            if (!RunRecord.OK.equals(r.status()) || r.dryRun()) continue;
            Optional<RunLog> log = store.log(r.id());
            if (log.isEmpty()) continue;
            if (snapshot == null && log.get().dataSnapshot() != null) snapshot = log.get().dataSnapshot();
            Double eq = finalEquity(log.get().stats());
            LocalDate day = r.tradingDay() != null ? LocalDate.parse(r.tradingDay()) : r.startedAt().atZone(ZoneId.of("UTC")).toLocalDate();
            if (eq != null) bt.putIfAbsent(day, eq);
        }
        List<Point> backtest = new ArrayList<>();
        bt.forEach((d, v) -> backtest.add(new Point(d, v)));
        return new Series(live(sp, store.fills(sp.id()), snapshot), backtest);
    }

    /** Sum of "Equity Final [$]" over the tickers of a run's stats JSON ({ticker: stats}). */
    static Double finalEquity(String statsJson) {
        if (statsJson == null || statsJson.isBlank()) return null;
        try {
            JsonElement e = JsonParser.parseString(statsJson);
            if (!e.isJsonObject()) return null;
            double sum = 0;
            int n = 0;
            for (var t : e.getAsJsonObject().entrySet()) {
                JsonElement s = t.getValue();
                if (s.isJsonObject() && s.getAsJsonObject().has("Equity Final [$]") && s.getAsJsonObject().get("Equity Final [$]").isJsonPrimitive()) {
                    sum += s.getAsJsonObject().get("Equity Final [$]").getAsDouble();
                    n++;
                }
            }
            return n == 0 ? null : sum;
        } catch (RuntimeException bad) {
            return null;
        }
    }

    private static List<Point> live(StoredPlan sp, List<Fill> fills, byte[] snapshot) {
        List<Point> out = new ArrayList<>();
        if (snapshot == null || fills.isEmpty()) return out;
        Map<String, TreeMap<LocalDate, Double>> closes = closes(snapshot);
        ZoneId zone = sp.plan().zone();
        LocalDate first = fills.get(0).time().atZone(zone).toLocalDate();
        TreeMap<LocalDate, Boolean> days = new TreeMap<>();
        for (TreeMap<LocalDate, Double> c : closes.values()) for (LocalDate d : c.keySet()) if (!d.isBefore(first)) days.put(d, true);
        Map<String, Double> last = new HashMap<>();
        for (LocalDate d : days.keySet()) {
            List<Fill> upTo = fills.stream().filter(f -> !f.time().atZone(zone).toLocalDate().isAfter(d)).toList();
            Ledger l = Ledger.of(sp.plan(), upTo);
            double eq = l.cash();
            for (var u : l.units().entrySet()) {
                Double c = closes.getOrDefault(u.getKey(), new TreeMap<>()).get(d);
                if (c != null) last.put(u.getKey(), c);
                Double px = last.get(u.getKey());
                if (px != null) eq += u.getValue() * px;
            }
            out.add(new Point(d, eq));
        }
        return out;
    }

    /** ticker → date → close, from a run's gzip CSV data snapshot (Ticker,Date,Open,High,Low,Close,Volume). */
    static Map<String, TreeMap<LocalDate, Double>> closes(byte[] gz) {
        Map<String, TreeMap<LocalDate, Double>> out = new HashMap<>();
        String text;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return out;
        }
        String[] lines = text.split("\n");
        for (int k = 1; k < lines.length; k++) {
            String[] f = lines[k].split(",", -1);
            if (f.length < 6) continue;
            try {
                out.computeIfAbsent(f[0], t -> new TreeMap<>()).put(LocalDate.parse(f[1]), Double.parseDouble(f[5]));
            } catch (RuntimeException skip) {
                // a damaged line: leave it out of the chart
            }
        }
        return out;
    }

    /** Two polylines on shared axes, with a legend and the min/max values. */
    static String svg(Series s) {
        if (s.isEmpty()) return "<p class=\"muted\" id=\"equity-empty\">No equity yet: it appears after the first successful run (backtest) and the first fill (live).</p>";
        List<Point> all = new ArrayList<>(s.live());
        all.addAll(s.backtest());
        LocalDate d0 = all.stream().map(Point::day).min(LocalDate::compareTo).get(), d1 = all.stream().map(Point::day).max(LocalDate::compareTo).get();
        double v0 = all.stream().mapToDouble(Point::value).min().getAsDouble(), v1 = all.stream().mapToDouble(Point::value).max().getAsDouble();
        if (v1 - v0 < 1e-9) {
            v0 -= 1;
            v1 += 1;
        }
        int w = 720, h = 240, pad = 50;
        long span = Math.max(1, d1.toEpochDay() - d0.toEpochDay());
        StringBuilder b = new StringBuilder("<svg id=\"equity\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + (h + 30)
                + "\" role=\"img\" aria-label=\"live equity against the backtest\" style=\"background:#fff;border:1px solid #ddd\">");
        b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">%,.0f</text><text x=\"4\" y=\"%d\" font-size=\"11\">%,.0f</text>",
                pad / 2, v1, h - pad / 2, v0));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text><text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                pad, h - 4, d0, w - 8, h - 4, d1));
        String[][] series = {{"live", "#2563eb"}, {"backtest", "#ea580c"}};
        for (int k = 0; k < 2; k++) {
            List<Point> pts = k == 0 ? s.live() : s.backtest();
            if (pts.isEmpty()) continue;
            StringBuilder p = new StringBuilder(), dots = new StringBuilder();
            for (Point pt : pts) {
                double x = pad + (w - pad - 10) * (pt.day().toEpochDay() - d0.toEpochDay()) / (double) span;
                double y = pad / 2.0 + (h - pad) * (1 - (pt.value() - v0) / (v1 - v0));
                p.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                // few points (a young plan): mark each so a single day is visible
                if (pts.size() <= 60) dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s %,.2f</title></circle>",
                        x, y, series[k][1], pt.day(), pt.value()));
            }
            b.append("<polyline class=\"series-" + series[k][0] + "\" data-points=\"" + pts.size() + "\" fill=\"none\" stroke=\"" + series[k][1]
                    + "\" stroke-width=\"2\" points=\"" + p.toString().trim() + "\"/>").append(dots);
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s (last %,.2f)</text>", pad + k * 220, h + 22,
                    series[k][1], series[k][0], pts.get(pts.size() - 1).value()));
        }
        return b.append("</svg>").toString();
    }
}
