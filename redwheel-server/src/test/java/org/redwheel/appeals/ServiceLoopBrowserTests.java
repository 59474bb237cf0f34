package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redwheel.appeals.AppealFixture.OFFICE;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
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
import org.redwheel.appeals.AppealStep.StepKind;
import org.redwheel.care.HelperAssignments;
import org.redwheel.care.HelperData;
import org.redwheel.care.Helpers;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.TestDrivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole service loop in real Chromium: a driver of a fresh village signs in on his phone with
 * the code shown, asks for help with taking orders (a personal matter, routed to his helper) with
 * a photo; his helper accepts it on his phone and escalates it, with a similar appeal, to the
 * alliance board as a hard problem; a department claims it, works it and
 * records the solution; the driver sees it resolved and confirms with five stars. Screenshots
 * loop-*.png in target/screenshots.
 */
@RedWheelTest
class ServiceLoopBrowserTests {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);
    private static final String NUMERALS = "零一二三四五六七八九";

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

    @Autowired
    Helpers helpers;

    @Autowired
    HelperAssignments assignments;

    @Autowired
    JdbcClient jdbc;

    AppealFixture fixture;
    WebDriver browser;
    WebDriver driverBrowser;

    @BeforeEach
    void fixture() {
        fixture = new AppealFixture(drivers, units, accounts, townships);
    }

    @AfterEach
    void closeBrowser() {
        quit();
    }

    @Test
    void aDriversNeedGoesFromHisPhoneThroughHisHelperAndTheBoardToADepartmentAndBackToHisRating() throws Exception {
        // A fresh village with its helper (with a staff account) paired with a new driver.
        long township = townships.list(false).get(0).id();
        long village = townships.createVillage(township, "闭环" + numerals(SEQUENCE.incrementAndGet()) + "村");
        long helper = helpers.create(
                DataScope.county(),
                new HelperData("闭环" + numerals(SEQUENCE.incrementAndGet() % 1000), TestDrivers.phone(), village, null));
        String helperUser = new TestAccounts(accounts).create(Role.HELPER, DataScope.assigned());
        helpers.linkAccount(DataScope.county(), helper, helperUser);
        long driver = drivers.create(DataScope.county(), TestDrivers.valid("闭环", null, village));
        assignments.assign(DataScope.county(), driver, helper, LocalDate.now().minusDays(7), null, "office.test");
        String driverPhone = fixture.driverPhone(driver);
        String officer = fixture.account(Role.DEPARTMENT_OFFICER, DataScope.department(fixture.unit("县交通运输局")));
        Path photo = photo();
        String base = "http://localhost:" + port;
        String need = "在物流园等了三天接不到单，平台派单总轮不到我";

        // 1. The driver signs in on his phone with the code shown and asks for help with a photo.
        browser = BrowserSupport.phone();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base + "/m/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone"))).sendKeys(driverPhone);
        browser.findElement(By.cssSelector("[data-testid=send-code]")).click();
        String code = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=demo-code]")))
                .getText();
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("[data-testid=sign-in]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=greeting]")));
        tap(By.cssSelector("[data-testid=need-help]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=m-appeal-form]")));
        tap(By.cssSelector("label[for=c-ORDER_TAKING]"));
        browser.findElement(By.id("description")).sendKeys(need);
        browser.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        tap(By.cssSelector("[data-testid=m-appeal-submit]"));
        wait.until(ExpectedConditions.urlMatches("/m/appeals/\\d+$"));
        String url = browser.getCurrentUrl();
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        assertThat(text("m-status")).isEqualTo("待受理");
        assertThat(browser.findElements(By.cssSelector("img[src$='/m/appeals/" + id + "/photo']")))
                .as("the photo came through the multipart form on real Tomcat")
                .hasSize(1);
        Appeal submitted = appeals.get(OFFICE, id);
        assertThat(submitted.driverId()).isEqualTo(driver);
        assertThat(submitted.description()).isEqualTo(need);
        assertThat(submitted.route().kind()).isEqualTo(HandlerKind.HELPER);
        assertThat(appeals.photo(OFFICE, id)).isPresent();
        BrowserSupport.screenshot(browser, "loop-1-driver-submitted");
        driverBrowser = browser;
        browser = null;

        // 2. His helper, on his phone, finds it among his appeals and accepts it.
        browser = BrowserSupport.phone();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        BrowserSupport.signIn(browser, port, helperUser, TestAccounts.PASSWORD);
        browser.get(base + "/console/appeals");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=appeal-table] tr[data-appeal-id='" + id + "']")));
        tap(By.cssSelector("tr[data-appeal-id='" + id + "'] a"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=appeal-accept]")));
        assertThat(text("appeal-status")).isEqualTo("待受理");
        tap(By.cssSelector("[data-testid=appeal-accept]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "已受理"));
        assertThat(text("appeal-status")).isEqualTo("已交办");
        assertThat(appeals.get(OFFICE, id).handler().kind()).isEqualTo(HandlerKind.HELPER);
        BrowserSupport.screenshot(browser, "loop-2-helper-accepted");

        // 3. The helper escalates it to the alliance board as a hard problem, with a similar
        // appeal of another driver he helps that came in on the hotline.
        long other = drivers.create(DataScope.county(), TestDrivers.valid("闭环同类", null, village));
        assignments.assign(DataScope.county(), other, helper, LocalDate.now().minusDays(7), null, "office.test");
        long similar = appeals.submit(
                AppealFixture.DESK,
                AppealFixture.appeal(other, AppealCategory.ORDER_TAKING, AppealChannel.HOTLINE, "物流园派单不公平，等单好几天"));
        appeals.accept(OFFICE, similar);
        assertThat(appeals.get(OFFICE, similar).handler().kind()).isEqualTo(HandlerKind.HELPER);
        browser.get(base + "/console/appeals/" + id);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=appeal-post]")));
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("物流园个体司机接单难");
        browser.findElement(By.id("problemDescription")).clear();
        browser.findElement(By.id("problemDescription")).sendKeys("个体货车司机在物流园长时间等单，平台派单不透明");
        tap(By.id("similar-" + similar));
        BrowserSupport.screenshot(browser, "loop-3-helper-posts-to-board");
        tap(By.cssSelector("[data-testid=appeal-post]"));
        BrowserSupport.screenshot(browser, "loop-debug-after-post");
        System.err.println("DEBUG after post: " + browser.getCurrentUrl() + "\n"
                + browser.findElement(By.tagName("body")).getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=notice]"), "已列入护行联盟领题攻坚"));
        long problem = appeals.get(OFFICE, id).problemId();
        assertThat(board.get(OFFICE, problem).title()).isEqualTo("物流园个体司机接单难");
        assertThat(board.get(OFFICE, problem).status()).isEqualTo(ProblemStatus.OPEN);
        assertThat(appeals.get(OFFICE, id).problemId()).isEqualTo(problem);
        assertThat(appeals.get(OFFICE, similar).problemId()).isEqualTo(problem);
        quit();

        // 4. A department claims it on the board, works it and records the solution.
        browser = BrowserSupport.chromium(1280, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        BrowserSupport.signIn(browser, port, officer, TestAccounts.PASSWORD);
        tap(By.cssSelector("[data-testid=nav-appeals]"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=tab-board]")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=board-open] [data-problem-id='" + problem + "']")));
        BrowserSupport.screenshot(browser, "loop-4-department-board");
        tap(By.cssSelector("[data-testid=board-open] [data-problem-id='" + problem + "']"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=problem-claim]")));
        tap(By.cssSelector("[data-testid=problem-claim]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=problem-start]")));
        tap(By.cssSelector("[data-testid=problem-start]"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=problem-solve]")));
        assertThat(text("problem-claimant")).contains("县交通运输局");
        String solution = "县交通运输局约谈平台，物流园设立个体司机优先派单窗口";
        browser.findElement(By.id("solution")).sendKeys(solution);
        tap(By.cssSelector("[data-testid=problem-solve]"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=problem-status]"), "已解决"));
        BrowserSupport.screenshot(browser, "loop-5-department-solved");
        assertThat(appeals.get(OFFICE, id).status()).isEqualTo(AppealStatus.RESOLVED);
        quit();

        // 5. The driver, still signed in on his phone, sees it resolved and confirms it with five stars.
        browser = driverBrowser;
        driverBrowser = null;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base + "/m/appeals/" + id);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=m-confirm-form]")));
        assertThat(text("m-status")).isEqualTo("待您确认");
        assertThat(text("m-solution")).isEqualTo(solution);
        BrowserSupport.screenshot(browser, "loop-6-driver-sees-resolved");
        tap(By.cssSelector("label[for=star-5]"));
        browser.findElement(By.name("feedback")).sendKeys("派单窗口很管用，谢谢");
        tap(By.cssSelector("[data-testid=m-confirm]"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=m-status]"), "已解决"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=m-steps] [data-step]")))
                .extracting(e -> e.getAttribute("data-step"))
                .contains("SUBMITTED", "CONFIRMED");
        BrowserSupport.screenshot(browser, "loop-7-driver-confirmed");

        // The final state, through the service and in the database.
        Appeal done = appeals.get(OFFICE, id);
        assertThat(done.status()).isEqualTo(AppealStatus.CONFIRMED);
        assertThat(done.rating()).isEqualTo(5);
        assertThat(done.solution()).isEqualTo(solution);
        assertThat(done.handler()).isEqualTo(AppealHandler.department(fixture.unit("县交通运输局")));
        assertThat(appeals.steps(OFFICE, id))
                .extracting(AppealStep::kind)
                .containsExactly(
                        StepKind.SUBMITTED,
                        StepKind.ACCEPTED,
                        StepKind.ASSIGNED,
                        StepKind.POSTED_TO_BOARD,
                        StepKind.CLAIMED,
                        StepKind.STARTED,
                        StepKind.RESOLVED,
                        StepKind.CONFIRMED);
        assertThat(appeals.steps(OFFICE, id))
                .filteredOn(s -> s.kind() == StepKind.ACCEPTED)
                .extracting(AppealStep::actor)
                .containsExactly(helperUser);
        assertThat(jdbc.sql("select status, rating, feedback from appeals_appeal where id = :id")
                        .param("id", id)
                        .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3))
                        .single())
                .isEqualTo("CONFIRMED/5/派单窗口很管用，谢谢");
        assertThat(board.get(OFFICE, problem).status()).isEqualTo(ProblemStatus.SOLVED);
        assertThat(board.get(OFFICE, problem).appeals()).isEqualTo(2);
        assertThat(appeals.get(OFFICE, similar).status())
                .as("the similar appeal waits for its own driver's confirmation")
                .isEqualTo(AppealStatus.RESOLVED);
    }

    private void quit() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @AfterEach
    void closePhone() {
        if (driverBrowser != null) {
            driverBrowser.quit();
        }
    }

    /** Taps an element in the middle of the screen, without Bootstrap's smooth scroll. */
    private void tap(By by) {
        var element = browser.findElement(by);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private String text(String testId) {
        return browser.findElement(By.cssSelector("[data-testid=" + testId + "]"))
                .getText();
    }

    /** A small real PNG (a red square) on disk, for the file input. */
    private static Path photo() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0xB7, 0x1C, 0x1C));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillRect(8, 30, 48, 8);
        g.dispose();
        Path file = Files.createTempFile("loop-photo", ".png");
        ImageIO.write(image, "png", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }

    private static String numerals(long n) {
        StringBuilder s = new StringBuilder();
        for (char digit : Long.toString(n).toCharArray()) {
            s.append(NUMERALS.charAt(digit - '0'));
        }
        return s.toString();
    }
}
