package tradebook.examples;

import tradebook.backtest.Param;
import tradebook.portfolio.Panel;
import tradebook.portfolio.PortfolioStrategy;
import tradebook.portfolio.TickerValues;

/**
 * Cross-sectional momentum: on the first bar of each month (or every bar with
 * {@code monthly = false}), hold the {@code top} tickers with the highest positive rate of
 * change over {@code lookback} bars, at equal weight, and rebalance.
 *
 * <pre>{@code
 * Stats s = new PortfolioBacktest(Universe.of(Datasets.DJIA()), MomentumPortfolio.class)
 *         .cash(100_000).commission(.001).run();
 * }</pre>
 */
public class MomentumPortfolio extends PortfolioStrategy {
    @Param public int lookback = 126;
    @Param public int top = 5;
    @Param public boolean monthly = true;
    Panel roc;

    @Override public void init() {
        roc = I("ROC(" + lookback + ")", data().ta().roc(lookback));
    }

    @Override public void next() {
        if (monthly && data().time(-1).getMonthValue() == data().time(-2).getMonthValue()) return;
        alloc().assumeZero();
        TickerValues r = roc.last();
        alloc().bucket("equity").append(r.rankDescending(), r.above(0)).trim(top).weightEqually().apply();
        rebalance(force(true));
    }
}
