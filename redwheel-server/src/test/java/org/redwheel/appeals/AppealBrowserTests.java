package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redwheel.appeals.AppealFixture.OFFICE;
import static org.redwheel.appeals.AppealFixture.appeal;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redwheel.BrowserSupport;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console side of the service loop in real Chromium: the office accepts a driver's appeal and
 * posts it, with a similar one, to the alliance board as a hard problem; a department claims it,
 * works it and records the solution; the appeals are resolved and the public page shows the solved
 * problem. The appeal pages also fit a phone. Screenshots go to target/screenshots.
 */
@RedWheelTest
class AppealBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Appeals appeals;

    @Autowired
    AllianceBoard board;

    @Autowired
    Drivers drivers;

    @Autowired
    GovernmentUnits units;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Townships townships;

    AppealFixture fixture;
    WebDriver office;
    WebDriver department;

    @BeforeEach
    void fixture() {
        fixture = new AppealFixture(drivers, units, accounts, townships);
    }

    @AfterEach
    void closeBrowsers() {
        for (WebDriver browser : new WebDriver[] {office, department}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void theOfficeAcceptsAndPostsToTheBoardAndADepartmentClaimsAndSolvesIt() throws Exception {
        long first = fixture.driver("浏览器甲");
        long second = fixture.driver("浏览器乙");
        long appeal = appeals.submit(
                AppealActor.driver(first),
                appeal(first, AppealCategory.PARKING, AppealChannel.MOBILE, "凌晨到高速口，附近没有能停大车的地方"));
        long similar = appeals.submit(
                AppealActor.driver(second),
                appeal(second, AppealCategory.PARKING, AppealChannel.MOBILE, "晚上在收费站外等进城，只能停匝道边"));
        appeals.accept(OFFICE, similar);
        String admin = fixture.account(Role.COUNTY_ADMIN, DataScope.county());
        String officer = fixture.account(Role.DEPARTMENT_OFFICER, DataScope.department(fixture.unit("交警大队")));

        office = BrowserSupport.chromium(1280, 1000);
        var officeWait = new WebDriverWait(office, Duration.ofSeconds(15));
        BrowserSupport.signIn(office, port, admin, TestAccounts.PASSWORD);
        click(office, By.cssSelector("[data-testid=nav-appeals]"));
        officeWait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=appeal-table] tr[data-appeal-id='" + appeal + "']")));
        BrowserSupport.screenshot(office, "appeals-list");
        click(office, By.cssSelector("tr[data-appeal-id='" + appeal + "'] a"));
        officeWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=appeal-accept]")));
        assertThat(office.findElement(By.cssSelector("[data-testid=appeal-status]"))
                        .getText())
                .isEqualTo("待受理");
        assertThat(office.findElement(By.cssSelector("[data-testid=appeal-route]"))
                        .getText())
                .isEqualTo("交警大队");
        BrowserSupport.screenshot(office, "appeal-submitted");
        click(office, By.cssSelector("[data-testid=appeal-accept]"));

        officeWait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "已受理"));
        assertThat(office.findElement(By.cssSelector("[data-testid=appeal-status]"))
                        .getText())
                .isEqualTo("已交办");
        office.findElement(By.id("title")).sendKeys("收费站附近夜间缺少货车停车点");
        office.findElement(By.id("problemDescription")).sendKeys("多名司机反映夜间在收费站附近等待进城，没有安全停车点");
        click(office, By.id("similar-" + similar));
        BrowserSupport.screenshot(office, "appeal-post-to-board");
        click(office, By.cssSelector("[data-testid=appeal-post]"));

        officeWait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=problem-title]"), "收费站附近夜间缺少货车停车点"));
        assertThat(office.findElement(By.cssSelector("[data-testid=problem-status]"))
                        .getText())
                .isEqualTo("待认领");
        assertThat(office.findElements(By.cssSelector("[data-testid=problem-appeals] a")))
                .hasSize(2);
        String problemUrl = office.getCurrentUrl();
        long problem = Long.parseLong(problemUrl.substring(problemUrl.lastIndexOf('/') + 1));
        BrowserSupport.screenshot(office, "problem-posted");

        department = BrowserSupport.chromium(1280, 1000);
        var wait = new WebDriverWait(department, Duration.ofSeconds(15));
        BrowserSupport.signIn(department, port, officer, TestAccounts.PASSWORD);
        click(department, By.cssSelector("[data-testid=nav-appeals]"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=tab-board]")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=board-open] [data-problem-id='" + problem + "']")));
        click(department, By.cssSelector("[data-testid=board-open] [data-problem-id='" + problem + "']"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=problem-claim]")));
        assertThat(department.findElements(By.cssSelector("[data-testid=problem-appeals]")))
                .as("the appeals behind it are the claimant's to see")
                .isEmpty();
        BrowserSupport.screenshot(department, "problem-open-for-department");
        click(department, By.cssSelector("[data-testid=problem-claim]"));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=problem-start]")));
        click(department, By.cssSelector("[data-testid=problem-start]"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=problem-solve]")));
        assertThat(department
                        .findElement(By.cssSelector("[data-testid=problem-claimant]"))
                        .getText())
                .contains("交警大队");
        department.findElement(By.id("solution")).sendKeys("交警大队在收费站东侧划设临时停车区，夜间照明已到位");
        BrowserSupport.screenshot(department, "problem-being-solved");
        click(department, By.cssSelector("[data-testid=problem-solve]"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=problem-status]"), "已解决"));
        assertThat(department
                        .findElement(By.cssSelector("[data-testid=problem-solution]"))
                        .getText())
                .isEqualTo("交警大队在收费站东侧划设临时停车区，夜间照明已到位");
        BrowserSupport.screenshot(department, "problem-solved");

        for (long id : List.of(appeal, similar)) {
            Appeal resolved = appeals.get(OFFICE, id);
            assertThat(resolved.status()).isEqualTo(AppealStatus.RESOLVED);
            assertThat(resolved.problemId()).isEqualTo(problem);
            assertThat(resolved.handler()).isEqualTo(AppealHandler.department(fixture.unit("交警大队")));
        }
        office.get("http://localhost:" + port + "/console/appeals/" + appeal);
        officeWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=appeal-steps]")));
        assertThat(office.findElement(By.cssSelector("[data-testid=appeal-status]"))
                        .getText())
                .isEqualTo("已办结待确认");
        assertThat(office.findElements(By.cssSelector("[data-testid=appeal-steps] [data-step]")))
                .extracting(e -> e.getAttribute("data-step"))
                .containsExactly(
                        "SUBMITTED", "ACCEPTED", "ASSIGNED", "POSTED_TO_BOARD", "CLAIMED", "STARTED", "RESOLVED");
        BrowserSupport.screenshot(office, "appeal-resolved");

        office.get("http://localhost:" + port + "/public/solved-problems");
        officeWait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=public-problems] [data-problem-id='" + problem + "']")));
        String published = office.findElement(By.cssSelector("[data-problem-id='" + problem + "']"))
                .getText();
        assertThat(published).contains("收费站附近夜间缺少货车停车点").contains("交警大队认领").contains("涉及 2 件司机诉求");
        assertThat(published).doesNotContain(fixture.driverName(first)).doesNotContain(fixture.driverName(second));
        BrowserSupport.screenshot(office, "public-solved-problems");
    }

    /**
     * Clicks an element after scrolling it to the middle of the window (forms grow with the data), at
     * once: Bootstrap makes scrolling smooth, and a click during the animation lands elsewhere.
     */
    static void click(WebDriver browser, By by) {
        var element = browser.findElement(by);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    @Test
    void theAppealPagesFitAPhone() throws Exception {
        String admin = fixture.account(Role.COUNTY_ADMIN, DataScope.county());
        office = BrowserSupport.phone();
        var wait = new WebDriverWait(office, Duration.ofSeconds(15));
        BrowserSupport.signIn(office, port, admin, TestAccounts.PASSWORD);
        long anAppeal = appeals.search(
                        OFFICE, AppealFilter.all(), new org.redwheel.PageRequest(0, 1, "submittedAt", true))
                .content()
                .get(0)
                .id();
        for (String page : List.of(
                "/console/appeals",
                "/console/appeals/" + anAppeal,
                "/console/appeals/new",
                "/console/appeals/board",
                "/console/appeals/supervision",
                "/console/appeals/statistics",
                "/public/solved-problems")) {
            office.get("http://localhost:" + port + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
            String body = office.findElement(By.tagName("body")).getText();
            assertThat(body).as(page).doesNotContain("出错了").doesNotContain("??");
            long width = ((Number)
                            ((JavascriptExecutor) office).executeScript("return document.documentElement.scrollWidth"))
                    .longValue();
            assertThat(width).as("width of " + page).isLessThanOrEqualTo(375);
            BrowserSupport.screenshot(office, "appeals-phone" + page.replaceAll("[^a-z0-9]+", "-"));

            office.get("http://localhost:" + port + page + "?lang=en");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
            assertThat(office.findElement(By.tagName("body")).getText())
                    .as("English " + page)
                    .doesNotContain("??")
                    .doesNotContain("诉求服务");
            office.get("http://localhost:" + port + page + "?lang=zh_CN");
        }
    }
}
