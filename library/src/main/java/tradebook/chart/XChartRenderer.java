package tradebook.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Function;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.OHLCChart;
import org.knowm.xchart.OHLCSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.AxesChartSeries;
import org.knowm.xchart.internal.series.MarkerSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link Figure} as a still picture with XChart (headless): the PNG that static
 * notebook viewers show and {@code save("x.png"/"x.svg")} writes. Panels are separate XChart
 * charts painted one under the other on a shared time range; y tick labels are padded to one
 * width in a monospaced font so the plot areas line up.
 */
final class XChartRenderer {
    private XChartRenderer() {}

    private static final int X_AXIS_PX = 36, TITLE_PX = 28, LABEL_CHARS = 9;
    private static final Font TICKS = new Font(Font.MONOSPACED, Font.PLAIN, 10);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    static BufferedImage png(Figure f) {
        int w = f.width, h = pictureHeight(f);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(f, g, w, h);
        } finally {
            g.dispose();
        }
        return img;
    }

    static int pictureHeight(Figure f) {
        if (f.layout == Figure.Layout.GRID) return f.height();
        int h = TITLE_PX + X_AXIS_PX;
        for (Panel p : f.panels) h += p.height;
        return h;
    }

    static void paint(Figure f, Graphics2D g, int w, int h) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(f.title, 8, 19);
        if (f.layout == Figure.Layout.GRID) {
            grid(f, g, w, h);
            return;
        }
        double[] range = f.timeRange();
        int y = TITLE_PX;
        for (Panel p : f.panels) {
            boolean last = p.index == f.panels.size() - 1;
            int ph = p.height + (last ? X_AXIS_PX : 0);
            Chart<?, ?> chart = panel(f, p, w, ph, range, last);
            Graphics2D pg = (Graphics2D) g.create(0, y, w, ph);
            try {
                chart.paint(pg, w, ph);
            } finally {
                pg.dispose();
            }
            y += ph;
        }
    }

    private static Chart<?, ?> panel(Figure f, Panel p, int w, int h, double[] range, boolean last) {
        List<Trace> traces = f.tracesOf(p);
        boolean candles = traces.stream().anyMatch(t -> t.kind == Trace.Kind.CANDLES);
        Chart<?, ?> chart;
        if (candles) {
            OHLCChart c = new OHLCChart(w, h);
            for (Trace t : traces) addOhlc(c, t);
            chart = c;
        } else {
            XYChart c = new XYChart(w, h);
            for (Trace t : stacked(traces)) addXy(c, t);
            if (!Double.isNaN(p.refLine) && range[1] > range[0]) {
                XYSeries ref = c.addSeries("_ref" + p.index, dates(new double[] {range[0], range[1]}), List.of(p.refLine, p.refLine));
                ref.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY).setLineStyle(dashed(1)).setShowInLegend(false);
            }
            chart = c;
        }
        AxesChartStyler s = (AxesChartStyler) chart.getStyler();
        style(s, f, p, last);
        if (traces.stream().anyMatch(t -> t.kind == Trace.Kind.BARS)) s.setYAxisMin(0.0); // volume from zero
        if (range[1] > range[0]) {
            s.setXAxisMin(range[0]);
            s.setXAxisMax(range[1]);
        }
        chart.setYAxisTitle(p.name);
        chart.setCustomYAxisTickLabelsFormatter(formatter(p.yFormat));
        chart.setCustomXAxisTickLabelsFormatter(dateFormatter(range));
        return chart;
    }

    private static void style(AxesChartStyler s, Figure f, Panel p, boolean last) {
        s.setChartTitleVisible(false);
        s.setTimezone(TimeZone.getTimeZone("UTC"));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0xbbbbbb));
        s.setPlotGridLinesColor(new Color(0xeeeeee));
        s.setAxisTickLabelsFont(TICKS);
        s.setAxisTitleFont(SMALL);
        s.setXAxisTitleVisible(false);
        s.setXAxisTicksVisible(last);
        s.setChartPadding(4);
        s.setPlotMargin(0);
        s.setLegendVisible(f.showLegend);
        s.setLegendPosition(Styler.LegendPosition.InsideNW);
        s.setLegendFont(SMALL);
        s.setLegendPadding(3);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 200));
        s.setLegendBorderColor(new Color(0xdddddd));
        s.setMarkerSize(6);
    }

    private static void addXy(XYChart c, Trace t) {
        if (t.kind == Trace.Kind.BOXES || t.kind == Trace.Kind.CANDLES || t.length() == 0) return;
        if (t.kind == Trace.Kind.MARKERS && t.symbols != null) {
            // XChart has one marker per series: split long (up) and short (down) trades.
            for (String sym : new String[] {"triangle-up", "triangle-down"}) {
                List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
                for (int i = 0; i < t.x.length; i++) {
                    if (sym.equals(t.symbols[i])) {
                        xs.add(t.x[i]);
                        ys.add(t.y[i]);
                    }
                }
                if (xs.isEmpty()) continue;
                String name = sym.equals("triangle-up") ? t.name : t.name + " (short)";
                XYSeries s = c.addSeries(unique(c, name), dates(xs), ys);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(sym.equals("triangle-up") ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.TRIANGLE_DOWN);
                s.setMarkerColor(color(t.color));
                s.setShowInLegend(t.inLegend && sym.equals("triangle-up"));
            }
            return;
        }
        XYSeries s = c.addSeries(unique(c, t.name), dates(t.x), list(t.y));
        switch (t.kind) {
            case MARKERS:
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(color(t.color));
                break;
            case AREA:
            case BARS:
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                s.setMarker(SeriesMarkers.NONE);
                String col = t.color != null ? t.color : t.upColor;
                s.setLineColor(color(col)).setLineWidth(1f);
                s.setFillColor(alpha(color(col), 0.4));
                break;
            default:
                line(s, t);
        }
        s.setShowInLegend(t.inLegend);
    }

    /**
     * XChart does not stack areas: each layer of a stack group becomes the running sum up to it,
     * drawn from the top layer down so each lower one paints over the one above.
     */
    static List<Trace> stacked(List<Trace> traces) {
        List<Trace> out = new java.util.ArrayList<>(), layers = new java.util.ArrayList<>();
        double[] sum = null;
        for (Trace t : traces) {
            if (t.kind != Trace.Kind.AREA || t.stackGroup == null) {
                out.add(t);
                continue;
            }
            Trace cum = new Trace(Trace.Kind.AREA, t.name, t.panel);
            cum.x = t.x;
            cum.color = t.color;
            cum.inLegend = t.inLegend;
            if (sum == null) sum = new double[t.y.length];
            cum.y = new double[t.y.length];
            for (int i = 0; i < cum.y.length; i++) {
                if (!Double.isNaN(t.y[i])) sum[i] += t.y[i];
                cum.y[i] = sum[i];
            }
            layers.add(cum);
        }
        for (int k = layers.size() - 1; k >= 0; k--) out.add(layers.get(k));
        return out;
    }

    private static void line(AxesChartSeries s, Trace t) {
        ((MarkerSeries) s).setMarker(SeriesMarkers.NONE);
        s.setLineColor(color(t.color));
        s.setLineStyle(t.dash != null ? dashed((float) t.lineWidth) : new BasicStroke((float) t.lineWidth));
    }

    private static void addOhlc(OHLCChart c, Trace t) {
        if (t.kind == Trace.Kind.BOXES || t.length() == 0) return;
        if (t.kind == Trace.Kind.CANDLES) {
            OHLCSeries s = c.addSeries(unique(c, t.name), dates(t.x), list(t.open), list(t.high), list(t.low), list(t.close));
            s.setOhlcSeriesRenderStyle(OHLCSeries.OHLCSeriesRenderStyle.Candle);
            s.setUpColor(color(t.upColor));
            s.setDownColor(color(t.downColor));
            return;
        }
        if (t.kind == Trace.Kind.MARKERS) return; // OHLC charts draw no scatter series; scatter indicators show in the browser
        OHLCSeries s = c.addSeries(unique(c, t.name), dates(t.x), list(t.y));
        s.setOhlcSeriesRenderStyle(OHLCSeries.OHLCSeriesRenderStyle.Line);
        line(s, t);
        s.setShowInLegend(t.inLegend);
    }

    // ---------------------------------------------------------------- heatmaps

    private static void grid(Figure f, Graphics2D g, int w, int h) {
        int cols = Math.max(1, f.gridColumns), rows = (f.panels.size() + cols - 1) / cols;
        int cw = w / cols, ch = (h - TITLE_PX) / Math.max(1, rows);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Trace t : f.traces) for (double[] row : t.z) for (double v : row) if (!Double.isNaN(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        for (Panel p : f.panels) {
            // The builder sets the heatmap theme (colours, legend); the bare constructor leaves them unset.
            HeatMapChart c = new org.knowm.xchart.HeatMapChartBuilder().width(cw).height(ch).build();
            c.setXAxisTitle(p.xTitle);
            c.setYAxisTitle(p.yTitle);
            var s = c.getStyler();
            s.setChartTitleVisible(false);
            s.setLegendVisible(p.index % cols == cols - 1 || p.index == f.panels.size() - 1);
            s.setLegendPosition(Styler.LegendPosition.OutsideE);
            s.setChartBackgroundColor(Color.WHITE);
            s.setPlotBackgroundColor(Color.WHITE);
            s.setAxisTickLabelsFont(SMALL);
            s.setAxisTitleFont(SMALL);
            s.setLegendFont(SMALL);
            s.setRangeColors(VIRIDIS);
            if (lo < hi) {
                s.setMin(lo);
                s.setMax(hi);
            }
            s.setDrawBorder(false);
            List<Number[]> cells = new ArrayList<>();
            for (Trace t : f.tracesOf(p)) {
                for (int r = 0; r < t.z.length; r++) {
                    for (int k = 0; k < t.z[r].length; k++) if (!Double.isNaN(t.z[r][k])) cells.add(new Number[] {k, r, t.z[r][k]});
                }
            }
            if (cells.isEmpty()) continue;
            c.addSeries(f.colorbarTitle, p.xCategories, p.yCategories, cells);
            int r = p.index / cols, k = p.index % cols;
            Graphics2D pg = (Graphics2D) g.create(k * cw, TITLE_PX + r * ch, cw, ch);
            try {
                c.paint(pg, cw, ch);
            } finally {
                pg.dispose();
            }
        }
    }

    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c), new Color(0x5ec962), new Color(0xfde725)};

    // ---------------------------------------------------------------- helpers

    private static String unique(Chart<?, ?> c, String name) {
        String n = name;
        for (int k = 2; c.getSeriesMap().containsKey(n); k++) n = name + " " + k;
        return n;
    }

    // x values stay plain epoch-ms numbers; dateFormatter labels them (XChart's own date axis
    // mislabelled years in our tests).
    private static List<Double> dates(double[] ms) {
        return list(ms);
    }

    private static List<Double> dates(List<Double> ms) {
        return ms;
    }

    /** Tick labels for epoch-ms values, as fine as the time span needs. */
    static Function<Double, String> dateFormatter(double[] range) {
        double span = range[1] - range[0];
        java.time.format.DateTimeFormatter fmt = java.time.format.DateTimeFormatter.ofPattern(
                span > 3 * 365 * 86_400_000.0 ? "yyyy-MM" : span > 3 * 86_400_000.0 ? "yyyy-MM-dd" : "MM-dd HH:mm", Locale.ROOT);
        return v -> java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(v.longValue(), 1000), 0, java.time.ZoneOffset.UTC).format(fmt);
    }

    private static List<Double> list(double[] a) {
        List<Double> out = new ArrayList<>(a.length);
        for (double v : a) out.add(v);
        return out;
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
    }

    static Color color(String hex) {
        return hex == null ? Color.GRAY : new Color(Integer.parseInt(hex.substring(1), 16));
    }

    private static Color alpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * a));
    }

    /** Labels right-aligned to one width: with a monospaced font every panel's plot starts at the same x. */
    private static Function<Double, String> padded(Function<Double, String> fmt) {
        return v -> {
            String s = fmt.apply(v);
            return s.length() >= LABEL_CHARS ? s : " ".repeat(LABEL_CHARS - s.length()) + s;
        };
    }

    /** The few d3 formats the figures use, in Java. */
    static Function<Double, String> formatter(String d3) {
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (d3 == null) {
            return v -> {
                double a = Math.abs(v);
                String pat = a >= 1000 ? "#,##0" : a >= 10 ? "0.#" : a >= 0.1 ? "0.##" : "0.####";
                return new DecimalFormat(pat, sym).format(v);
            };
        }
        switch (d3) {
            case ".0%": return v -> new DecimalFormat("0%", sym).format(v);
            case ".1%": return v -> new DecimalFormat("0.0%", sym).format(v);
            case ",.0f": return v -> new DecimalFormat("#,##0", sym).format(v);
            case "~s": return v -> {
                double a = Math.abs(v);
                if (a >= 1e9) return new DecimalFormat("0.#", sym).format(v / 1e9) + "G";
                if (a >= 1e6) return new DecimalFormat("0.#", sym).format(v / 1e6) + "M";
                if (a >= 1e3) return new DecimalFormat("0.#", sym).format(v / 1e3) + "k";
                return new DecimalFormat("0.#", sym).format(v);
            };
            default: return formatter(null);
        }
    }
}
