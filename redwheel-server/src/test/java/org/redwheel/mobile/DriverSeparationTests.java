package org.redwheel.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drivers and staff never share a sign-in: a driver reaches nothing of the console or the staff
 * API, a staff session opens no driver page, and a driver's pages show him and nobody else.
 */
@RedWheelTest
class DriverSeparationTests {

    @LocalServerPort
    int port;

    @Autowired
    Drivers drivers;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    AuditLog audit;

    @Test
    void aSignedInDriverReachesNothingOfTheConsoleOrTheStaffApi() {
        var driver = DriverSignIn.register(drivers, enterprises, "越界");
        var web = new WebClient(port);
        DriverSignIn.signIn(web, driver.phone());
        assertThat(web.get("/m").statusCode()).isEqualTo(200);

        for (String page : new String[] {
            "/console",
            "/console/fleet/drivers",
            "/console/fleet/drivers/" + driver.id(),
            "/console/desk",
            "/console/audit"
        }) {
            var answer = web.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location"))
                    .as(page)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));
        }
        for (String api : new String[] {"/api/v1/fleet/drivers", "/api/v1/fleet/drivers/" + driver.id()}) {
            assertThat(web.get(api).statusCode()).as(api).isEqualTo(401);
        }
        assertThat(web.get("/actuator/prometheus").statusCode()).isIn(401, 403);
        // A console form posted with the driver's session and token is refused too.
        var post = web.postForm(
                "/m/profile", "/console/fleet/drivers/" + driver.id() + "/active", Map.of("active", "false"));
        assertThat(post.statusCode()).isIn(302, 403);
        assertThat(drivers.find(DataScope.county(), driver.id()).orElseThrow().active())
                .isTrue();
    }

    @Test
    void aStaffSessionOpensNoDriverPage() {
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);
        assertThat(web.get("/console").statusCode()).isEqualTo(200);
        for (String page : new String[] {"/m", "/m/places", "/m/help", "/m/profile"}) {
            var answer = web.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location"))
                    .as(page)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/m/login"));
        }
    }

    @Test
    void aDriverSeesHisOwnRecordInFullAndNobodyElses() {
        var me = DriverSignIn.register(drivers, enterprises, "本人");
        var other = DriverSignIn.register(drivers, enterprises, "他人");
        var web = new WebClient(port);
        DriverSignIn.signIn(web, me.phone());

        String profile = web.get("/m/profile").body();
        assertThat(profile)
                .contains(me.data().name())
                .contains(me.phone())
                .contains(me.data().idNumber())
                .contains(me.enterpriseName())
                .doesNotContain(other.data().idNumber())
                .doesNotContain(other.phone());
        // No page takes a driver from the request.
        assertThat(web.get("/m/profile?driverId=" + other.id() + "&id=" + other.id())
                        .body())
                .contains(me.data().idNumber())
                .doesNotContain(other.data().idNumber());
        assertThat(web.get("/m?driverId=" + other.id()).body())
                .contains(me.data().name())
                .doesNotContain(other.data().name());
        assertThat(audit.search(new AuditLog.AuditQuery(null, "SHOW driver ID number", null, null, null), 0, 50))
                .as("his own ID number is not a staff member's unmasked view")
                .noneMatch(e -> String.valueOf(me.id()).equals(e.targetId()));

        var missing = web.get("/m/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void consentIsGivenAndWithdrawnByTheDriverWithDateAndVersion() {
        var me = DriverSignIn.register(drivers, enterprises, "授权");
        var web = new WebClient(port);
        DriverSignIn.signIn(web, me.phone());

        var withdraw = web.postForm("/m/profile", "/m/profile/consent", Map.of("given", "false"));
        assertThat(withdraw.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/m/profile"));
        assertThat(web.get("/m/profile").body()).contains("已撤回授权").contains("尚未授权");
        assertThat(drivers.find(DataScope.county(), me.id()).orElseThrow().consented())
                .isFalse();

        web.postForm("/m/profile", "/m/profile/consent", Map.of("given", "true"));
        var driver = drivers.find(DataScope.county(), me.id()).orElseThrow();
        assertThat(driver.consentDate()).isEqualTo(java.time.LocalDate.now());
        assertThat(driver.consentVersion()).isEqualTo("2024-01");
        assertThat(drivers.consentHistory(DataScope.county(), me.id()))
                .extracting(c -> c.given() + " " + c.recordedBy())
                .endsWith("false driver:" + me.id(), "true driver:" + me.id());

        var bad = web.postForm("/m/profile", "/m/profile/consent", Map.of("given", "maybe"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("data-error-for=\"given\"");
        assertThat(drivers.consentHistory(DataScope.county(), me.id())).hasSize(3);

        assertThat(audit.search(
                        new AuditLog.AuditQuery("driver:" + me.id(), "/m/profile/consent", null, null, null), 0, 10))
                .hasSize(3)
                .allSatisfy(e -> {
                    assertThat(e.targetType()).isEqualTo("driver");
                    assertThat(e.targetId()).isEqualTo(String.valueOf(me.id()));
                })
                .extracting(e -> e.result())
                .containsExactly(AuditLog.FAILURE, AuditLog.SUCCESS, AuditLog.SUCCESS);
    }
}
