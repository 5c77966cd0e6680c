package tradebook.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tradebook.lib.Lib.crossover;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tradebook.backtest.Backtest;
import tradebook.backtest.Indicator;
import tradebook.backtest.Stats;
import tradebook.backtest.Strategy;
import tradebook.data.Bars;
import tradebook.data.Datasets;
import tradebook.data.Series;
import tradebook.examples.SmaCross;
import tradebook.ta.Ta;

/**
 * A one-ticker portfolio runs the same fill rules as the single-asset engine: the same strategy
 * written both ways gives the same equity on every bar and the same stats.
 */
class SingleAssetParityTest {

    /** SmaCross through the portfolio API: close and reverse on SMA crosses. */
    public static class PortfolioSmaCross extends PortfolioStrategy {
        Panel fast, slow;

        @Override public void init() {
            fast = I("SMA10", data().ta().sma(10));
            slow = I("SMA20", data().ta().sma(20));
        }

        @Override public void next() {
            Series f = fast.get("GOOG"), s = slow.get("GOOG");
            if (crossover(f, s)) {
                position("GOOG").close();
                buy(ticker("GOOG"));
            } else if (crossover(s, f)) {
                position("GOOG").close();
                sell(ticker("GOOG"));
            }
        }
    }

    /** Long only, half the cash per entry, out on the cross down. */
    public static class LongHalf extends Strategy {
        Indicator fast, slow;

        @Override public void init() {
            fast = I("SMA10", Ta.sma(data().close(), 10));
            slow = I("SMA30", Ta.sma(data().close(), 30));
        }

        @Override public void next() {
            if (crossover(fast, slow)) buy(size(.5));
            else if (crossover(slow, fast)) position().close();
        }
    }

    public static class PortfolioLongHalf extends PortfolioStrategy {
        Panel fast, slow;

        @Override public void init() {
            fast = I("SMA10", data().ta().sma(10));
            slow = I("SMA30", data().ta().sma(30));
        }

        @Override public void next() {
            if (crossover(fast.get("GOOG"), slow.get("GOOG"))) buy(ticker("GOOG").size(.5));
            else if (crossover(slow.get("GOOG"), fast.get("GOOG"))) position("GOOG").close();
        }
    }

    static void same(Stats single, PortfolioStats multi) {
        double[] a = single.equity(), b = multi.equity();
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-9 * a[i], "equity at bar " + i);
        for (String key : single.keys()) {
            if (key.equals("Buy & Hold Return [%]") || key.equals("Start") || key.equals("End")) {
                assertEquals(single.get(key), multi.get(key), key);
                continue;
            }
            double x = single.getDouble(key), y = multi.getDouble(key);
            if (Double.isNaN(x)) assertEquals(x, y, key);
            else assertEquals(x, y, 1e-9 * Math.max(1, Math.abs(x)), key);
        }
        assertEquals(single.keys(), multi.keys());
        assertEquals(single.tradeList().size(), multi.portfolioTrades().size());
        for (int k = 0; k < single.tradeList().size(); k++) {
            var s = single.tradeList().get(k);
            var m = multi.portfolioTrades().get(k);
            assertEquals(s.size(), m.size(), "trade " + k);
            assertEquals(s.entryBar(), m.entryBar(), "trade " + k);
            assertEquals(s.exitBar(), m.exitBar(), "trade " + k);
        }
    }

    static void check(Class<? extends Strategy> single, Class<? extends PortfolioStrategy> multi, UnaryOperator<Backtest> s1,
                      UnaryOperator<PortfolioBacktest> s2) {
        Bars goog = Datasets.GOOG();
        Stats a = s1.apply(new Backtest(goog, single).cash(10_000)).run();
        PortfolioStats b = s2.apply(new PortfolioBacktest(Universe.of(Map.of("GOOG", goog)), multi).cash(10_000).quiet(true)).run();
        same(a, b);
    }

    @Test
    void smaCrossWithCommission() {
        check(SmaCross.class, PortfolioSmaCross.class, b -> b.commission(.002).finalizeTrades(true), b -> b.commission(.002).finalizeTrades(true));
    }

    @Test
    void smaCrossTradeOnCloseOpenAtEnd() {
        check(SmaCross.class, PortfolioSmaCross.class, b -> b.tradeOnClose(true), b -> b.tradeOnClose(true).finalizeTrades(false));
    }

    @Test
    void longOnlyFractionSizes() {
        check(LongHalf.class, PortfolioLongHalf.class, b -> b.commission(.001).finalizeTrades(true), b -> b.commission(.001));
    }
}
