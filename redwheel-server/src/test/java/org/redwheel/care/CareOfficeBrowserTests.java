package org.redwheel.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
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

/**
 * The county office in real Chromium: the home's three-ones card leads to the compliance per
 * township, helper and village; the helpers, the second quarter's care packages and the talk
 * corners of the demo county; the compliance page in English too.
 */
@RedWheelTest
class CareOfficeBrowserTests {

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
    void theOfficeFollowsTheThreeOnesFromTheHomeCardToHelpersPackagesAndCorners() throws Exception {
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        browser = BrowserSupport.chromium(1280, 1000);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        BrowserSupport.signIn(browser, port, admin, TestAccounts.PASSWORD);
        String card = browser.findElement(By.cssSelector("[data-testid=stat-three-ones]"))
                .getText();
        assertThat(card).matches("\\d{2}%");
        BrowserSupport.screenshot(browser, "care-home-card");

        browser.findElement(By.cssSelector("[data-testid=card-three-ones]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=compliance-total]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=compliance-overall]"))
                        .getText())
                .isEqualTo(card);
        assertThat(browser.findElements(By.cssSelector("[data-testid=compliance-townships] tbody tr")))
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(browser.findElements(By.cssSelector("[data-testid=compliance-helpers] tbody tr[data-helper-id]")))
                .hasSizeGreaterThan(60);
        BrowserSupport.screenshot(browser, "care-compliance");

        browser.findElement(By.cssSelector("[data-testid=care-tabs] a[href$='/console/care/helpers']"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=helper-table]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=helper-table]"))
                        .getText())
                .contains("helper.demo");
        BrowserSupport.screenshot(browser, "care-helpers");
        browser.findElement(By.cssSelector("[data-testid=helper-table] tbody tr[data-helper-id] a"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=helper-drivers]")));
        BrowserSupport.screenshot(browser, "care-helper");
        browser.findElement(By.cssSelector("[data-testid=helper-drivers] tbody tr a"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=assignment-history]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=care-logs]"))
                        .getText())
                .contains("走访");
        BrowserSupport.screenshot(browser, "care-driver");

        int year = LocalDate.now().getMonthValue() >= 4
                ? LocalDate.now().getYear()
                : LocalDate.now().getYear() - 1;
        browser.get("http://localhost:" + port + "/console/care/packages?year=" + year + "&quarter=2");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=package-kinds]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=package-kinds] tbody tr")))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.findElement(By.cssSelector("[data-testid=package-kinds]"))
                        .getText())
                .contains("夏季清凉包")
                .contains("政策明白卡");
        BrowserSupport.screenshot(browser, "care-packages");

        browser.findElement(By.cssSelector("[data-testid=care-tabs] a[href$='/console/care/corners']"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=corner-table]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=stat-corners]"))
                        .getText())
                .isEqualTo("36");
        BrowserSupport.screenshot(browser, "care-corners");

        browser.get("http://localhost:" + port + "/console/care/compliance?lang=en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Three ones"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=compliance-total]"))
                        .getText())
                .contains("Overall compliance")
                .contains("Weekly contact");
        BrowserSupport.screenshot(browser, "care-compliance-en");
        browser.get("http://localhost:" + port + "/console/care/compliance?lang=zh_CN");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "三个一"));
    }
}
