package tradebook.chart;

import java.nio.file.Files;
import java.nio.file.Path;
import tradebook.backtest.Backtest;
import tradebook.backtest.Stats;
import tradebook.data.Bars;
import tradebook.data.Datasets;
import tradebook.examples.SmaCross;

/** Writes sample charts to a folder for a look (not a test): {@code ChartHarness OUT_DIR}. */
public final class ChartHarness {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/charts");
        Files.createDirectories(out);
        Stats goog = new Backtest(Datasets.GOOG(), SmaCross.class).cash(10_000).commission(.002).run();
        write(goog.plot(), out, "goog");
        write(goog.plot(PlotOptions.defaults().plotDrawdown(true).relativeEquity(false).plotReturn(true)), out, "goog-options");
        Bars walk = Datasets.randomWalk(1_000_000, 42);
        long t0 = System.nanoTime();
        Stats big = new Backtest(walk, SmaCross.class).cash(10_000).run();
        long t1 = System.nanoTime();
        Chart c = big.plot();
        long t2 = System.nanoTime();
        System.out.printf("1M: backtest %d ms, figure %d ms, %d trades%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, big.tradeList().size());
        write(c, out, "walk1m");
    }

    static void write(Chart c, Path out, String name) {
        long t0 = System.nanoTime();
        Path html = c.save(out.resolve(name + ".html"));
        long t1 = System.nanoTime();
        Path png = c.save(out.resolve(name + ".png"));
        long t2 = System.nanoTime();
        System.out.printf("%s: html %,d bytes (%d ms), png %,d bytes (%d ms), panels %s%n", name, size(html), (t1 - t0) / 1_000_000,
                size(png), (t2 - t1) / 1_000_000, c.panels());
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (Exception e) {
            return -1;
        }
    }
}
