package tradebook.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebook.lib.Lib.arange;
import static tradebook.lib.Lib.barssince;
import static tradebook.lib.Lib.compose;
import static tradebook.lib.Lib.quantile;
import static tradebook.lib.Lib.randomOhlcData;
import static tradebook.lib.Lib.range;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tradebook.backtest.Strategy;
import tradebook.data.Bars;
import tradebook.data.Datasets;

class LibTest {

    @Test
    void barssinceCountsBackFromTheLatestBar() {
        assertEquals(0, barssince(new boolean[] {false, true}));
        assertEquals(2, barssince(new boolean[] {true, false, false}));
        assertEquals(Double.POSITIVE_INFINITY, barssince(new boolean[] {false, false}));
        assertEquals(-1, barssince(new boolean[] {false}, -1));
        Bars goog = Datasets.GOOG();
        // the last three closes are 799.78, 801.2, 806.19: the latest close below 800 is two bars back
        assertEquals(2, barssince(goog.close(), c -> c < 800));
        double[] c = goog.close().values();
        assertEquals(2, barssince(i -> c[i] < 800, c.length, Double.NaN));
    }

    @Test
    void quantileRankAndValue() {
        // earlier values 1, 2, 3, NaN: two are below 2.5 -> 2/4 (NaN counts as not below, as Backtesting.py)
        assertEquals(.5, quantile(new double[] {1, 2, 3, Double.NaN, 2.5}));
        assertEquals(1.0, quantile(new double[] {1, 2, 3}));
        assertTrue(Double.isNaN(quantile(new double[] {1})));
        // sorted 1, 2, 3, 4 ignoring NaN: q .5 -> position 1.5 -> 2.5; q .25 -> position .75 -> 1.75
        assertEquals(2.5, quantile(new double[] {4, Double.NaN, 1, 3, 2}, .5));
        assertEquals(1.75, quantile(new double[] {4, 1, 3, 2}, .25));
        assertEquals(4, quantile(new double[] {4, 1, 3, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> quantile(new double[] {1, 2}, 50));
    }

    @Test
    void rangesAsInPython() {
        assertArrayEquals(new int[] {5, 10, 15, 20, 25}, range(5, 30, 5));
        assertArrayEquals(new int[] {10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65}, range(10, 70, 5));
        assertArrayEquals(new int[] {0, 1, 2}, range(3));
        assertArrayEquals(new int[] {5, 3}, range(5, 1, -2));
        assertArrayEquals(new int[] {}, range(5, 5));
        assertArrayEquals(new double[] {.01, .02, .03, .04}, arange(.01, .05, .01));
        assertThrows(IllegalArgumentException.class, () -> range(1, 5, 0));
    }

    @Test
    void heatmapPairsAggregateOverTheOtherParameters() {
        Table h = Table.create("h", IntColumn.create("a", new int[] {1, 1, 1, 1, 2, 2}),
                IntColumn.create("b", new int[] {10, 10, 20, 20, 10, 10}),
                StringColumn.create("c", new String[] {"x", "y", "x", "y", "x", "y"}),
                DoubleColumn.create("SQN", new double[] {1, 3, 5, Double.NaN, 2, 4}));
        Map<String, Table> pairs = Heatmaps.pairs(h, "max");
        assertEquals(List.of("a × b", "a × c", "b × c"), new ArrayList<>(pairs.keySet()));
        Table ab = pairs.get("a × b");
        assertEquals(List.of("a", "10", "20"), ab.columnNames());
        assertEquals(3, ab.doubleColumn("10").getDouble(0));   // a=1, b=10: max(1, 3)
        assertEquals(5, ab.doubleColumn("20").getDouble(0));   // a=1, b=20: max(5, NaN)
        assertTrue(Double.isNaN(ab.doubleColumn("20").getDouble(1))); // a=2, b=20 never ran
        assertEquals(2, Heatmaps.pivot(h, "a", "b", "mean").doubleColumn("10").getDouble(0)); // (1 + 3)/2
        assertEquals(List.of("b", "x", "y"), Heatmaps.pivot(h, "b", "c", "min").columnNames());
        assertEquals(2, Heatmaps.pivot(h, "a", "b", "count").doubleColumn("10").getDouble(0));
        assertEquals(6, Heatmaps.pivot(h, "a", "b", "sum").doubleColumn("10").getDouble(1)); // a=2, b=10: 2 + 4
        assertThrows(IllegalArgumentException.class, () -> Heatmaps.pivot(h, "a", "z", "max"));
        assertThrows(IllegalArgumentException.class, () -> Heatmaps.pivot(h, "a", "b", "total"));
    }

    @Test
    void composeRunsPartsInOrder() {
        List<String> log = new ArrayList<>();
        Behavior a = new Behavior() {
            @Override public void init(Strategy s) { log.add("a.init"); }
            @Override public void next(Strategy s) { log.add("a.next"); }
        };
        Behavior b = new Behavior() {
            @Override public void next(Strategy s) { log.add("b.next"); }
        };
        Behavior both = compose(a, b);
        both.init(null);
        both.next(null);
        assertEquals(List.of("a.init", "a.next", "b.next"), log);
    }

    @Test
    void randomOhlcDataIsReproducibleAndWellFormed() {
        Bars goog = Datasets.GOOG();
        List<Bars> one = randomOhlcData(goog, 1, 7).limit(2).collect(Collectors.toList());
        List<Bars> two = randomOhlcData(goog, 1, 7).limit(2).collect(Collectors.toList());
        assertArrayEquals(one.get(1).close().values(), two.get(1).close().values());
        assertNotEquals(one.get(0).close().get(-1), one.get(1).close().get(-1));
        Bars r = one.get(0);
        assertEquals(goog.size(), r.size());
        for (int i = 0; i < r.size(); i++) {
            assertTrue(r.high().get(i) >= Math.max(r.open().get(i), r.close().get(i)) - 1e-9);
            assertTrue(r.low().get(i) <= Math.min(r.open().get(i), r.close().get(i)) + 1e-9);
        }
        assertEquals(2 * goog.size(), randomOhlcData(goog, 2, 1).findFirst().get().size());
    }
}
