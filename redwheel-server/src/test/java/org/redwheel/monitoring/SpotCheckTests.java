package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redwheel.InvalidInputException;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.AuditEvent;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.notification.Notifications;
import org.redwheel.organization.EnterpriseData;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Spot-checks (查岗) through the console: the county's monitoring operator sends them, the
 * enterprise's administrator is notified and answers; an answer after the deadline is kept but
 * late, and only answers in time count for the day's assessment.
 */
@RedWheelTest
class SpotCheckTests {

    @LocalServerPort
    int port;

    @Autowired
    SpotChecks spotChecks;

    @Autowired
    Assessments assessments;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    Notifications notifications;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    long enterprise;
    String officerPhone;

    void anEnterpriseWithAVehicle() {
        var data = TestEnterprises.valid("查岗测试");
        officerPhone = "1390539" + String.format("%04d", System.nanoTime() % 10_000);
        enterprise = enterprises.create(new EnterpriseData(
                data.name(),
                data.creditCode(),
                data.address(),
                null,
                null,
                "法人",
                "安全员李",
                officerPhone,
                1,
                null,
                null,
                false,
                false,
                false,
                false));
        fleet.registerVehicle(AssessmentFixture.plate(), 2, "重型货车", enterprise);
    }

    long newest() {
        return jdbc.sql("select max(id) from monitoring_spot_check where enterprise_id = :e")
                .param("e", enterprise)
                .query(Long.class)
                .single();
    }

    @Test
    void anAnswerInTimeCountsAndALateOneIsKeptButMarkedLate() {
        anEnterpriseWithAVehicle();
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        String enterpriseAdmin =
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterprise));
        long adminId =
                staffAccounts.findByUsername(enterpriseAdmin).orElseThrow().id();
        var county = new WebClient(port);
        county.login(operator, TestAccounts.PASSWORD);

        var sent = county.postForm(
                "/console/spot-checks",
                "/console/spot-checks",
                Map.of("enterpriseId", Long.toString(enterprise), "question", "请报告值班人员姓名"));
        assertThat(sent.statusCode()).isEqualTo(302);
        long first = newest();
        county.postForm(
                "/console/spot-checks", "/console/spot-checks", Map.of("enterpriseId", Long.toString(enterprise)));
        long second = newest();

        assertThat(notifications.inbox(adminId, 5))
                .hasSize(2)
                .allSatisfy(n -> assertThat(n.title()).startsWith("查岗通知"))
                .anySatisfy(n -> assertThat(n.link()).isEqualTo("/console/spot-checks#spot-check-" + first));
        assertThat(jdbc.sql("select count(*) from notification_message where channel = 'SMS' and recipient_phone = :p")
                        .param("p", officerPhone)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(spotChecks.get(DataScope.county(), second).question()).isEqualTo(SpotChecks.DEFAULT_QUESTION);
        assertThat(Duration.between(
                        spotChecks.get(DataScope.county(), first).sentAt(),
                        spotChecks.get(DataScope.county(), first).dueAt()))
                .isEqualTo(Duration.ofMinutes(10));

        var web = new WebClient(port);
        web.login(enterpriseAdmin, TestAccounts.PASSWORD);
        assertThat(web.postForm(
                                "/console/spot-checks",
                                "/console/spot-checks/" + first + "/answer",
                                Map.of("answer", "值班员张三在岗，车辆监控正常"))
                        .statusCode())
                .isEqualTo(302);
        // The second was sent eleven minutes ago: its deadline has passed.
        jdbc.sql("""
                        update monitoring_spot_check set sent_at = sent_at - interval '11 minutes',
                            due_at = due_at - interval '11 minutes' where id = :id
                        """).param("id", second).update();
        web.postForm("/console/spot-checks", "/console/spot-checks/" + second + "/answer", Map.of("answer", "在岗"));

        SpotCheck inTime = spotChecks.get(DataScope.enterprise(enterprise), first);
        SpotCheck late = spotChecks.get(DataScope.enterprise(enterprise), second);
        assertThat(inTime.answeredInTime()).isTrue();
        assertThat(inTime.answeredBy()).isEqualTo(enterpriseAdmin);
        assertThat(inTime.answer()).isEqualTo("值班员张三在岗，车辆监控正常");
        assertThat(late.answered()).isTrue();
        assertThat(late.answeredInTime()).isFalse();
        String page = web.get("/console/spot-checks").body();
        assertThat(page).contains("按时回复").contains("超时回复").contains("值班员张三在岗");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(audit.search(
                                new AuditLog.AuditQuery(enterpriseAdmin, "/answer", null, null, null), 0, 5))
                        .extracting(AuditEvent::targetType)
                        .containsOnly("spot-check"));

        assessments.compute(assessments.today(), "test");

        AssessmentResult row = assessments.day(DataScope.enterprise(enterprise), assessments.today()).stream()
                .filter(r -> !r.county())
                .findFirst()
                .orElseThrow();
        assertThat(row.counts().spotChecks()).isEqualTo(2);
        assertThat(row.counts().spotChecksInTime()).isEqualTo(1);
        assertThat(row.rates().spotCheck()).isEqualTo(0.5);
        assertThat(row.points().spotCheck()).isEqualByComparingTo("5.00");
    }

    @Test
    void onlyTheEnterpriseCheckedAnswersOnceAndOnlyTheCountySends() {
        anEnterpriseWithAVehicle();
        long id = spotChecks.send(DataScope.county(), enterprise, null, "operator");

        var byCounty = catchThrowableOfType(
                InvalidInputException.class, () -> spotChecks.answer(DataScope.county(), id, "operator", "在岗"));
        assertThat(byCounty.violations())
                .extracting(InvalidInputException.Violation::messageKey)
                .containsExactly("spotCheck.enterpriseOnly");
        var blank = catchThrowableOfType(
                InvalidInputException.class,
                () -> spotChecks.answer(DataScope.enterprise(enterprise), id, "admin", "  "));
        assertThat(blank.violations())
                .extracting(InvalidInputException.Violation::field)
                .containsExactly("answer");
        assertThat(spotChecks.get(DataScope.county(), id).answered()).isFalse();

        long otherEnterprise = enterprises.create(TestEnterprises.valid("查岗他企"));
        String otherAdmin =
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(otherEnterprise));
        var other = new WebClient(port);
        other.login(otherAdmin, TestAccounts.PASSWORD);
        assertThat(other.postForm(
                                "/console/spot-checks", "/console/spot-checks/" + id + "/answer", Map.of("answer", "x"))
                        .statusCode())
                .as("another enterprise's spot-check is not found")
                .isEqualTo(404);
        assertThat(other.postForm(
                                "/console/spot-checks",
                                "/console/spot-checks",
                                Map.of("enterpriseId", Long.toString(enterprise)))
                        .statusCode())
                .as("enterprises do not send spot-checks")
                .isEqualTo(403);

        spotChecks.answer(DataScope.enterprise(enterprise), id, "admin", "在岗");
        var twice = catchThrowableOfType(
                InvalidInputException.class,
                () -> spotChecks.answer(DataScope.enterprise(enterprise), id, "admin", "再次回复"));
        assertThat(twice.violations())
                .extracting(InvalidInputException.Violation::messageKey)
                .containsExactly("spotCheck.alreadyAnswered");
        assertThat(spotChecks.get(DataScope.county(), id).answer()).isEqualTo("在岗");

        long before = jdbc.sql("select count(*) from monitoring_spot_check")
                .query(Long.class)
                .single();
        var missing = catchThrowableOfType(
                InvalidInputException.class, () -> spotChecks.send(DataScope.county(), null, "x".repeat(201), "op"));
        assertThat(missing.violations())
                .extracting(InvalidInputException.Violation::field)
                .containsExactly("enterpriseId", "question");
        var unknown = catchThrowableOfType(
                InvalidInputException.class, () -> spotChecks.send(DataScope.county(), -1L, null, "op"));
        assertThat(unknown.violations())
                .extracting(InvalidInputException.Violation::messageKey)
                .containsExactly("validation.unknownReference");
        var notCounty = catchThrowableOfType(
                InvalidInputException.class,
                () -> spotChecks.send(DataScope.enterprise(enterprise), enterprise, null, "admin"));
        assertThat(notCounty.violations())
                .extracting(InvalidInputException.Violation::messageKey)
                .containsExactly("spotCheck.countyOnly");
        assertThat(jdbc.sql("select count(*) from monitoring_spot_check")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
