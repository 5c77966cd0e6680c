package tradebook.backtest;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import tradebook.data.Bars;

/** A strategy that does given things at given bars: tests state a rule and its expected fill. */
class Script extends Strategy {
    final Map<Integer, Consumer<Script>> actions = new HashMap<>();

    Script at(int bar, Consumer<Script> action) {
        actions.put(bar, action);
        return this;
    }

    @Override public void next() {
        Consumer<Script> a = actions.get(bar());
        if (a != null) a.accept(this);
    }

    /** Daily bars from rows of {open, high, low, close}. */
    static Bars bars(double[]... ohlc) {
        int n = ohlc.length;
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Bars.millis(LocalDateTime.of(2021, 1, 4, 0, 0).plusDays(i));
            o[i] = ohlc[i][0];
            h[i] = ohlc[i][1];
            l[i] = ohlc[i][2];
            c[i] = ohlc[i][3];
        }
        return Bars.of("test", t, o, h, l, c, null);
    }

    static double[] bar(double o, double h, double l, double c) {
        return new double[] {o, h, l, c};
    }
}
