package tradebook.live.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tradebook.plan.Store;

/**
 * The console in headless Chromium (Debian's /usr/bin/chromium through /usr/bin/chromedriver, as
 * the chart tests): a plan made by the test is listed, its runs and orders shown, a manual fill
 * recorded through the form and the position then shown; a malformed fill is refused with a
 * message. Screenshots in target/screenshots/console-*.png. Skips only when Chromium is missing.
 */
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium"), DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/screenshots");
    @TempDir static Path home;
    static ChromeDriver driver;
    static ConsoleFixture fx;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "skipped: no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        Files.createDirectories(SHOTS);
        fx = new ConsoleFixture(home, null, false);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1300,1100");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (fx != null) fx.close();
    }

    /** Clicks and waits until the browser shows the next page (Selenium's click does not wait for a form's navigation). */
    static void clickAndWait(WebElement e) throws InterruptedException {
        driver.executeScript("window.__before = true;");
        e.click();
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            Object done = driver.executeScript("return !window.__before && document.readyState === 'complete';");
            if (Boolean.TRUE.equals(done)) return;
            Thread.sleep(25);
        }
        throw new AssertionError("no new page after the click at " + driver.getCurrentUrl());
    }

    static void shot(String name) throws Exception {
        Files.write(SHOTS.resolve("console-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void listPlanShowRunsAndOrdersRecordManualFillSeePosition() throws Exception {
        driver.get(fx.base() + "/");
        WebElement row = driver.findElement(By.cssSelector("#plans tr[data-plan='buy-daily']"));
        assertTrue(row.getText().contains("enabled"), row.getText());
        assertTrue(row.getText().contains("ok"), "last run ok: " + row.getText());
        assertTrue(row.getText().contains("AAPL") && row.getText().contains("manual"), row.getText());
        shot("1-plans");

        clickAndWait(row.findElement(By.linkText("buy-daily")));
        assertEquals("Plan buy-daily · Tradebook", driver.getTitle());
        List<WebElement> runs = driver.findElements(By.cssSelector("#runs tr"));
        assertTrue(runs.size() >= 2, "header + the fixture's run (+ a run-now of another test)");
        WebElement fixtureRun = runs.get(runs.size() - 1);   // newest first: the fixture's run is the oldest
        assertTrue(fixtureRun.getText().contains(fx.runId) && fixtureRun.getText().contains("ok"), fixtureRun.getText());
        WebElement order = driver.findElement(By.cssSelector("#orders tr[data-order='" + fx.order.id() + "']"));
        assertTrue(order.getText().contains("AAPL") && order.getText().contains("BUY"), order.getText());
        assertEquals("submitted", order.findElement(By.cssSelector(".status")).getText());
        assertEquals("0", driver.findElement(By.cssSelector("#position tr[data-ticker='AAPL'] .units")).getText());
        shot("2-plan-before-fill");

        // malformed input: refused with a message, nothing recorded
        order.findElement(By.name("price")).sendKeys("12abc");
        clickAndWait(order.findElement(By.cssSelector("button")));
        assertTrue(driver.findElement(By.id("error")).getText().contains("price: '12abc' is not a number"), driver.getPageSource());
        shot("3-bad-fill-refused");
        try (Store store = Store.open(fx.db)) {
            assertEquals(0, store.fills(fx.order.planId()).size(), "the bad fill changed nothing");
        }

        clickAndWait(driver.findElement(By.id("back")));
        assertEquals("Plan buy-daily · Tradebook", driver.getTitle(), "Back leads to the plan of the order");
        order = driver.findElement(By.cssSelector("#orders tr[data-order='" + fx.order.id() + "']"));
        order.findElement(By.name("price")).sendKeys("171.25");
        order.findElement(By.name("time")).sendKeys("2017-12-29 15:59");
        clickAndWait(order.findElement(By.cssSelector("button")));
        assertTrue(driver.findElement(By.id("flash")).getText().contains("filled: BUY 1 @ 171.25"), driver.findElement(By.id("flash")).getText());
        assertEquals("1", driver.findElement(By.cssSelector("#position tr[data-ticker='AAPL'] .units")).getText(), "the position after the fill");
        order = driver.findElement(By.cssSelector("#orders tr[data-order='" + fx.order.id() + "']"));
        assertEquals("filled", order.findElement(By.cssSelector(".status")).getText());
        assertTrue(driver.findElement(By.id("cash")).getText().startsWith("cash 9,828.75"), driver.findElement(By.id("cash")).getText());
        assertEquals("1", driver.findElement(By.cssSelector("#equity .series-live")).getAttribute("data-points"), "live equity from the fill day");
        assertEquals("1", driver.findElement(By.cssSelector("#equity .series-backtest")).getAttribute("data-points"), "one run's backtest equity");
        shot("4-plan-after-fill");

        clickAndWait(driver.findElement(By.linkText(fx.runId)));
        assertTrue(driver.findElement(By.id("stats")).getText().contains("Equity Final [$]"));
        shot("5-run-log");
    }

    @Test
    void disableAndEnableFromTheList() throws Exception {
        driver.get(fx.base() + "/");
        clickAndWait(driver.findElement(By.cssSelector("#plans tr[data-plan='buy-daily'] form[action$='/disable'] button")));
        assertTrue(driver.findElement(By.id("flash")).getText().contains("plan buy-daily disabled"));
        try (Store store = Store.open(fx.db)) {
            assertTrue(!store.plan("buy-daily").orElseThrow().enabled());
        }
        clickAndWait(driver.findElement(By.cssSelector("form[action$='/enable'] button")));
        assertTrue(driver.findElement(By.id("flash")).getText().contains("plan buy-daily enabled"));
        try (Store store = Store.open(fx.db)) {
            assertTrue(store.plan("buy-daily").orElseThrow().enabled());
        }
    }

    @Test
    void runNowRecordsAnotherRun() throws Exception {
        driver.get(fx.base() + "/plan/buy-daily");
        int before = driver.findElements(By.cssSelector("#runs tr")).size();
        clickAndWait(driver.findElement(By.cssSelector("form[action$='/run'] button")));
        String flash = driver.findElement(By.id("flash")).getText();
        assertTrue(flash.matches("run buy-daily-\\S+: ok.*"), flash);
        assertEquals(before + 1, driver.findElements(By.cssSelector("#runs tr")).size());
        shot("6-run-now");
    }
}
