package tradebook.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebook.lib.Lib.range;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tradebook.data.Datasets;
import tradebook.examples.SmaCross;

class OptimizationTest {

    static Backtest goog() {
        return new Backtest(Datasets.GOOG(), SmaCross.class).commission(.002);
    }

    static Optimization grid(Backtest bt) {
        return bt.optimize()
                .param("n1", range(5, 30, 5))
                .param("n2", range(10, 70, 5))
                .constraint(p -> p.getInt("n1") < p.getInt("n2"))
                .maximize("Equity Final [$]")
                .progress(false);
    }

    @Test
    void theGoogGridRunsFiftyCombinationsEachEqualToItsOwnRun() {
        Backtest bt = goog();
        OptimizationResult r = grid(bt).threads(2).run();
        Table h = r.heatmap();
        // n1 5..25 (5 values) x n2 10..65 (12 values) = 60; n1 < n2 leaves 60 - (1 + 2 + 3 + 4) = 50
        assertEquals(50, h.rowCount());
        assertEquals(List.of("n1", "n2", "Equity Final [$]"), h.columnNames());
        assertEquals(60, r.gridSize());
        assertEquals(50, r.tries());
        double best = Double.NEGATIVE_INFINITY;
        Map<String, Object> bestParams = null;
        for (int i = 0; i < h.rowCount(); i++) {
            int n1 = h.intColumn("n1").get(i), n2 = h.intColumn("n2").get(i);
            assertTrue(n1 < n2);
            double alone = goog().run(Map.of("n1", n1, "n2", n2)).getDouble("Equity Final [$]");
            assertEquals(alone, h.doubleColumn("Equity Final [$]").getDouble(i), 0, "n1=" + n1 + " n2=" + n2);
            if (alone > best) {
                best = alone;
                bestParams = Map.of("n1", n1, "n2", n2);
            }
        }
        assertEquals(best, r.getDouble("Equity Final [$]"));
        assertEquals(bestParams, r.bestParams());
        assertEquals(bestParams.get("n1"), ((SmaCross) r.strategy()).n1);
        assertTrue(bt.lastStats() == r.stats(), "the best run is the backtest's last run, for plots");

        // single-threaded gives the same heatmap
        Table one = grid(goog()).threads(1).run().heatmap();
        assertEquals(h.doubleColumn(2).asList(), one.doubleColumn(2).asList());

        // the pivot: n1 down, one column per n2, NaN where n1 >= n2
        Table p = r.pivot("n1", "n2");
        assertEquals(5, p.rowCount());
        assertEquals(13, p.columnCount());
        assertEquals("n1", p.column(0).name());
        assertEquals("10", p.column(1).name());
        assertTrue(Double.isNaN(p.doubleColumn("10").getDouble(2))); // n1 = 15, n2 = 10
        double v = goog().run(Map.of("n1", 15, "n2", 40)).getDouble("Equity Final [$]");
        assertEquals(v, p.doubleColumn("40").getDouble(2), 0);
        assertTrue(r.plotHeatmaps().toMimeBundle().containsKey("text/html"));
    }

    @Test
    void randomSearchWithASeedIsReproducible() {
        Table a = grid(goog()).method(Optimization.Method.RANDOM).maxTries(10).randomState(42).run().heatmap();
        Table b = grid(goog()).method(Optimization.Method.RANDOM).maxTries(10).randomState(42).run().heatmap();
        Table c = grid(goog()).method(Optimization.Method.RANDOM).maxTries(10).randomState(7).run().heatmap();
        assertEquals(10, a.rowCount());
        assertEquals(a.intColumn("n1").asList(), b.intColumn("n1").asList());
        assertEquals(a.intColumn("n2").asList(), b.intColumn("n2").asList());
        assertEquals(a.doubleColumn(2).asList(), b.doubleColumn(2).asList());
        assertNotEquals(a.intColumn("n2").asList().toString() + a.intColumn("n1").asList(),
                c.intColumn("n2").asList().toString() + c.intColumn("n1").asList());
        // a fraction of the grid: half of 50
        assertEquals(25, grid(goog()).maxTries(.5).randomState(1).run().heatmap().rowCount());
    }

    /** Fails for n = 3; never trades for n = 4. */
    public static class Picky extends Strategy {
        @Param public int n = 1;

        @Override public void init() {
            if (n == 3) throw new IllegalStateException("n=3 is unlucky");
        }

        @Override public void next() {
            if (n != 4 && bar() == 10 * n) buy();
            if (bar() == 10 * n + 5) position().close();
        }
    }

    @Test
    void failingCombinationsAreReportedNotFatal() {
        OptimizationResult r = new Backtest(Datasets.GOOG(), Picky.class).optimize()
                .param("n", 1, 2, 3, 4, 5).maximize("Return [%]").progress(false).run();
        assertEquals(1, r.errors().size());
        assertEquals(Map.of("n", 3), r.errors().get(0).params());
        assertTrue(r.errors().get(0).message().contains("n=3 is unlucky"), r.errors().get(0).message());
        Table h = r.heatmap();
        assertEquals(5, h.rowCount());
        assertTrue(Double.isNaN(h.doubleColumn("Return [%]").getDouble(2))); // failed
        assertTrue(Double.isNaN(h.doubleColumn("Return [%]").getDouble(3))); // no trades: NaN, as Backtesting.py
        assertTrue(r.toString().contains("1 failed"), r.toString());
    }

    /** Never trades. */
    public static class Idle extends Strategy {
        @Param public int n = 1;
    }

    @Test
    void withoutAnyTradeTheFirstCombinationIsReported() {
        OptimizationResult r = new Backtest(Datasets.GOOG(), Idle.class).optimize().param("n", 1, 2, 3).progress(false).run();
        assertEquals(Map.of("n", 1), r.bestParams());
        assertEquals(0, ((Number) r.get("# Trades")).intValue());
    }

    @Test
    void badInputIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> goog().optimize().param("n3", range(1, 5)).run());
        assertTrue(e.getMessage().contains("no parameter 'n3'") && e.getMessage().contains("[n1, n2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> goog().optimize().run());
        assertTrue(e.getMessage().contains("nothing to optimize"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> goog().optimize().param("n1", range(5, 5)));
        assertTrue(e.getMessage().contains("no values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> grid(goog()).constraint(p -> p.getInt("n1") > 100).run());
        assertTrue(e.getMessage().contains("no admissible parameter combinations"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> grid(goog()).maximize("Equity Final").run());
        assertTrue(e.getMessage().contains("no stats key 'Equity Final'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> grid(goog()).constraint(p -> p.getInt("n9") > 1).run());
        assertTrue(e.getMessage().contains("n9"), e.getMessage());
        BacktestException all = assertThrows(BacktestException.class,
                () -> new Backtest(Datasets.GOOG(), Picky.class).optimize().param("n", 3).progress(false).run());
        assertTrue(all.getMessage().contains("all 1 combinations failed") && all.getMessage().contains("unlucky"), all.getMessage());
    }

    @Test
    void progressIsReportedOnTheCallingThreadOnly() {
        List<Thread> reporters = java.util.Collections.synchronizedList(new ArrayList<>());
        Optimization.defaultProgress(() -> (done, total, elapsed) -> reporters.add(Thread.currentThread()));
        try {
            grid(goog()).progress(true).threads(2).run();
        } finally {
            Optimization.defaultProgress(null); // back to the stderr bar
        }
        assertTrue(!reporters.isEmpty() && reporters.stream().allMatch(t -> t == Thread.currentThread()), reporters.toString());
    }

    @Test
    void functionObjectivesProgressAndMinimize() {
        List<Integer> seen = new ArrayList<>();
        OptimizationResult r = grid(goog())
                .maximize("Return/DD", s -> s.getDouble("Return [%]") / -s.getDouble("Max. Drawdown [%]"))
                .progress((done, total, elapsed) -> {
                    synchronized (seen) {
                        seen.add(done);
                    }
                })
                .run();
        assertEquals("Return/DD", r.heatmap().column(2).name());
        assertEquals(50, (int) seen.get(seen.size() - 1));
        OptimizationResult m = grid(goog()).minimize("Equity Final [$]").run();
        double min = m.heatmap().doubleColumn(2).min();
        assertEquals(min, m.getDouble("Equity Final [$]"));
        Table pm = m.pivot("n1", "n2"); // minimizing, the pivot aggregates by min too
        double pivotMin = Double.POSITIVE_INFINITY;
        for (int c = 1; c < pm.columnCount(); c++) pivotMin = Math.min(pivotMin, pm.doubleColumn(c).min());
        assertEquals(min, pivotMin);
    }

    @Test
    void interruptStopsTheRemainingRuns() throws Exception {
        Backtest bt = new Backtest(Datasets.randomWalk(200_000, 3), SmaCross.class);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                bt.optimize().param("n1", range(5, 50)).param("n2", range(60, 70)).threads(2).progress(false).run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        Thread.sleep(300);
        long t0 = System.nanoTime();
        t.interrupt();
        t.join(10_000);
        assertTrue(!t.isAlive(), "still running");
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "stopping took too long");
        assertTrue(thrown.get() instanceof OptimizationInterruptedException, String.valueOf(thrown.get()));
        OptimizationResult partial = ((OptimizationInterruptedException) thrown.get()).partial();
        assertTrue(partial.tries() < 450, "tries " + partial.tries());
    }
}
