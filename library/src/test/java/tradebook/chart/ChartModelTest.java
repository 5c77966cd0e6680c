package tradebook.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tradebook.backtest.Backtest;
import tradebook.backtest.Stats;
import tradebook.backtest.Strategy;
import tradebook.data.Datasets;
import tradebook.ta.Ta;

/** What a backtest plot contains, per option; notebook output. */
class ChartModelTest {

    /** An oscillator far from the price, a forced panel, a hidden line and SMAs. */
    public static class Mixed extends Strategy {
        @Override public void init() {
            double[] c = data().close().values();
            I("SMA(15)", Ta.sma(c, 15));
            double[] osc = new double[c.length];
            for (int i = 0; i < c.length; i++) osc[i] = 50 + 40 * Math.sin(i / 10.0);
            I("Oscillator", osc);
            I("Own", Ta.sma(c, 5)).overlay(false);
            I("Hidden", Ta.sma(c, 7)).plot(false);
        }

        @Override public void next() {
            if (!position().isOpen() && bar() % 50 == 0) buy();
            else if (position().isOpen() && bar() % 50 == 25) position().close();
        }
    }

    @Test
    void defaultPanelsAreBacktestingPys() {
        Chart c = Samples.goog().plot();
        assertEquals(List.of("Equity", "Profit / Loss", "GOOG", "Volume"), c.panels());
        assertTrue(c.series().containsAll(List.of("Equity", "OHLC", "SMA(10)", "SMA(20)", "Volume", "Profit", "Loss", "M candles")), c.series().toString());
        assertTrue(c.toString().startsWith("Chart[SmaCross"));
    }

    /** SignalStrategy's "entry size" markers are coloured "black", as in Backtesting.py. */
    public static class Signalled extends tradebook.lib.SignalStrategy {
        @Override public void init() {
            super.init();
            double[] entry = new double[data().size()];
            entry[50] = .5;
            setSignal(entry);
            I("Named", Ta.sma(data().close(), 5)).color("orange");
            I("Unknown", Ta.sma(data().close(), 7)).color("no-such-colour");
        }
    }

    @Test
    void namedColoursRender() {
        Backtest bt = new Backtest(Datasets.GOOG(), Signalled.class);
        bt.run();
        Chart c = bt.plot();
        String json = c.toJson();
        assertTrue(json.contains("#000000") && json.contains("#ffa500"), "named colours become hex");
        assertTrue(c.toPng().length > 1000);
        assertEquals("#aabbcc", Colors.hex("#ABC"));
    }

    @Test
    void plotBeforeRunSaysWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Backtest(Datasets.GOOG(), Mixed.class).plot());
        assertTrue(e.getMessage().contains("call run()"));
    }

    @Test
    void optionsChoosePanels() {
        Stats s = Samples.goog();
        assertEquals(List.of("Return", "Drawdown", "GOOG"),
                s.plot(PlotOptions.defaults().plotReturn(true).plotDrawdown(true).plotPl(false).plotVolume(false)).panels());
        assertEquals(List.of("GOOG"), s.plot(PlotOptions.defaults().plotEquity(false).plotPl(false).plotVolume(false)).panels());
        Chart noTrades = s.plot(PlotOptions.defaults().plotTrades(false).superimpose(false));
        assertFalse(noTrades.series().stream().anyMatch(n -> n.contains("trades") || n.contains("candles")), noTrades.series().toString());
        Chart weekly = s.plot(PlotOptions.defaults().superimpose("W"));
        assertTrue(weekly.series().contains("W candles"));
    }

    @Test
    void indicatorsOverlayOrGetTheirOwnPanel() {
        Backtest bt = new Backtest(Datasets.GOOG(), Mixed.class);
        bt.run();
        Chart c = bt.plot();
        assertEquals(List.of("Equity", "Profit / Loss", "GOOG", "Volume", "Oscillator", "Own"), c.panels());
        assertFalse(c.series().contains("Hidden"));
        Figure f = c.figure();
        assertEquals("GOOG", traceNamed(f, "SMA(15)").panel.name);
        assertEquals(List.of("Equity", "Profit / Loss", "GOOG", "Volume", "Own", "Oscillator"),
                bt.plot(PlotOptions.defaults().reverseIndicators(true)).panels());
    }

    @Test
    void equityMarksAndRelativeScale() {
        Stats s = Samples.goog();
        Figure f = s.plot().figure();
        Trace equity = traceNamed(f, "Equity");
        assertEquals(1.0, equity.y[0], 1e-9, "relative equity starts at 100%");
        double dd = 100 * (double) s.getDouble("Max. Drawdown [%]");
        assertTrue(f.traces.stream().anyMatch(t -> t.name.equals(String.format(java.util.Locale.ROOT, "Max Drawdown (%.1f%%)", dd / 100))),
                f.traces.stream().map(t -> t.name).toList().toString());
        long days = ((java.time.Duration) s.get("Max. Drawdown Duration")).toDays();
        assertTrue(f.traces.stream().anyMatch(t -> t.name.equals("Max Dd Dur. (" + days + " days)")), "longest drawdown " + days + " days");
        Trace cash = traceNamed(s.plot(PlotOptions.defaults().relativeEquity(false)).figure(), "Equity");
        assertEquals(10_000, cash.y[0], 1e-6);
    }

    @Test
    void resamplingKeepsBigSeriesSmall() {
        Stats s = Samples.walk();
        Figure auto = s.plot().figure();
        Trace candles = auto.traces.stream().filter(t -> t.kind == Trace.Kind.CANDLES).findFirst().orElseThrow();
        assertTrue(candles.x.length <= 5000 && candles.x.length > 2500, candles.x.length + " candles");
        assertTrue(auto.title.contains("4H candles from 1,000,000 bars"), auto.title);
        Figure daily = s.plot(PlotOptions.defaults().resample("D")).figure();
        assertEquals(695, daily.traces.stream().filter(t -> t.kind == Trace.Kind.CANDLES).findFirst().orElseThrow().x.length);
        Figure fewer = s.plot(PlotOptions.defaults().maxCandles(1000)).figure();
        assertTrue(fewer.title.contains("D candles"), fewer.title);
        // Trades merged per bucket: P/L markers never outnumber candles.
        int marks = fewer.traces.stream().filter(t -> t.panel.name.equals("Profit / Loss")).mapToInt(t -> t.x.length).sum();
        assertTrue(marks <= 695, marks + " P/L marks");
        assertEquals(2148, Samples.goog().plot().figure().traces.stream().filter(t -> t.kind == Trace.Kind.CANDLES).findFirst().orElseThrow().x.length);
    }

    @Test
    void smoothEquityIsStraightBetweenExits() {
        double[] eq = {100, 90, 120, 80, 110, 130};
        double[] out = BacktestPlot.smooth(eq, List.of());
        assertEquals(100, out[0]);
        assertEquals(130, out[5]);
        assertEquals(112, out[2], 1e-9, "no exits: a straight line from first to last");
        assertTrue(Samples.goog().plot(PlotOptions.defaults().smoothEquity(true)).panels().contains("Equity"));
    }

    @Test
    void longestDrawdown() {
        long[] t = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] eq = {100, 90, 95, 101, 99, 98, 97, 96};
        assertTrue(java.util.Arrays.equals(new int[] {3, 7}, BacktestPlot.longestDrawdown(eq, t)));
        double[] recovered = {100, 90, 95, 101, 102, 103, 103, 104};
        assertTrue(java.util.Arrays.equals(new int[] {0, 3}, BacktestPlot.longestDrawdown(recovered, t)));
    }

    @Test
    void notebookOutput() {
        Chart.resendPlotlyJs();
        Chart c = Samples.goog().plot();
        Map<String, String> first = c.toMimeBundle(), second = c.toMimeBundle();
        assertEquals(List.of("text/plain", "application/vnd.plotly.v1+json", "text/html", "image/png"), List.copyOf(first.keySet()));
        JsonObject fig = JsonParser.parseString(first.get("application/vnd.plotly.v1+json")).getAsJsonObject();
        assertTrue(fig.has("data") && fig.has("layout") && fig.has("config"));
        assertEquals(4, fig.getAsJsonObject("layout").keySet().stream().filter(k -> k.matches("yaxis\\d*")).count());
        assertFalse(first.get("application/vnd.plotly.v1+json").contains("<script"));
        assertTrue(first.get("text/html").contains("window.Plotly = Plotly"), "first chart carries plotly.js");
        assertFalse(second.get("text/html").contains("window.Plotly = Plotly"), "later charts wait for it");
        assertTrue(second.get("text/html").contains("<img"), "static viewers see the picture");
        int kb = 0;
        for (String v : second.values()) kb += v.length() / 1024;
        System.out.printf("notebook output of the GOOG chart: %d KB (first chart +%d KB of plotly.js)%n", kb, PlotlyHtml.plotlyJs().length() / 1024);
    }

    @Test
    void heatmapsAggregateOverOtherParameters() {
        Table t = Samples.threeParams();
        Figure max = Chart.plotHeatmaps(t).figure(), mean = Chart.plotHeatmaps(t, "mean").figure();
        assertEquals(3, max.panels.size());
        Trace fastSlow = max.traces.get(0);
        assertEquals(List.of("2", "4", "6", "8", "10"), fastSlow.panel.xCategories);
        assertEquals(List.of("10", "20", "30", "40"), fastSlow.panel.yCategories);
        // fast=2, slow=10: max over stop is at stop=0.01.
        assertEquals(Math.sin(2 / 3.0) + Math.cos(1) - 0.05, fastSlow.z[0][0], 1e-9);
        assertEquals(Math.sin(2 / 3.0) + Math.cos(1) - 5 * (0.01 + 0.02 + 0.05) / 3, mean.traces.get(0).z[0][0], 1e-9);
        Figure sma = Chart.plotHeatmaps(Samples.smaHeatmap()).figure();
        assertEquals(1, sma.panels.size());
        assertTrue(Double.isNaN(sma.traces.get(0).z[0][1]), "n1=10, n2=10 never ran");
        assertThrows(IllegalArgumentException.class, () -> Chart.plotHeatmaps(t, "mode"));
    }

    @Test
    void numbersAreShort() {
        assertEquals("123.4568", Json.num(new StringBuilder(), 123.456789).toString());
        assertEquals("1577836800000", Json.num(new StringBuilder(), 1577836800000.0).toString());
        assertEquals("null", Json.num(new StringBuilder(), Double.NaN).toString());
        assertEquals("0.001234568", Json.num(new StringBuilder(), 0.00123456789).toString());
        assertEquals("\"a\\u003c/script\\u003e\"", Json.str("a</script>"));
    }

    private static Trace traceNamed(Figure f, String name) {
        return f.traces.stream().filter(t -> t.name.equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }
}
