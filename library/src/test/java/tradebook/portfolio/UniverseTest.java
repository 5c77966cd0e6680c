package tradebook.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tradebook.data.Bars;
import tradebook.data.Datasets;

/**
 * Alignment on the union of the tickers' times: a late start stays NaN before the first bar,
 * a gap up to the fill limit is forward-filled (and reported), a longer one stays NaN (reported).
 */
class UniverseTest {
    static final LocalDate[] SIX = PScript.dates("2021-01-04", "2021-01-05", "2021-01-06", "2021-01-07", "2021-01-08", "2021-01-11");

    /** A: all six days. B: starts on day 2, misses day 4. C: misses days 1-3. */
    static Map<String, Bars> data() {
        Bars a = PScript.bars("A", SIX, PScript.oc(10, 11), PScript.oc(11, 12), PScript.oc(12, 13), PScript.oc(13, 14),
                PScript.oc(14, 15), PScript.oc(15, 16));
        Bars b = PScript.bars("B", PScript.dates("2021-01-06", "2021-01-07", "2021-01-11"), PScript.oc(50, 51), PScript.oc(51, 52),
                PScript.oc(53, 54));
        Bars c = PScript.bars("C", PScript.dates("2021-01-04", "2021-01-08", "2021-01-11"), PScript.oc(5, 6), PScript.oc(7, 8),
                PScript.oc(8, 9));
        Map<String, Bars> m = new LinkedHashMap<>();
        m.put("A", a);
        m.put("B", b);
        m.put("C", c);
        return m;
    }

    @Test
    void lateStartAndGapsOnTheUnionIndex() {
        Universe u = Universe.of(data(), 2);
        assertEquals(6, u.length());
        assertEquals(List.of("A", "B", "C"), u.tickers());
        Bars b = u.get("B");
        // Before its first bar: no price at all.
        assertTrue(Double.isNaN(b.close().get(0)));
        assertTrue(Double.isNaN(b.open().get(1)));
        assertEquals(2, u.firstBar("B"));
        // Day 4 (2021-01-08) is missing: one bar, within the limit of 2, forward-filled with the previous close.
        assertEquals(52, b.open().get(4));
        assertEquals(52, b.high().get(4));
        assertEquals(52, b.low().get(4));
        assertEquals(52, b.close().get(4));
        assertTrue(Double.isNaN(b.volume().get(4)), "no volume data: none is made up");
        assertTrue(u.isFilled("B", 4));
        assertFalse(u.isTradable("B", 4), "nothing fills on a made-up bar");
        assertTrue(u.isTradable("B", 5));
        // C misses three days in a row: longer than the limit, left empty.
        Bars c = u.get("C");
        for (int i = 1; i <= 3; i++) assertTrue(Double.isNaN(c.close().get(i)), "C bar " + i);
        assertEquals(8, c.close().get(4));
        List<Gap> gaps = u.gaps();
        assertEquals(2, gaps.size(), gaps.toString());
        assertEquals(new Gap("B", 4, 1, LocalDate.of(2021, 1, 8).atStartOfDay(), LocalDate.of(2021, 1, 8).atStartOfDay(), true), gaps.get(0));
        assertEquals(new Gap("C", 1, 3, LocalDate.of(2021, 1, 5).atStartOfDay(), LocalDate.of(2021, 1, 7).atStartOfDay(), false), gaps.get(1));
        String report = String.join("\n", u.report());
        assertTrue(report.contains("B starts at 2021-01-06"), report);
        assertTrue(report.contains("C: 3 bars missing 2021-01-05 .. 2021-01-07, left empty"), report);
        // The panel view: bars x tickers.
        assertEquals(13.0, u.close().get(2, "A"));
        assertEquals(51.0, u.close().row(2).get("B"));
        // With a limit of 3, C's gap is filled too; with 0 nothing is.
        assertTrue(Universe.of(data(), 3).isFilled("C", 2));
        assertTrue(Double.isNaN(Universe.of(data(), 0).get("B").close().get(4)));
    }

    @Test
    void nextSeesOnlyBarsUpToTheCurrentOne() {
        Universe u = Universe.of(data(), 2);
        List<String> problems = new ArrayList<>();
        PScript s = new PScript().every(p -> {
            int i = p.bar();
            Universe d = p.data();
            if (d.size() != i + 1) problems.add("size " + d.size() + " at bar " + i);
            if (d.get("A").close().size() != i + 1) problems.add("A close size at bar " + i);
            if (d.close().last().get("A") != u.get("A").close().get(i)) problems.add("A close at bar " + i);
            if (!d.now().equals(u.time(i))) problems.add("now at bar " + i);
            // An indicator computed inside next() cannot see later bars.
            Panel sma = d.ta().sma(2);
            for (int j = i + 1; j < u.length(); j++) if (!Double.isNaN(sma.array("A")[j])) problems.add("sma sees bar " + j + " at bar " + i);
            try {
                d.close().get(i + 1, "A");
                problems.add("read bar " + (i + 1) + " at bar " + i);
            } catch (IndexOutOfBoundsException expected) {
                // good
            }
        });
        new PortfolioBacktest(u, () -> s).quiet(true).run();
        assertEquals(5, s.calls); // bars 1..5
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void djiaDirtyRowsBecomeReportedOneBarGaps() {
        Universe u = Universe.of(Datasets.DJIA());
        assertEquals(31, u.tickers().size());
        assertEquals(3020, u.length());
        assertFalse(u.gaps().isEmpty());
        for (Gap g : u.gaps()) {
            assertTrue(g.filled(), g.toString());
            assertEquals(1, g.bars(), g.toString());
        }
        // MRK's 2017-07-31 row has empty prices and is skipped on load: filled from the previous close.
        int bar = -1;
        for (int i = 0; i < u.length(); i++) if (u.time(i).toLocalDate().equals(LocalDate.of(2017, 7, 31))) bar = i;
        assertTrue(u.isFilled("MRK", bar));
        assertEquals(u.get("MRK").close().get(bar - 1), u.get("MRK").close().get(bar));
        assertEquals(u.get("MRK").close().get(bar - 1), u.get("MRK").open().get(bar));
        assertEquals(0, u.get("MRK").volume().get(bar), "a filled bar traded nothing");
    }

    @Test
    void clearErrors() {
        assertThrows(tradebook.data.DataException.class, () -> Universe.of(Map.of()));
        Universe u = Universe.of(data(), 2);
        var e = assertThrows(tradebook.data.DataException.class, () -> u.get("ZZZ"));
        assertTrue(e.getMessage().contains("no ticker 'ZZZ'"), e.getMessage());
    }
}
