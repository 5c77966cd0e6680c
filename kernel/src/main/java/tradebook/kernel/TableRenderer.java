package tradebook.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tradebook.display.Html;

/** Tablesaw tables as an HTML table with a row limit and a "n more rows" note. */
final class TableRenderer {
    /** Rows shown before the note; set with {@code Renderer}-side code or a system property. */
    static volatile int rowLimit = Integer.getInteger("tradebook.table.rows", 20);

    private TableRenderer() {}

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Numbers rounded to 6 decimals without trailing zeros, times without the ISO 'T' (as pandas shows them). */
    static String cell(Column<?> col, int row) {
        if (col.isMissing(row)) return "";
        Object v = col.get(row);
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) return String.valueOf(d);
            return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        }
        if (v instanceof LocalDateTime t) return DATE_TIME.format(t);
        return col.getString(row);
    }

    static Map<String, String> render(Object o) {
        Table t = (Table) o;
        int rows = t.rowCount(), shown = Math.min(rows, rowLimit);
        StringBuilder h = new StringBuilder("<table class=\"dataframe\"><thead><tr><th></th>");
        for (String c : t.columnNames()) h.append("<th>").append(Html.escape(c)).append("</th>");
        h.append("</tr></thead><tbody>");
        for (int r = 0; r < shown; r++) {
            h.append("<tr><th>").append(r).append("</th>");
            for (int c = 0; c < t.columnCount(); c++) {
                h.append("<td>").append(Html.escape(cell(t.column(c), r))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        String name = t.name() == null || t.name().isBlank() ? "" : Html.escape(t.name()) + ": ";
        if (rows > shown) {
            h.append("<p>").append(name).append(rows - shown).append(" more rows (").append(rows).append(" rows × ")
                    .append(t.columnCount()).append(" columns)</p>");
        } else {
            h.append("<p>").append(name).append(rows).append(" rows × ").append(t.columnCount()).append(" columns</p>");
        }
        Map<String, String> b = new LinkedHashMap<>();
        b.put("text/html", h.toString());
        String text = t.print(shown);
        if (rows > shown) text += "\n... " + (rows - shown) + " more rows";
        b.put("text/plain", text);
        return b;
    }
}
