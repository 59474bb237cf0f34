package org.redwheel.care;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A helper sees and logs for only the drivers he cares for now: another helper's driver is not
 * found, in the console and the API, and nothing is logged for him; the office's pages are refused.
 */
@RedWheelTest
class HelperScopeTests {

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
    ThreeOnes threeOnes;

    @Autowired
    JdbcClient jdbc;

    long mine;
    long theirs;
    long formerlyMine;
    String username;
    String theirName;

    @BeforeEach
    void twoHelpersOfAVillageEachWithADriver() {
        var care = new TestCare(townships, helpers, drivers, staffAccounts);
        long village = care.village("范围");
        long me = care.helper("我", village);
        long other = care.helper("他", village);
        mine = care.driver("我的", village);
        theirs = care.driver("他的", village);
        formerlyMine = care.driver("原来的", village);
        assignments.assign(COUNTY, mine, me, LocalDate.now().minusDays(20), null, "office");
        assignments.assign(COUNTY, theirs, other, LocalDate.now().minusDays(20), null, "office");
        assignments.assign(COUNTY, formerlyMine, me, LocalDate.now().minusDays(20), null, "office");
        assignments.assign(COUNTY, formerlyMine, other, null, "调整", "office");
        username = care.account(me);
        theirName = drivers.get(COUNTY, theirs).name();
        threeOnes.logVisit(new ThreeOnes.VisitEntry(other, theirs, null, "他人走访", null, null, pngPhoto()), "other");
    }

    @Test
    void theConsoleShowsOnlyHisDriversWithTheirPhonesAndFindsNoOtherDriver() {
        var web = new WebClient(port);
        web.login(username, TestAccounts.PASSWORD);

        String page = web.get("/console/care/my").body();
        String myPhone = drivers.get(COUNTY, mine).phone();
        assertThat(page)
                .contains("data-driver-id=\"" + mine + "\"")
                .contains("tel:" + myPhone)
                .doesNotContain("data-driver-id=\"" + theirs + "\"")
                .doesNotContain("data-driver-id=\"" + formerlyMine + "\"")
                .doesNotContain(theirName);
        assertThat(web.get("/console/care/my/drivers/" + mine).statusCode()).isEqualTo(200);
        for (long other : List.of(theirs, formerlyMine)) {
            var foreign = web.get("/console/care/my/drivers/" + other);
            assertThat(foreign.statusCode()).isEqualTo(404);
            assertThat(foreign.body()).doesNotContain(drivers.get(COUNTY, other).name());
        }
    }

    @Test
    void loggingForAnotherHelpersDriverIsNotFoundAndStoresNothing() {
        var web = new WebClient(port);
        web.login(username, TestAccounts.PASSWORD);
        long before = contactsOf(theirs);

        var refused = web.postForm(
                "/console/care/my", "/console/care/my/drivers/" + theirs + "/contacts", Map.of("kind", "PHONE"));
        assertThat(refused.statusCode()).isEqualTo(404);
        var refusedVisit = web.postForm(
                "/console/care/my", "/console/care/my/drivers/" + theirs + "/problems", Map.of("note", "越权"));
        assertThat(refusedVisit.statusCode()).isEqualTo(404);
        assertThat(contactsOf(theirs)).isEqualTo(before);

        var done = web.postForm(
                "/console/care/my", "/console/care/my/drivers/" + mine + "/contacts", Map.of("kind", "MESSAGE"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(contactsOf(mine)).isEqualTo(1);
    }

    @Test
    void theApiListsOnlyHisDriversAndRefusesAnotherHelpersDriver() {
        var web = new WebClient(port);
        String token = web.token(username, TestAccounts.PASSWORD);

        String list = web.get("/api/v1/care/my/drivers", token).body();
        assertThat(JsonPath.<List<Integer>>read(list, "$[*].driverId")).containsExactly((int) mine);
        assertThat(list).doesNotContain(theirName);

        var refused =
                web.postJson("/api/v1/care/my/contacts", "{\"driverId\": " + theirs + ", \"kind\": \"PHONE\"}", token);
        assertThat(refused.statusCode()).isEqualTo(404);
        var future = web.postJson(
                "/api/v1/care/my/contacts",
                "{\"driverId\": " + mine + ", \"kind\": \"PHONE\", \"contactedAt\": \"2099-01-01T00:00:00Z\"}",
                token);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(future.body(), "$.errors[0].field")).isEqualTo("contactedAt");
        var badKind =
                web.postJson("/api/v1/care/my/contacts", "{\"driverId\": " + mine + ", \"kind\": \"LETTER\"}", token);
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(badKind.body(), "$.errors[0].field")).isEqualTo("kind");
        assertThat(contactsOf(mine)).isZero();

        var logged = web.postJson(
                "/api/v1/care/my/contacts", "{\"driverId\": " + mine + ", \"kind\": \"IN_PERSON\"}", token);
        assertThat(logged.statusCode()).isEqualTo(201);
        assertThat(contactsOf(mine)).isEqualTo(1);
        assertThat(JsonPath.<Boolean>read(
                        web.get("/api/v1/care/my/drivers", token).body(), "$[0].contactedThisWeek"))
                .isTrue();
    }

    @Test
    void anotherHelpersVisitPhotoIsNotFoundAndTheOfficePagesAreRefused() {
        long visit = jdbc.sql("select id from care_visit where driver_id = :d")
                .param("d", theirs)
                .query(Long.class)
                .single();
        var web = new WebClient(port);
        web.login(username, TestAccounts.PASSWORD);

        assertThat(web.get("/console/care/visits/" + visit + "/photo").statusCode())
                .isEqualTo(404);
        for (String office : List.of(
                "/console/care/compliance",
                "/console/care/helpers",
                "/console/care/assignments",
                "/console/care/drivers/" + mine,
                "/console/care/packages",
                "/console/care/corners",
                "/console/fleet/drivers/" + mine)) {
            assertThat(web.get(office).statusCode()).as(office).isEqualTo(403);
        }
        String token = web.token(username, TestAccounts.PASSWORD);
        assertThat(web.get("/api/v1/care/compliance", token).statusCode()).isEqualTo(403);
        assertThat(web.get("/api/v1/fleet/drivers/" + theirs, token).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aVisitWithAPhotoIsLoggedAndAFileThatIsNoPictureIsRefused() {
        var web = new WebClient(port);
        web.login(username, TestAccounts.PASSWORD);
        String page = "/console/care/my/drivers/" + mine;

        var refused = web.postFile(page, page + "/visits", "photo", "note.png", "不是照片".getBytes());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("data-error-for=\"photo\"").contains("照片须为JPEG或PNG格式");
        assertThat(visitsOf(mine)).isZero();

        var saved = web.postFile(page, page + "/visits", "photo", "visit.png", pngPhoto());
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(visitsOf(mine)).isEqualTo(1);
        long visit = jdbc.sql("select id from care_visit where driver_id = :d")
                .param("d", mine)
                .query(Long.class)
                .single();
        assertThat(web.getBytes("/console/care/visits/" + visit + "/photo")).isEqualTo(pngPhoto());
        assertThat(web.get(page).body()).contains("本月已走访").contains("/console/care/visits/" + visit + "/photo");
    }

    private long visitsOf(long driverId) {
        return jdbc.sql("select count(*) from care_visit where driver_id = :d")
                .param("d", driverId)
                .query(Long.class)
                .single();
    }

    private long contactsOf(long driverId) {
        return jdbc.sql("select count(*) from care_contact where driver_id = :d")
                .param("d", driverId)
                .query(Long.class)
                .single();
    }

    /** The smallest valid PNG: one transparent pixel. */
    static byte[] pngPhoto() {
        return java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    }
}
