package tradebook.chart;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import tech.tablesaw.api.Table;
import tradebook.backtest.Stats;
import tradebook.display.Displayable;

/**
 * An interactive chart: {@code bt.plot()}, {@code stats.plot()} or {@link #plotHeatmaps}.
 * In a notebook it renders inline (Plotly, with plotly.js shipped in the jar, plus a PNG for
 * static viewers); elsewhere {@link #save} writes a self-contained HTML page, a PNG or an SVG.
 *
 * <pre>{@code
 * Chart chart = bt.plot(PlotOptions.defaults().plotDrawdown(true));
 * chart.save("smacross.html");
 * }</pre>
 */
public final class Chart implements Displayable {
    private final Figure figure;
    private byte[] png;

    Chart(Figure figure) {
        this.figure = figure;
    }

    // ---------------------------------------------------------------- making charts

    /** The plot of a finished backtest with Backtesting.py's default panels. */
    public static Chart plot(Stats stats) {
        return plot(stats, PlotOptions.defaults());
    }

    /** The plot of a finished backtest; saves and opens it if the options ask. */
    public static Chart plot(Stats stats, PlotOptions options) {
        if (stats == null) throw new IllegalArgumentException("no stats to plot: run the backtest first (bt.run())");
        Chart c = new Chart(new BacktestPlot(stats, options == null ? PlotOptions.defaults() : options).build());
        if (options != null && options.filename != null) c.save(options.filename);
        if (options != null && options.openBrowser) c.show(options.filename);
        return c;
    }

    /**
     * The plot of a portfolio backtest (what {@code PortfolioStats.plot()} shows): equity against
     * a baseline, drawdown, and stacked allocation weights per ticker and cash, one value per bar.
     */
    public static Chart plotPortfolio(String title, long[] timeMillis, double[] equity, double[] baseline, String baselineName,
                                      java.util.Map<String, double[]> weights, double[] cashWeight) {
        return new Chart(PortfolioPlot.build(title, timeMillis, equity, baseline, baselineName, weights, cashWeight));
    }

    /**
     * Heatmaps of an optimization: one panel per pair of parameters, the objective aggregated
     * over the other parameters with {@code agg} ("max", "mean", "min", "median", "sum", "count").
     * The table has one column per parameter and the objective last, one row per combination.
     */
    public static Chart plotHeatmaps(Table heatmap, String agg) {
        return new Chart(Heatmaps.figure(heatmap, agg, 3));
    }

    /** {@link #plotHeatmaps(Table, String)} with the maximum, as Backtesting.py does by default. */
    public static Chart plotHeatmaps(Table heatmap) {
        return plotHeatmaps(heatmap, "max");
    }

    /** Heatmaps laid out in {@code columns} columns. */
    public static Chart plotHeatmaps(Table heatmap, String agg, int columns) {
        return new Chart(Heatmaps.figure(heatmap, agg, columns));
    }

    // ---------------------------------------------------------------- what it shows

    public String title() { return figure.title; }

    /** Panel names from top to bottom (grid: row by row), e.g. [Equity, Profit / Loss, GOOG, Volume]. */
    public List<String> panels() {
        List<String> out = new ArrayList<>();
        for (Panel p : figure.panels) out.add(figure.layout == Figure.Layout.GRID ? p.xTitle + " × " + p.yTitle : p.name);
        return out;
    }

    /** Names of the series drawn, in drawing order. */
    public List<String> series() {
        List<String> out = new ArrayList<>();
        for (Trace t : figure.traces) out.add(t.name);
        return out;
    }

    Figure figure() { return figure; }

    // ---------------------------------------------------------------- output

    /** The Plotly figure as JSON: {@code {"data": [...], "layout": {...}, "config": {...}}}. */
    public String toJson() {
        return PlotlyWriter.figure(figure, true);
    }

    /** A self-contained HTML page (plotly.js inlined: opens offline). */
    public String toHtml() {
        return PlotlyHtml.standalone(figure, PlotlyWriter.figure(figure, true));
    }

    /** The still picture. */
    public BufferedImage toImage() {
        return XChartRenderer.png(figure);
    }

    /** The still picture as PNG bytes. */
    public byte[] toPng() {
        if (png == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(toImage(), "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            png = out.toByteArray();
        }
        return png.clone();
    }

    /** The still picture as SVG text. */
    public String toSvg() {
        int w = figure.width, h = XChartRenderer.pictureHeight(figure);
        var g = new de.erichseifert.vectorgraphics2d.VectorGraphics2D();
        XChartRenderer.paint(figure, g, w, h);
        var doc = new de.erichseifert.vectorgraphics2d.svg.SVGProcessor()
                .getDocument(g.getCommands(), new de.erichseifert.vectorgraphics2d.util.PageSize(0, 0, w, h));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            doc.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes HTML, PNG or SVG by the file's extension; returns the path written. */
    public Path save(String path) {
        return save(Path.of(path));
    }

    public Path save(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (path.toAbsolutePath().getParent() != null) Files.createDirectories(path.toAbsolutePath().getParent());
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                Files.writeString(path, toHtml(), StandardCharsets.UTF_8);
            } else if (name.endsWith(".png")) {
                try (OutputStream out = Files.newOutputStream(path)) {
                    out.write(toPng());
                }
            } else if (name.endsWith(".svg")) {
                Files.writeString(path, toSvg(), StandardCharsets.UTF_8);
            } else {
                throw new IllegalArgumentException("cannot tell the format of '" + path + "': use a name ending in .html, .png or .svg");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
        return path;
    }

    /** Opens the chart in the desktop browser (through a temporary HTML file); returns the file. */
    public Path show() {
        return show(null);
    }

    private Path show(String filename) {
        try {
            Path file = filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".html") ? Path.of(filename)
                    : save(Files.createTempFile("tradebook-chart-", ".html"));
            if (filename != null && !file.equals(Path.of(filename))) save(file);
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(file.toUri());
            } else {
                System.err.println("no desktop browser here; open " + file.toUri() + " in a browser");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Notebook output: the Plotly mime type (JupyterLab with the plotly extension draws it
     * without any script), HTML that draws it with the bundled plotly.js (classic Notebook,
     * JupyterLab, exported HTML; shows the PNG until then), the PNG and a text summary.
     */
    @Override public Map<String, String> toMimeBundle() {
        String json = PlotlyWriter.figure(figure, false);
        String b64 = Base64.getEncoder().encodeToString(toPng());
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text/plain", toString());
        m.put("application/vnd.plotly.v1+json", json);
        m.put("text/html", PlotlyHtml.notebook(figure, json, b64));
        m.put("image/png", b64);
        return m;
    }

    /**
     * Makes the next chart output carry plotly.js again. Charts share one copy per notebook
     * page, sent with the first chart of a kernel session; call this if that output was cleared.
     */
    public static void resendPlotlyJs() {
        PlotlyHtml.resendToNotebook();
    }

    @Override public String toString() {
        return "Chart[" + figure.title + ": " + String.join(", ", panels()) + "] (save(\"chart.html\"), show())";
    }

    static String date(long ms) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000), 0, ZoneOffset.UTC);
        return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString().replace('T', ' ');
    }
}
