package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redwheel.BrowserSupport;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The safety settings in real Chromium: a system administrator draws a speed zone by clicking on the
 * map (tiles unreachable, so on the plain map) and saves it; the rule-set editor shows each rule's
 * source and names a wrong value beside its field.
 */
@RedWheelTest
class SafetySettingsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    SpeedZones zones;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    WebDriver browser;
    WebDriverWait wait;
    Long zoneId;

    @BeforeEach
    void start() {
        browser = BrowserSupport.chromium(1280, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    void signInAs(Role role) {
        String user = new TestAccounts(staffAccounts).create(role, DataScope.county());
        BrowserSupport.signIn(browser, port, user, TestAccounts.PASSWORD);
    }

    @AfterEach
    void stop() {
        if (zoneId != null) {
            zones.setActive(zoneId, false, "test");
        }
        browser.quit();
    }

    @Test
    void anAdministratorDrawsAPolygonByClickingOnTheMapAndSavesIt() {
        signInAs(Role.SYSTEM_ADMIN);
        // Centred far from the demo county's trucks (Shaoguan, Guangdong).
        browser.get("http://localhost:" + port + "/console/speed-zones/new?lat=24.80&lon=113.60");
        WebElement map = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#zone-editor-map.leaflet-container")));
        wait.until(ExpectedConditions.attributeToBe(map, "data-plain", "true"));

        click(map, -180, -120);
        click(map, 160, -140);
        click(map, 200, 110);
        click(map, -150, 130);
        click(map, 0, 180);
        wait.until(ExpectedConditions.attributeToBe(By.id("zone-vertex-count"), "data-count", "5"));
        browser.findElement(By.cssSelector("[data-testid=zone-undo]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("zone-vertex-count"), "data-count", "4"));
        assertThat(browser.findElements(By.cssSelector("#zone-editor-map .rw-zone-vertex")))
                .hasSize(4);
        assertThat(browser.findElements(By.cssSelector("#zone-editor-map .leaflet-overlay-pane path")))
                .isNotEmpty();

        String name = "韶关测试学校区" + System.nanoTime() % 100_000;
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("limitKmh")).sendKeys("40");
        browser.findElement(By.id("note")).sendKeys("上学放学时段");
        BrowserSupport.screenshotQuietly(browser, "speed-zone-drawn");
        browser.findElement(By.cssSelector("[data-testid=zone-save]")).click();

        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "限速区已保存"));
        DrawnSpeedZone zone = zones.list(false).stream()
                .filter(z -> z.name().equals(name))
                .findFirst()
                .orElseThrow();
        zoneId = zone.id();
        assertThat(zone.kind()).isEqualTo(SpeedZoneKind.POLYGON);
        assertThat(zone.limitKmh()).isEqualTo(40);
        assertThat(zone.vertices()).hasSize(4).allSatisfy(v -> {
            assertThat(v.lat()).isBetween(24.7, 24.9);
            assertThat(v.lon()).isBetween(113.5, 113.7);
        });
        // Clockwise from the top left, as clicked.
        assertThat(zone.vertices().get(0).lat())
                .isGreaterThan(zone.vertices().get(3).lat());
        assertThat(zone.vertices().get(1).lon())
                .isGreaterThan(zone.vertices().get(0).lon());
        // The saved zone comes back on its page with its four vertices.
        wait.until(ExpectedConditions.attributeToBe(By.id("zone-vertex-count"), "data-count", "4"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=zone-title]"))
                        .getText())
                .isEqualTo(name);
        BrowserSupport.screenshotQuietly(browser, "speed-zone-saved");

        // Edited on its page: one more vertex and a lower limit.
        WebElement saved = browser.findElement(By.id("zone-editor-map"));
        click(saved, 0, -240);
        wait.until(ExpectedConditions.attributeToBe(By.id("zone-vertex-count"), "data-count", "5"));
        WebElement limit = browser.findElement(By.id("limitKmh"));
        limit.clear();
        limit.sendKeys("30");
        browser.findElement(By.cssSelector("[data-testid=zone-save]")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "限速区已保存"));
        assertThat(zones.get(zoneId).vertices()).hasSize(5);
        assertThat(zones.get(zoneId).limitKmh()).isEqualTo(30);

        browser.get("http://localhost:" + port + "/console/speed-zones");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-zone='" + zoneId + "']")));
        BrowserSupport.screenshotQuietly(browser, "speed-zones");
    }

    @Test
    void aCorridorIsDrawnAlongTheClickedPointsWithItsWidth() {
        signInAs(Role.SYSTEM_ADMIN);
        browser.get("http://localhost:" + port + "/console/speed-zones/new?lat=25.30&lon=110.30");
        WebElement map = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#zone-editor-map.leaflet-container")));
        assertThat(browser.findElement(By.id("width-group")).isDisplayed()).isFalse();
        browser.findElement(By.id("kind-CORRIDOR")).click();
        assertThat(browser.findElement(By.id("width-group")).isDisplayed()).isTrue();
        WebElement width = browser.findElement(By.id("widthM"));
        width.clear();
        width.sendKeys("300");
        click(map, -250, 100);
        click(map, 0, -50);
        click(map, 250, 20);
        wait.until(ExpectedConditions.attributeToBe(By.id("zone-vertex-count"), "data-count", "3"));
        // The strip: the dashed centre line, a band per segment and a disc per point.
        assertThat(browser.findElements(By.cssSelector("#zone-editor-map .leaflet-overlay-pane path")))
                .hasSizeGreaterThanOrEqualTo(6);
        String name = "桂林测试施工路段" + System.nanoTime() % 100_000;
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("limitKmh")).sendKeys("30");
        BrowserSupport.screenshotQuietly(browser, "speed-zone-corridor");
        browser.findElement(By.cssSelector("[data-testid=zone-save]")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "限速区已保存"));
        DrawnSpeedZone zone = zones.list(false).stream()
                .filter(z -> z.name().equals(name))
                .findFirst()
                .orElseThrow();
        zoneId = zone.id();
        assertThat(zone.kind()).isEqualTo(SpeedZoneKind.CORRIDOR);
        assertThat(zone.widthM()).isEqualTo(300.0);
        assertThat(zone.vertices()).hasSize(3);
    }

    @Test
    void theRuleSetEditorShowsEachSourceAndNamesAWrongValueBesideItsField() {
        signInAs(Role.SYSTEM_ADMIN);
        long versions = ruleSets.list().size();
        browser.get("http://localhost:" + port + "/console/rule-sets");
        WebElement row = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-rule='fatigue.continuousLimitS']")));
        assertThat(row.getText()).contains("白天连续驾驶时限");
        assertThat(row.findElement(By.name("source:fatigue.continuousLimitS")).getAttribute("value"))
                .contains("道路交通安全法实施条例 第62条");
        assertThat(browser.findElement(By.cssSelector("[data-rule='realtime.latenessS']"))
                        .getText())
                .contains("由配置覆盖");

        WebElement minRest = browser.findElement(By.id("value:fatigue.minRestS"));
        minRest.clear();
        minRest.sendKeys("二十分钟");
        // Bootstrap scrolls smoothly; a click during the scroll would land elsewhere.
        WebElement save = browser.findElement(By.cssSelector("[data-testid=save-rule-set]"));
        scrollTo(save);
        save.click();

        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-rule='fatigue.minRestS'] [data-error-for='fatigue.minRestS']")));
        assertThat(error.getText()).isEqualTo("须为不小于0的整数秒。");
        assertThat(browser.findElement(By.id("value:fatigue.minRestS")).getAttribute("value"))
                .isEqualTo("二十分钟");
        assertThat(ruleSets.list()).hasSize((int) versions);
        scrollTo(error);
        BrowserSupport.screenshotQuietly(browser, "rule-set-error");
    }

    @Test
    void theDeskShowsTheSpeedZonesAsALayerTheOperatorCanSwitchOff() {
        String name = "值班台图层测试区" + System.nanoTime() % 100_000;
        zoneId = zones.create(
                new SpeedZoneData(
                        name,
                        50,
                        "POLYGON",
                        java.util.List.of(
                                new SpeedZoneData.Vertex(23.10, 113.20),
                                new SpeedZoneData.Vertex(23.10, 113.30),
                                new SpeedZoneData.Vertex(23.20, 113.25)),
                        null,
                        null),
                "test");
        // An enterprise's administrator: the desk caches vehicle lists per data scope for a while, and a
        // county-wide desk opened here would hide vehicles that a later test registers.
        long enterprise = jdbc.sql("select max(id) from organization_enterprise")
                .query(Long.class)
                .single();
        String user = new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterprise));
        BrowserSupport.signIn(browser, port, user, TestAccounts.PASSWORD);
        browser.get("http://localhost:" + port + "/console/desk");
        WebElement map =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#desk-map[data-zones]")));
        assertThat(Integer.parseInt(map.getAttribute("data-zones"))).isPositive();
        WebElement toggle = browser.findElement(By.cssSelector("#desk-map .leaflet-control-layers-overlays label"));
        assertThat(toggle.getText()).contains("限速区");
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        String zonesOnMap = "var m = document.getElementById('desk-map').rwMap; var n = 0;"
                + " m.eachLayer(function (l) { if (l instanceof L.Path && l.options.pane === 'rw-zones') { n++; } });"
                + " return n;";
        assertThat((Long) js.executeScript(zonesOnMap)).isPositive();
        toggle.findElement(By.tagName("input")).click();
        assertThat((Long) js.executeScript(zonesOnMap)).isZero();
        BrowserSupport.screenshotQuietly(browser, "desk-zone-layer");
    }

    private void scrollTo(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    }

    private void click(WebElement map, int x, int y) {
        new Actions(browser).moveToElement(map, x, y).click().perform();
    }
}
