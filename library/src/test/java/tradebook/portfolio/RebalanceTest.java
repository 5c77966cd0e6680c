package tradebook.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tradebook.data.Bars;

/**
 * A two-asset portfolio on six hand-made daily bars, every figure computed on paper from the
 * documented rules: orders decided on bar i fill at bar i+1's open; target units =
 * floor(weight &times; equity &times; (1 - cashReserve) / open), equity marked at that open; sells
 * before buys.
 *
 * <pre>
 * bar date        X open/close   Y open/close
 * 0   2020-12-30  50 / 50        20 / 20
 * 1   2020-12-31  50 / 50        20 / 20
 * 2   2021-01-04  50 / 50        20 / 20      first bar of January: decide
 * 3   2021-01-05  50 / 55        20 / 19      fill
 * 4   2021-02-01  58 / 60        18.5 / 18    first bar of February: decide
 * 5   2021-02-02  62 / 60        17.5 / 18    fill
 * </pre>
 */
class RebalanceTest {
    static final LocalDate[] DAYS = PScript.dates("2020-12-30", "2020-12-31", "2021-01-04", "2021-01-05", "2021-02-01", "2021-02-02");
    static final Bars X = PScript.bars("X", DAYS, PScript.oc(50, 50), PScript.oc(50, 50), PScript.oc(50, 50), PScript.oc(50, 55),
            PScript.oc(58, 60), PScript.oc(62, 60));
    static final Bars Y = PScript.bars("Y", DAYS, PScript.oc(20, 20), PScript.oc(20, 20), PScript.oc(20, 20), PScript.oc(20, 19),
            PScript.oc(18.5, 18), PScript.oc(17.5, 18));
    static final Universe XY = PScript.universe(X, Y);

    /** 50/50 on the first bar of each month (bars 2 and 4). */
    static Consumer<PScript> monthly(Consumer<PScript> decide) {
        return s -> {
            if (s.data().time(-1).getMonthValue() != s.data().time(-2).getMonthValue()) decide.accept(s);
        };
    }

    static final Consumer<PScript> FIFTY_FIFTY = s -> {
        s.alloc().assumeZero();
        s.alloc().add("X", "Y").equalWeight();
        s.rebalance(s.force(true));
    };

    static PortfolioStats run(PScript s, UnaryOperator<PortfolioBacktest> settings) {
        return settings.apply(new PortfolioBacktest(XY, () -> s).cash(10_000).quiet(true)).run();
    }

    static void fill(Table fills, int row, int bar, String ticker, double units, double price, double cashAfter) {
        String at = "fill " + row + ": ";
        assertEquals(bar, fills.intColumn("Bar").get(row), at + "bar");
        assertEquals(ticker, fills.stringColumn("Ticker").get(row), at + "ticker");
        assertEquals(units, fills.doubleColumn("Units").get(row), 1e-9, at + "units");
        assertEquals(price, fills.doubleColumn("Price").get(row), 1e-9, at + "price");
        assertEquals(cashAfter, fills.doubleColumn("CashAfter").get(row), 1e-9, at + "cash after");
    }

    @Test
    void fiftyFiftyMonthlyEveryOrderAndCashFigure() {
        PortfolioStats st = run(new PScript().every(monthly(FIFTY_FIFTY)), b -> b.finalizeTrades(false));
        Table f = st.fills();
        assertEquals(4, f.rowCount(), f.print());
        // Bar 3 open, equity 10,000: X floor(.5*10000*.9/50) = 90, Y floor(4500/20) = 225; cash 10000-4500-4500.
        fill(f, 0, 3, "X", 90, 50, 5500);
        fill(f, 1, 3, "Y", 225, 20, 1000);
        // Bar 5 open: equity 1000 + 90*62 + 225*17.5 = 10517.5; X floor(4732.875/62) = 76 (sell 14),
        // Y floor(4732.875/17.5) = 270 (buy 45). Sell first: 1000 + 14*62 = 1868; then 1868 - 45*17.5 = 1080.5.
        fill(f, 2, 5, "X", -14, 62, 1868);
        fill(f, 3, 5, "Y", 45, 17.5, 1080.5);
        double[] eq = st.equity();
        double[] expected = {10_000, 10_000, 10_000, 1000 + 90 * 55 + 225 * 19, 1000 + 90 * 60 + 225 * 18, 1080.5 + 76 * 60 + 270 * 18};
        for (int i = 0; i < eq.length; i++) assertEquals(expected[i], eq[i], 1e-9, "equity at bar " + i);
        assertEquals(10500.5, st.getDouble("Equity Final [$]"), 1e-9);
        assertEquals(5.005, st.getDouble("Return [%]"), 1e-9);
        // Equal-weight basket bought at bar 0: (60/50 + 18/20) / 2 = 1.05.
        assertEquals(5.0, st.getDouble("Buy & Hold Return [%]"), 1e-9);
        // The sale of 14 X closed the oldest X trade in part: 14 * (62 - 50).
        List<PortfolioTrade> closed = st.portfolioTrades();
        assertEquals(1, closed.size());
        assertEquals("X", closed.get(0).ticker());
        assertEquals(14, closed.get(0).size());
        assertEquals(168, closed.get(0).pl(), 1e-9);
        assertEquals(3, closed.get(0).entryBar());
        assertEquals(5, closed.get(0).exitBar());
        assertEquals(76.0, st.finalPositions().get("X"));
        assertEquals(270.0, st.finalPositions().get("Y"));
        Table trades = st.trades();
        assertEquals("Ticker", trades.columnNames().get(0));
        assertEquals("X", trades.stringColumn("Ticker").get(0));
        // Target weights, one row per rebalance, on the decision bar.
        Table w = st.targetWeights();
        assertEquals(2, w.rowCount());
        assertEquals(.5, w.doubleColumn("X").get(0));
        assertEquals(.5, w.doubleColumn("Y").get(1));
        // Allocation on bar 3: X 4950 / 10225, Y 4275 / 10225, cash 1000 / 10225.
        Table a = st.allocation();
        assertEquals(4950 / 10225.0, a.doubleColumn("X").get(3), 1e-12);
        assertEquals(4275 / 10225.0, a.doubleColumn("Y").get(3), 1e-12);
        assertEquals(1000 / 10225.0, a.doubleColumn("Cash").get(3), 1e-12);
    }

    @Test
    void finalizeClosesEverythingOnTheLastBarAsBacktestingPyDoes() {
        // Closing orders are filled when the last bar is processed again: at its open (X 62, Y 17.5).
        PortfolioStats st = run(new PScript().every(monthly(FIFTY_FIFTY)), b -> b);
        assertEquals(1080.5 + 76 * 62 + 270 * 17.5, st.getDouble("Equity Final [$]"), 1e-9);
        assertEquals(4, st.portfolioTrades().size()); // X 14, then X 76, Y 225, Y 45
        assertTrue(st.finalPositions().isEmpty());
    }

    @Test
    void sellsComeBeforeBuysSoTheSaleFundsThePurchase() {
        // All in X, then all in Y, no cash reserve: the Y purchase needs the cash of the X sale.
        PScript s = new PScript()
                .at(2, p -> {
                    p.alloc().assumeZero().set("X", 1);
                    p.rebalance(p.cashReserve(0));
                })
                .at(4, p -> {
                    p.alloc().assumeZero().set("Y", 1);
                    p.rebalance(p.cashReserve(0));
                });
        Table f = run(s, b -> b.finalizeTrades(false)).fills();
        fill(f, 0, 3, "X", 200, 50, 0);                      // floor(10000 / 50)
        fill(f, 1, 5, "X", -200, 62, 12_400);               // sold first
        fill(f, 2, 5, "Y", 708, 17.5, 12_400 - 708 * 17.5);  // floor(12400 / 17.5) = 708, cash 10
    }

    @Test
    void unitsAreWholeLots() {
        PortfolioStats st = run(new PScript().every(monthly(FIFTY_FIFTY)), b -> b.lotSize(50).finalizeTrades(false));
        Table f = st.fills();
        fill(f, 0, 3, "X", 50, 50, 7500);    // 90 units is 1.8 lots of 50: 1 lot
        fill(f, 1, 3, "Y", 200, 20, 3500);   // 225 units is 4.5 lots: 4 lots
    }

    @Test
    void cashReserveIsKept() {
        PScript s = new PScript().at(2, p -> {
            p.alloc().assumeZero().set("X", .5).set("Y", .5);
            p.rebalance(p.cashReserve(.2));
        });
        PortfolioStats st = run(s, b -> b.finalizeTrades(false));
        Table f = st.fills();
        fill(f, 0, 3, "X", 80, 50, 6000);    // floor(.5 * 10000 * .8 / 50)
        fill(f, 1, 3, "Y", 200, 20, 2000);   // 20% of 10,000 stays in cash
        assertEquals(2000, st.cash()[3], 1e-9);
    }

    @Test
    void weightZeroClosesTheTicker() {
        PScript s = new PScript().every(monthly(p -> {
            if (p.bar() == 2) FIFTY_FIFTY.accept(p);
            else {
                p.alloc().assumePrevious().set("X", 0);
                p.rebalance();
            }
        }));
        PortfolioStats st = run(s, b -> b.finalizeTrades(false));
        Table f = st.fills();
        fill(f, 2, 5, "X", -90, 62, 1000 + 90 * 62);
        fill(f, 3, 5, "Y", 45, 17.5, 1000 + 90 * 62 - 45 * 17.5); // Y floor(.5 * 10517.5 * .9 / 17.5) = 270
        assertFalse(st.finalPositions().containsKey("X"));
        PortfolioTrade x = st.portfolioTrades().get(0);
        assertEquals(90, x.size());
        assertEquals(90 * 12, x.pl(), 1e-9);
    }

    @Test
    void unchangedWeightsDoNotTradeUnlessForced() {
        Consumer<PScript> again = p -> {
            p.alloc().assumeZero();
            p.alloc().add("X", "Y").equalWeight();
            p.record("scheduled", p.rebalance() ? 1 : 0);
        };
        PortfolioStats st = run(new PScript().every(monthly(again)), b -> b.finalizeTrades(false));
        assertEquals(2, st.fills().rowCount(), "only the first rebalance trades: the weights did not change");
        assertEquals(1, st.records().doubleColumn("scheduled").get(2));
        assertEquals(0, st.records().doubleColumn("scheduled").get(4));
        assertEquals(4, run(new PScript().every(monthly(FIFTY_FIFTY)), b -> b.finalizeTrades(false)).fills().rowCount());
    }

    @Test
    void commissionIsChargedPerFillOnTheAccount() {
        PortfolioStats st = run(new PScript().every(monthly(FIFTY_FIFTY)), b -> b.commission(.001).finalizeTrades(false));
        Table f = st.fills();
        fill(f, 0, 3, "X", 90, 50, 10_000 - 4500 - 4.5);
        fill(f, 1, 3, "Y", 225, 20, 10_000 - 2 * 4504.5);
        assertEquals(4.5, f.doubleColumn("Commission").get(0), 1e-12);
    }

    @Test
    void tradeOnCloseFillsAtTheDecisionBarsClose() {
        PortfolioStats st = run(new PScript().every(monthly(FIFTY_FIFTY)), b -> b.tradeOnClose(true).finalizeTrades(false));
        Table f = st.fills();
        fill(f, 0, 2, "X", 90, 50, 5500);  // bar 2's close, 50
        fill(f, 1, 2, "Y", 225, 20, 1000);
        // Bar 4's close: equity 1000 + 90*60 + 225*18 = 10450; X floor(4702.5/60) = 78 (sell 12),
        // Y floor(4702.5/18) = 261 (buy 36); the sale first: 1000 + 720 = 1720, then 1720 - 648 = 1072.
        fill(f, 2, 4, "X", -12, 60, 1000 + 12 * 60);
        fill(f, 3, 4, "Y", 36, 18, 1000 + 12 * 60 - 36 * 18);
    }
}
