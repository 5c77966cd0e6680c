package tradebook.chart;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tradebook.backtest.Backtest;
import tradebook.backtest.Stats;
import tradebook.data.Datasets;
import tradebook.examples.SmaCross;

/** Backtests shared by the chart tests (the million-bar one takes a second, so run it once). */
final class Samples {
    private Samples() {}

    private static Stats goog, walk;

    static synchronized Stats goog() {
        if (goog == null) goog = new Backtest(Datasets.GOOG(), SmaCross.class).cash(10_000).commission(.002).run();
        return goog;
    }

    static synchronized Stats walk() {
        if (walk == null) walk = new Backtest(Datasets.randomWalk(1_000_000, 42), SmaCross.class).cash(10_000).run();
        return walk;
    }

    /** An optimization-shaped table: SmaCross on GOOG over a grid of n1 × n2. */
    static Table smaHeatmap() {
        IntColumn n1 = IntColumn.create("n1"), n2 = IntColumn.create("n2");
        DoubleColumn eq = DoubleColumn.create("Equity Final [$]");
        Backtest bt = new Backtest(Datasets.GOOG(), SmaCross.class).cash(10_000).commission(.002);
        for (int a = 5; a <= 20; a += 5) {
            for (int b = 10; b <= 50; b += 10) {
                if (a >= b) continue;
                n1.append(a);
                n2.append(b);
                eq.append(bt.run(java.util.Map.of("n1", a, "n2", b)).getDouble("Equity Final [$]"));
            }
        }
        return Table.create("heatmap", n1, n2, eq);
    }

    /** Three parameters, every combination: three panels. */
    static Table threeParams() {
        IntColumn a = IntColumn.create("fast"), b = IntColumn.create("slow");
        DoubleColumn c = DoubleColumn.create("stop");
        DoubleColumn v = DoubleColumn.create("Sharpe Ratio");
        for (int i = 2; i <= 10; i += 2) {
            for (int j = 10; j <= 40; j += 10) {
                for (double k : new double[] {0.01, 0.02, 0.05}) {
                    a.append(i);
                    b.append(j);
                    c.append(k);
                    v.append(Math.sin(i / 3.0) + Math.cos(j / 10.0) - 5 * k);
                }
            }
        }
        return Table.create("heatmap3", a, b, c, v);
    }
}
