package tradebook.portfolio;

import java.util.Map;
import tradebook.bench.Bench;
import tradebook.data.Datasets;
import tradebook.examples.MomentumPortfolio;

/**
 * Portfolio workloads for {@code ./tradebook bench}. P1: the notebook's momentum strategy (rank
 * the DJIA tickers by 10-day rate of change, hold the top 3 at equal weight, rebalance daily) over
 * the whole DJIA set, data loading and alignment excluded.
 */
public final class PortfolioBench {
    private PortfolioBench() {}

    static {
        Bench.register("P1", () -> {
            Universe djia = Universe.of(Datasets.DJIA());
            PortfolioBacktest bt = new PortfolioBacktest(djia, MomentumPortfolio.class).cash(100_000).commission(.001).quiet(true);
            Map<String, Object> p = Map.of("lookback", 10, "top", 3, "monthly", false);
            return new Bench.Workload("P1", 40, 30, () -> bt.run(p));
        });
    }
}
