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

    /** Buys one unit on every bar: the last bar always leaves an order for the plan to place. */
    public static final String BUY_EVERY_BAR = String.join("\n",
            "public class BuyEveryBar extends Strategy {",
            "    @Override public void init() {}",
            "    @Override public void next() { buy(size(1)); }",
            "}");

    public static TradePlan.Builder buyEveryBar(String name, String broker) {
        return TradePlan.builder().name(name).strategy("BuyEveryBar", BUY_EVERY_BAR).tickers("AAPL").quoteSource("djia")
                .backtestStart(LocalDate.of(2017, 12, 1)).broker(broker);
    }

    /** After the close of the last bar of the bundled DJIA set: runs see it as today's data. */
    public static final java.time.Clock DJIA_END = java.time.Clock.fixed(java.time.Instant.parse("2017-12-29T21:30:00Z"), java.time.ZoneOffset.UTC);

    public static TradePlan.Builder smaDjia(String name, String broker) {
        return TradePlan.builder().name(name).strategy("SmaCross", SMA_SOURCE).tickers("AAPL").quoteSource("djia")
                .backtestStart(LocalDate.of(2014, 1, 2)).broker(broker);
    }
}
