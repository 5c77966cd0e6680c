package tradebook.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens charts in headless Chromium (Debian's /usr/bin/chromium through /usr/bin/chromedriver):
 * the panels and series exist, candles are drawn, the console has no errors, and a screenshot
 * lands in target/screenshots/. Skips only when Chromium is not installed.
 */
class ChartBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium"), DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = Path.of("target/charts"), SHOTS = Path.of("target/screenshots");
    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "skipped: no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        Files.createDirectories(OUT);
        Files.createDirectories(SHOTS);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1300,1000",
                "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    void googSmaCrossPlot() throws Exception {
        Chart c = Samples.goog().plot();
        Map<String, Object> info = open(c.save(OUT.resolve("goog.html")), "goog");
        assertEquals(List.of("Equity", "Profit / Loss", "GOOG", "Volume"), info.get("yTitles"));
        List<?> names = (List<?>) info.get("names");
        for (String s : List.of("Equity", "OHLC", "SMA(10)", "SMA(20)", "Volume", "Profit", "Loss")) assertTrue(names.contains(s), s + " in " + names);
        assertTrue(names.stream().anyMatch(n -> n.toString().startsWith("Peak (")), "peak mark");
        assertTrue(names.stream().anyMatch(n -> n.toString().startsWith("Max Dd Dur.")), "longest drawdown mark");
        assertTrue(((Number) info.get("candles")).intValue() >= 2000, "candles drawn: " + info.get("candles"));
    }

    @Test
    void millionBarRandomWalkPlot() throws Exception {
        Chart c = Samples.walk().plot();
        Path html = c.save(OUT.resolve("walk1m.html"));
        long figureBytes = Files.size(html) - PlotlyHtml.plotlyJs().length();
        assertTrue(figureBytes < 5_000_000, "figure " + figureBytes + " bytes");
        Map<String, Object> info = open(html, "walk1m");
        assertEquals(List.of("Equity", "Profit / Loss", "RandomWalk(1000000)"), info.get("yTitles"), "no volume panel: the walk has no volume");
        int candles = ((Number) info.get("candles")).intValue();
        assertTrue(candles > 1000 && candles <= 5000, "thinned to " + candles + " candles");
        // Zooming the time axis rescales the price axis to the bars in view.
        JavascriptExecutor js = driver;
        Object ranges = js.executeAsyncScript(
                "var done = arguments[0], gd = document.querySelector('.js-plotly-plot');"
                        + "var before = gd._fullLayout.yaxis3.range.slice();"
                        + "var x = gd._fullData.find(t => t.type === 'candlestick').x;"
                        + "Plotly.relayout(gd, {'xaxis.range': [x[100], x[200]]}).then(() => setTimeout(() => done([before, gd._fullLayout.yaxis3.range]), 300));");
        List<?> r = (List<?>) ranges;
        double before = span((List<?>) r.get(0)), after = span((List<?>) r.get(1));
        assertTrue(after < before / 2, "price axis rescaled on zoom: " + r);
        // Hover over a merged P/L mark shows its numbers (customdata in a float32 block).
        Object hover = js.executeScript("var gd = document.querySelector('.js-plotly-plot');"
                + "var i = gd._fullData.findIndex(t => t.name === 'Profit'); Plotly.Fx.hover(gd, [{curveNumber: i, pointNumber: 150}], 'xy2');"
                + "return gd.querySelector('.hoverlayer').textContent;");
        assertTrue(hover.toString().matches("(?s).*\\d+ trade\\(s\\), net size -?[\\d,.]+.*P/L \\+[\\d.]+%.*"), "hover: " + hover);
        assertNoConsoleErrors();
    }

    @Test
    void portfolioPlot() throws Exception {
        tradebook.portfolio.PortfolioStats st = new tradebook.portfolio.PortfolioBacktest(
                tradebook.portfolio.Universe.of(tradebook.data.Datasets.DJIA()), tradebook.examples.MomentumPortfolio.class)
                .cash(100_000).quiet(true).run();
        Map<String, Object> info = open(st.plot().save(OUT.resolve("portfolio.html")), "portfolio");
        assertEquals(List.of("Equity", "Drawdown", "Allocation"), info.get("yTitles"));
        List<?> names = (List<?>) info.get("names");
        assertTrue(names.contains("Equal-weight basket") && names.contains("Cash"), names.toString());
    }

    @Test
    void heatmaps() throws Exception {
        Chart two = Chart.plotHeatmaps(Samples.smaHeatmap());
        Map<String, Object> info = open(two.save(OUT.resolve("heatmap.html")), "heatmap");
        assertEquals(1, ((Number) info.get("heatmaps")).intValue());
        assertEquals(1, ((Number) info.get("heatmapImages")).intValue());
        Chart three = Chart.plotHeatmaps(Samples.threeParams(), "mean");
        info = open(three.save(OUT.resolve("heatmap3.html")), "heatmap3");
        assertEquals(3, ((Number) info.get("heatmaps")).intValue());
        assertEquals(List.of("fast", "fast", "slow"), info.get("xTitles"));
    }

    @Test
    void notebookOutputsShareOneCopyOfPlotlyJs() throws Exception {
        PlotlyHtml.resendToNotebook();
        Chart c = Samples.goog().plot();
        String first = c.toMimeBundle().get("text/html"), second = Chart.plotHeatmaps(Samples.threeParams()).toMimeBundle().get("text/html");
        assertTrue(first.contains("window.Plotly = Plotly") && !second.contains("window.Plotly = Plotly"));
        // A page like the classic Notebook's: require.js defines an AMD `define`; a chart whose
        // script runs before plotly.js arrives waits for it.
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>window.define = function () {"
                + " throw new Error('plotly.js must not register as an AMD module'); }; window.define.amd = {};</script></head><body>"
                + second + first + "</body></html>";
        Path file = OUT.resolve("notebook.html");
        Files.writeString(file, page, StandardCharsets.UTF_8);
        driver.get(file.toUri().toString());
        waitFor("document.querySelectorAll('.js-plotly-plot[data-drawn-ms]').length === 2");
        long bytes = Files.size(file);
        System.out.printf("notebook page with two charts: %,d bytes (plotly.js %,d once)%n", bytes, PlotlyHtml.plotlyJs().length());
        screenshot("notebook");
        assertNoConsoleErrors();
    }

    // ---------------------------------------------------------------- helpers

    private static double span(List<?> r) {
        return ((Number) r.get(1)).doubleValue() - ((Number) r.get(0)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> open(Path html, String name) throws Exception {
        long t0 = System.nanoTime();
        driver.get(html.toAbsolutePath().toUri().toString());
        waitFor("var gd = document.querySelector('.js-plotly-plot'); return !!(gd && gd.getAttribute('data-drawn-ms'))");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%s: %,d bytes, drawn in %d ms%n", name, Files.size(html), ms);
        Map<String, Object> info = (Map<String, Object>) driver.executeScript(
                "var gd = document.querySelector('.js-plotly-plot'), fl = gd._fullLayout;"
                        + "var ys = Object.keys(fl).filter(k => /^yaxis\\d*$/.test(k)).sort((a, b) => (+a.slice(5) || 1) - (+b.slice(5) || 1));"
                        + "var xs = Object.keys(fl).filter(k => /^xaxis\\d*$/.test(k)).sort((a, b) => (+a.slice(5) || 1) - (+b.slice(5) || 1));"
                        + "return {yTitles: ys.map(k => fl[k].title.text), xTitles: xs.map(k => fl[k].title.text),"
                        + " names: gd.data.map(t => t.name),"
                        + " candles: gd.querySelectorAll('.trace.boxes path').length,"
                        + " heatmaps: gd._fullData.filter(t => t.type === 'heatmap').length, heatmapImages: gd.querySelectorAll('.hm image').length,"
                        + " subplots: gd.querySelectorAll('.cartesianlayer .subplot').length};");
        screenshot(name);
        assertNoConsoleErrors();
        return info;
    }

    private void waitFor(String condition) throws InterruptedException {
        String script = condition.startsWith("var ") || condition.startsWith("return") ? condition : "return " + condition;
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Object ok = driver.executeScript("try { " + script + " } catch (e) { return false; }");
            if (Boolean.TRUE.equals(ok)) return;
            Thread.sleep(50);
        }
        assertNoConsoleErrors();
        throw new AssertionError("timed out waiting for: " + condition);
    }

    private void screenshot(String name) throws Exception {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void assertNoConsoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(e.getMessage());
        }
        assertEquals(List.of(), errors, "browser console errors");
    }
}
