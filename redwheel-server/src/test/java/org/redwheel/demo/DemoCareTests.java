package org.redwheel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.PageRequest;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.care.CarePackages;
import org.redwheel.care.Counselling;
import org.redwheel.care.HelperAssignments;
import org.redwheel.care.Helpers;
import org.redwheel.care.TalkCorners;
import org.redwheel.care.ThreeOnes;
import org.redwheel.care.ThreeOnesCompliance.Figures;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.DriverFilter;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.HelperDirectory;
import org.redwheel.fleet.Survey;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo county's care: a helper for every surveyed driver, a year of three-ones logs with about
 * nine in ten done, the second quarter's four care packages, 36 talk corners, counselling counted;
 * and the county administrator's home shows the compliance.
 */
@RedWheelTest
class DemoCareTests {

    @LocalServerPort
    int port;

    @Autowired
    Drivers drivers;

    @Autowired
    Helpers helpers;

    @Autowired
    HelperAssignments assignments;

    @Autowired
    HelperDirectory directory;

    @Autowired
    ThreeOnes threeOnes;

    @Autowired
    CarePackages packages;

    @Autowired
    TalkCorners corners;

    @Autowired
    Counselling counselling;

    @Autowired
    Survey survey;

    @Autowired
    StaffAccounts staffAccounts;

    @Test
    void everyDemoDriverHasAHelperOfHisVillage() {
        List<Driver> demo = demoDrivers();
        var current = assignments.currentHelpers();
        assertThat(demo).allSatisfy(d -> assertThat(current).containsKey(d.id()));
        var byId = new java.util.HashMap<Long, org.redwheel.care.Helper>();
        helpers.list(DataScope.county(), null, null, null, true).forEach(h -> byId.put(h.id(), h));
        long sameVillage = demo.stream()
                .filter(d -> d.villageId() != null)
                .filter(d -> byId.get(current.get(d.id())).villageId() == d.villageId())
                .count();
        assertThat(sameVillage)
                .isEqualTo(demo.stream().filter(d -> d.villageId() != null).count());
        assertThat(byId.values()).allSatisfy(h -> assertThat(h.drivers()).isLessThanOrEqualTo(6));
        assertThat(survey.coverage(DataScope.county()).helpersKnown()).isTrue();
    }

    @Test
    void theDemoHelperCaresForDriversAndAppealsFindHisAccount() {
        var account = staffAccounts.findByUsername("helper.demo").orElseThrow();
        var helper = helpers.ofAccount(account.id()).orElseThrow();
        assertThat(helper.villageName()).isEqualTo("东城社区");
        List<Long> his = assignments.driversOf(helper.id());
        assertThat(his).hasSizeGreaterThanOrEqualTo(2);
        assertThat(directory.helperAccountOf(his.get(0))).contains(account.id());
        assertThat(staffAccounts.findByUsername("helper.qingyun")).isPresent();
    }

    @Test
    void aYearOfContactsAndVisitsWithAboutNineInTenDone() {
        Figures total = threeOnes.assess().total();
        assertThat(total.weeksOwed()).isGreaterThan(300 * 50);
        assertThat(total.contactRate()).isBetween(82, 93);
        assertThat(total.visitRate()).isBetween(80, 93);
        assertThat(total.problemRate()).isBetween(75, 98);
        assertThat(total.compliance()).isBetween(82, 92);
        assertThat(total.missedLastWeek()).isPositive();
        assertThat(total.problemsThisYear()).isGreaterThan(40);
    }

    @Test
    void fourKindsOfCarePackageWentOutInTheSecondQuarter() {
        LocalDate today = LocalDate.now();
        int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        var coverage = packages.coverage(DataScope.county(), year, 2);
        assertThat(coverage.kinds()).hasSize(4);
        assertThat(coverage.kinds())
                .extracting(CarePackages.PackageKind::category)
                .contains(
                        CarePackages.PackageCategory.SERVICE,
                        CarePackages.PackageCategory.POLICY_ADVICE,
                        CarePackages.PackageCategory.GOODS);
        assertThat(coverage.total().reached()).isGreaterThan(250);
        assertThat(coverage.byEnterprise().size()).isGreaterThanOrEqualTo(31);
    }

    @Test
    void thirtySixTalkCornersWithSessionsAndCountedCounselling() {
        assertThat(corners.corners()).hasSize(36);
        assertThat(corners.corners().stream()
                        .mapToLong(TalkCorners.Corner::sessions)
                        .sum())
                .isGreaterThanOrEqualTo(36);
        assertThat(counselling.count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theCountyAdministratorsHomeShowsTheThreeOnesCompliance() {
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);
        String home = web.get("/console").body();
        Integer compliance = threeOnes.report(DataScope.county()).total().compliance();
        assertThat(home).contains("data-testid=\"stat-three-ones\">" + compliance + "%<");
    }

    private List<Driver> demoDrivers() {
        List<Driver> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = drivers.search(
                    DataScope.county(), DriverFilter.activeOnes(), new PageRequest(page, 200, "createdAt", true));
            all.addAll(result.content());
            if (!result.hasNext()) {
                break;
            }
        }
        return all.stream()
                .filter(d -> d.idNumberMasked().startsWith(DemoCountyData.DIVISION))
                .toList();
    }
}
