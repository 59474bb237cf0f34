package org.redwheel.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redwheel.BrowserSupport;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A helper on his phone (375 × 667, real Chromium): signs in, opens his drivers from the home page,
 * sees who is due this week with a call button each, logs a phone contact with one tap, and sees
 * the driver marked as contacted; then opens the driver's page with the visit form.
 */
@RedWheelTest
class HelperPhoneBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Townships townships;

    @Autowired
    Helpers helpers;

    @Autowired
    Drivers drivers;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    HelperAssignments assignments;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aHelperLogsAPhoneContactWithOneTapOnHisPhone() throws Exception {
        var care = new TestCare(townships, helpers, drivers, staffAccounts);
        long village = care.village("手机");
        long helper = care.helper("手机", village);
        long first = care.driver("手机一", village);
        long second = care.driver("手机二", village);
        assignments.assign(DataScope.county(), first, helper, LocalDate.now().minusDays(30), null, "office");
        assignments.assign(DataScope.county(), second, helper, LocalDate.now().minusDays(30), null, "office");
        String username = care.account(helper);
        String phone = drivers.get(DataScope.county(), first).phone();

        browser = BrowserSupport.phone();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        BrowserSupport.signIn(browser, port, username, TestAccounts.PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=home-my-drivers]")))
                .click();

        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=my-driver][data-driver-id='" + first + "']")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=my-driver]")))
                .hasSize(2);
        assertThat(card.findElement(By.cssSelector("[data-testid=my-driver-status]"))
                        .getText())
                .contains("本周待联系")
                .contains("本月待走访");
        assertThat(card.findElement(By.cssSelector("[data-testid=call]")).getAttribute("href"))
                .isEqualTo("tel:" + phone);
        assertThat(browser.findElement(By.cssSelector("[data-testid=my-due]")).getText())
                .contains("本周待联系2人");
        assertNoHorizontalScroll();
        BrowserSupport.screenshot(browser, "helper-phone-my-drivers");

        card.findElement(By.cssSelector("[data-testid=log-PHONE]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "已记录联系"));
        WebElement after =
                browser.findElement(By.cssSelector("[data-testid=my-driver][data-driver-id='" + first + "']"));
        assertThat(after.findElement(By.cssSelector("[data-testid=my-driver-status]"))
                        .getText())
                .contains("本周已联系");
        assertThat(browser.findElement(By.cssSelector("[data-testid=my-driver][data-driver-id='" + second + "']"))
                        .findElement(By.cssSelector("[data-testid=my-driver-status]"))
                        .getText())
                .contains("本周待联系");
        assertThat(browser.findElement(By.cssSelector("[data-testid=my-due]")).getText())
                .contains("本周待联系1人");
        assertThat(jdbc.sql("select kind from care_contact where driver_id = :d")
                        .param("d", first)
                        .query(String.class)
                        .list())
                .containsExactly("PHONE");
        BrowserSupport.screenshot(browser, "helper-phone-contact-logged");

        after.findElement(By.cssSelector("[data-testid=open-driver]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=visit-form]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=my-logs]")).getText())
                .contains("电话");
        assertNoHorizontalScroll();
        BrowserSupport.screenshot(browser, "helper-phone-driver");
    }

    private void assertNoHorizontalScroll() {
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue())
                .as("no sideways scrolling at 375 px")
                .isLessThanOrEqualTo(0);
    }
}
