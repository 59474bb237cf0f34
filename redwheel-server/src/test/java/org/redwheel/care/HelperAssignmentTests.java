package org.redwheel.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.InvalidInputException;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.care.HelperAssignments.HelperAssignment;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.HelperContacts;
import org.redwheel.fleet.HelperDirectory;
import org.redwheel.fleet.Survey;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.PartyOrganizationData;
import org.redwheel.organization.PartyOrganizationKind;
import org.redwheel.organization.PartyOrganizations;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pairing drivers with helpers: the village's helper with the fewest drivers is suggested and the
 * office confirms; a reassignment needs a reason and keeps the history (from whom, to whom, why);
 * the fleet and the appeals learn who the helper is.
 */
@RedWheelTest
class HelperAssignmentTests {

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
    HelperDirectory directory;

    @Autowired
    HelperContacts contacts;

    @Autowired
    Survey survey;

    @Autowired
    PartyOrganizations partyOrganizations;

    @Autowired
    EnterpriseRegistry enterprises;

    TestCare care;
    long village;
    long first;
    long second;

    @BeforeEach
    void aVillageWithTwoHelpers() {
        care = new TestCare(townships, helpers, drivers, staffAccounts);
        village = care.village("结对");
        first = care.helper("甲", village);
        second = care.helper("乙", village);
    }

    @Test
    void suggestsTheVillagesHelperWithTheFewestDriversAndSpreadsTheSuggestions() {
        long d1 = care.driver("结对一", village);
        long d2 = care.driver("结对二", village);
        long d3 = care.driver("结对三", village);

        var open = assignments.unassigned(COUNTY, village);
        assertThat(open).extracting(u -> u.driver().id()).containsExactlyInAnyOrder(d1, d2, d3);
        assertThat(open).extracting(u -> u.suggested().id()).containsOnly(first, second);
        assertThat(open.stream().filter(u -> u.suggested().id() == first)).hasSize(2);

        assignments.assign(COUNTY, d1, second, null, null, "test");
        assertThat(assignments.suggest(d2)).map(Helper::id).contains(first);
    }

    @Test
    void theOfficeConfirmsAVillagesSuggestionsInTheConsole() {
        long d1 = care.driver("确认一", village);
        long d2 = care.driver("确认二", village);
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY);
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);

        String page = web.get("/console/care/assignments?villageId=" + village).body();
        assertThat(page).contains("data-driver-id=\"" + d1 + "\"").contains("data-driver-id=\"" + d2 + "\"");

        var response = web.postForm(
                "/console/care/assignments?villageId=" + village,
                "/console/care/assignments/village",
                Map.of("villageId", String.valueOf(village)));
        assertThat(response.statusCode()).isEqualTo(302);

        assertThat(assignments.current(d1)).map(HelperAssignment::helperId).isPresent();
        assertThat(assignments.current(d2)).map(HelperAssignment::helperId).isPresent();
        assertThat(helpers.get(COUNTY, first).drivers()).isEqualTo(1);
        assertThat(helpers.get(COUNTY, second).drivers()).isEqualTo(1);
        assertThat(assignments.current(d1).orElseThrow().confirmedBy()).isEqualTo(admin);
        assertThat(web.get("/console/care/assignments?villageId=" + village).body())
                .contains("data-testid=\"all-assigned\"");
    }

    @Test
    void aReassignmentNeedsAReasonAndKeepsTheHistory() {
        long driver = care.driver("调整", village);
        LocalDate since = LocalDate.now().minusMonths(3);
        assignments.assign(COUNTY, driver, first, since, null, "office");

        assertThatThrownBy(() -> assignments.assign(COUNTY, driver, second, null, " ", "office"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidInputException.Violation::field)
                                .containsExactly("reason"));
        assertThatThrownBy(() -> assignments.assign(COUNTY, driver, first, null, "再次结对", "office"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidInputException.Violation::messageKey)
                                .contains("care.assignment.same"));
        assertThatThrownBy(() -> assignments.assign(COUNTY, driver, second, since.minusDays(1), "太早", "office"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidInputException.Violation::field)
                                .containsExactly("startsOn"));
        assertThat(assignments.current(driver)).map(HelperAssignment::helperId).contains(first);

        assignments.assign(COUNTY, driver, second, null, "原帮扶党员外出务工", "office");

        List<HelperAssignment> history = assignments.history(COUNTY, driver);
        assertThat(history).hasSize(2);
        HelperAssignment now = history.get(0);
        assertThat(now.helperId()).isEqualTo(second);
        assertThat(now.previousHelperId()).isEqualTo(first);
        assertThat(now.reason()).isEqualTo("原帮扶党员外出务工");
        assertThat(now.current()).isTrue();
        HelperAssignment before = history.get(1);
        assertThat(before.helperId()).isEqualTo(first);
        assertThat(before.startsOn()).isEqualTo(since);
        assertThat(before.endsOn()).isEqualTo(now.startsOn());
        assertThat(before.endedBy()).isEqualTo("office");
        assertThat(assignments.driversOf(first)).doesNotContain(driver);
        assertThat(assignments.driversOf(second)).contains(driver);
    }

    @Test
    void reassignsInTheConsoleAndShowsFromWhomToWhomAndWhy() {
        long driver = care.driver("页面调整", village);
        assignments.assign(COUNTY, driver, first, LocalDate.now().minusDays(40), null, "office");
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY);
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);
        String page = "/console/care/drivers/" + driver;

        var refused = web.postForm(page, page + "/helper", Map.of("helperId", String.valueOf(second)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("data-error-for=\"reason\"").contains("调整帮扶党员须说明原因");
        assertThat(assignments.current(driver)).map(HelperAssignment::helperId).contains(first);

        var done = web.postForm(page, page + "/helper", Map.of("helperId", String.valueOf(second), "reason", "工作调动"));
        assertThat(done.statusCode()).isEqualTo(302);
        String history = web.get(page).body();
        assertThat(history)
                .contains(helpers.get(COUNTY, second).name())
                .contains(helpers.get(COUNTY, first).name())
                .contains("工作调动");
        assertThat(assignments.current(driver)).map(HelperAssignment::helperId).contains(second);
    }

    @Test
    void theDriversHelperAccountAnswersAppealsAndTheSurveyCountsHim() {
        long driver = care.driver("名录", village);
        assertThat(directory.helperAccountOf(driver)).isEmpty();
        assertThat(survey.coverage(COUNTY).total().withHelper()).isNotNull();
        long withHelperBefore = survey.coverage(COUNTY).total().withHelper();

        assertThat(contacts.helperOf(driver)).isEmpty();
        assignments.assign(COUNTY, driver, first, null, null, "office");
        assertThat(directory.helperAccountOf(driver)).as("no login yet").isEmpty();
        Helper helper = helpers.get(COUNTY, first);
        assertThat(contacts.helperOf(driver))
                .as("whom the driver calls from his phone")
                .contains(new HelperContacts.HelperContact(helper.name(), helper.phone()));
        assertThat(survey.coverage(COUNTY).total().withHelper()).isEqualTo(withHelperBefore + 1);

        String username = care.account(first);
        long account = staffAccounts.findByUsername(username).orElseThrow().id();
        assertThat(directory.helperAccountOf(driver)).contains(account);

        assignments.release(COUNTY, driver, "迁出本县", "office");
        assertThat(directory.helperAccountOf(driver)).isEmpty();
        assertThat(contacts.helperOf(driver)).isEmpty();
        assertThat(assignments.history(COUNTY, driver).get(0).reason()).contains("迁出本县");
    }

    @Test
    void theApiPairsAndNamesTheFieldItCannotRead() {
        long driver = care.driver("接口", village);
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY);
        var web = new WebClient(port);
        String token = web.token(admin, TestAccounts.PASSWORD);

        var unreadable =
                web.postJson("/api/v1/care/assignments", "{\"driverId\": " + driver + ", \"helperId\": \"甲\"}", token);
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(unreadable.body(), "$.errors[0].field"))
                .isEqualTo("helperId");

        var created = web.postJson(
                "/api/v1/care/assignments", "{\"driverId\": " + driver + ", \"helperId\": " + second + "}", token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JsonPath.<Integer>read(created.body(), "$.helperId")).isEqualTo((int) second);

        var noReason = web.postJson(
                "/api/v1/care/assignments", "{\"driverId\": " + driver + ", \"helperId\": " + first + "}", token);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(noReason.body(), "$.errors[0].field")).isEqualTo("reason");

        var history = web.get("/api/v1/care/drivers/" + driver + "/assignments", token);
        assertThat(JsonPath.<List<Object>>read(history.body(), "$")).hasSize(1);
    }

    @Test
    void anEnterpriseAdministratorCannotPairDrivers() {
        long driver = care.driver("企业", village);
        long enterprise = enterprises.create(TestEnterprises.valid("结对企业"));
        String officer =
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterprise));
        var web = new WebClient(port);
        String token = web.token(officer, TestAccounts.PASSWORD);
        var refused = web.postJson(
                "/api/v1/care/assignments", "{\"driverId\": " + driver + ", \"helperId\": " + first + "}", token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(assignments.current(driver)).isEmpty();
    }

    @Test
    void aVillageBranchSeesAndPairsOnlyTheHelpersOfItsVillage() {
        long committee = partyOrganizations.tree(COUNTY, false).stream()
                .filter(o -> o.kind() == PartyOrganizationKind.COMMITTEE)
                .findFirst()
                .orElseThrow()
                .id();
        long branch = partyOrganizations.create(new PartyOrganizationData(
                committee,
                PartyOrganizationKind.BRANCH,
                "结对测试村党支部" + TestCare.numerals(village),
                "村支书",
                12,
                LocalDate.of(2020, 7, 1),
                village));
        long elsewhere = care.helper("外村", care.village("外村"));
        long driver = care.driver("本村", village);
        String branchUser = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.subtree(branch));

        assertThat(helpers.list(DataScope.subtree(branch), null, null, null, false))
                .extracting(Helper::id)
                .containsExactlyInAnyOrder(first, second);
        var web = new WebClient(port);
        web.login(branchUser, TestAccounts.PASSWORD);
        assertThat(web.get("/console/care/helpers/" + first).statusCode()).isEqualTo(200);
        assertThat(web.get("/console/care/helpers/" + elsewhere).statusCode()).isEqualTo(404);
        assertThat(web.get("/console/care/compliance").body())
                .contains("data-helper-id=\"" + first + "\"")
                .doesNotContain("data-helper-id=\"" + elsewhere + "\"");

        var foreign = web.postForm(
                "/console/care/drivers/" + driver,
                "/console/care/drivers/" + driver + "/helper",
                Map.of("helperId", String.valueOf(elsewhere)));
        assertThat(foreign.statusCode())
                .as("another village's helper is not found")
                .isEqualTo(404);
        var own = web.postForm(
                "/console/care/drivers/" + driver,
                "/console/care/drivers/" + driver + "/helper",
                Map.of("helperId", String.valueOf(second)));
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(assignments.current(driver)).map(HelperAssignment::helperId).contains(second);
    }

    @Test
    void twoConfirmationsOfOneDriverAtOnceLeaveExactlyOnePairing() throws Exception {
        long driver = care.driver("同时", village);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> {
                start.await();
                return assignments.assign(COUNTY, driver, first, null, null, "office-a");
            });
            var b = pool.submit(() -> {
                start.await();
                return assignments.assign(COUNTY, driver, second, null, null, "office-b");
            });
            start.countDown();
            int succeeded = 0;
            for (var result : List.of(a, b)) {
                try {
                    result.get();
                    succeeded++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(InvalidInputException.class);
                }
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(assignments.history(COUNTY, driver)).hasSize(1);
        assertThat(assignments.current(driver)).isPresent();
    }
}
