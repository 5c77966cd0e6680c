package tradebook.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tradebook.data.Datasets;
import tradebook.examples.SmaCross;

/** Backtesting.py's own results (shared/reference) reproduced trade by trade and stat by stat. */
class ReferenceParityTest {

    static JsonObject reference(String name) throws Exception {
        try (var in = ReferenceParityTest.class.getResourceAsStream("/reference/" + name + ".json")) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    @Test
    void smaCross10_20WithCommission() throws Exception {
        Stats stats = new Backtest(Datasets.GOOG(), SmaCross.class).cash(10_000).commission(.002)
                .run(Map.of("n1", 10, "n2", 20));
        check(reference("goog_smacross_10_20_comm002"), stats);
    }

    @Test
    void smaCross10_30Finalized() throws Exception {
        Stats stats = new Backtest(Datasets.GOOG(), SmaCross.class).cash(10_000).finalizeTrades(true)
                .run(Map.of("n1", 10, "n2", 30));
        check(reference("goog_smacross_10_30_finalize"), stats);
    }

    static void check(JsonObject ref, Stats stats) {
        JsonObject rs = ref.getAsJsonObject("stats");
        List<String> keys = stats.keys();
        int lastPos = -1;
        for (Map.Entry<String, JsonElement> e : rs.entrySet()) {
            String key = e.getKey();
            assertTrue(keys.contains(key), "missing key " + key);
            int pos = keys.indexOf(key);
            assertTrue(pos > lastPos, "key order differs at " + key);
            lastPos = pos;
            Object mine = stats.get(key);
            if (key.equals("Start") || key.equals("End")) {
                assertEquals(LocalDateTime.parse(e.getValue().getAsString()), mine, key);
            } else if (e.getValue().isJsonNull()) {
                assertTrue(Double.isNaN(Stats.number(mine)) || mine == null, key + " should be NaN, is " + mine);
            } else {
                close(e.getValue().getAsDouble(), Stats.number(mine), key);
            }
        }
        assertEquals(rs.size(), keys.size(), "same number of keys: " + keys);
        var trades = ref.getAsJsonArray("trades");
        List<Trade> mine = stats.tradeList();
        assertEquals(trades.size(), mine.size(), "# trades");
        for (int k = 0; k < trades.size(); k++) {
            JsonObject t = trades.get(k).getAsJsonObject();
            Trade m = mine.get(k);
            String at = "trade " + k + ": ";
            assertEquals(t.get("Size").getAsDouble(), m.size(), at + "size");
            assertEquals(t.get("EntryBar").getAsInt(), m.entryBar(), at + "entry bar");
            assertEquals(t.get("ExitBar").getAsInt(), m.exitBar(), at + "exit bar");
            close(t.get("EntryPrice").getAsDouble(), m.entryPrice(), at + "entry price");
            close(t.get("ExitPrice").getAsDouble(), m.exitPrice(), at + "exit price");
            close(t.get("PnL").getAsDouble(), m.pl(), at + "PnL");
            close(t.get("Commission").getAsDouble(), m.commissions(), at + "commission");
            close(t.get("ReturnPct").getAsDouble(), m.plPct(), at + "return");
            assertTrue(t.get("SL").isJsonNull() == Double.isNaN(m.sl()), at + "SL");
            assertTrue(t.get("TP").isJsonNull() == Double.isNaN(m.tp()), at + "TP");
        }
        double[] eq = stats.equity();
        close(ref.get("equity_first").getAsDouble(), eq[0], "first equity");
        close(ref.get("equity_last").getAsDouble(), eq[eq.length - 1], "last equity");
        assertEquals(ref.get("n_bars").getAsInt(), eq.length);
    }

    static void close(double expected, double actual, String what) {
        double tol = 1e-6 * Math.max(1e-12, Math.abs(expected));
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": expected " + expected + ", got " + actual + " (relative error "
                    + Math.abs(expected - actual) / Math.abs(expected) + ")");
        }
    }
}
