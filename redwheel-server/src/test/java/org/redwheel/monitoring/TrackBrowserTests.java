package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redwheel.BrowserSupport;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.Location;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Track playback in real Chromium: the track of a truck that drove (over a real socket) renders on
 * the plain map and in the speed chart with its alarm, playback moves the vehicle marker and the
 * chart's cursor, a click on the chart moves the marker, and the page fits a phone.
 */
@RedWheelTest
class TrackBrowserTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @LocalServerPort
    int port;

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    Alarms alarms;

    WebDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Twenty minutes of driving three days ago, with two minutes over the limit; returns the page's address. */
    String aTruckWithATrack() throws Exception {
        var truck = TestTracks.register(fleet, null);
        OffsetDateTime t0 = OffsetDateTime.now(Location.GMT8)
                .minusDays(3)
                .withHour(9)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        double[] speeds = new double[120];
        for (int i = 0; i < speeds.length; i++) {
            speeds[i] = i < 5 ? 0 : i >= 40 && i < 52 ? 112 : 45 + (i % 20);
        }
        try (var terminal = new TestTerminal(gateway.port(), truck.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(truck.deviceId());
            TestTracks.report(terminal, TestTracks.drive(t0, 10, speeds));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alarms
                        .ofVehicle(
                                DataScope.county(),
                                truck.vehicleId(),
                                t0.toInstant(),
                                t0.toInstant().plusSeconds(1_200),
                                5)
                        .stream()
                        .anyMatch(a -> a.type().equals("OVERSPEED")));
        return "/console/vehicles/" + truck.vehicleId() + "/track?from="
                + t0.minusMinutes(5).toLocalDateTime().format(LOCAL) + "&to="
                + t0.plusMinutes(25).toLocalDateTime().format(LOCAL);
    }

    String data(String attribute) {
        return browser.findElement(By.id("track-map")).getAttribute("data-" + attribute);
    }

    Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(js, arguments);
    }

    @Test
    void playbackMovesTheVehicleAlongTheTrackAndTheChartCursorWithIt() throws Exception {
        String page = aTruckWithATrack();
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        browser = BrowserSupport.chromium(1280, 1400);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        BrowserSupport.signIn(browser, port, operator, TestAccounts.PASSWORD);
        browser.get("http://localhost:" + port + page);

        wait.until(d -> "ready".equals(data("state")));
        wait.until(d -> "ready".equals(d.findElement(By.id("track-chart")).getAttribute("data-state")));
        assertThat(data("points")).isEqualTo("120");
        assertThat(browser.findElements(By.cssSelector("#track-map path.rw-track-line")))
                .as("the track's polylines")
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#track-map path.rw-track-over")))
                .as("the stretch over the limit in red")
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#track-map path.rw-track-alarm")))
                .as("the overspeed alarm's marker")
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#track-chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("track-distance")).getText()).endsWith("km");
        wait.until(d -> "true".equals(data("plain")));

        // The alarm marker's popup leads to the alarm.
        browser.findElement(By.cssSelector("#track-map path.rw-track-alarm")).click();
        WebElement popup = wait.until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                .findFirst()
                .orElse(null));
        wait.until(d -> popup.getText().contains("超速"));
        assertThat(popup.findElement(By.tagName("a")).getAttribute("href")).contains("/console/alarms/");

        browser.findElement(By.cssSelector(".leaflet-popup-close-button")).click();
        browser.findElement(By.cssSelector("[data-testid=track-slider]"));
        script("document.getElementById('track-slider').value = 0;"
                + "document.getElementById('track-slider').dispatchEvent(new Event('input'));");
        String startMarker = data("marker");
        long startCursor = Long.parseLong(data("cursor"));
        long firstFix = startCursor;
        String chartCursor = chartCursor();

        browser.findElement(By.cssSelector("[data-testid=track-play]")).click();
        wait.until(d -> "true".equals(data("playing")));
        wait.until(d -> !startMarker.equals(data("marker")) && Long.parseLong(data("cursor")) > startCursor + 60_000);
        wait.until(d -> !chartCursor.equals(chartCursor()));
        browser.findElement(By.cssSelector("[data-testid=track-play]")).click();
        wait.until(d -> "false".equals(data("playing")));

        // A click on the chart at the time of fix 100 moves the marker to that fix.
        long target = firstFix + 1_000_000;
        script("document.getElementById('track-chart').scrollIntoView({block: 'center', behavior: 'instant'});");
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) script(
                "var element = document.getElementById('track-chart');"
                        + "var chart = echarts.getInstanceByDom(element);"
                        + "var box = element.getBoundingClientRect();"
                        + "var p = chart.convertToPixel({gridIndex: 0}, [arguments[0] + 8 * 3600 * 1000, 30]);"
                        + "return [box.left + p[0], box.top + p[1]];",
                target);
        new Actions(browser)
                .moveToLocation(pixel.get(0).intValue(), pixel.get(1).intValue())
                .click()
                .perform();
        wait.until(d -> Math.abs(Long.parseLong(data("cursor")) - target) < 5_000);
        wait.until(d -> Math.abs(Double.parseDouble(data("marker").split(",")[0]) - 34.95) < 0.0005);
        script("window.scrollTo({top: 0, behavior: 'instant'});");
        BrowserSupport.screenshot(browser, "track-playback");

        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage())
                // the test's tile server does not exist; the console has no favicon
                .filter(m -> !m.contains("127.0.0.1:9") && !m.contains("favicon.ico"))
                .toList();
        assertThat(errors).as("no script errors").isEmpty();
    }

    String chartCursor() {
        return String.valueOf(script("var c = echarts.getInstanceByDom(document.getElementById('track-chart'));"
                + "var s = c.getOption().series.filter(function (s) { return s.id === 'cursor'; })[0];"
                + "return s.markLine.data[0].xAxis;"));
    }

    @Test
    void theDeskLeadsToAVehiclesTrackWhichOpensOnTodaySoFar() {
        var truck = TestTracks.register(fleet, null);
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        browser = BrowserSupport.chromium(1280, 900);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // The desk's list is redrawn on every push.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        BrowserSupport.signIn(browser, port, operator, TestAccounts.PASSWORD);
        browser.get("http://localhost:" + port + "/console/desk");
        wait.until(d -> {
            d.findElement(By.cssSelector("#desk-list a[data-track='" + truck.vehicleId() + "']"))
                    .click();
            return true;
        });

        wait.until(d -> d.getCurrentUrl().endsWith("/console/vehicles/" + truck.vehicleId() + "/track"));
        wait.until(d -> "empty".equals(data("state")));
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(browser.findElement(By.id("from")).getAttribute("value"))
                .as("the browser leaves out zero seconds")
                .isIn(today + "T00:00", today + "T00:00:00");
        assertThat(browser.findElement(By.id("to")).getAttribute("value")).startsWith(today);
        assertThat(browser.findElement(By.cssSelector("[data-testid=track-message]"))
                        .getText())
                .isEqualTo("所选时间段内没有定位数据。");
        assertThat(browser.findElement(By.cssSelector("[data-testid=track-play]"))
                        .isEnabled())
                .isFalse();
        assertThat(browser.findElement(By.cssSelector("[data-testid=preset-yesterday]"))
                        .getAttribute("href"))
                .contains("to=" + today + "T00:00:00");
    }

    @Test
    void theTrackPageFitsAPhone() throws Exception {
        String page = aTruckWithATrack();
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        browser = BrowserSupport.phone();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        BrowserSupport.signIn(browser, port, operator, TestAccounts.PASSWORD);
        browser.get("http://localhost:" + port + page);
        wait.until(d -> "ready".equals(data("state")));
        wait.until(d -> "ready".equals(d.findElement(By.id("track-chart")).getAttribute("data-state")));
        Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
        assertThat(browser.findElement(By.cssSelector("[data-testid=track-play]"))
                        .isDisplayed())
                .isTrue();
        BrowserSupport.screenshot(browser, "track-playback-phone");

        browser.get("http://localhost:" + port + page + "&lang=en");
        wait.until(d -> "ready".equals(data("state")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Track playback");
        assertThat(browser.findElement(By.id("track-driving")).getText()).endsWith("min");
    }
}
