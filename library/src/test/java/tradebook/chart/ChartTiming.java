package tradebook.chart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Measures chart pages in headless Chromium (not a test: numbers for notes). For each page:
 * bytes, and time from navigation start to the plot drawn, median of a few loads.
 * Run: java -cp ... tradebook.chart.ChartTiming [runs]
 */
public final class ChartTiming {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Path.of("target/timing");
        Files.createDirectories(dir);
        Chart walk = Samples.walk().plot();
        Chart goog = Samples.goog().plot();
        Map<String, Chart> pages = new java.util.LinkedHashMap<>();
        pages.put("goog", goog);
        pages.put("walk1m", walk);
        pages.put("walk1m-candles-only", only(walk, t -> t.kind == Trace.Kind.CANDLES));
        pages.put("walk1m-no-pl", only(walk, t -> !t.panel.name.equals("Profit / Loss")));
        pages.put("walk1m-8H", Samples.walk().plot(PlotOptions.defaults().resample("8H")));
        pages.put("plotly-only", new Chart(new Figure("empty", Figure.Layout.STACKED)));
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1300,1000");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        try {
            for (Map.Entry<String, Chart> e : pages.entrySet()) {
                Path html = e.getValue().save(dir.resolve(e.getKey() + ".html"));
                long[] ms = new long[runs], page = new long[runs];
                for (int r = 0; r < runs; r++) {
                    driver.get("about:blank");
                    long t0 = System.nanoTime();
                    driver.get(html.toAbsolutePath().toUri().toString());
                    Object drawn;
                    while ((drawn = driver.executeScript("var gd = document.querySelector('.js-plotly-plot');"
                            + " return gd && gd.getAttribute('data-drawn-ms');")) == null) Thread.sleep(10);
                    ms[r] = (System.nanoTime() - t0) / 1_000_000;
                    page[r] = Long.parseLong(drawn.toString());
                }
                java.util.Arrays.sort(ms);
                java.util.Arrays.sort(page);
                long bytes = Files.size(html), fig = bytes - PlotlyHtml.plotlyJs().length();
                System.out.printf("%-22s page %,11d bytes (figure %,10d)  drawn %5d ms after navigation start, median of %d"
                        + " (min %d, max %d); %d ms as WebDriver sees it%n", e.getKey(), bytes, fig, page[runs / 2], runs, page[0], page[runs - 1], ms[runs / 2]);
            }
        } finally {
            driver.quit();
        }
    }

    private static Chart only(Chart c, Predicate<Trace> keep) {
        Figure f = c.figure(), g = new Figure(f.title, f.layout);
        g.panels.addAll(f.panels);
        for (Trace t : f.traces) if (keep.test(t)) g.traces.add(t);
        return new Chart(g);
    }
}
