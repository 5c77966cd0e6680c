package tradebook.chart;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tradebook.display.Displayable;
import tradebook.display.Html;

/**
 * Tablesaw tables as notebook output (trades, the equity curve, heatmaps): an HTML table with
 * the first and last rows of long tables, numbers right-aligned, plus plain text.
 */
public final class Tables {
    private Tables() {}

    /** Default rows shown: 10 from the top and 10 from the bottom of longer tables. */
    public static final int MAX_ROWS = 20;

    /** An HTML table of at most {@code maxRows} rows (head and tail, with an ellipsis row between). */
    public static String toHtml(Table table, int maxRows) {
        int n = table.rowCount();
        int head = n <= maxRows ? n : (maxRows + 1) / 2, tail = n <= maxRows ? 0 : maxRows / 2;
        StringBuilder sb = new StringBuilder("<div class=\"tradebook-table\" style=\"overflow:auto\">");
        sb.append("<table style=\"font-variant-numeric:tabular-nums;border-collapse:collapse\"><thead><tr><th></th>");
        for (Column<?> c : table.columns()) sb.append("<th style=\"text-align:right;padding:2px 8px\">").append(Html.escape(c.name())).append("</th>");
        sb.append("</tr></thead><tbody>");
        for (int r = 0; r < head; r++) row(sb, table, r);
        if (tail > 0) {
            sb.append("<tr><td>…</td>");
            for (int k = 0; k < table.columnCount(); k++) sb.append("<td style=\"text-align:right;padding:2px 8px\">…</td>");
            sb.append("</tr>");
            for (int r = n - tail; r < n; r++) row(sb, table, r);
        }
        sb.append("</tbody></table><p style=\"font-size:smaller;color:#666\">")
                .append(Html.escape(table.name() == null ? "" : table.name() + ": "))
                .append(String.format(Locale.ROOT, "%,d rows × %d columns", n, table.columnCount())).append("</p></div>");
        return sb.toString();
    }

    public static String toHtml(Table table) {
        return toHtml(table, MAX_ROWS);
    }

    private static void row(StringBuilder sb, Table t, int r) {
        sb.append("<tr><th style=\"text-align:right;padding:2px 8px;color:#666\">").append(r).append("</th>");
        for (Column<?> c : t.columns()) {
            sb.append("<td style=\"text-align:").append(c instanceof NumericColumn ? "right" : "left").append(";padding:2px 8px\">")
                    .append(Html.escape(cell(c, r))).append("</td>");
        }
        sb.append("</tr>");
    }

    /** A cell as a trader reads it: up to 6 decimals without trailing zeros, dates without :00 times. */
    static String cell(Column<?> c, int r) {
        if (c.isMissing(r)) return "";
        Object v = c.get(r);
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) return "NaN";
            String s = String.format(Locale.ROOT, "%.6f", d);
            s = s.replaceAll("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        if (v instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) v;
            return t.toLocalTime().toSecondOfDay() == 0 && t.getNano() == 0 ? t.toLocalDate().toString() : t.toString().replace('T', ' ');
        }
        return c.getString(r);
    }

    /** A table as notebook output (HTML and text). */
    public static Displayable displayable(Table table) {
        return displayable(table, MAX_ROWS);
    }

    public static Displayable displayable(Table table, int maxRows) {
        return () -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("text/plain", table.print(maxRows));
            m.put("text/html", toHtml(table, maxRows));
            return m;
        };
    }
}
