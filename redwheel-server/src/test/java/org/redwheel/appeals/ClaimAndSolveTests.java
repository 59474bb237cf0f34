package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.redwheel.appeals.AppealFixture.DESK;
import static org.redwheel.appeals.AppealFixture.OFFICE;
import static org.redwheel.appeals.AppealFixture.appeal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.PageRequest;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.appeals.AppealStep.StepKind;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.notification.Notifications;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The escort alliance's claim-and-solve board: the office posts a hard problem linking similar
 * appeals; exactly one department claims it even when two click at the same moment; only the
 * claimant works and solves it, and the solution resolves the linked appeals. Texts that become
 * public may not carry personal data.
 */
@RedWheelTest
class ClaimAndSolveTests {

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
    Notifications notifications;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    AppealFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new AppealFixture(drivers, units, accounts, townships);
    }

    /** Two accepted appeals of different drivers on the board as one problem. */
    long problem(String title) {
        List<Long> ids = new ArrayList<>();
        for (String prefix : List.of("认领甲", "认领乙")) {
            long driver = fixture.driver(prefix);
            long id = appeals.submit(DESK, appeal(driver, AppealCategory.PARKING, AppealChannel.HOTLINE, "夜间停车难"));
            appeals.accept(OFFICE, id);
            ids.add(id);
        }
        return board.post(OFFICE, ids, title, "多名司机反映夜间停车难");
    }

    @Test
    void twoDepartmentsClickingClaimAtTheSameMomentLeaveExactlyOneClaimant() throws Exception {
        long police = fixture.unit("交警大队");
        long transport = fixture.unit("县交通运输局");
        var first = new WebClient(port);
        first.login(fixture.account(Role.DEPARTMENT_OFFICER, DataScope.department(police)), TestAccounts.PASSWORD);
        var second = new WebClient(port);
        second.login(fixture.account(Role.DEPARTMENT_OFFICER, DataScope.department(transport)), TestAccounts.PASSWORD);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long problem = problem("并发认领测试" + round);
                String page = "/console/appeals/board/" + problem;
                String action = page + "/claim";
                // Both forms are loaded first, then both posts leave together.
                String firstToken = first.csrfToken(page);
                String secondToken = second.csrfToken(page);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<HttpResponse<String>> a = threads.submit(claim(first, page, action, firstToken, together));
                Future<HttpResponse<String>> b = threads.submit(claim(second, page, action, secondToken, together));
                assertThat(a.get().statusCode()).isEqualTo(302);
                assertThat(b.get().statusCode()).isEqualTo(302);

                Problem claimed = board.get(OFFICE, problem);
                assertThat(claimed.status()).isEqualTo(ProblemStatus.CLAIMED);
                assertThat(claimed.claimedUnitId()).isIn(police, transport);
                long winner = claimed.claimedUnitId();
                WebClient loser = winner == police ? second : first;
                WebClient won = winner == police ? first : second;
                HttpResponse<String> lost = winner == police ? b.get() : a.get();
                assertThat(lost.headers().firstValue("Location").orElseThrow()).endsWith("/console/appeals/board");
                assertThat(loser.get("/console/appeals/board").body())
                        .as("the department that was second is told")
                        .contains("该难题已被其他部门认领");
                assertThat(loser.get(page).statusCode())
                        .as("another's claim is not on its board")
                        .isEqualTo(404);
                assertThat(won.get(page).body()).contains("已认领，请牵头攻坚");
                List<Appeal> linked = linked(problem);
                assertThat(linked).hasSize(2).allSatisfy(appeal -> {
                    assertThat(appeal.status()).isEqualTo(AppealStatus.CLAIMED);
                    assertThat(appeal.handler()).isEqualTo(AppealHandler.department(winner));
                    assertThat(appeals.steps(OFFICE, appeal.id()))
                            .filteredOn(s -> s.kind() == StepKind.CLAIMED)
                            .hasSize(1);
                });
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void manyThreadsClaimingInTheServiceStillLeaveOneClaimant() throws Exception {
        long problem = problem("多部门并发认领");
        List<AppealActor> departments = List.of(
                fixture.department("交警大队"),
                fixture.department("县交通运输局"),
                fixture.department("县司法局"),
                fixture.department("县商务局"));
        CyclicBarrier together = new CyclicBarrier(departments.size());
        ExecutorService threads = Executors.newFixedThreadPool(departments.size());
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (AppealActor department : departments) {
                outcomes.add(threads.submit(() -> {
                    together.await();
                    try {
                        board.claim(department, problem);
                        return true;
                    } catch (InvalidInputException e) {
                        assertThat(e.violations())
                                .extracting(Violation::messageKey)
                                .containsExactly("appeals.problem.alreadyClaimed");
                        return false;
                    }
                }));
            }
            long winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        Problem claimed = board.get(OFFICE, problem);
        assertThat(departments.stream().filter(d -> d.unitId().equals(claimed.claimedUnitId())))
                .hasSize(1);
    }

    @Test
    void theClaimantWorksAndSolvesTheProblemAndItsAppealsAreResolvedWithTheSolution() {
        long problem = problem("临时停车区测试");
        AppealActor police = fixture.department("交警大队");
        AppealActor justice = fixture.department("县司法局");
        long admin = fixture.accountId(fixture.account(Role.COUNTY_ADMIN, DataScope.county()));

        assertThatThrownBy(() -> board.claim(OFFICE, problem)).isInstanceOf(AccessDeniedException.class);
        board.claim(police, problem);
        assertThat(notifications.inbox(admin, 10))
                .anySatisfy(n -> assertThat(n.title()).isEqualTo("领题攻坚：难题已被认领"));
        assertThatThrownBy(() -> board.start(justice, problem))
                .isInstanceOf(org.redwheel.RecordNotFoundException.class);
        assertRefused(() -> board.solve(police, problem, "还没开始就解决"), "appeals.transition.solveProblem");
        board.start(police, problem);
        assertThat(linked(problem)).allSatisfy(a -> assertThat(a.status()).isEqualTo(AppealStatus.IN_PROGRESS));

        // A similar appeal that comes in later joins the problem as it stands.
        long late =
                appeals.submit(DESK, appeal(fixture.driver("后来"), AppealCategory.PARKING, AppealChannel.HOTLINE, "停车"));
        appeals.accept(OFFICE, late);
        board.link(OFFICE, problem, late);
        assertThat(appeals.get(police, late).status()).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(board.get(OFFICE, problem).appeals()).isEqualTo(3);

        board.solve(police, problem, "交警大队划设两处临时停车区，夜间停车不再处罚");
        Problem solved = board.get(OFFICE, problem);
        assertThat(solved.status()).isEqualTo(ProblemStatus.SOLVED);
        assertThat(solved.solvedAt()).isNotNull();
        assertThat(solved.claimedUnitName()).isEqualTo("交警大队");
        assertThat(linked(problem)).hasSize(3).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(AppealStatus.RESOLVED);
            assertThat(a.solution()).isEqualTo("交警大队划设两处临时停车区，夜间停车不再处罚");
            assertThat(appeals.steps(OFFICE, a.id()))
                    .extracting(AppealStep::kind)
                    .containsSubsequence(
                            StepKind.POSTED_TO_BOARD, StepKind.CLAIMED, StepKind.STARTED, StepKind.RESOLVED);
        });
        assertRefused(() -> board.link(OFFICE, problem, late), "problemId", "appeals.problem.solvedAlready");
    }

    @Test
    void textsThatWillBePublicMayNotNamePeoplePhonesOrPlates() {
        long driver = fixture.driver("隐私");
        String name = fixture.driverName(driver);
        long id = appeals.submit(DESK, appeal(driver, AppealCategory.UNPAID_FREIGHT, AppealChannel.HOTLINE, "运费被拖欠"));
        appeals.accept(OFFICE, id);
        long before = jdbc.sql("select count(*) from appeals_problem")
                .query(Long.class)
                .single();

        assertRefused(
                () -> board.post(OFFICE, List.of(id), "司机" + name + "的运费", "说明"),
                "title",
                "appeals.publicText.personalData");
        assertRefused(
                () -> board.post(OFFICE, List.of(id), "运费拖欠", "请联系13905391234"),
                "description",
                "appeals.publicText.personalData");
        assertRefused(
                () -> board.post(OFFICE, List.of(id), "鲁QA1234运费", "说明"), "title", "appeals.publicText.personalData");
        assertRefused(
                () -> board.post(OFFICE, List.of(id), "运费", "身份证371329198001011234"),
                "description",
                "appeals.publicText.personalData");
        assertRefused(() -> board.post(OFFICE, List.of(), "运费", "说明"), "appealIds", "validation.required");
        var both = catchThrowableOfType(
                InvalidInputException.class, () -> board.post(OFFICE, List.of(id), " ", "x".repeat(1001)));
        assertThat(both.violations()).extracting(Violation::field).containsExactly("title", "description");
        assertThatThrownBy(() -> board.post(DESK, List.of(id), "运费", "说明")).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from appeals_problem")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(appeals.get(OFFICE, id).problemId()).isNull();

        long problem = board.post(OFFICE, List.of(id), "运费拖欠维权难", "个体司机运费被拖欠");
        AppealActor justice = fixture.department("县司法局");
        board.claim(justice, problem);
        board.start(justice, problem);
        assertRefused(
                () -> board.solve(justice, problem, "已为" + name + "追回运费"),
                "solution",
                "appeals.publicText.personalData");
        assertThat(board.get(OFFICE, problem).status()).isEqualTo(ProblemStatus.IN_PROGRESS);
    }

    @Test
    void theBoardInTheConsoleIsAuditedAndOffersTheClaimOnlyToDepartments() {
        long problem = problem("看板审计测试");
        long unit = fixture.unit("县交通运输局");
        String officer = fixture.account(Role.DEPARTMENT_OFFICER, DataScope.department(unit));
        var web = new WebClient(port);
        web.login(officer, TestAccounts.PASSWORD);
        String boardPage = web.get("/console/appeals/board").body();
        assertThat(boardPage).contains("看板审计测试").contains("data-problem-id=\"" + problem + "\"");
        String page = web.get("/console/appeals/board/" + problem).body();
        assertThat(page).contains("data-testid=\"problem-claim\"").doesNotContain("data-testid=\"problem-appeals\"");

        web.postForm("/console/appeals/board/" + problem, "/console/appeals/board/" + problem + "/claim", Map.of());
        assertThat(web.get("/console/appeals/board/" + problem).body()).contains("data-testid=\"problem-appeals\"");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                audit.search(new AuditLog.AuditQuery(officer, "/claim", null, null, null), 0, 5))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.targetType()).isEqualTo("appeal-problem");
                            assertThat(e.targetId()).isEqualTo(Long.toString(problem));
                            assertThat(e.result()).isEqualTo(AuditLog.SUCCESS);
                        }));

        String helper = fixture.account(Role.HELPER, DataScope.assigned());
        var helperWeb = new WebClient(port);
        helperWeb.login(helper, TestAccounts.PASSWORD);
        assertThat(helperWeb.get("/console/appeals/board").statusCode()).isEqualTo(403);
    }

    List<Appeal> linked(long problem) {
        return appeals.search(
                        OFFICE,
                        new AppealFilter(null, null, null, null, null, problem, null),
                        new PageRequest(0, 50, "submittedAt", true))
                .content();
    }

    static Callable<HttpResponse<String>> claim(
            WebClient web, String page, String action, String token, CyclicBarrier together) {
        return () -> {
            together.await();
            return web.postWithToken(action, token, Map.of());
        };
    }

    static void assertRefused(Runnable action, String messageKey) {
        assertRefused(action, "status", messageKey);
    }

    static void assertRefused(Runnable action, String field, String messageKey) {
        var refused = catchThrowableOfType(InvalidInputException.class, action::run);
        assertThat(refused).as(messageKey).isNotNull();
        assertThat(refused.violations())
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, messageKey));
    }
}
