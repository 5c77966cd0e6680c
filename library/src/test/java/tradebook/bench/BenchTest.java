package tradebook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every workload `./tradebook bench` prints exists and runs (once, untimed: speed is the bench's job, not a test's). */
class BenchTest {
    @Test
    void everyWorkloadRuns() throws Exception {
        for (String extra : List.of("tradebook.backtest.OptimizationBench", "tradebook.portfolio.PortfolioBench")) Class.forName(extra);
        assertTrue(Bench.WORKLOADS.keySet().containsAll(List.of("W1", "W2", "W2P", "W3", "P1")), Bench.WORKLOADS.keySet().toString());
        for (var e : Bench.WORKLOADS.entrySet()) {
            Bench.Workload w = e.getValue().get();
            assertEquals(e.getKey(), w.name());
            assertTrue(w.runs() > 0 && w.warmup() >= 0);
            w.work().run();
        }
        assertEquals(2.0, Bench.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, Bench.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }
}
