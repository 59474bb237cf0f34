package org.redwheel.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county administrator imports enterprises in real Chromium: from the list to the import page,
 * chooses a file, watches the progress to its end and reads the summary; a file with a bad row
 * shows the problems and the annotated download; a text file is refused with the reason.
 */
@RedWheelTest
class EnterpriseImportBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

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
        jdbc.sql("delete from organization_enterprise where name like '浏览导入物流有限公司%'")
                .update();
    }

    @Test
    void uploadsAFileWatchesTheProgressFinishAndReadsTheSummary() throws Exception {
        String township = townships.list(false).get(0).name();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add(EnterpriseWorkbooks.row("浏览导入", i % 2 == 0 ? township : null, null));
        }
        Path good = file("企业名单-2000.xlsx", EnterpriseWorkbooks.file(EnterpriseWorkbooks.HEADERS, rows));
        List<List<String>> oneBad =
                List.of(EnterpriseWorkbooks.row("浏览有错", null, null), EnterpriseWorkbooks.row("浏览有错", null, null));
        oneBad.get(1).set(7, "不存在镇");
        Path bad = file("有错.xlsx", EnterpriseWorkbooks.file(EnterpriseWorkbooks.HEADERS, oneBad));
        Path text = file("名单.xlsx", "企业名称,地址\n".getBytes(StandardCharsets.UTF_8));
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        browser = BrowserSupport.chromium(1280, 900);
        // htmx swaps the job's element while it polls: a look-up may catch the old one
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        BrowserSupport.signIn(browser, port, username, TestAccounts.PASSWORD);

        browser.get("http://localhost:" + port + "/console/enterprises");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=enterprise-import]")))
                .click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=import-title]"), "批量导入物流企业"));
        browser.findElement(By.id("import-file")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("[data-testid=import-submit]")).click();

        var job = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=import-job]")));
        assertThat(job.findElement(By.cssSelector("[data-testid=import-progress]"))
                        .isDisplayed())
                .isTrue();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=import-job]"), "data-state", "DONE"));
        var progress = browser.findElement(By.cssSelector("[data-testid=import-progress]"));
        assertThat(progress.getAttribute("aria-valuenow")).isEqualTo("100");
        assertThat(browser.findElement(By.cssSelector("[data-testid=import-summary]"))
                        .getText())
                .contains("导入成功：文件中的 2,000 行已全部导入，新增 2,000 条记录。");
        assertThat(jdbc.sql("select count(*) from organization_enterprise where name like '浏览导入物流有限公司%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2_000);
        BrowserSupport.screenshot(browser, "enterprise-import-done");

        browser.findElement(By.id("import-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("[data-testid=import-submit]")).click();
        wait.until(
                ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=import-job]"), "data-state", "REJECTED"));
        var problems = browser.findElements(By.cssSelector("[data-testid=import-problems] tbody tr"));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).getText()).contains("3").contains("所在镇街").contains("找不到名为“不存在镇”的镇街");
        assertThat(browser.findElement(By.cssSelector("[data-testid=import-annotated]"))
                        .getAttribute("href"))
                .endsWith("/annotated.xlsx");
        BrowserSupport.screenshot(browser, "enterprise-import-rejected");

        browser.findElement(By.id("import-file")).sendKeys(text.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("[data-testid=import-submit]")).click();
        var refused = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=import-refused]")));
        assertThat(refused.getText()).contains("文件不是 Excel 工作簿（.xlsx）");
        BrowserSupport.screenshot(browser, "enterprise-import-refused");
    }

    private static Path file(String name, byte[] content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "import-uploads"));
        return Files.write(dir.resolve(System.nanoTime() + "-" + name), content);
    }
}
