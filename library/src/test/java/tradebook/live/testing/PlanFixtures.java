package tradebook.live.testing;

import java.time.LocalDate;
import tradebook.plan.TradePlan;

/** Plans for tests: a notebook-style SMA cross on the bundled DJIA data (offline). */
public final class PlanFixtures {
    private PlanFixtures() {}

    public static final String SMA_SOURCE = String.join("\n",
            "public class SmaCross extends Strategy {",
            "    @Param public int n1 = 10;",
            "    @Param public int n2 = 20;",
            "    Indicator fast, slow;",
            "    @Override public void init() {",
            "        fast = I(\"SMA\", Ta.sma(data().close().values(), n1));",
            "        slow = I(\"SMA\", Ta.sma(data().close().values(), n2));",
            "    }",
            "    @Override public void next() {",
            "        if (crossover(fast, slow)) { position().close(); buy(); }",
            "        else if (crossover(slow, fast)) { position().close(); sell(); }",
            "    }",
            "}");

    public static TradePlan.Builder smaDjia(String name, String broker) {
        return TradePlan.builder().name(name).strategy("SmaCross", SMA_SOURCE).tickers("AAPL").quoteSource("djia")
                .backtestStart(LocalDate.of(2014, 1, 2)).broker(broker);
    }
}
