package tradebook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class BarsLoadingTest {
    @TempDir Path dir;

    Path csv(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void shippedDatasets() {
        Bars goog = Datasets.GOOG();
        assertEquals(2148, goog.size());
        assertEquals(LocalDateTime.of(2004, 8, 19, 0, 0), goog.time(0));
        assertEquals(100.34, goog.close().get(0));
        assertEquals(5000, Datasets.EURUSD().size());
        assertEquals(LocalDateTime.of(2017, 4, 19, 9, 0), Datasets.EURUSD().time(0));
        assertEquals(156, Datasets.BTCUSD().size());
        assertEquals(31, Datasets.DJIA().size());
    }

    @Test
    void djiaRowsWithEmptyPricesAreSkippedAndNamed() {
        Bars axp = Datasets.DJIA("AXP");
        // 3,020 data rows in the file, one (2017-07-31, line 2915) lacks Open and Low
        assertEquals(3019, axp.size());
        assertTrue(axp.warnings().stream().anyMatch(w -> w.contains("AXP.csv line 2915 (2017-07-31): empty Open, Low - row skipped")),
                axp.warnings().toString());
    }

    @Test
    void djiaZeroPriceRowIsSkippedAndNamed() {
        Bars hd = Datasets.DJIA("HD");
        assertTrue(hd.warnings().stream().anyMatch(w -> w.equals("HD.csv line 829 (2009-04-17): Low is 0.0 (prices must be positive) - row skipped")),
                hd.warnings().toString());
    }

    @Test
    void headerNamesAnyCaseAndDateColumnByName() throws Exception {
        Bars b = Bars.csv(csv("x.csv", "date,OPEN,high,Low,close,volume,Adj Close\n2020-01-02,1,2,0.5,1.5,10,1.4\n2020-01-03,1.5,2,1,1.8,12,1.7\n"));
        assertEquals(2, b.size());
        assertEquals(1.8, b.close().get(-1));
        assertEquals(1.7, b.column("Adj Close").get(-1));
        assertEquals(12, b.volume().get(1));
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        DataException e = assertThrows(DataException.class, () -> Bars.csv(csv("m.csv", "Date,Open,High,Close\n2020-01-02,1,2,1.5\n")));
        assertTrue(e.getMessage().contains("m.csv: missing column Low"), e.getMessage());
    }

    @Test
    void badNumberNamesFileLineAndColumn() throws Exception {
        DataException e = assertThrows(DataException.class, () -> Bars.csv(csv("b.csv", "Date,Open,High,Low,Close\n2020-01-02,1,2,0.5,1.5\n2020-01-03,1,two,0.5,1.5\n")));
        assertTrue(e.getMessage().contains("b.csv line 3 (2020-01-03): High is 'two', not a number"), e.getMessage());
    }

    @Test
    void badTimeNamesTheLine() throws Exception {
        DataException e = assertThrows(DataException.class, () -> Bars.csv(csv("t.csv", "Date,Open,High,Low,Close\n02/01/2020,1,2,0.5,1.5\n")));
        assertTrue(e.getMessage().contains("t.csv line 2: cannot read time '02/01/2020'"), e.getMessage());
    }

    @Test
    void unsortedIsSortedWithAWarning() throws Exception {
        Bars b = Bars.csv(csv("u.csv", "Date,Open,High,Low,Close\n2020-01-03,2,2,2,2\n2020-01-02,1,1,1,1\n2020-01-06,3,3,3,3\n"));
        assertEquals(1, b.close().get(0));
        assertEquals(3, b.close().get(2));
        assertTrue(b.warnings().get(0).contains("not in ascending order"), b.warnings().toString());
    }

    @Test
    void duplicateTimestampsAreRefused() throws Exception {
        DataException e = assertThrows(DataException.class, () -> Bars.csv(csv("d.csv", "Date,Open,High,Low,Close\n2020-01-02,1,1,1,1\n2020-01-03,2,2,2,2\n2020-01-02,3,3,3,3\n")));
        assertTrue(e.getMessage().contains("duplicate timestamp 2020-01-02 at rows 1 and 3"), e.getMessage());
    }

    @Test
    void nonPositivePriceInCsvIsSkippedAndNamed() throws Exception {
        Bars b = Bars.csv(csv("n.csv", "Date,Open,High,Low,Close\n2020-01-02,1,1,1,1\n2020-01-03,2,2,-2,2\n2020-01-06,3,3,3,3\n"));
        assertEquals(2, b.size());
        assertEquals("n.csv line 3 (2020-01-03): Low is -2 (prices must be positive) - row skipped", b.warnings().get(0));
    }

    @Test
    void nonPositivePriceInArraysIsRefused() {
        long[] t = {Bars.millis(LocalDateTime.of(2020, 1, 2, 0, 0)), Bars.millis(LocalDateTime.of(2020, 1, 3, 0, 0))};
        DataException e = assertThrows(DataException.class, () -> Bars.of("arr", t, new double[] {1, 1}, new double[] {1, 1},
                new double[] {1, 0}, new double[] {1, 1}, null));
        assertTrue(e.getMessage().contains("Low is 0.0 at bar 1 (2020-01-03)"), e.getMessage());
    }

    @Test
    void nanFromATableIsRefusedWithAHint() {
        long[] t = {Bars.millis(LocalDateTime.of(2020, 1, 2, 0, 0)), Bars.millis(LocalDateTime.of(2020, 1, 3, 0, 0))};
        DataException e = assertThrows(DataException.class, () -> Bars.of("arr", t, new double[] {1, 1}, new double[] {1, 1},
                new double[] {1, 1}, new double[] {1, Double.NaN}, null));
        assertTrue(e.getMessage().contains("Close is NaN at bar 1 (2020-01-03)"), e.getMessage());
    }

    @Test
    void tableRoundTrip() {
        Bars goog = Datasets.GOOG();
        Table t = goog.toTable();
        assertEquals(2148, t.rowCount());
        Bars back = Bars.of(t);
        assertEquals(goog.size(), back.size());
        assertEquals(goog.close().get(100), back.close().get(100));
        assertEquals(goog.time(100), back.time(100));
    }

    @Test
    void randomWalkIsReproducible() {
        Bars a = Datasets.randomWalk(1000, 7), b = Datasets.randomWalk(1000, 7);
        assertEquals(a.close().get(-1), b.close().get(-1));
        assertEquals(60_000, a.period().toMillis());
    }
}
