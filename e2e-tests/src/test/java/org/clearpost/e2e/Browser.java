package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, driven by Debian's chromedriver: nothing is downloaded at test time) on the
 * console, one per person in a test, each with its own profile and so its own session. Closing it ends the browser.
 *
 * <p>{@link #axe(String)} runs axe-core in the page and fails on any serious or critical WCAG 2.2 A/AA violation;
 * {@link #screenshots(String)} saves the page at 1280 and 375 px wide under {@code target/console-screenshots}
 * (copied to docs/console/ for docs/console.md).
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final ChromeDriver driver;
    private final String console;
    private final Path profile;

    private Browser(ChromeDriver driver, String console, Path profile) {
        this.driver = driver;
        this.console = console;
        this.profile = profile;
    }

    /** A fresh browser on the console at {@code consoleUrl} (no trailing slash). */
    static Browser open(String consoleUrl) {
        Chromium.ensureInstalled();
        try {
            Path profile = Files.createTempDirectory("clearpost-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(Chromium.BROWSER.toFile());
            // The flags this machine needs: as root no sandbox; no GPU; and nothing reaching for Google's hosts,
            // which this closed network refuses.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-GB");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Chromium.DRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, consoleUrl, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a console page, e.g. {@code go("/posts/new")}. */
    Browser go(String path) {
        driver.get(console + path);
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /**
     * Signs in through Keycloak's own login form with the realm's demo user (password = user name), starting from
     * {@code path}, and waits to be back on the console.
     */
    Browser signIn(String user, String path) {
        go(path);
        WebElement username = waitFor(By.id("username"));
        username.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, PATIENCE).until(d -> d.getCurrentUrl().startsWith(console));
        waitFor(By.id("signed-in-user"));
        return this;
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element's text contains {@code text}, and returns it. */
    WebElement waitForText(By by, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** axe-core on the page as it is now: no serious or critical violation of WCAG 2.0-2.2 A and AA. */
    Results axe(String screen) {
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertThat(bad).as("axe-core on %s (%s): %s", screen, url(), bad.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
        return results;
    }

    /** The whole page at 1280 px and at 375 px wide: {@code <name>-1280.png}, {@code <name>-375.png}. */
    void screenshots(String name) {
        for (int width : new int[] {1280, 375}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 6000)));
            try {
                Files.createDirectories(SCREENSHOTS);
                File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
