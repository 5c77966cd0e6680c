package tradebook.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tradebook.data.Datasets;
import tradebook.examples.SmaCross;
import tradebook.ta.Ta;

class StrategyErrorsTest {

    public static class Throws extends Strategy {
        @Override public void next() {
            if (bar() == 57) throw new IllegalStateException("my bug");
        }
    }

    public static class LongSma extends Strategy {
        Indicator sma;

        @Override public void init() {
            sma = I("SMA(500)", Ta.sma(data().close().values(), 500));
        }
    }

    /** Records the first bar next() sees; keeps SMA(30) in a field or only declares it. */
    public static class FirstBar extends Strategy {
        @Param public boolean keep;
        Indicator kept;
        int first = -1;

        @Override public void init() {
            Indicator sma = I("SMA(30)", Ta.sma(data().close().values(), 30));
            if (keep) kept = sma;
        }

        @Override public void next() {
            if (first < 0) first = bar();
        }
    }

    @Test
    void warmUpCountsTheIndicatorsTheStrategyKeeps() {
        // Backtesting.py: only indicators kept as attributes delay next(), to one bar after their first value
        Stats kept = new Backtest(Datasets.GOOG(), FirstBar.class).run(Map.of("keep", true));
        assertEquals(30, ((FirstBar) kept.strategy()).first);
        Stats local = new Backtest(Datasets.GOOG(), FirstBar.class).run(Map.of("keep", false));
        assertEquals(1, ((FirstBar) local.strategy()).first);
    }

    public static class WrongLength extends Strategy {
        @Override public void init() {
            I("short", new double[10]);
        }
    }

    @Test
    void nextThatThrowsNamesBarAndTime() {
        BacktestException e = assertThrows(BacktestException.class, () -> new Backtest(Datasets.GOOG(), Throws.class).run());
        assertEquals("Throws.next() failed at bar 57 (2004-11-09T00:00): IllegalStateException: my bug", e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    @Test
    void tooFewBarsForAnIndicator() {
        // As Backtesting.py it runs (an all-NaN indicator may be one filled in by next()), with a warning naming it
        Stats s = new Backtest(Datasets.GOOG().slice(0, 300), LongSma.class).run();
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("indicator 'SMA(500)' of LongSma has no value on any of the 300 bars")),
                s.warnings().toString());
    }

    @Test
    void indicatorOfWrongLength() {
        BacktestException e = assertThrows(BacktestException.class, () -> new Backtest(Datasets.GOOG(), WrongLength.class).run());
        assertTrue(e.getMessage().contains("I(\"short\"): 10 values for 2148 bars"), e.getMessage());
    }

    @Test
    void unknownParameter() {
        BacktestException e = assertThrows(BacktestException.class,
                () -> new Backtest(Datasets.GOOG(), SmaCross.class).run(Map.of("n3", 5)));
        assertTrue(e.getMessage().contains("SmaCross has no parameter 'n3': parameters are @Param fields [n1, n2]"), e.getMessage());
    }

    @Test
    void nonIntegerForIntParameter() {
        BacktestException e = assertThrows(BacktestException.class,
                () -> new Backtest(Datasets.GOOG(), SmaCross.class).run(Map.of("n1", 5.5)));
        assertTrue(e.getMessage().contains("parameter n1 is an int; got 5.5"), e.getMessage());
    }

    @Test
    void paramsAndToString() {
        Stats s = new Backtest(Datasets.GOOG(), SmaCross.class).run(Map.of("n1", 5, "n2", 15));
        assertEquals("SmaCross(n1=5,n2=15)", s.strategy().toString());
        assertTrue(s.toString().contains("Sharpe Ratio"));
        String json = s.toJson();
        assertTrue(json.startsWith("{\"Start\": \"2004-08-19T00:00:00\", \"End\": \"2013-03-01T00:00:00\", \"Duration\": 3116.0"), json);
        assertEquals(s.tradeList().size(), s.trades().rowCount());
        assertTrue(s.trades().columnNames().contains("Entry_SMA(5)"), s.trades().columnNames().toString());
        assertEquals(2148, s.equityCurve().rowCount());
    }

    @Test
    void runsAreIndependent() {
        Backtest bt = new Backtest(Datasets.GOOG(), SmaCross.class).commission(.002);
        assertEquals(bt.run().get("Equity Final [$]"), bt.run().get("Equity Final [$]"));
    }
}
