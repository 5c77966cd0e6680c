package tradebook.examples;

import static tradebook.lib.Lib.crossover;

import tradebook.backtest.Indicator;
import tradebook.backtest.Param;
import tradebook.backtest.Strategy;
import tradebook.ta.Ta;

/** The Backtesting.py quick-start strategy: close and reverse when two SMAs cross. */
public class SmaCross extends Strategy {
    @Param public int n1 = 10;
    @Param public int n2 = 20;
    Indicator fast, slow;

    @Override public void init() {
        fast = I("SMA(" + n1 + ")", Ta.sma(data().close(), n1));
        slow = I("SMA(" + n2 + ")", Ta.sma(data().close(), n2));
    }

    @Override public void next() {
        if (crossover(fast, slow)) {
            position().close();
            buy();
        } else if (crossover(slow, fast)) {
            position().close();
            sell();
        }
    }
}
