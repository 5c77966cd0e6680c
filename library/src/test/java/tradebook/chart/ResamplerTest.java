package tradebook.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tradebook.data.Bars;

class ResamplerTest {
    private static long t(String iso) {
        return Bars.millis(LocalDateTime.parse(iso));
    }

    @Test
    void timeFrames() {
        assertEquals(t("2024-03-04T00:00"), TimeFrame.parse("W").bucket(t("2024-03-10T23:59")), "weeks start on Monday");
        assertEquals(t("2024-03-01T00:00"), TimeFrame.parse("M").bucket(t("2024-03-31T12:00")));
        assertEquals(t("2024-04-01T00:00"), TimeFrame.parse("Q").bucket(t("2024-06-30T00:00")));
        assertEquals(t("2024-01-01T00:00"), TimeFrame.parse("Y").bucket(t("2024-12-31T00:00")));
        assertEquals(t("2024-03-04T08:00"), TimeFrame.parse("4H").bucket(t("2024-03-04T11:59")));
        assertEquals(t("2024-03-04T11:45"), TimeFrame.parse("15min").bucket(t("2024-03-04T11:59")));
        assertEquals(t("2024-05-01T00:00"), TimeFrame.parse("M").next(t("2024-04-01T00:00")));
        assertEquals(TimeFrame.parse("D").approxMillis(), TimeFrame.parse("1d").approxMillis());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeFrame.parse("fortnight"));
        assertTrue(e.getMessage().contains("\"4H\""));
    }

    @Test
    void ohlcvAggregatePerBucket() {
        long t0 = t("2024-01-01T00:00");
        int n = 10;
        long[] time = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n], eq = new double[n], dd = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = t0 + 60_000L * i;
            o[i] = 10 + i;
            h[i] = 20 + i;
            l[i] = 5 + i;
            c[i] = 11 + i;
            v[i] = 100;
            eq[i] = 1000 + i;
            dd[i] = i == 3 ? 0.2 : 0.1;
        }
        Bars bars = Bars.of("x", time, o, h, l, c, v);
        PlotData d = Resampler.of(bars, eq, dd, List.of(), List.of(), TimeFrame.parse("5min"));
        assertArrayEquals(new long[] {t0, t0 + 300_000}, d.time);
        assertArrayEquals(new double[] {10, 15}, d.open);
        assertArrayEquals(new double[] {24, 29}, d.high);
        assertArrayEquals(new double[] {5, 10}, d.low);
        assertArrayEquals(new double[] {15, 20}, d.close);
        assertArrayEquals(new double[] {500, 500}, d.volume);
        assertArrayEquals(new double[] {1004, 1009}, d.equity);
        assertArrayEquals(new double[] {0.2, 0.1}, d.drawdown);
        assertEquals(1, d.indexOf(t0 + 420_000));
    }

    @Test
    void autoPicksTheSmallestFrameThatFits() {
        long[] minutes = new long[1_000_000];
        for (int i = 0; i < minutes.length; i++) minutes[i] = 60_000L * i;
        assertEquals("4H", Resampler.auto(minutes, minutes.length, 5000).label);
        assertEquals("D", Resampler.auto(minutes, minutes.length, 1000).label);
        assertEquals(null, Resampler.auto(minutes, 4000, 5000));
    }
}
