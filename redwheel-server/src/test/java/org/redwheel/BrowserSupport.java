package org.redwheel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium from the Debian packages ({@code chromium}, {@code chromium-driver}); no
 * driver or browser is downloaded. {@code .ci/run} installs both.
 */
public final class BrowserSupport {

    private BrowserSupport() {}

    /** A desktop browser window of the given size. */
    public static WebDriver chromium(int width, int height) {
        return start(width, height, false);
    }

    /**
     * A phone: the viewport, pixel ratio and touch of a 375 × 667 handset (headless windows cannot be
     * narrower than about 500 pixels, so the device is emulated).
     */
    public static WebDriver phone() {
        return start(375, 667, true);
    }

    private static WebDriver start(int width, int height, boolean mobile) {
        ChromeOptions options = new ChromeOptions();
        if (mobile) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    java.util.Map.of(
                            "deviceMetrics",
                            java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true),
                            "userAgent",
                            "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile Safari/537.36"));
        }
        options.setBinary(System.getProperty("redwheel.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=zh-CN",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("redwheel.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** Signs in through the console's login page and waits for the signed-in page. */
    public static void signIn(WebDriver browser, int port, String username, String password) {
        browser.get("http://localhost:" + port + "/console/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.cssSelector("[data-testid=login-submit]"))
                .click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                        org.openqa.selenium.By.cssSelector("[data-testid=user-menu]")));
    }

    /** A screenshot that never fails the test it documents. */
    public static void screenshotQuietly(WebDriver driver, String name) {
        try {
            screenshot(driver, name);
        } catch (java.io.IOException | RuntimeException e) {
            // only a picture for people; the assertions have spoken
        }
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static Path screenshot(WebDriver driver, String name) throws java.io.IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
