package tradebook.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tradebook.backtest.Indicator;
import tradebook.backtest.Stats;
import tradebook.backtest.Trade;
import tradebook.data.Bars;

/**
 * Builds the figure of a backtest, panel by panel as Backtesting.py lays it out: equity (or
 * return), drawdown, profit/loss per trade, candlesticks with trades and overlaid indicators,
 * volume, then indicators that need a panel of their own. All panels share one time axis.
 */
final class BacktestPlot {
    static final String UP = "#26a269", DOWN = "#e0443e", EQUITY = "#1f6fb4", PEAK = "#0aa5d8";
    static final String[] PALETTE = {"#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#1f77b4"};
    private static final long DAY = 86_400_000L;

    private final Stats stats;
    private final PlotOptions o;
    private final Bars bars;
    private final double cash0;
    private PlotData d;
    private int colorIndex;

    BacktestPlot(Stats stats, PlotOptions options) {
        this.stats = stats;
        this.o = options;
        this.bars = stats.data();
        double[] eq = stats.equity();
        this.cash0 = eq.length == 0 ? 1 : eq[0];
    }

    Figure build() {
        List<Indicator> indicators = new ArrayList<>();
        if (stats.strategy() != null) for (Indicator ind : stats.strategy().indicators()) if (ind.plot()) indicators.add(ind);
        double[] equity = stats.equity(), drawdown = stats.drawdown();
        if (o.smoothEquity) equity = smooth(equity, stats.tradeList());
        int n = bars.size();
        TimeFrame frame = o.resample == null ? Resampler.auto(bars.timeArray(), n, o.maxCandles)
                : o.resample.isEmpty() ? null : TimeFrame.parse(o.resample);
        d = Resampler.of(bars, equity, drawdown, indicators, stats.tradeList(), frame);

        String title = (stats.strategy() == null ? "Backtest" : stats.strategy().toString()) + " on " + bars.name()
                + (frame == null ? "" : " (" + frame.label + " candles from " + String.format(Locale.ROOT, "%,d", n) + " bars)");
        Figure f = new Figure(title, Figure.Layout.STACKED);
        f.showLegend = o.showLegend;
        f.width = o.width;
        if (o.plotEquity) equityPanel(f, equity);
        if (o.plotDrawdown) drawdownPanel(f, drawdown);
        if (o.plotPl && !d.trades.isEmpty()) plPanel(f);
        Panel price = f.add(new Panel(bars.name(), 380));
        superimpose(f, price);
        candles(f, price);
        if (o.plotTrades && !d.trades.isEmpty()) tradeLines(f, price);
        if (o.plotVolume && hasVolume()) volumePanel(f);
        List<PlotData.Line> own = new ArrayList<>();
        for (PlotData.Line line : d.lines) {
            if (isOverlay(line.indicator)) indicatorTrace(f, price, line);
            else own.add(line);
        }
        List<Indicator> order = new ArrayList<>();
        for (PlotData.Line line : own) if (!order.contains(line.indicator)) order.add(line.indicator);
        if (o.reverseIndicators) java.util.Collections.reverse(order);
        for (Indicator ind : order) {
            Panel p = f.add(new Panel(ind.name(), 90));
            for (PlotData.Line line : own) if (line.indicator == ind) indicatorTrace(f, p, line);
        }
        return f;
    }

    // ---------------------------------------------------------------- equity and drawdown

    private void equityPanel(Figure f, double[] fullEquity) {
        boolean ret = o.plotReturn, rel = o.relativeEquity;
        Panel p = f.add(new Panel(ret ? "Return" : "Equity", 120));
        p.yFormat = rel ? ".0%" : ",.0f";
        double[] y = new double[d.size()];
        for (int i = 0; i < y.length; i++) y[i] = scale(d.equity[i]);
        Trace line = f.add(new Trace(Trace.Kind.LINE, ret ? "Return" : "Equity", p));
        line.x = x(d.time);
        line.y = y;
        line.color = EQUITY;
        line.lineWidth = 1.5;

        long[] t = bars.timeArray();
        int peak = argMax(fullEquity), last = fullEquity.length - 1;
        mark(f, p, "Peak (" + label(fullEquity[peak]) + ")", t[peak], scale(fullEquity[peak]), PEAK, "circle");
        mark(f, p, "Final (" + label(fullEquity[last]) + ")", t[last], scale(fullEquity[last]), EQUITY, "circle");
        double[] dd = stats.drawdown();
        int worst = argMax(dd);
        if (dd[worst] > 0) {
            mark(f, p, String.format(Locale.ROOT, "Max Drawdown (-%.1f%%)", 100 * dd[worst]), t[worst], scale(fullEquity[worst]), DOWN, "circle");
        }
        int[] longest = longestDrawdown(fullEquity, t);
        if (longest != null) {
            Trace dur = f.add(new Trace(Trace.Kind.LINE, String.format(Locale.ROOT, "Max Dd Dur. (%d days)",
                    (t[longest[1]] - t[longest[0]]) / DAY), p));
            dur.x = new double[] {d.time[d.indexOf(t[longest[0]])], d.time[d.indexOf(t[longest[1]])]};
            double level = scale(fullEquity[longest[0]]);
            dur.y = new double[] {level, level};
            dur.color = DOWN;
            dur.lineWidth = 3;
        }
    }

    private double scale(double equity) {
        if (o.relativeEquity) return o.plotReturn ? equity / cash0 - 1 : equity / cash0;
        return o.plotReturn ? equity - cash0 : equity;
    }

    private String label(double equity) {
        double v = scale(equity);
        return o.relativeEquity ? String.format(Locale.ROOT, "%.0f%%", 100 * v) : String.format(Locale.ROOT, "$%,.0f", v);
    }

    private void mark(Figure f, Panel p, String name, long t, double y, String color, String symbol) {
        Trace m = f.add(new Trace(Trace.Kind.MARKERS, name, p));
        m.x = new double[] {d.time[d.indexOf(t)]};
        m.y = new double[] {y};
        m.color = color;
        m.symbol = symbol;
        m.size = 9;
    }

    /** {start, end} bars of the longest stretch below a previous equity peak (in time), or null. */
    static int[] longestDrawdown(double[] equity, long[] time) {
        int[] best = null;
        long bestLen = 0;
        int peak = 0, n = equity.length;
        for (int i = 1; i < n; i++) {
            boolean recovered = equity[i] >= equity[peak];
            boolean last = i == n - 1 && !recovered;
            if ((recovered || last) && i - peak > 1 && time[i] - time[peak] > bestLen) {
                bestLen = time[i] - time[peak];
                best = new int[] {peak, i};
            }
            if (recovered) peak = i;
        }
        return best;
    }

    private void drawdownPanel(Figure f, double[] fullDrawdown) {
        Panel p = f.add(new Panel("Drawdown", 90));
        p.yFormat = ".0%";
        Trace a = f.add(new Trace(Trace.Kind.AREA, "Drawdown", p));
        a.x = x(d.time);
        a.y = new double[d.size()];
        for (int i = 0; i < a.y.length; i++) a.y[i] = -d.drawdown[i];
        a.color = DOWN;
        int worst = argMax(fullDrawdown);
        if (fullDrawdown[worst] > 0) {
            mark(f, p, String.format(Locale.ROOT, "Max Dd (-%.1f%%)", 100 * fullDrawdown[worst]), bars.timeArray()[worst],
                    -fullDrawdown[worst], DOWN, "circle");
        }
    }

    /** Equity sampled at trade exits (and the ends) with straight lines between. */
    static double[] smooth(double[] equity, List<Trade> trades) {
        int n = equity.length;
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        for (Trade t : trades) if (t.exitBar() >= 0) keep[t.exitBar()] = true;
        double[] out = equity.clone();
        int prev = 0;
        for (int i = 1; i < n; i++) {
            if (!keep[i]) continue;
            for (int j = prev + 1; j < i; j++) out[j] = equity[prev] + (equity[i] - equity[prev]) * (j - prev) / (i - prev);
            prev = i;
        }
        return out;
    }

    // ---------------------------------------------------------------- trades

    private void plPanel(Figure f) {
        Panel p = f.add(new Panel("Profit / Loss", 100));
        p.yFormat = ".1%";
        p.refLine = 0;
        double maxSize = 0;
        for (PlotData.TradeMark m : d.trades) maxSize = Math.max(maxSize, Math.abs(m.size));
        for (boolean win : new boolean[] {true, false}) {
            List<PlotData.TradeMark> sel = new ArrayList<>();
            for (PlotData.TradeMark m : d.trades) if ((m.pl > 0) == win) sel.add(m);
            if (sel.isEmpty()) continue;
            Trace t = f.add(new Trace(Trace.Kind.MARKERS, win ? "Profit" : "Loss", p));
            int k = sel.size();
            t.x = new double[k];
            t.y = new double[k];
            t.sizes = new double[k];
            t.symbols = new String[k];
            boolean merged = d.frame != null;
            if (merged) {
                // Thousands of merged marks: numbers and one template instead of a string each.
                t.custom = new double[k][];
                t.hoverTemplate = "%{customdata[0]} trade(s), net size %{customdata[1]:,}<br>%{customdata[2]:.5~g} → %{customdata[3]:.5~g}"
                        + "<br>P/L %{y:+.2%} (%{customdata[4]:,.2f})<extra></extra>";
            } else {
                t.text = new String[k];
            }
            for (int i = 0; i < k; i++) {
                PlotData.TradeMark m = sel.get(i);
                t.x[i] = m.exitTime;
                t.y[i] = m.plPct;
                // Area grows with size, so big trades stand out without hiding small ones.
                t.sizes[i] = maxSize == 0 ? 8 : 6 + 12 * Math.sqrt(Math.abs(m.size) / maxSize);
                t.symbols[i] = m.size >= 0 ? "triangle-up" : "triangle-down";
                if (merged) t.custom[i] = new double[] {m.count, m.size, m.entryPrice, m.exitPrice, m.pl};
                else t.text[i] = describe(m);
            }
            t.color = win ? UP : DOWN;
            t.opacity = 0.85;
        }
    }

    private String describe(PlotData.TradeMark m) {
        return String.format(Locale.ROOT, "%s %s<br>%s → %s<br>%s → %s<br>P/L %+.2f%% (%,.2f)", m.size >= 0 ? "Long" : "Short",
                num(Math.abs(m.size)), Chart.date(m.entryTime), Chart.date(m.exitTime), price(m.entryPrice), price(m.exitPrice),
                100 * m.plPct, m.pl);
    }

    private static String price(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.2f" : "%.5g", v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.4f", v);
    }

    private void tradeLines(Figure f, Panel price) {
        for (boolean win : new boolean[] {true, false}) {
            List<PlotData.TradeMark> sel = new ArrayList<>();
            for (PlotData.TradeMark m : d.trades) if ((m.pl > 0) == win) sel.add(m);
            if (sel.isEmpty()) continue;
            Trace t = f.add(new Trace(Trace.Kind.LINE, (win ? "Winning" : "Losing") + " trades (" + sel.size() + ")", price));
            t.x = new double[3 * sel.size()];
            t.y = new double[3 * sel.size()];
            for (int i = 0; i < sel.size(); i++) {
                PlotData.TradeMark m = sel.get(i);
                t.x[3 * i] = m.entryTime;
                t.y[3 * i] = m.entryPrice;
                t.x[3 * i + 1] = m.exitTime;
                t.y[3 * i + 1] = m.exitPrice;
                t.x[3 * i + 2] = Double.NaN;
                t.y[3 * i + 2] = Double.NaN;
            }
            t.color = win ? UP : DOWN;
            t.dash = "dash";
            t.lineWidth = 2;
            t.hover = false;
            t.legendGroup = "trades";
        }
    }

    // ---------------------------------------------------------------- price and volume

    private void candles(Figure f, Panel price) {
        Trace c = f.add(new Trace(Trace.Kind.CANDLES, d.frame == null ? "OHLC" : "OHLC " + d.frame.label, price));
        c.x = x(d.time);
        c.open = d.open;
        c.high = d.high;
        c.low = d.low;
        c.close = d.close;
        c.upColor = UP;
        c.downColor = DOWN;
    }

    private boolean hasVolume() {
        for (double v : d.volume) if (v > 0) return true;
        return false;
    }

    private void volumePanel(Figure f) {
        Panel p = f.add(new Panel("Volume", 80));
        p.yFormat = "~s";
        Trace v = f.add(new Trace(Trace.Kind.BARS, "Volume", p));
        v.x = x(d.time);
        v.y = d.volume;
        v.up = new boolean[d.size()];
        for (int i = 0; i < v.up.length; i++) v.up[i] = d.close[i] >= d.open[i];
        v.upColor = UP;
        v.downColor = DOWN;
        v.opacity = 0.7;
    }

    /** Candles of a higher time frame drawn behind the bars, as Backtesting.py's superimpose does. */
    private void superimpose(Figure f, Panel price) {
        if ("".equals(o.superimpose)) return;
        long plotted = d.frame != null ? d.frame.approxMillis() : bars.period().toMillis();
        TimeFrame sf = null;
        if (o.superimpose != null) sf = TimeFrame.parse(o.superimpose);
        else for (TimeFrame c : TimeFrame.LADDER) if (c.approxMillis() >= 20 * plotted) { sf = c; break; }
        if (sf == null || sf.approxMillis() <= plotted) return;
        PlotData big = Resampler.of(bars, stats.equity(), stats.drawdown(), List.of(), List.of(), sf);
        if (big.size() < 2) return;
        for (boolean rising : new boolean[] {true, false}) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < big.size(); i++) {
                if ((big.close[i] >= big.open[i]) != rising) continue;
                double x0 = big.time[i], x1 = sf.next(big.time[i]);
                double y0 = big.open[i], y1 = big.close[i];
                pts.add(new double[] {x0, y0});
                pts.add(new double[] {x1, y0});
                pts.add(new double[] {x1, y1});
                pts.add(new double[] {x0, y1});
                pts.add(new double[] {x0, y0});
                pts.add(new double[] {Double.NaN, Double.NaN});
            }
            if (pts.isEmpty()) continue;
            Trace b = f.add(new Trace(Trace.Kind.BOXES, sf.label + " candles" + (rising ? "" : " (down)"), price));
            b.x = new double[pts.size()];
            b.y = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                b.x[i] = pts.get(i)[0];
                b.y[i] = pts.get(i)[1];
            }
            b.color = rising ? UP : DOWN;
            b.opacity = 0.15;
            b.hover = false;
            b.legendGroup = "superimposed";
            b.inLegend = rising;
        }
        // Move the boxes behind the candles.
        List<Trace> boxes = new ArrayList<>();
        for (Trace t : f.traces) if (t.kind == Trace.Kind.BOXES) boxes.add(t);
        f.traces.removeAll(boxes);
        int at = 0;
        while (at < f.traces.size() && f.traces.get(at).panel != price) at++;
        f.traces.addAll(at, boxes);
    }

    // ---------------------------------------------------------------- indicators

    /** The indicator's wish, or else: overlay when most values lie near the close. */
    private boolean isOverlay(Indicator ind) {
        if (ind.overlay() != null) return ind.overlay();
        return nearPrice(ind.arrays(), bars.close().array());
    }

    static boolean nearPrice(double[][] lines, double[] close) {
        long finite = 0, near = 0;
        for (double[] line : lines) {
            for (int i = 0; i < Math.min(line.length, close.length); i++) {
                double v = line[i];
                if (Double.isNaN(v) || Double.isInfinite(v)) continue;
                finite++;
                double r = v / close[i];
                if (r > 0.6 && r < 1.4) near++;
            }
        }
        return finite > 0 && near >= 0.6 * finite;
    }

    private void indicatorTrace(Figure f, Panel p, PlotData.Line line) {
        Indicator ind = line.indicator;
        Trace t = f.add(new Trace(ind.scatter() ? Trace.Kind.MARKERS : Trace.Kind.LINE, ind.lineName(line.k), p));
        t.x = x(d.time);
        t.y = line.values;
        String own = line.k == 0 ? Colors.hex(ind.color()) : null; // unknown names fall back to the palette
        t.color = own != null ? own : PALETTE[colorIndex++ % PALETTE.length];
        t.size = 5;
        t.lineWidth = 1.3;
    }

    // ---------------------------------------------------------------- helpers

    static double[] x(long[] t) {
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) out[i] = t[i];
        return out;
    }

    static int argMax(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
        return best;
    }
}
