package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redwheel.BrowserSupport;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The county office in real Chromium: registers a driver through the form (a wrong ID number first),
 * sees him masked, shows the full number, and finds him in the list with its filters.
 */
@RedWheelTest
class DriverBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    Townships townships;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void registersADriverThroughTheFormAndFindsHimInTheList() throws Exception {
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var enterprise = TestEnterprises.valid("浏览器司机");
        enterprises.create(enterprise);
        var village = townships.villages(null, false).get(2);
        String name = TestDrivers.name("浏览器");
        String phone = TestDrivers.phone();
        String idNumber = TestDrivers.idNumber();
        String wrong = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');

        browser = BrowserSupport.chromium(1280, 1000);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        BrowserSupport.signIn(browser, port, username, TestAccounts.PASSWORD);

        browser.findElement(By.cssSelector("[data-testid=nav-fleet]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=driver-new]")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=driver-form]")));
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("phone")).sendKeys(phone);
        browser.findElement(By.id("idNumber")).sendKeys(wrong);
        new Select(browser.findElement(By.id("licenceClass"))).selectByVisibleText("A2");
        date("licenceExpiry", LocalDate.now().plusDays(20));
        new Select(browser.findElement(By.id("enterpriseId"))).selectByVisibleText(enterprise.name());
        new Select(browser.findElement(By.id("villageId"))).selectByVisibleText(village.name());
        new Select(browser.findElement(By.id("partyStatus"))).selectByVisibleText("正式党员");
        browser.findElement(By.id("emergencyContactName")).sendKeys("王秀兰");
        browser.findElement(By.id("emergencyContactPhone")).sendKeys("13905391111");
        browser.findElement(By.id("locationConsent")).click();
        browser.findElement(By.cssSelector("[data-testid=driver-save]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=form-errors]")));
        assertThat(browser.findElement(By.cssSelector("[data-error-for=idNumber]"))
                        .getText())
                .contains("校验码不正确");
        assertThat(browser.findElement(By.id("name")).getAttribute("value"))
                .as("what was typed stays")
                .isEqualTo(name);
        BrowserSupport.screenshot(browser, "driver-form-errors");

        var idField = browser.findElement(By.id("idNumber"));
        idField.clear();
        idField.sendKeys(idNumber);
        browser.findElement(By.cssSelector("[data-testid=driver-save]")).click();

        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=driver-title]"), name));
        assertThat(browser.findElement(By.cssSelector("[data-testid=notice]")).getText())
                .contains("已保存");
        String masked = IdNumbers.mask(idNumber);
        assertThat(browser.findElement(By.cssSelector("[data-testid=id-number]"))
                        .getText())
                .isEqualTo(masked);
        assertThat(browser.getPageSource()).doesNotContain(idNumber);
        assertThat(browser.findElement(By.cssSelector("[data-testid=driver-consent]"))
                        .getText())
                .contains("已于")
                .contains("2024-01");
        BrowserSupport.screenshot(browser, "driver-view");

        browser.findElement(By.cssSelector("[data-testid=id-number-show]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=id-number]"), idNumber));
        BrowserSupport.screenshot(browser, "driver-view-id-number-shown");

        browser.get("http://localhost:" + port + "/console/fleet/drivers");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=driver-table]")));
        BrowserSupport.screenshot(browser, "driver-list");
        new Select(browser.findElement(By.cssSelector("[data-testid=filter-party]"))).selectByVisibleText("正式党员");
        browser.findElement(By.cssSelector("[data-testid=filter-expiring]")).click();
        browser.findElement(By.cssSelector("[data-testid=driver-search]")).sendKeys(name);
        // htmx replaces the results in place as the filters change.
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("[data-testid=driver-table] tbody tr[data-driver-id]"), 1));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=driver-table]"), name));
        var row = browser.findElement(By.cssSelector("[data-testid=driver-table] tbody tr[data-driver-id]"));
        assertThat(row.getText())
                .contains(name)
                .contains(masked)
                .contains(enterprise.name())
                .contains(village.name())
                .contains("即将到期")
                .contains("正式党员");
        assertThat(browser.getCurrentUrl()).contains("partyStatus=FULL_MEMBER").contains("expiring=true");
        BrowserSupport.screenshot(browser, "driver-list-filtered");
    }

    @Test
    void showsAVehicleWithItsDriversAndTheSurveyCoverageInBothLanguages() throws Exception {
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        browser = BrowserSupport.chromium(1280, 1000);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        BrowserSupport.signIn(browser, port, username, TestAccounts.PASSWORD);

        browser.get("http://localhost:" + port + "/console/fleet/vehicles?sort=inspectionExpiry");
        var first = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid=fleet-vehicle-table] tbody tr td a")));
        String plate = first.getText();
        BrowserSupport.screenshot(browser, "fleet-vehicle-list");
        first.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=vehicle-title]"), plate));
        assertThat(browser.findElement(By.cssSelector("[data-testid=vehicle-assignments]"))
                        .getText())
                .contains("主驾");
        assertThat(browser.findElements(By.cssSelector("[data-testid=assign-form]")))
                .hasSize(1);
        BrowserSupport.screenshot(browser, "fleet-vehicle");

        browser.get("http://localhost:" + port + "/console/fleet/survey");
        int drivers = Integer.parseInt(
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=survey-drivers]")))
                        .getText());
        assertThat(drivers).isGreaterThanOrEqualTo(300);
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("[data-testid=survey-helpers]"))
                        .getText()))
                .as("the demo's helpers care for every surveyed driver")
                .isGreaterThanOrEqualTo(300);
        BrowserSupport.screenshot(browser, "fleet-survey");

        browser.get("http://localhost:" + port + "/console/fleet/survey?lang=en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Precise survey"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=survey-total]"))
                        .getText())
                .contains("Drivers surveyed")
                .contains("Party members");
        browser.get("http://localhost:" + port + "/console/fleet/drivers?lang=zh_CN");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "货运司机"));
    }

    private void date(String id, LocalDate value) {
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value.toString());
    }
}
