package tradebook.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tradebook.data.Bars;
import tradebook.data.Datasets;
import tradebook.examples.MomentumPortfolio;

/** The DJIA set end to end, and a first rebalance on real prices checked against the rule. */
class DjiaPortfolioTest {

    @Test
    void firstEqualWeightRebalanceOnThreeTickers() {
        Map<String, Bars> three = new LinkedHashMap<>();
        for (String t : List.of("AAPL", "MSFT", "KO")) three.put(t, Datasets.DJIA(t));
        PScript s = new PScript().at(1, p -> {
            p.alloc().add("AAPL", "MSFT", "KO").equalWeight();
            p.rebalance();
        });
        PortfolioStats st = new PortfolioBacktest(Universe.of(three), () -> s).cash(10_000).finalizeTrades(false).quiet(true).run();
        Table f = st.fills();
        assertEquals(3, f.rowCount());
        double cash = 10_000;
        for (int row = 0; row < 3; row++) {
            String t = f.stringColumn("Ticker").get(row);
            // Decided on bar 1, filled at bar 2's open (2006-01-05): floor(1/3 * 10,000 * 0.9 / open).
            double open = Datasets.DJIA(t).open().get(2);
            assertEquals(LocalDate.of(2006, 1, 5), Datasets.DJIA(t).time(2).toLocalDate());
            double units = Math.floor(10_000 * 0.9 / 3 / open);
            cash -= units * open;
            RebalanceTest.fill(f, row, 2, t, units, open, cash);
        }
        assertTrue(cash >= 1000, "the 10% reserve stays in cash: " + cash);
    }

    @Test
    void monthlyMomentumOnAllTickersRunsEndToEnd() {
        Universe u = Universe.of(Datasets.DJIA());
        PortfolioStats st = new PortfolioBacktest(u, MomentumPortfolio.class).cash(100_000).commission(.001).quiet(true).run();
        assertTrue(st.getDouble("Equity Final [$]") > 0);
        assertTrue((int) st.get("# Trades") > 100, "trades: " + st.get("# Trades"));
        assertEquals(st.keys(), new tradebook.backtest.Backtest(Datasets.GOOG(), tradebook.examples.SmaCross.class)
                .commission(.002).run().keys(), "same keys as the single-asset stats");
        // Target weights: at most 5 tickers at 1/5 each, never more than 1 in all.
        Table w = st.targetWeights();
        assertTrue(w.rowCount() > 100);
        for (int r = 0; r < w.rowCount(); r++) {
            double sum = 0;
            int held = 0;
            for (String t : u.tickers()) {
                double x = w.doubleColumn(t).get(r);
                sum += x;
                if (x > 0) held++;
            }
            assertTrue(sum <= 1 + 1e-9 && held <= 5, "row " + r);
        }
        // Allocation: position weights plus cash make 1 on every bar; cash never goes negative.
        Table a = st.allocation();
        double[] cash = st.cash();
        for (int i = 0; i < a.rowCount(); i++) {
            double sum = a.doubleColumn("Cash").get(i);
            for (String t : u.tickers()) sum += a.doubleColumn(t).get(i);
            assertEquals(1, sum, 1e-9, "bar " + i);
            assertTrue(cash[i] >= -1e-6, "cash at bar " + i + ": " + cash[i]);
        }
        assertEquals(st.equity().length, st.baseline().length);
        assertTrue(st.toJson().contains("\"_strategy\": \"MomentumPortfolio(lookback=126,top=5,monthly=true)\""), st.toJson());
    }

    @Test
    void dailyTopThreeByTenDayRocAsInTheNotebook() {
        PortfolioStats st = new PortfolioBacktest(Universe.of(Datasets.DJIA()), MomentumPortfolio.class).cash(100_000).quiet(true)
                .run(Map.of("lookback", 10, "top", 3, "monthly", false));
        // ROC(10) has its first value on bar 10, so next() starts on bar 11 and the first fill is on bar 12.
        assertEquals(12, st.fills().intColumn("Bar").get(0));
        assertTrue(Double.isFinite(st.getDouble("Sharpe Ratio")));
    }

    @Test
    void plotShowsEquityBaselineAndStackedAllocation() {
        PortfolioStats st = new PortfolioBacktest(Universe.of(Datasets.DJIA()), MomentumPortfolio.class).cash(100_000).quiet(true).run();
        tradebook.chart.Chart c = st.plot();
        assertEquals(List.of("Equity", "Drawdown", "Allocation"), c.panels());
        assertTrue(c.series().containsAll(List.of("Equal-weight basket", "Cash", "Drawdown")), c.series().toString());
        // The stacked layers (tickers, "Other", cash) add up to the whole account on every plotted bar
        com.google.gson.JsonArray data = com.google.gson.JsonParser.parseString(c.toJson()).getAsJsonObject().getAsJsonArray("data");
        double[] total = null;
        int layers = 0;
        for (var e : data) {
            var t = e.getAsJsonObject();
            if (!t.has("stackgroup")) continue;
            layers++;
            double[] y = typedArray(t.getAsJsonObject("y"));
            if (total == null) total = new double[y.length];
            for (int i = 0; i < y.length; i++) total[i] += y[i];
        }
        assertTrue(layers >= 3 && layers <= 12, "layers: " + layers);
        for (int i = 0; i < total.length; i++) assertEquals(1, total[i], 1e-5, "point " + i); // f4 values: 7 digits
        assertTrue(c.toPng().length > 10_000, "a real picture");
    }

    /** Plotly's typed array {"dtype": "f4"|"f8", "bdata": base64 little-endian}. */
    static double[] typedArray(com.google.gson.JsonObject o) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(o.get("bdata").getAsString()))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        boolean f8 = o.get("dtype").getAsString().equals("f8");
        double[] out = new double[b.remaining() / (f8 ? 8 : 4)];
        for (int i = 0; i < out.length; i++) out[i] = f8 ? b.getDouble() : b.getFloat();
        return out;
    }

    @Test
    void tradeStartDateAndHoldings() {
        // Indicators warm up on 2006; trading and the stats start on the first bar of 2007, holding 10 KO.
        Map<String, Bars> two = new LinkedHashMap<>();
        for (String t : List.of("KO", "PG")) two.put(t, Datasets.DJIA(t));
        PScript s = new PScript();
        PortfolioStats st = new PortfolioBacktest(Universe.of(two), () -> s).tradeStartDate(LocalDate.of(2007, 1, 1))
                .holding("KO", 10).finalizeTrades(false).quiet(true).run();
        int start = st.tradeStartBar();
        Bars koBars = Datasets.DJIA("KO");
        int first = 0;
        while (koBars.time(first).toLocalDate().isBefore(LocalDate.of(2007, 1, 1))) first++;
        assertEquals(first, start);
        assertEquals(koBars.time(first), st.get("Start"));
        double ko = Datasets.DJIA("KO").close().get(start);
        assertEquals(10_000 + 10 * ko, st.equity()[start], 1e-9);
        assertEquals(10.0, st.finalPositions().get("KO"));
        assertEquals(st.universe().length() - start, s.calls, "next() runs from the trade start");
    }
}
