package org.redwheel.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RecordNotFoundException;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.care.Counselling.CounsellingRecord;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.DriverUser;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Counselling records are confidential: the counsellor who wrote one reads it, the driver concerned
 * reads his own (for the mobile pages), and every other role, through every console page and API,
 * finds nothing (404) or is refused (403), while the statistics still count it. The content is
 * stored only encrypted.
 */
@RedWheelTest
class CounsellingConfidentialityTests {

    static final DataScope COUNTY = DataScope.county();

    @LocalServerPort
    int port;

    @Autowired
    Townships townships;

    @Autowired
    Helpers helpers;

    @Autowired
    Drivers drivers;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    HelperAssignments assignments;

    @Autowired
    Counselling counselling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GovernmentUnits units;

    @Autowired
    EnterpriseRegistry enterprises;

    TestCare care;
    long driver;
    long helper;
    String counsellor;
    String secret;

    @BeforeEach
    void aHelperCounselsHisDriver() {
        care = new TestCare(townships, helpers, drivers, staffAccounts);
        long village = care.village("疏导");
        helper = care.helper("疏导", village);
        driver = care.driver("疏导", village);
        assignments.assign(COUNTY, driver, helper, null, null, "office");
        counsellor = care.account(helper);
        secret = "机密疏导内容-" + UUID.randomUUID();
    }

    @AfterEach
    void forgetTheDriver() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void onlyTheCounsellorReadsHisRecordEveryOtherRoleFindsNothingAndTheCountStillShows() {
        long before = counselling.count();
        var own = new WebClient(port);
        own.login(counsellor, TestAccounts.PASSWORD);
        var saved = own.postForm(
                "/console/care/counselling",
                "/console/care/counselling",
                Map.of(
                        "driverId", String.valueOf(driver),
                        "heldOn", LocalDate.now().toString(),
                        "content", secret));
        assertThat(saved.statusCode()).isEqualTo(302);
        long id = Long.parseLong(
                saved.headers().firstValue("Location").orElseThrow().replaceAll(".*/counselling/", ""));

        assertThat(own.get("/console/care/counselling/" + id).body()).contains(secret);
        String ownToken = own.token(counsellor, TestAccounts.PASSWORD);
        assertThat(own.get("/api/v1/care/counselling/" + id, ownToken).body()).contains(secret);
        assertThat(own.get("/api/v1/care/counselling", ownToken).body())
                .as("lists carry no content")
                .doesNotContain(secret)
                .contains("\"id\":" + id);

        Map<String, Role> others = new LinkedHashMap<>();
        others.put(new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY), Role.COUNTY_ADMIN);
        others.put(new TestAccounts(staffAccounts).create(Role.AUDITOR, COUNTY), Role.AUDITOR);
        others.put(new TestAccounts(staffAccounts).create(Role.SYSTEM_ADMIN, COUNTY), Role.SYSTEM_ADMIN);
        others.put(new TestAccounts(staffAccounts).create(Role.SECURITY_ADMIN, COUNTY), Role.SECURITY_ADMIN);
        others.put(new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, COUNTY), Role.MONITORING_OPERATOR);
        long unit = units.list(COUNTY, null, null, false).get(0).id();
        others.put(
                new TestAccounts(staffAccounts).create(Role.DEPARTMENT_OFFICER, DataScope.department(unit)),
                Role.DEPARTMENT_OFFICER);
        long enterprise = enterprises.create(TestEnterprises.valid("疏导企业"));
        others.put(
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterprise)),
                Role.ENTERPRISE_ADMIN);
        long otherHelper =
                care.helper("他人", townships.villages(null, false).get(0).id());
        others.put(care.account(otherHelper), Role.HELPER);

        for (var other : others.entrySet()) {
            String who = other.getKey() + " (" + other.getValue() + ")";
            var web = new WebClient(port);
            web.login(other.getKey(), TestAccounts.PASSWORD);
            var page = web.get("/console/care/counselling/" + id);
            assertThat(page.statusCode()).as(who).isIn(403, 404);
            assertThat(page.body()).as(who).doesNotContain(secret);
            var list = web.get("/console/care/counselling");
            assertThat(list.body()).as(who).doesNotContain(secret);
            assertThat(web.get("/console/care/drivers/" + driver).body())
                    .as(who)
                    .doesNotContain(secret);
            assertThat(web.get("/console/care/corners").body()).as(who).doesNotContain(secret);
            assertThat(web.get("/console/audit").body()).as(who).doesNotContain(secret);

            String token = web.token(other.getKey(), TestAccounts.PASSWORD);
            var api = web.get("/api/v1/care/counselling/" + id, token);
            assertThat(api.statusCode()).as(who).isIn(403, 404);
            assertThat(api.body()).as(who).doesNotContain(secret);
            assertThat(web.get("/api/v1/care/counselling", token).body())
                    .as(who)
                    .doesNotContain(secret);
            assertThat(web.get("/api/v1/care/compliance", token).body()).as(who).doesNotContain(secret);
            assertThat(web.get("/api/v1/care/talk-corners/statistics", token).body())
                    .as(who)
                    .doesNotContain(secret);
        }

        assertThat(counselling.count()).isEqualTo(before + 1);
        String admin = others.keySet().iterator().next();
        var office = new WebClient(port);
        String token = office.token(admin, TestAccounts.PASSWORD);
        var statistics =
                office.get("/api/v1/care/talk-corners/statistics", token).body();
        assertThat(JsonPath.<Integer>read(statistics, "$.counselling")).isGreaterThanOrEqualTo((int) before + 1);
        office.login(admin, TestAccounts.PASSWORD);
        assertThat(office.get("/console/care/corners").body())
                .contains("data-testid=\"stat-counselling\">" + JsonPath.<Integer>read(statistics, "$.counselling")
                        + "<");
    }

    @Test
    void anOfficeCounsellorsRecordIsHiddenFromTheOtherCountyAdministratorsToo() {
        String officeCounsellor = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY);
        var web = new WebClient(port);
        String token = web.token(officeCounsellor, TestAccounts.PASSWORD);
        var created = web.postJson(
                "/api/v1/care/counselling",
                "{\"driverId\": " + driver + ", \"heldOn\": \"" + LocalDate.now() + "\", \"content\": \"" + secret
                        + "\"}",
                token);
        assertThat(created.statusCode()).isEqualTo(201);
        int id = JsonPath.read(created.body(), "$.id");

        String colleague = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY);
        var other = new WebClient(port);
        var answer = other.get("/api/v1/care/counselling/" + id, other.token(colleague, TestAccounts.PASSWORD));
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain(secret);
        assertThat(new WebClient(port)
                        .get("/api/v1/care/counselling/" + id, token)
                        .body())
                .contains(secret);

        var helperWeb = new WebClient(port);
        var helperAnswer =
                helperWeb.get("/api/v1/care/counselling/" + id, helperWeb.token(counsellor, TestAccounts.PASSWORD));
        assertThat(helperAnswer.statusCode())
                .as("the driver's own helper did not write it")
                .isEqualTo(404);
    }

    @Test
    void theContentIsStoredOnlyEncrypted() {
        var account = staffAccounts.findByUsername(counsellor).orElseThrow();
        var user = new org.redwheel.identity.StaffUser(
                account.id(), account.username(), account.displayName(), account.role(), account.scope(), false, false);
        long id = counselling.record(user, new Counselling.CounsellingData(null, driver, LocalDate.now(), secret));

        String stored = jdbc.sql("select content_encrypted from care_counselling where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        assertThat(counselling.get(user, id).content()).isEqualTo(secret);
    }

    @Test
    void theDriverConcernedReadsHisOwnCounsellingAndNobodyElseThroughThatDoor() {
        var account = staffAccounts.findByUsername(counsellor).orElseThrow();
        var user = new org.redwheel.identity.StaffUser(
                account.id(), account.username(), account.displayName(), account.role(), account.scope(), false, false);
        counselling.record(user, new Counselling.CounsellingData(null, driver, LocalDate.now(), secret));

        assertThatThrownBy(() -> counselling.counsellingOf(driver))
                .as("nobody signed in")
                .isInstanceOf(RecordNotFoundException.class);

        signInAsDriver(driver + 1_000_000);
        assertThatThrownBy(() -> counselling.counsellingOf(driver))
                .as("another driver")
                .isInstanceOf(RecordNotFoundException.class);

        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(user, null, Role.HELPER.name()));
        assertThatThrownBy(() -> counselling.counsellingOf(driver))
                .as("a staff member, even the counsellor")
                .isInstanceOf(RecordNotFoundException.class);

        signInAsDriver(driver);
        List<CounsellingRecord> own = counselling.counsellingOf(driver);
        assertThat(own).extracting(CounsellingRecord::content).containsExactly(secret);
        assertThat(own.get(0).counsellorName()).isEqualTo(account.displayName());
    }

    @Test
    void aHelperMayCounselOnlyHisOwnDrivers() {
        long stranger = care.driver("陌生", care.village("陌生"));
        var web = new WebClient(port);
        String token = web.token(counsellor, TestAccounts.PASSWORD);
        long before = counselling.count();

        var refused = web.postJson(
                "/api/v1/care/counselling",
                "{\"driverId\": " + stranger + ", \"heldOn\": \"" + LocalDate.now() + "\", \"content\": \"x\"}",
                token);

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(counselling.count()).isEqualTo(before);
    }

    private static void signInAsDriver(long driverId) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(
                        new DriverUser(driverId, "司机", "13900000000"), null, DriverUser.AUTHORITY));
    }
}
