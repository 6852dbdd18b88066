package ai.datasuite.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
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
 * Headless Chromium on the console, driven through Debian's chromium-driver (never Selenium Manager, which would
 * try to download a browser). Helpers wait for what a person would wait for; {@link #screenshot} saves the page.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    /** Where screenshots of failed tests go. */
    static final Path FAILURES = Path.of("target", "console-screenshots");
    /** Where {@link #readmeShot} writes the README's pictures, when set ({@code -Dconsole.readme-shots=../docs/console}). */
    static final String README_SHOTS = System.getProperty("console.readme-shots", "");
    static final Duration WAIT = Duration.ofSeconds(Integer.getInteger("console.wait-seconds", 60));

    final ChromeDriver driver;
    final String base;

    Browser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--disable-default-apps");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Whether this machine can run the browser tests (Debian's chromium and chromium-driver installed). */
    static boolean available() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Opens the sign-in page, signs in with the key and waits for the page it leads to. */
    void signIn(String key) {
        open("/");
        js("sessionStorage.clear()"); // whoever was signed in before signs out
        open("/");
        WebElement input = visible(By.id("api-key"));
        input.clear();
        input.sendKeys(key);
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().equals(base + "/") && !d.getCurrentUrl().startsWith(base + "/?"));
        visible(By.id("who"));
    }

    /** Signs in, then opens the page. */
    void signIn(String key, String path) {
        signIn(key);
        open(path);
    }

    WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits until the element's text contains the text; returns the element. */
    WebElement text(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    <T> T waitUntil(Duration wait, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, wait).until(condition::apply);
    }

    /** Waits until an img is loaded and has a picture (natural width > 0); returns its width. */
    long pictureLoaded(By by) {
        return waitUntil(d -> {
            Object width = js("const i = arguments[0]; return i && i.complete ? i.naturalWidth : 0;",
                    d.findElement(by));
            return width instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Sets a file input (hidden or not) to a local file, as a person choosing it would. */
    void chooseFile(By input, Path file) {
        WebElement element = driver.findElement(input);
        js("arguments[0].hidden = false; arguments[0].style.display = 'block';", element);
        element.sendKeys(file.toAbsolutePath().toString());
    }

    /** The browser console's messages since the last call (errors, CSP violations). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    /** Whether a script planted in user or model text ran: the pages' payloads set window.__xss. */
    boolean scriptRan() {
        return Boolean.TRUE.equals(js("return window.__xss === true;"));
    }

    Path screenshot(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Saves the README's picture of the current page (only when -Dconsole.readme-shots names a folder). */
    void readmeShot(String name) throws IOException {
        if (!README_SHOTS.isBlank()) {
            driver.manage().window().setSize(new Dimension(1280, 860));
            js("window.scrollTo(0, 0)");
            screenshot(Path.of(README_SHOTS), name);
        }
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Map<String, Object> sessionStorage() {
        @SuppressWarnings("unchecked")
        Map<String, Object> storage = (Map<String, Object>) js(
                "const o = {}; for (let i = 0; i < sessionStorage.length; i++) { const k = sessionStorage.key(i);"
                        + " o[k] = sessionStorage.getItem(k); } return o;");
        return storage;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
