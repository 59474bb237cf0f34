package org.redwheel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every console page a county administrator uses renders in real Chromium on a phone: no error
 * page, no missing message, no page wider than the screen. Screenshots go to target/screenshots.
 */
@RedWheelTest
class ConsoleTourTests {

    static final List<String> PAGES = List.of(
            "/console",
            "/console/party-organizations",
            "/console/enterprises",
            "/console/enterprises/new",
            "/console/enterprises/import",
            "/console/units",
            "/console/units?membership=escortAlliance",
            "/console/townships",
            "/console/vehicles",
            "/console/places",
            "/console/desk",
            "/console/alarms",
            "/console/notifications",
            "/console/account/password",
            "/console/account/totp");

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
    void everyPageOfTheCountyAdministratorFitsAPhone() throws Exception {
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        browser = BrowserSupport.phone();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        BrowserSupport.signIn(browser, port, username, TestAccounts.PASSWORD);

        for (String page : PAGES) {
            browser.get("http://localhost:" + port + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
            String body = browser.findElement(By.tagName("body")).getText();
            assertThat(body).as(page).doesNotContain("出错了").doesNotContain("??");
            long width = ((Number)
                            ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
                    .longValue();
            assertThat(width).as("width of " + page).isLessThanOrEqualTo(375);
            BrowserSupport.screenshot(browser, "tour" + page.replaceAll("[^a-z]+", "-"));
        }
    }
}
