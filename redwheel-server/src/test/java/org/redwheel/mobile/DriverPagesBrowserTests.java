package org.redwheel.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redwheel.BrowserSupport;
import org.redwheel.RedWheelTest;
import org.redwheel.fleet.Assignments;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.DataScope;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.monitoring.Alarm;
import org.redwheel.monitoring.Alarms;
import org.redwheel.monitoring.DrivingStatus;
import org.redwheel.monitoring.Jt808Gateway;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.sim.Fleet;
import org.redwheel.sim.Simulation;
import org.redwheel.sim.Simulator;
import org.redwheel.sim.SimulatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A driver on a 375 × 667 phone in real Chromium: signs in with the code the demo shows, sees his
 * day after a long drive (today's driving, the continuous clock, the fatigue alarm with the reminder
 * he heard), finds the places nearby from the county seat and then from where he is, reads his
 * record, withdraws and gives his consent, and signs out. Screenshots in target/screenshots.
 */
@RedWheelTest
class DriverPagesBrowserTests {

    private static final int TRUCK = 95_701;

    @LocalServerPort
    int port;

    @Autowired
    Drivers drivers;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    Assignments assignments;

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    Alarms alarms;

    @Autowired
    DrivingStatus driving;

    Simulation simulation;
    WebDriver browser;

    @AfterEach
    void stop() {
        if (simulation != null) {
            simulation.stop();
        }
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDriverSignsInSeesHisDayFindsAPlaceAndManagesHisConsentOnAPhone() throws Exception {
        var driver = DriverSignIn.register(drivers, enterprises, "手机");
        long vehicle = fleet.registerVehicle(Fleet.plate(TRUCK), 2, "重型货车", driver.enterpriseId());
        fleet.registerTerminal(Fleet.phone(TRUCK), Fleet.deviceId(TRUCK), "RW-SIM", "V2013", vehicle);
        assignments.assign(
                DataScope.county(), driver.id(), vehicle, true, LocalDate.now().minusDays(1));
        driveUntilFatigue(vehicle);

        browser = BrowserSupport.phone();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String base = "http://localhost:" + port;

        browser.get(base + "/m");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=phone-form]")));
        assertThat(browser.getCurrentUrl()).endsWith("/m/login");
        assertThat(browser.findElements(By.cssSelector("[data-testid=demo-phones] .badge")))
                .isNotEmpty();
        fitsThePhone("login");
        browser.findElement(By.id("phone")).sendKeys(driver.phone());
        BrowserSupport.screenshot(browser, "mobile-1-login");
        browser.findElement(By.cssSelector("[data-testid=send-code]")).click();
        String code = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=demo-code]")))
                .getText();
        assertThat(code).matches("\\d{6}");
        browser.findElement(By.id("code")).sendKeys(code);
        BrowserSupport.screenshot(browser, "mobile-2-code");
        browser.findElement(By.cssSelector("[data-testid=sign-in]")).click();

        WebElement greeting =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=greeting]")));
        assertThat(greeting.getText()).contains(driver.data().name());
        assertThat(text("plate")).contains(Fleet.plate(TRUCK));
        DriverHome.Day day = DriverHome.day(driving.of(vehicle).orElseThrow(), Instant.now());
        if (day.known()) {
            assertThat(text("today-driving")).matches("\\d+小时\\d+分").isNotEqualTo("0小时0分");
            assertThat(text("continuous-driving")).matches("\\d+小时\\d+分");
        } else {
            // Just after midnight the drive belongs to yesterday.
            assertThat(text("today-driving")).isEqualTo("—");
        }
        List<WebElement> recent = browser.findElements(By.cssSelector("[data-testid=recent-line]"));
        assertThat(recent).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(recent).anySatisfy(line -> assertThat(line.getText()).contains("疲劳驾驶"));
        assertThat(recent).anySatisfy(line -> assertThat(line.getText()).contains("休息"));
        assertThat(text("helper-none")).isEqualTo("暂未结对帮扶党员");
        assertThat(text("enterprise-name")).isEqualTo(driver.enterpriseName());
        assertThat(browser.findElement(By.cssSelector("[data-testid=call-safety-officer]"))
                        .getAttribute("href"))
                .isEqualTo("tel:0539-6219999");
        assertThat(browser.findElement(By.cssSelector("[data-testid=need-help]"))
                        .getAttribute("href"))
                .endsWith("/m/appeals/new");
        assertThat(browser.findElements(By.cssSelector("[data-testid=badge]")))
                .extracting(WebElement::getText)
                .contains("已授权位置服务", "驾驶证有效");
        fitsThePhone("home");
        BrowserSupport.screenshot(browser, "mobile-3-home");
        scrollToBottom();
        BrowserSupport.screenshot(browser, "mobile-3-home-bottom");

        // Places: the headless browser has no location to give, so the county seat is the origin.
        browser.findElement(By.cssSelector("[data-testid=tab-places]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=place]")));
        wait.until(ExpectedConditions.attributeToBe(By.id("rw-location-status"), "data-denied", "true"));
        wait.until(ExpectedConditions.attributeToBe(By.id("rw-places-map"), "data-plain", "true"));
        assertThat(distances()).isSortedAccordingTo(Double::compare);
        List<WebElement> places = browser.findElements(By.cssSelector("[data-testid=place]"));
        assertThat(places).hasSizeGreaterThanOrEqualTo(3);
        assertThat(places.get(0)
                        .findElement(By.cssSelector("[data-testid=navigate]"))
                        .getAttribute("href"))
                .startsWith("https://uri.amap.com/navigation?to=");
        assertThat(places.get(0)
                        .findElement(By.cssSelector("[data-testid=geo]"))
                        .getAttribute("href"))
                .startsWith("geo:");
        fitsThePhone("places");
        BrowserSupport.screenshot(browser, "mobile-4-places-county-seat");

        // With the location allowed, the list is sorted from where he stands: at a driver home.
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand(
                "Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("geolocation")));
        chrome.executeCdpCommand(
                "Emulation.setGeolocationOverride", Map.of("latitude", 35.045, "longitude", 118.642, "accuracy", 30));
        browser.get(base + "/m/places");
        wait.until(ExpectedConditions.urlContains("lat=35.045"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=place]")));
        assertThat(text("origin")).isEqualTo("按您的位置由近到远排列");
        assertThat(browser.findElement(By.cssSelector("[data-testid=place-name]"))
                        .getText())
                .isEqualTo("青云镇司机之家");
        assertThat(distances().get(0)).isZero();
        assertThat(distances()).isSortedAccordingTo(Double::compare);
        BrowserSupport.screenshot(browser, "mobile-5-places-located");

        browser.findElement(By.cssSelector("[data-testid=tab-help]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=appeal-new]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=appeal-list]"))
                        .getAttribute("href"))
                .endsWith("/m/appeals");
        BrowserSupport.screenshot(browser, "mobile-6-help");

        browser.findElement(By.cssSelector("[data-testid=tab-profile]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=profile-id-number]")));
        assertThat(text("profile-id-number")).isEqualTo(driver.data().idNumber());
        assertThat(text("profile-phone")).isEqualTo(driver.phone());
        fitsThePhone("profile");
        BrowserSupport.screenshot(browser, "mobile-7-profile");
        tap("consent-withdraw");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=notice]")));
        assertThat(text("notice")).isEqualTo("已撤回授权。");
        assertThat(text("consent-state")).contains("尚未授权");
        tap("consent-give");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=notice]"), "已记录您的授权。"));
        assertThat(text("consent-state")).contains("已于 " + LocalDate.now()).contains("2024-01");
        scrollToBottom();
        BrowserSupport.screenshot(browser, "mobile-8-profile-consent");

        tap("logout");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=logged-out]")));
        browser.get(base + "/m/profile");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=phone-form]")));
    }

    @Test
    void theDriverPagesSpeakEnglish() throws Exception {
        var driver = DriverSignIn.register(drivers, enterprises, "英文");
        browser = BrowserSupport.phone();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/m/login?lang=en");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone"))).sendKeys(driver.phone());
        browser.findElement(By.cssSelector("[data-testid=send-code]")).click();
        String code = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=demo-code]")))
                .getText();
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("[data-testid=sign-in]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=greeting]")));
        assertThat(text("no-vehicle")).isEqualTo("No vehicle assigned; please ask your enterprise.");
        assertThat(text("tab-places")).isEqualTo("Nearby");
        fitsThePhone("home (en)");
        BrowserSupport.screenshot(browser, "mobile-9-home-en");
        browser.findElement(By.cssSelector("[data-testid=tab-profile]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=consent]")));
        assertThat(browser.getPageSource()).contains("Location monitoring consent");
    }

    /** Plays the long drive (4 h 10 min without rest) in compressed time until the fatigue alarm. */
    private void driveUntilFatigue(long vehicle) {
        // The drive ends half an hour ago, so no fix lies in the future.
        Instant start = Instant.now().minus(Duration.ofHours(4).plusMinutes(40));
        simulation = Simulator.start(
                Fleet.longDrive(TRUCK, 1, 7L, ProtocolVersion.V2013),
                SimulatorOptions.defaults("127.0.0.1", gateway.port())
                        .withSimulatedStart(start)
                        .withCompression(900)
                        .withReportInterval(Duration.ofSeconds(30))
                        .withEventLoopThreads(1));
        await().atMost(Duration.ofSeconds(90))
                .until(() -> alarms.ofVehicle(DataScope.county(), vehicle, start, Instant.now(), 100).stream()
                        .map(Alarm::type)
                        .anyMatch(t -> t.equals("FATIGUE") || t.equals("NIGHT_FATIGUE")));
        simulation.stop();
        simulation = null;
    }

    /** Clicks an element in the middle of the screen (clear of the fixed tab bar) without Bootstrap's smooth scroll. */
    private void tap(String testId) {
        WebElement element = browser.findElement(By.cssSelector("[data-testid=" + testId + "]"));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private String text(String testId) {
        return browser.findElement(By.cssSelector("[data-testid=" + testId + "]"))
                .getText();
    }

    private List<Double> distances() {
        return browser.findElements(By.cssSelector("[data-testid=place-distance]")).stream()
                .map(e -> Double.parseDouble(e.getText().replace(" km", "")))
                .toList();
    }

    /** Nothing is wider than the phone: no sideways scrolling. */
    private void fitsThePhone(String page) {
        Number width =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        assertThat(width.intValue()).as("%s page width", page).isLessThanOrEqualTo(375);
    }

    private void scrollToBottom() {
        ((JavascriptExecutor) browser)
                .executeScript("window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'});");
    }
}
