package org.redwheel.care;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.Townships;
import org.redwheel.places.PlaceKind;
import org.redwheel.places.Places;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office defines a quarter's care package, records who received it (one driver, or a whole
 * village at once, never twice) and sees its reach per village; it records a talk-corner session,
 * and the year's statistics count it. Bad input names the field and changes nothing.
 */
@RedWheelTest
class CarePackagesAndCornersTests {

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
    CarePackages packages;

    @Autowired
    TalkCorners corners;

    @Autowired
    Places places;

    @Test
    void definesAKindRecordsItsRecipientsOnceAndShowsTheVillagesCoverage() {
        var care = new TestCare(townships, helpers, drivers, staffAccounts);
        long village = care.village("礼包");
        long one = care.driver("礼包一", village);
        long two = care.driver("礼包二", village);
        care.driver("礼包三", village);
        int year = LocalDate.now().getYear() + 1;
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);
        String name = "测试礼包" + TestCare.numerals(System.nanoTime() % 10000);

        var noCategory = web.postForm(
                "/console/care/packages",
                "/console/care/packages/kinds",
                Map.of("year", String.valueOf(year), "quarter", "1", "name", name));
        assertThat(noCategory.statusCode()).isEqualTo(400);
        assertThat(noCategory.body()).contains("data-error-for=\"category\"");
        assertThat(packages.kinds(year, 1)).isEmpty();

        var defined = web.postForm(
                "/console/care/packages",
                "/console/care/packages/kinds",
                Map.of("year", String.valueOf(year), "quarter", "1", "name", name, "category", "GOODS"));
        assertThat(defined.statusCode()).isEqualTo(302);
        long kind = packages.kinds(year, 1).get(0).id();
        var twice = web.postForm(
                "/console/care/packages",
                "/console/care/packages/kinds",
                Map.of("year", String.valueOf(year), "quarter", "1", "name", name, "category", "SERVICE"));
        assertThat(twice.body()).contains("本季度已有同名礼包");

        // The quarter lies ahead: handing it out today is refused, naming the date.
        String kindPage = "/console/care/packages/kinds/" + kind;
        var early = web.postForm(
                kindPage,
                kindPage + "/distributions",
                Map.of("driverId", String.valueOf(one), "distributedBy", "县总工会"));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("data-error-for=\"distributedOn\"");

        int thisYear = LocalDate.now().getYear();
        long current = packages.defineKind(
                new CarePackages.KindData(thisYear, 1, name, CarePackages.PackageCategory.POLICY_ADVICE, "政策明白卡"));
        String currentPage = "/console/care/packages/kinds/" + current;
        var toOne = web.postForm(
                currentPage,
                currentPage + "/distributions",
                Map.of("driverId", String.valueOf(one), "distributedBy", "县交通运输局"));
        assertThat(toOne.statusCode()).isEqualTo(302);
        var again = web.postForm(
                currentPage,
                currentPage + "/distributions",
                Map.of("driverId", String.valueOf(one), "distributedBy", "县交通运输局"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("该司机已领取过这份礼包");
        var toVillage = web.postForm(
                currentPage,
                currentPage + "/distributions",
                Map.of("villageId", String.valueOf(village), "distributedBy", "村党支部"));
        assertThat(toVillage.statusCode()).isEqualTo(302);

        assertThat(packages.distributions(DataScope.county(), current))
                .extracting(CarePackages.Distribution::driverId)
                .hasSize(3)
                .contains(one, two);
        var row = packages.coverage(DataScope.county(), thisYear, 1).byVillage().stream()
                .filter(r -> r.id() != null && r.id() == village)
                .findFirst()
                .orElseThrow();
        assertThat(row.drivers()).isEqualTo(3);
        assertThat(row.reached()).isEqualTo(3);
        assertThat(row.percent()).isEqualTo(100);

        String token = web.token(admin, TestAccounts.PASSWORD);
        String json = web.get("/api/v1/care/packages/coverage?year=" + thisYear + "&quarter=1", token)
                .body();
        assertThat(JsonPath.<List<String>>read(json, "$.kinds[*].name")).contains(name);
        assertThat(web.get("/api/v1/care/packages/coverage?year=" + thisYear + "&quarter=5", token)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void recordsATalkCornerSessionAndTheStatisticsCountIt() {
        long corner = places.list(PlaceKind.TALK_CORNER, false).get(0).id();
        int year = LocalDate.now().getYear();
        long before = corners.statistics(year).sessions();
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);
        String page = "/console/care/corners/" + corner;

        var refused = web.postForm(
                page,
                page + "/sessions",
                Map.of("heldOn", LocalDate.now().toString(), "topic", "运费结算答疑", "attendees", "0"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("data-error-for=\"attendees\"");
        assertThat(corners.statistics(year).sessions()).isEqualTo(before);

        var saved = web.postForm(
                page,
                page + "/sessions",
                Map.of(
                        "heldOn", LocalDate.now().toString(),
                        "topic", "运费结算答疑",
                        "questionsAnswers", "问：运费被拖欠怎么办？\n答：可申请法律援助。",
                        "attendees", "18"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(web.get(page).body()).contains("运费结算答疑").contains("可申请法律援助");
        assertThat(corners.statistics(year).sessions()).isEqualTo(before + 1);
        assertThat(web.get("/console/care/corners/"
                                + places.list(PlaceKind.DRIVER_HOME, false)
                                        .get(0)
                                        .id())
                        .statusCode())
                .as("a driver home is no talk corner")
                .isEqualTo(404);
    }
}
