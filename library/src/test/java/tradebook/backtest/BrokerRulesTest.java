package tradebook.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebook.backtest.Script.bar;
import static tradebook.backtest.Script.bars;

import java.util.List;
import org.junit.jupiter.api.Test;
import tradebook.data.Bars;
import tradebook.data.Datasets;

/**
 * Each fill rule on tiny hand-made bars; every expected number is worked out by hand from the
 * documented rules (Backtesting.py's docs), never taken from the engine.
 */
class BrokerRulesTest {
    // Bars 0..5: opens 10..15, each bar's high = open + 1, low = open - 1, close = open + 0.5.
    static final Bars STEPS = bars(bar(10, 11, 9, 10.5), bar(11, 12, 10, 11.5), bar(12, 13, 11, 12.5),
            bar(13, 14, 12, 13.5), bar(14, 15, 13, 14.5), bar(15, 16, 14, 15.5));

    static Stats run(Bars data, Script s, java.util.function.UnaryOperator<Backtest> settings) {
        return settings.apply(new Backtest(data, () -> s)).run();
    }

    static Trade only(Stats st) {
        assertEquals(1, st.tradeList().size(), "trades: " + st.tradeList());
        return st.tradeList().get(0);
    }

    @Test
    void marketOrderFillsAtNextOpen() {
        // buy 3 units at bar 1 -> filled at bar 2's open (12); close at bar 3 -> filled at bar 4's open (14)
        Stats st = run(STEPS, new Script().at(1, s -> s.buy(s.size(3))).at(3, s -> s.position().close()), b -> b);
        Trade t = only(st);
        assertEquals(2, t.entryBar());
        assertEquals(12, t.entryPrice());
        assertEquals(4, t.exitBar());
        assertEquals(14, t.exitPrice());
        assertEquals(3 * (14 - 12), t.pl(), 1e-12);
        // equity at the last bar: 10,000 + 6
        assertEquals(10_006, (double) st.get("Equity Final [$]"), 1e-9);
    }

    @Test
    void tradeOnCloseFillsAtThisClose() {
        Stats st = run(STEPS, new Script().at(1, s -> s.buy(s.size(3))).at(3, s -> s.position().close()), b -> b.tradeOnClose(true));
        Trade t = only(st);
        assertEquals(1, t.entryBar());
        assertEquals(11.5, t.entryPrice());
        assertEquals(3, t.exitBar());
        assertEquals(13.5, t.exitPrice());
    }

    @Test
    void fractionSizeUsesAvailableCash() {
        // half of 10,000 at the next open 12, no commission: floor(5000 / 12) = 416 units
        Stats st = run(STEPS, new Script().at(1, s -> s.buy(s.size(.5))).at(3, s -> s.position().close()), b -> b);
        assertEquals(416, only(st).size());
    }

    @Test
    void fullEquityWithCommissionSizesForPriceAndCommission() {
        // all cash at 12 with 1% commission: floor(10000 * (1 - 2^-52) / (12 * 1.01)) = floor(825.08...) = 825
        Stats st = run(STEPS, new Script().at(1, Strategy::buy).at(3, s -> s.position().close()), b -> b.commission(.01));
        Trade t = only(st);
        assertEquals(825, t.size());
        // commission on entry 825*12*.01 = 99, on exit 825*14*.01 = 115.5
        assertEquals(99 + 115.5, t.commissions(), 1e-9);
        assertEquals(825 * 2 - 214.5, t.pl(), 1e-9);
    }

    @Test
    void limitBuyFillsAtLimitOrBetterGapOpen() {
        // buy limit 12.5 placed at bar 0: bar 1 low 10 <= 12.5 and open 11 < 12.5 -> filled at the open 11
        Stats st = run(STEPS, new Script().at(1, s -> s.buy(s.limit(12.5).size(1))).at(4, s -> s.position().close()), b -> b);
        Trade t = only(st);
        assertEquals(2, t.entryBar());
        assertEquals(12, t.entryPrice()); // bar 2 opens at 12, below the limit: the better price
        // limit 11.2 placed at bar 1: bar 2 low 11 <= 11.2, open 12 above -> filled at 11.2
        st = run(STEPS, new Script().at(1, s -> s.buy(s.limit(11.2).size(1))).at(4, s -> s.position().close()), b -> b);
        t = only(st);
        assertEquals(2, t.entryBar());
        assertEquals(11.2, t.entryPrice());
    }

    @Test
    void limitNotReachedStaysPending() {
        Script s = new Script().at(1, x -> x.buy(x.limit(5).size(1)));
        Stats st = run(STEPS, s, b -> b);
        assertEquals(0, st.tradeList().size());
        assertEquals(1, s.orders().size());
        assertEquals(5, s.orders().get(0).limit());
    }

    @Test
    void stopBuyFillsWhenTouchedAtStopOrWorseGap() {
        // stop 13.2 placed at bar 1: bar 2 high 13 no; bar 3 high 14 >= 13.2, open 13 < 13.2 -> filled at 13.2
        Stats st = run(STEPS, new Script().at(1, s -> s.buy(s.stop(13.2).size(1))).at(4, s -> s.position().close()), b -> b);
        Trade t = only(st);
        assertEquals(3, t.entryBar());
        assertEquals(13.2, t.entryPrice());
        // stop 11.5 placed at bar 1: bar 2 opens at 12 above it (gap) -> filled at the worse open, 12
        st = run(STEPS, new Script().at(1, s -> s.buy(s.stop(11.5).size(1))).at(4, s -> s.position().close()), b -> b);
        assertEquals(12, only(st).entryPrice());
    }

    @Test
    void stopLimitWaitsForStopThenFillsAtLimit() {
        // stop 12.8 then limit 12.6: bar 2 (o12 h13 l11) touches the stop and its low reaches the limit, but the limit
        // is below the stop, so the pessimistic reading is that the limit came first: no fill on bar 2. Bar 3 (o13, l12)
        // reaches the limit as a plain limit order: filled at min(open, limit) = 12.6.
        Stats st = run(STEPS, new Script().at(1, s -> s.buy(s.stop(12.8).limit(12.6).size(1))).at(4, s -> s.position().close()), b -> b);
        Trade t = only(st);
        assertEquals(3, t.entryBar());
        assertEquals(12.6, t.entryPrice());
    }

    @Test
    void stopLossBeforeTakeProfitOnTheSameBar() {
        // long 1 at bar 2 open 12 with SL 11.2 and TP 12.8: bar 2 itself has low 11 and high 13 -> both hit, SL wins.
        Bars data = STEPS;
        Stats st = run(data, new Script().at(1, s -> s.buy(s.size(1).sl(11.2).tp(12.8))), b -> b);
        Trade t = only(st);
        assertEquals(2, t.entryBar());
        assertEquals(2, t.exitBar()); // market entry with SL hit inside the same bar
        assertEquals(11.2, t.exitPrice());
        assertEquals(11.2, t.sl());
        assertEquals(12.8, t.tp());
    }

    @Test
    void takeProfitGapFillsAtOpen() {
        // long 1 at bar 2 open 12, TP 12.9: bar 2 high 13 -> exit at 12.9 the same bar
        Stats st = run(STEPS, new Script().at(1, s -> s.buy(s.size(1).tp(12.9))), b -> b);
        assertEquals(12.9, only(st).exitPrice());
        // TP 12.2 set after entry (at bar 3): bar 4 opens at 14, above it -> exit at the open 14
        st = run(STEPS, new Script().at(1, s -> s.buy(s.size(1))).at(3, s -> s.trades().get(0).tp(12.2)), b -> b);
        Trade t = only(st);
        assertEquals(4, t.exitBar());
        assertEquals(14, t.exitPrice());
    }

    @Test
    void stopLossGapFillsAtOpen() {
        Bars down = bars(bar(20, 21, 19, 20), bar(20, 21, 19, 20), bar(20, 21, 19.5, 20), bar(15, 16, 14, 15), bar(15, 16, 14, 15));
        // long at bar 2 open 20 with SL 18: bar 3 opens at 15 below the stop -> exit at 15, not 18
        Stats st = run(down, new Script().at(1, s -> s.buy(s.size(1).sl(18))), b -> b);
        Trade t = only(st);
        assertEquals(3, t.exitBar());
        assertEquals(15, t.exitPrice());
    }

    @Test
    void nettingClosesOppositeTradesFirstButHedgingKeepsBoth() {
        Script netting = new Script().at(1, s -> s.buy(s.size(5))).at(2, s -> s.sell(s.size(3)));
        Stats st = run(STEPS, netting, b -> b.finalizeTrades(true));
        // the sell of 3 reduces the long of 5 (FIFO) at bar 3's open 13: a closed part of 3, a remaining long of 2
        List<Trade> ts = st.tradeList();
        assertEquals(3, ts.get(0).size());
        assertEquals(3, ts.get(0).exitBar());
        assertEquals(13, ts.get(0).exitPrice());
        assertEquals(2, ts.get(1).size());

        Script hedged = new Script().at(1, s -> s.buy(s.size(5))).at(2, s -> s.sell(s.size(3))).at(3, s -> {
            assertEquals(2, s.trades().size());
            assertEquals(2, s.position().size(), 1e-12);
        });
        Stats sh = new Backtest(STEPS, () -> hedged).hedging(true).run();
        assertEquals(0, sh.tradeList().size()); // both still open at the end
    }

    @Test
    void exclusiveOrdersCloseThePositionFirst() {
        Script s = new Script().at(1, x -> x.buy(x.size(5))).at(2, x -> x.sell(x.size(2))).at(3, x -> {
            assertEquals(1, x.trades().size());
            assertEquals(-2, x.trades().get(0).size());
        });
        Stats st = new Backtest(STEPS, () -> s).exclusiveOrders(true).run();
        Trade closed = only(st);
        assertEquals(5, closed.size());
        assertEquals(3, closed.exitBar());
        assertEquals(13, closed.exitPrice());
    }

    @Test
    void partialClose() {
        // close(.5) of a 5-unit long: round(2.5) = 2 (round half to even), at least 1
        Stats st = run(STEPS, new Script().at(1, s -> s.buy(s.size(5))).at(2, s -> s.position().close(.5)), b -> b);
        assertEquals(2, only(st).size());
    }

    @Test
    void marginSpreadAndFixedCommissionOnEurUsd() {
        Bars eu = Datasets.EURUSD();
        double cash = 10_000, margin = .05, spread = .0002, fixed = 2, rel = .0001;
        Stats st = new Backtest(eu, () -> new Script().at(10, s -> s.buy(s.size(.5))).at(20, s -> s.position().close()))
                .cash(cash).margin(margin).spread(spread).commission(fixed, rel).run();
        Trade t = only(st);
        double p = eu.open().get(11), q = eu.open().get(21);
        double entry = p * (1 + spread);
        // sizing: available margin * leverage * fraction over (adjusted price + commission per unit of the requested size)
        double perUnit = entry + (fixed + .5 * p * rel) / .5;
        long units = (long) Math.floor(cash / margin * .5 / perUnit);
        assertEquals(units, t.size());
        assertEquals(entry, t.entryPrice(), 1e-15);
        assertEquals(q, t.exitPrice());
        double commissions = (fixed + units * entry * rel) + (fixed + units * q * rel);
        assertEquals(commissions, t.commissions(), 1e-9);
        assertEquals(units * (q - entry) - commissions, t.pl(), 1e-9);
        assertEquals(cash + t.pl(), (double) st.get("Equity Final [$]"), 1e-9);
    }

    @Test
    void fractionalBitcoin() {
        Bars btc = Datasets.BTCUSD();
        double unit = 1e-6;
        // last bar's price: 10,000 buys less than one whole coin
        Stats st = new Backtest(btc, () -> new Script().at(130, s -> s.buy()).at(140, s -> s.position().close()))
                .fractionalUnit(unit).run();
        Trade t = only(st);
        double p = btc.open().get(131);
        double expected = Math.floor(10_000 * Strategy.FULL_EQUITY / (p * unit)) * unit;
        assertEquals(expected, t.size(), 1e-12);
        assertTrue(t.size() != Math.rint(t.size()), "a fractional size, got " + t.size());
        assertEquals(t.size() * (btc.open().get(141) - p), t.pl(), 1e-6);
    }

    @Test
    void commissionAsAFunction() {
        // $1 per unit traded
        Stats st = new Backtest(STEPS, () -> new Script().at(1, s -> s.buy(s.size(3))).at(3, s -> s.position().close()))
                .commission((size, price) -> Math.abs(size)).run();
        assertEquals(6, only(st).commissions(), 1e-12);
    }

    @Test
    void slippageMovesMarketFillsAgainstTheTrader() {
        Stats st = new Backtest(STEPS, () -> new Script().at(1, s -> s.buy(s.size(3))).at(3, s -> s.position().close()))
                .slippage(.01).run();
        Trade t = only(st);
        assertEquals(12 * 1.01, t.entryPrice(), 1e-12);
        assertEquals(14 * .99, t.exitPrice(), 1e-12);
    }

    @Test
    void liquidationWhenEquityReachesZero() {
        // short 100 units at 50 with margin .1 (leverage 10); the price doubles on bar 3: equity 10,000 - 100*60 < 0? no:
        // cash 10,000, short 100 @ 50 -> equity at close c = 10,000 - 100 * (c - 50); it is <= 0 once c >= 150.
        Bars up = bars(bar(50, 50, 50, 50), bar(50, 50, 50, 50), bar(50, 60, 50, 60), bar(100, 160, 100, 160), bar(160, 170, 150, 170));
        Stats st = new Backtest(up, () -> new Script().at(1, s -> s.sell(s.size(100)))).margin(.1).run();
        Trade t = only(st);
        assertEquals(3, t.exitBar());
        assertEquals(160, t.exitPrice()); // liquidated at that bar's close
        double[] eq = st.equity();
        assertEquals(0, eq[3]);
        assertEquals(0, eq[4]);
        assertTrue(st.warnings().stream().anyMatch(w -> w.contains("ran out of money")));
    }

    @Test
    void noLookAhead() {
        Script s = new Script().at(2, x -> {
            assertEquals(3, x.data().size());
            assertEquals(12.5, x.data().close().get(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> x.data().close().get(3));
        });
        new Backtest(STEPS, () -> s).run();
    }

    @Test
    void invalidStopLossNamesTheBar() {
        BacktestException e = assertThrows(BacktestException.class, () ->
                new Backtest(STEPS, () -> new Script().at(2, s -> s.buy(s.sl(13)))).run());
        assertTrue(e.getMessage().contains("bar 2"), e.getMessage());
        assertTrue(e.getMessage().contains("SL (13.0)"), e.getMessage());
    }

    @Test
    void badSizeIsRefused() {
        BacktestException e = assertThrows(BacktestException.class, () ->
                new Backtest(STEPS, () -> new Script().at(2, s -> s.buy(s.size(1.5)))).run());
        assertTrue(e.getMessage().contains("whole number of units"), e.getMessage());
    }
}
