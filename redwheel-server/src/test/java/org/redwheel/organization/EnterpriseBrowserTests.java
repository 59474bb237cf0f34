package org.redwheel.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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

/** A county administrator, in real Chromium: signs in, registers an enterprise, finds it in the list. */
@RedWheelTest
class EnterpriseBrowserTests {

    @LocalServerPort
    int port;

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
    void signsInCreatesAnEnterpriseAndFindsItInTheList() throws Exception {
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var data = EnterpriseValidationTests.valid("浏览器");
        browser = BrowserSupport.chromium(1280, 900);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(url("/console"));
        wait.until(ExpectedConditions.urlContains("/console/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("[data-testid=login-submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=user-menu]")));

        browser.get(url("/console/enterprises"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=enterprise-new]")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=enterprise-form]")));
        browser.findElement(By.id("name")).sendKeys(data.name());
        browser.findElement(By.id("creditCode")).sendKeys(data.creditCode());
        browser.findElement(By.id("address")).sendKeys("临沭县浏览器路9号");
        browser.findElement(By.id("legalRepresentative")).sendKeys("测试法人");
        browser.findElement(By.id("fleetSize")).clear();
        browser.findElement(By.id("fleetSize")).sendKeys("17");
        browser.findElement(By.id("hasUnion")).click();
        browser.findElement(By.cssSelector("[data-testid=enterprise-save]")).click();

        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=enterprise-title]"), data.name()));
        assertThat(browser.findElement(By.cssSelector("[data-testid=notice]")).getText())
                .contains("已保存");

        browser.get(url("/console/enterprises"));
        var search =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=enterprise-search]")));
        search.sendKeys(data.name());
        // htmx replaces the results in place; the page itself is not reloaded.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=enterprise-table]"), data.name()));
        var rows = browser.findElements(By.cssSelector("[data-testid=enterprise-table] tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(data.name()).contains("17");
        assertThat(browser.getCurrentUrl()).contains("q=");
        BrowserSupport.screenshot(browser, "enterprise-list-search");
    }

    @Test
    void theConsoleWorksAtPhoneWidth() throws Exception {
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        browser = BrowserSupport.phone();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(url("/console/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("[data-testid=login-submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=home-stats]")));
        BrowserSupport.screenshot(browser, "home-phone");

        var toggler = browser.findElement(By.cssSelector(".navbar-toggler"));
        assertThat(toggler.isDisplayed())
                .as("collapsed navigation at phone width")
                .isTrue();
        toggler.click();
        var enterprisesLink = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("组织建设")));
        enterprisesLink.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("物流企业"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=enterprise-table]")));
        Number pageWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(pageWidth.intValue())
                .as("no horizontal scrolling of the page")
                .isLessThanOrEqualTo(375);
        BrowserSupport.screenshot(browser, "enterprises-phone");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
