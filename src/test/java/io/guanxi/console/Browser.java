package io.guanxi.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium from the Debian packages (nothing is downloaded), driven by Selenium: what the
 * console's browser tests see and do. Without the packages, the tests that need it are skipped,
 * saying so; {@code .ci/run} installs them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where a failed test leaves its screenshot. */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** Where the browser saves what the console downloads (exports). */
    static final Path DOWNLOADS = Path.of("target", "console-downloads").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser at 1280×800 on the console of the service at {@code base}; skips the test when Chromium is missing. */
    static Browser open(String base) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed (Debian packages chromium and chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), base);
    }

    /** Opens a console route ({@code #/decisions?...}) and waits until the page has rendered. */
    void go(String route) {
        driver.get(base + "/console/" + route);
        waitForPage();
    }

    void waitForPage() {
        new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector("main .loading")).isEmpty()
                && !d.findElements(By.cssSelector("main > *")).isEmpty());
    }

    void signIn(String key) {
        driver.get(base + "/console/");
        // The page renders after its scripts load: signed in still (the key is kept in the tab), or not.
        new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.id("signout")).isDisplayed()
                || !d.findElements(By.id("api-key")).isEmpty());
        if (driver.findElement(By.id("signout")).isDisplayed()) {
            click(By.id("signout"));
        }
        WebElement field = visible(By.id("api-key"));
        field.clear();
        field.sendKeys(key);
        click(By.cssSelector("#signin button[type=submit]"));
    }

    WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element's text satisfies the condition, and returns it. */
    String textOf(By by, Predicate<String> condition) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !condition.test(found.get(0).getText()) ? null : found.get(0).getText();
        });
    }

    void click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    ChromeDriver driver() {
        return driver;
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** How many CSS pixels the page is wider than the window (0: nothing to scroll sideways). */
    long overflow() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);");
    }

    /** The browser's console messages at SEVERE since the last call. */
    List<String> errors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    void screenshot(String name) {
        try {
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.createDirectories(target.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file the browser saved under {@link #DOWNLOADS}, once it is complete. */
    Path downloaded(String name) {
        Path file = DOWNLOADS.resolve(name);
        new WebDriverWait(driver, WAIT).until(d -> Files.isRegularFile(file)
                && !Files.exists(DOWNLOADS.resolve(name + ".crdownload")));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
