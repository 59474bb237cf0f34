package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redwheel.BrowserSupport;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The assessment page in real Chromium: a county administrator finds yesterday's table with the
 * county row and a test enterprise's figures, both charts drawn, sorts by a column, reads the
 * definitions; the home page shows the county's latest score; the page fits a phone.
 * Screenshots go to target/screenshots.
 */
@RedWheelTest
class AssessmentBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Assessments assessments;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    AlarmPipeline pipeline;

    @Autowired
    Alarms alarms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts staffAccounts;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCountyAdministratorReadsYesterdaysAssessmentWithItsCharts() throws Exception {
        AssessmentFixture fixture =
                AssessmentFixture.create("考核页面", enterprises, fleet, gateway, pipeline, alarms, jdbc);
        AssessmentFixture.otherEnterprise(enterprises, fleet, "考核页面他企");
        assessments.compute(fixture.day, "system");
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        browser = BrowserSupport.chromium(1400, 1000);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        BrowserSupport.signIn(browser, port, admin, TestAccounts.PASSWORD);

        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector("[data-testid=stat-assessment]")))
                        .getText())
                .matches("\\d+\\.\\d{2}");

        browser.findElement(By.linkText("考核指标")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=assessment-table]")));
        browser.get("http://localhost:" + port + "/console/assessment?day=" + fixture.day);
        String row = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("tr[data-enterprise='" + fixture.enterprise + "']")))
                .getText();
        assertThat(row)
                .contains(fixture.name)
                .contains("66.67%")
                .contains("50.00%")
                .contains("80.00%")
                .contains("95.65%")
                .contains("100.00%")
                .contains("14.35 分");
        assertThat(browser.findElement(By.cssSelector("[data-testid=county-row]"))
                        .getText())
                .startsWith("全县");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assessment-scores canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assessment-trend canvas")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=assessment-help]"))
                        .getText())
                .contains("2 公里")
                .contains("5 分钟");
        BrowserSupport.screenshot(browser, "assessment");

        var sortByCompleteness = browser.findElement(By.cssSelector("a[data-sort=completeness]"));
        // below a chart as long as the county has enterprises, which resizes while the page settles
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()", sortByCompleteness);
        wait.until(ExpectedConditions.urlContains("sort=completeness"));
        assertThat(browser.findElement(By.cssSelector("a[data-sort=completeness]"))
                        .getText())
                .endsWith("▼");

        browser.findElement(By.cssSelector("[data-testid=assessment-definitions]"))
                .click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=gap-rule]")))
                        .getText())
                .contains("超过 2 公里")
                .contains("5 分钟");
        assertThat(browser.findElement(By.cssSelector("[data-testid=definitions-table]"))
                        .getText())
                .contains("入网率")
                .contains("低于 90% 得 0 分")
                .contains("查岗响应率");
        BrowserSupport.screenshot(browser, "assessment-definitions");
    }

    @Test
    void theAssessmentPageFitsAPhone() throws Exception {
        assessments.compute(AssessmentFixture.yesterday(), "system");
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        browser = BrowserSupport.phone();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        BrowserSupport.signIn(browser, port, admin, TestAccounts.PASSWORD);

        browser.get("http://localhost:" + port + "/console/assessment?day=" + AssessmentFixture.yesterday());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assessment-trend canvas")));
        String body = browser.findElement(By.tagName("body")).getText();
        assertThat(body).doesNotContain("出错了").doesNotContain("??");
        long width = ((Number)
                        ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
                .longValue();
        assertThat(width).isLessThanOrEqualTo(375);
        BrowserSupport.screenshot(browser, "assessment-phone");
    }
}
