package tradebook.backtest;

import static tradebook.lib.Lib.range;

import tradebook.bench.Bench;
import tradebook.data.Datasets;
import tradebook.examples.SmaCross;

/**
 * Benchmarks of the optimizer, registered with {@link Bench} when this class loads: the GOOG
 * SmaCross grid (commission .002, n1 5..25 step 5, n2 10..65 step 5, n1 &lt; n2: 50 runs)
 * single-threaded (W2) and on all cores (W2P).
 */
public final class OptimizationBench {
    private OptimizationBench() {}

    static {
        Bench.register("W2", () -> new Bench.Workload("W2", 60, 40, () -> grid(1).run()));
        Bench.register("W2P", () -> new Bench.Workload("W2P", 60, 40,
                () -> grid(Runtime.getRuntime().availableProcessors()).run()));
    }

    /** The grid of issue 4. */
    public static Optimization grid(int threads) {
        return new Backtest(Datasets.GOOG(), SmaCross.class).commission(.002).optimize()
                .param("n1", range(5, 30, 5))
                .param("n2", range(10, 70, 5))
                .constraint(p -> p.getInt("n1") < p.getInt("n2"))
                .maximize("Equity Final [$]")
                .threads(threads)
                .progress(false);
    }
}
