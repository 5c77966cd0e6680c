package tradebook.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TablesTest {
    @Test
    void tradesAsHtml() {
        Table trades = Samples.goog().trades();
        String html = Tables.toHtml(trades, 10);
        String rowHeader = "<tr><th style=\"text-align:right;padding:2px 8px;color:#666\">";
        assertEquals(10, html.split(rowHeader, -1).length - 1, "10 rows: head and tail");
        assertTrue(html.contains("<td>…</td>"), "ellipsis row");
        assertTrue(html.contains("EntryTime") && html.contains("Entry_SMA(10)"));
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "%,d rows × %d columns", trades.rowCount(), trades.columnCount())));
        assertTrue(html.contains("2004-"), "dates without midnight times");
        var m = Tables.displayable(Samples.goog().equityCurve()).toMimeBundle();
        assertTrue(m.get("text/plain").contains("Equity") && m.get("text/html").contains("DrawdownPct"));
    }

    @Test
    void escapesAndSmallTables() {
        Table t = Table.create("t<b>", tech.tablesaw.api.StringColumn.create("Tag", "<script>"), tech.tablesaw.api.DoubleColumn.create("x", 1.5));
        String html = Tables.toHtml(t);
        assertTrue(html.contains("&lt;script&gt;") && !html.contains("<script>"));
        assertTrue(!html.contains("…"));
        assertTrue(html.contains(">1.5<"));
    }
}
