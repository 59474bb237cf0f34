package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.redwheel.appeals.AppealFixture.OFFICE;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.fleet.Assignments;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Intake and handling in the console over real HTTP: the monitoring desk records a hotline call or
 * raises an appeal from an alarm for the vehicle's driver, bad input comes back beside its fields
 * with nothing stored, every write is audited with the appeal it touched, and the detail page
 * offers only what the status allows.
 */
@RedWheelTest
class AppealConsoleTests {

    @LocalServerPort
    int port;

    @Autowired
    Appeals appeals;

    @Autowired
    Drivers drivers;

    @Autowired
    GovernmentUnits units;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Townships townships;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    Assignments assignments;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    AppealFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new AppealFixture(drivers, units, accounts, townships);
    }

    @Test
    void theDeskRecordsAHotlineCallAndItIsAuditedAndRouted() {
        long driver = fixture.driver("热线");
        String operator = fixture.account(Role.MONITORING_OPERATOR, DataScope.county());
        var web = new WebClient(port);
        web.login(operator, TestAccounts.PASSWORD);
        String form = web.get("/console/appeals/new").body();
        assertThat(form).contains("value=\"" + driver + "\"").contains("服务热线").doesNotContain("value=\"MOBILE\"");

        var created = web.postForm(
                "/console/appeals/new",
                "/console/appeals",
                Map.of(
                        "driverId", Long.toString(driver),
                        "category", "UNPAID_FREIGHT",
                        "channel", "HOTLINE",
                        "description", "来电反映运费被拖欠两个月"));
        assertThat(created.statusCode()).isEqualTo(302);
        String redirect = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(redirect.substring(redirect.lastIndexOf('/') + 1));
        String location = "/console/appeals/" + id;
        Appeal appeal = appeals.get(OFFICE, id);
        assertThat(appeal.channel()).isEqualTo(AppealChannel.HOTLINE);
        assertThat(appeal.submittedBy()).isEqualTo(operator);
        assertThat(appeal.route()).isEqualTo(AppealHandler.department(fixture.unit("县司法局")));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(audit.search(
                                new AuditLog.AuditQuery(operator, "POST /console/appeals", null, null, null), 0, 5))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.targetType()).isEqualTo("appeal");
                            assertThat(e.targetId()).isEqualTo(Long.toString(id));
                        }));

        String page = web.get(location).body();
        assertThat(page)
                .contains("来电反映运费被拖欠两个月")
                .contains("data-testid=\"appeal-accept\"")
                .contains("县司法局")
                .contains(fixture.driverPhone(driver))
                .doesNotContain("data-testid=\"appeal-resolve\"");
        web.postForm(location, location + "/accept", Map.of());
        assertThat(appeals.get(OFFICE, id).status()).isEqualTo(AppealStatus.ASSIGNED);
        assertThat(web.get(location).body())
                .as("only the office posts to the board")
                .contains("data-testid=\"assign-form\"")
                .doesNotContain("data-testid=\"appeal-post\"");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                audit.search(new AuditLog.AuditQuery(operator, "/accept", null, null, null), 0, 5))
                        .singleElement()
                        .satisfies(e -> assertThat(e.targetId()).isEqualTo(Long.toString(id))));
    }

    @Test
    void badInputComesBackBesideItsFieldsAndNothingIsStored() {
        String admin = fixture.account(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);
        long before = jdbc.sql("select count(*) from appeals_appeal")
                .query(Long.class)
                .single();

        var refused = web.postForm(
                "/console/appeals/new",
                "/console/appeals",
                Map.of("category", "", "channel", "HOTLINE", "description", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("data-error-for=\"driverId\"")
                .contains("data-error-for=\"category\"")
                .contains("data-error-for=\"description\"")
                .contains("请选择诉求类别。");
        assertThat(jdbc.sql("select count(*) from appeals_appeal")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        long driver = fixture.driver("控制台办结");
        long id = appeals.submit(
                AppealFixture.DESK, AppealFixture.appeal(driver, AppealCategory.OTHER, AppealChannel.HOTLINE, "咨询"));
        String page = "/console/appeals/" + id;
        web.postForm(page, page + "/accept", Map.of());
        web.postForm(page, page + "/assign", Map.of("handler", "OFFICE"));
        web.postForm(page, page + "/start", Map.of());
        web.postForm(page, page + "/resolve", Map.of("solution", " "));
        assertThat(web.get(page).body()).contains("data-error-for=\"solution\"").contains("必填。");
        assertThat(appeals.get(OFFICE, id).status()).isEqualTo(AppealStatus.IN_PROGRESS);
        web.postForm(page, page + "/assign", Map.of("handler", "Dxyz"));
        assertThat(web.get(page).body()).contains("data-error-for=\"handler\"");
        web.postForm(page, page + "/accept", Map.of());
        assertThat(web.get(page + "?lang=en").body()).contains("Only a submitted appeal can be accepted.");
    }

    @Test
    void theDeskRaisesAnAppealFromAnAlarmForTheVehiclesDriver() {
        long driver = fixture.driver("报警司机");
        long enterprise = jdbc.sql("select min(id) from organization_enterprise")
                .query(Long.class)
                .single();
        String plate = "鲁Q" + String.format("%05d", System.nanoTime() % 100_000);
        long vehicle = fleet.registerVehicle(plate, 2, "重型货车", enterprise);
        assignments.assign(
                DataScope.county(), driver, vehicle, true, LocalDate.now().minusDays(10));
        long alarm = jdbc.sql("""
                        insert into monitoring_alarm (episode_id, type, status, vehicle_id, enterprise_id, plate,
                            realtime, start_time, rule_set_version, raised_at, due_at)
                        values (:episode, 'FATIGUE', 'RAISED', :vehicle, :enterprise, :plate, true, now(), 'test',
                                now(), now() + interval '10 minutes')
                        returning id
                        """)
                .param("episode", "appeal-test-" + System.nanoTime())
                .param("vehicle", vehicle)
                .param("enterprise", enterprise)
                .param("plate", plate)
                .query(Long.class)
                .single();
        String operator = fixture.account(Role.MONITORING_OPERATOR, DataScope.county());
        var web = new WebClient(port);
        web.login(operator, TestAccounts.PASSWORD);

        String alarmPage = web.get("/console/alarms/" + alarm).body();
        String link =
                "/console/appeals/new?vehicleId=" + vehicle + "&amp;alarmId=" + alarm + "&amp;channel=MONITORING_DESK";
        assertThat(alarmPage).contains("data-testid=\"raise-appeal\"").contains(link);

        String form = web.get(link.replace("&amp;", "&")).body();
        assertThat(form)
                .contains("<option value=\"" + driver + "\" selected=\"selected\"")
                .contains("<option value=\"MONITORING_DESK\" selected=\"selected\"")
                .contains("由报警 #" + alarm + " 登记");
        web.postForm(
                link.replace("&amp;", "&"),
                "/console/appeals",
                Map.of(
                        "driverId", Long.toString(driver),
                        "category", "HEALTH",
                        "channel", "MONITORING_DESK",
                        "description", "疲劳提醒时司机说身体不舒服",
                        "alarmId", Long.toString(alarm)));
        Appeal raised = appeals.mine(AppealActor.driver(driver)).get(0).appeal();
        assertThat(raised.sourceAlarmId()).isEqualTo(alarm);
        assertThat(raised.channel()).isEqualTo(AppealChannel.MONITORING_DESK);
        assertThat(web.get("/console/appeals/" + raised.id()).body()).contains("/console/alarms/" + alarm);
    }
}
