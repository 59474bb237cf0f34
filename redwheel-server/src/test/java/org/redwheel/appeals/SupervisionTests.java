package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redwheel.appeals.AppealFixture.DESK;
import static org.redwheel.appeals.AppealFixture.OFFICE;
import static org.redwheel.appeals.AppealFixture.appeal;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.appeals.AppealStep.StepKind;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.notification.Notifications;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Supervision: an appeal not accepted within the hour (or not resolved within its day) is escalated
 * to the industry committee's office once, with a flag, a step and an in-app message; the
 * supervision view and the monthly statistics count what happened. (The deadlines themselves are
 * computed by {@link ServiceLevelsTests} against a fixed clock; here the records are moved back in
 * time.)
 */
@RedWheelTest
class SupervisionTests {

    @LocalServerPort
    int port;

    @Autowired
    Appeals appeals;

    @Autowired
    AppealSupervision supervision;

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
    JdbcClient jdbc;

    AppealFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new AppealFixture(drivers, units, accounts, townships);
    }

    /** Moves the appeal's submission and deadlines back by the minutes, as if it came in that long ago. */
    void submittedMinutesAgo(long id, int minutes) {
        jdbc.sql("""
                        update appeals_appeal set submitted_at = submitted_at - make_interval(mins => :m),
                            accept_due_at = accept_due_at - make_interval(mins => :m),
                            resolve_due_at = resolve_due_at - make_interval(mins => :m)
                        where id = :id
                        """).param("m", minutes).param("id", id).update();
    }

    @Test
    void anAppealNotAcceptedWithinTheHourIsEscalatedToTheOfficeOnce() {
        long admin = fixture.accountId(fixture.account(Role.COUNTY_ADMIN, DataScope.county()));
        long driver = fixture.driver("督办");
        long fresh = appeals.submit(DESK, appeal(driver, AppealCategory.OTHER, AppealChannel.HOTLINE, "59分钟"));
        long late = appeals.submit(DESK, appeal(driver, AppealCategory.OTHER, AppealChannel.HOTLINE, "61分钟"));
        submittedMinutesAgo(fresh, 59);
        submittedMinutesAgo(late, 61);

        supervision.escalateOverdue();
        supervision.escalateOverdue();

        assertThat(appeals.get(OFFICE, fresh).acceptEscalatedAt()).isNull();
        assertThat(appeals.serviceLevels().acceptOverdue(appeals.get(OFFICE, fresh)))
                .isFalse();
        Appeal escalated = appeals.get(OFFICE, late);
        assertThat(escalated.acceptEscalatedAt()).isNotNull();
        assertThat(escalated.escalated()).isTrue();
        assertThat(escalated.status()).as("escalation changes no status").isEqualTo(AppealStatus.SUBMITTED);
        assertThat(appeals.steps(OFFICE, late))
                .filteredOn(s -> s.kind() == StepKind.ACCEPT_ESCALATED)
                .singleElement()
                .satisfies(s -> assertThat(s.driverVisible()).isFalse());
        assertThat(notifications.inbox(admin, 50))
                .filteredOn(n ->
                        n.link().equals("/console/appeals/" + late) && n.title().startsWith("诉求督办"))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.title()).isEqualTo("诉求督办：超时未受理");
                    assertThat(n.body()).contains("#" + late).contains(fixture.driverName(driver));
                });
        assertThat(notifications.inbox(admin, 50))
                .filteredOn(n -> n.link().equals("/console/appeals/" + fresh))
                .extracting(n -> n.title())
                .as("only told it came in")
                .containsExactly("新诉求待受理：其他");

        // Accepting it late still counts as late; the resolve deadline is watched next.
        appeals.accept(OFFICE, late);
        assertThat(appeals.get(OFFICE, late).acceptedInTime()).isFalse();
        submittedMinutesAgo(late, 24 * 60);
        supervision.escalateOverdue();
        assertThat(appeals.get(OFFICE, late).resolveEscalatedAt()).isNotNull();
        assertThat(notifications.inbox(admin, 50))
                .filteredOn(n -> n.link().equals("/console/appeals/" + late))
                .extracting(n -> n.title())
                .containsExactlyInAnyOrder("新诉求待受理：其他", "诉求督办：超时未受理", "诉求督办：超时未办结");
        assertThat(appeals.search(
                                OFFICE,
                                new AppealFilter("open", null, null, null, true, null, null),
                                new org.redwheel.PageRequest(0, 200, "submittedAt", false))
                        .content())
                .extracting(Appeal::id)
                .contains(late)
                .doesNotContain(fresh);
    }

    @Test
    void theMonthlyStatisticsAndTheSupervisionViewCountWhatHappened() {
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        AppealSupervision.Month before = thisMonth();
        var beforeByCategory =
                row(supervision.by("category", java.time.Instant.now().minusSeconds(86_400)), "CHILD_CARE");
        long driver = fixture.driver("统计");
        AppealActor me = AppealActor.driver(driver);

        long inTime = appeals.submit(me, appeal(driver, AppealCategory.CHILD_CARE, AppealChannel.MOBILE, "托管"));
        appeals.accept(OFFICE, inTime);
        appeals.assign(OFFICE, inTime, AppealHandler.office());
        appeals.start(OFFICE, inTime);
        appeals.resolve(OFFICE, inTime, "已报名托管班");
        appeals.confirm(me, inTime, 5, null);

        long lateOne = appeals.submit(me, appeal(driver, AppealCategory.CHILD_CARE, AppealChannel.MOBILE, "辅导"));
        appeals.accept(OFFICE, lateOne);
        appeals.assign(OFFICE, lateOne, AppealHandler.office());
        appeals.start(OFFICE, lateOne);
        jdbc.sql("update appeals_appeal set accept_due_at = accepted_at - interval '1 minute',"
                        + " resolve_due_at = now() - interval '1 minute' where id = :id")
                .param("id", lateOne)
                .update();
        appeals.resolve(OFFICE, lateOne, "已联系志愿者");
        appeals.confirm(me, lateOne, 2, "太慢了");

        long open = appeals.submit(me, appeal(driver, AppealCategory.CHILD_CARE, AppealChannel.MOBILE, "还在办"));

        AppealSupervision.Month after = thisMonth();
        assertThat(after.month()).isEqualTo(month);
        assertThat(after.received() - before.received()).isEqualTo(3);
        assertThat(after.acceptedInTime() - before.acceptedInTime()).isEqualTo(1);
        assertThat(after.resolved() - before.resolved()).isEqualTo(2);
        assertThat(after.resolvedInTime() - before.resolvedInTime()).isEqualTo(1);
        assertThat(after.rated() - before.rated()).isEqualTo(2);
        assertThat(after.satisfied() - before.satisfied()).isEqualTo(1);
        assertThat(supervision.monthly(12)).hasSize(12).last().isEqualTo(after);
        assertThat(supervision.monthly(12).get(0).month()).isEqualTo(month.minusMonths(11));

        var afterByCategory =
                row(supervision.by("category", java.time.Instant.now().minusSeconds(86_400)), "CHILD_CARE");
        assertThat(afterByCategory.label()).isEqualTo("子女看护");
        assertThat(afterByCategory.received() - (beforeByCategory == null ? 0 : beforeByCategory.received()))
                .isEqualTo(3);
        assertThat(afterByCategory.open() - (beforeByCategory == null ? 0 : beforeByCategory.open()))
                .isEqualTo(1);
        assertThat(supervision.by("handler", java.time.Instant.now().minusSeconds(86_400)))
                .anySatisfy(r -> assertThat(r.label()).isEqualTo("行业党委办公室"));
        assertThat(supervision.by("village", java.time.Instant.now().minusSeconds(86_400)))
                .anySatisfy(r -> assertThat(r.label()).contains(" · "));
        assertThat(supervision.ages())
                .extracting(AppealSupervision.AgeBand::key)
                .containsExactly("lt1h", "lt24h", "lt3d", "lt7d", "lt30d", "ge30d");
        assertThat(supervision.ages().get(0).count()).isGreaterThanOrEqualTo(1);
        assertThat(appeals.get(OFFICE, open).status()).isEqualTo(AppealStatus.SUBMITTED);
    }

    @Test
    void theCountySeesTheSupervisionAndStatisticsPages() {
        String admin = fixture.account(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);
        String page = web.get("/console/appeals/supervision").body();
        assertThat(page)
                .contains("data-testid=\"by-category\"")
                .contains("data-testid=\"by-handler\"")
                .contains("data-testid=\"by-village\"")
                .contains("data-testid=\"by-age\"")
                .contains("交警大队")
                .contains("停车难");
        String statistics = web.get("/console/appeals/statistics").body();
        assertThat(statistics)
                .contains("data-testid=\"monthly-table\"")
                .contains(YearMonth.now().toString());
        String operator = fixture.account(Role.MONITORING_OPERATOR, DataScope.county());
        var desk = new WebClient(port);
        desk.login(operator, TestAccounts.PASSWORD);
        assertThat(desk.get("/console/appeals/supervision").statusCode()).isEqualTo(200);
    }

    AppealSupervision.Month thisMonth() {
        List<AppealSupervision.Month> months = supervision.monthly(1);
        assertThat(months).hasSize(1);
        return months.get(0);
    }

    static AppealSupervision.Row row(List<AppealSupervision.Row> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }
}
