package tradebook.portfolio;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tradebook.data.Bars;

/** A portfolio strategy that does given things at given bars: tests state a rule and its expected fills. */
class PScript extends PortfolioStrategy {
    final Map<Integer, Consumer<PScript>> actions = new HashMap<>();
    Consumer<PScript> every;
    int calls;

    PScript at(int bar, Consumer<PScript> action) {
        actions.put(bar, action);
        return this;
    }

    PScript every(Consumer<PScript> action) {
        every = action;
        return this;
    }

    @Override public void next() {
        calls++;
        if (every != null) every.accept(this);
        Consumer<PScript> a = actions.get(bar());
        if (a != null) a.accept(this);
    }

    /** Daily bars on the given dates from {open, close} pairs (high = max, low = min). */
    static Bars bars(String name, LocalDate[] dates, double[]... openClose) {
        int n = openClose.length;
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Bars.millis(dates[i].atStartOfDay());
            o[i] = openClose[i][0];
            c[i] = openClose[i][1];
            h[i] = Math.max(o[i], c[i]);
            l[i] = Math.min(o[i], c[i]);
        }
        return Bars.of(name, t, o, h, l, c, null);
    }

    static double[] oc(double open, double close) {
        return new double[] {open, close};
    }

    static LocalDate[] dates(String... iso) {
        LocalDate[] d = new LocalDate[iso.length];
        for (int i = 0; i < iso.length; i++) d[i] = LocalDate.parse(iso[i]);
        return d;
    }

    static Universe universe(Bars... bars) {
        Map<String, Bars> m = new LinkedHashMap<>();
        for (Bars b : bars) m.put(b.name(), b);
        return Universe.of(m);
    }
}
