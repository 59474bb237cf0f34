package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redwheel.BrowserSupport;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county administrator imports drivers in real Chromium: from the driver list to the import page,
 * chooses a file, watches the progress to its end, reads the summary and finds an imported driver in
 * the list, masked; a file with three bad rows shows exactly those problems and the annotated
 * download.
 */
@RedWheelTest
class DriverImportBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    Townships townships;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        jdbc.sql(
                        "delete from fleet_driver_consent where driver_id in (select id from fleet_driver where name like '浏览批导%')")
                .update();
        jdbc.sql("delete from fleet_driver where name like '浏览批导%'").update();
    }

    @Test
    void uploadsADriverFileWatchesItFinishAndFindsTheDriversInTheList() throws Exception {
        Enterprise enterprise = enterprises.get(DataScope.county(), enterprises.create(TestEnterprises.valid("浏览批导")));
        List<Village> villages = townships.villages(null, false);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Village village = villages.get(i % villages.size());
            rows.add(FleetWorkbooks.driverRow(
                    "浏览批导", i % 5 == 0 ? null : enterprise.name(), village.townshipName(), village.name()));
        }
        Path good = file("司机名单-500.xlsx", FleetWorkbooks.drivers(rows));
        List<List<String>> threeBad = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threeBad.add(FleetWorkbooks.driverRow("浏览批错", enterprise.name(), null, null));
        }
        threeBad.get(0)
                .set(
                        FleetWorkbooks.ID_NUMBER,
                        FleetWorkbooks.withWrongCheckCharacter(threeBad.get(0).get(FleetWorkbooks.ID_NUMBER)));
        threeBad.get(2).set(FleetWorkbooks.PHONE, threeBad.get(1).get(FleetWorkbooks.PHONE));
        threeBad.get(3).set(FleetWorkbooks.VILLAGE, "不存在村");
        Path bad = file("有错.xlsx", FleetWorkbooks.drivers(threeBad));
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        browser = BrowserSupport.chromium(1280, 900);
        // htmx swaps the job's element while it polls: a look-up may catch the old one
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        BrowserSupport.signIn(browser, port, username, TestAccounts.PASSWORD);

        browser.get("http://localhost:" + port + "/console/fleet/drivers");
        assertThat(browser.findElement(By.cssSelector("[data-testid=driver-template]"))
                        .getAttribute("href"))
                .endsWith("/console/fleet/drivers/template.xlsx");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=driver-import]")))
                .click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=import-title]"), "批量导入货运司机"));
        browser.findElement(By.id("import-file")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("[data-testid=import-submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=import-job]")));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=import-job]"), "data-state", "DONE"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=import-progress]"))
                        .getAttribute("aria-valuenow"))
                .isEqualTo("100");
        assertThat(browser.findElement(By.cssSelector("[data-testid=import-summary]"))
                        .getText())
                .contains("导入成功：文件中的 500 行已全部导入，新增 500 条记录。");
        BrowserSupport.screenshot(browser, "driver-import-done");

        browser.findElement(By.cssSelector("[data-testid=import-summary] a")).click();
        var search = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=driver-search]")));
        String name = rows.get(7).get(0);
        search.sendKeys(name);
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=driver-table]"), name));
        String table = browser.findElement(By.cssSelector("[data-testid=driver-table]"))
                .getText();
        String idNumber = rows.get(7).get(FleetWorkbooks.ID_NUMBER);
        assertThat(table)
                .contains(IdNumbers.mask(idNumber))
                .doesNotContain(idNumber)
                .contains(enterprise.name());
        BrowserSupport.screenshot(browser, "driver-import-list");

        browser.get("http://localhost:" + port + "/console/fleet/drivers/import");
        browser.findElement(By.id("import-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("[data-testid=import-submit]")).click();
        wait.until(
                ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=import-job]"), "data-state", "REJECTED"));
        var problems = browser.findElements(By.cssSelector("[data-testid=import-problems] tbody tr"));
        assertThat(problems).extracting(p -> p.getText()).hasSize(3);
        assertThat(problems.get(0).getText()).contains("2").contains("身份证号").contains("身份证号校验码不正确");
        assertThat(problems.get(1).getText()).contains("4").contains("手机号").contains("与第 3 行重复");
        assertThat(problems.get(2).getText()).contains("5").contains("户籍村居").contains("找不到名为“不存在村”的村居");
        assertThat(browser.findElement(By.cssSelector("[data-testid=import-annotated]"))
                        .getAttribute("href"))
                .endsWith("/annotated.xlsx");
        BrowserSupport.screenshot(browser, "driver-import-rejected");
    }

    @Test
    void theListsWithTheirExcelButtonsAndTheImportPagesFitAPhoneInBothLanguages() throws Exception {
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        browser = BrowserSupport.phone();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        BrowserSupport.signIn(browser, port, username, TestAccounts.PASSWORD);

        for (String page : List.of(
                "/console/fleet/drivers",
                "/console/fleet/vehicles",
                "/console/fleet/drivers/import",
                "/console/fleet/vehicles/import?lang=en",
                "/console/fleet/drivers/import",
                "/console/fleet/vehicles/import?lang=zh-CN")) {
            browser.get("http://localhost:" + port + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
            String body = browser.findElement(By.tagName("body")).getText();
            assertThat(body).as(page).doesNotContain("出错了").doesNotContain("??");
            long width = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                            .executeScript("return document.documentElement.scrollWidth"))
                    .longValue();
            assertThat(width).as("width of " + page).isLessThanOrEqualTo(375);
            BrowserSupport.screenshot(browser, "fleet-excel" + page.replaceAll("[^a-z]+", "-"));
        }
        assertThat(browser.findElement(By.cssSelector("[data-testid=import-title]"))
                        .getText())
                .isEqualTo("批量导入车辆与终端");
    }

    private static Path file(String name, byte[] content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "import-uploads"));
        return Files.write(dir.resolve(System.nanoTime() + "-" + name), content);
    }
}
