package org.redwheel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.PageRequest;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.appeals.AllianceBoard;
import org.redwheel.appeals.Appeal;
import org.redwheel.appeals.AppealActor;
import org.redwheel.appeals.AppealCategory;
import org.redwheel.appeals.AppealFilter;
import org.redwheel.appeals.AppealStatus;
import org.redwheel.appeals.AppealSupervision;
import org.redwheel.appeals.Appeals;
import org.redwheel.appeals.Problem;
import org.redwheel.appeals.ProblemStatus;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo county's year of appeals tells the seed article's story: 130+ solved across every
 * category, 20+ hard problems claimed and solved by alliance departments (the two temporary parking
 * areas, legal aid for unpaid freight, truck-loan extensions), some late, most rated, a few open;
 * and the county administrator's home shows the same figures.
 */
@RedWheelTest
class DemoAppealsTests {

    static final AppealActor OFFICE = AppealActor.office("test");

    @LocalServerPort
    int port;

    @Autowired
    Appeals appeals;

    @Autowired
    AllianceBoard board;

    @Autowired
    AppealSupervision supervision;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aYearOfAppealsAcrossEveryCategoryMostlySolvedInTimeAndRated() {
        List<Appeal> all = jdbc
                .sql("select id from appeals_appeal where submitted_at < now() - interval '1 minute'"
                        + " and driver_id in (select id from fleet_driver where phone not like '199%')")
                .query(Long.class)
                .list()
                .stream()
                .map(id -> appeals.get(OFFICE, id))
                .toList();
        List<Appeal> solved = all.stream().filter(a -> a.status().solved()).toList();
        assertThat(solved).hasSizeGreaterThanOrEqualTo(130);
        assertThat(solved.stream().map(Appeal::category).distinct()).containsExactlyInAnyOrder(AppealCategory.values());
        assertThat(all.stream().map(Appeal::channel).distinct()).hasSize(5);
        assertThat(all.stream().map(Appeal::submittedAt).min(Instant::compareTo).orElseThrow())
                .isBefore(Instant.now().minus(Duration.ofDays(300)));

        long rated = solved.stream().filter(a -> a.rating() != null).count();
        assertThat(rated).isGreaterThan(solved.size() * 3L / 4);
        long late = solved.stream().filter(a -> !a.resolvedInTime()).count();
        assertThat(late).as("some were resolved late").isBetween(5L, solved.size() / 3L);
        assertThat(all.stream().filter(a -> a.acceptedAt() != null && !a.acceptedInTime()))
                .as("some were accepted late")
                .isNotEmpty();
        assertThat(all.stream().filter(a -> a.reopenCount() > 0)).isNotEmpty();

        List<Appeal> open = all.stream().filter(a -> a.status().open()).toList();
        assertThat(open).hasSizeBetween(5, 15);
        assertThat(open.stream().map(Appeal::status))
                .contains(AppealStatus.SUBMITTED, AppealStatus.ACCEPTED, AppealStatus.ASSIGNED)
                .contains(AppealStatus.IN_PROGRESS, AppealStatus.REOPENED);
        assertThat(open.stream().filter(a -> appeals.serviceLevels().overdue(a)))
                .as("one waits for acceptance past its hour, one is past its day in progress")
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theAllianceClaimedAndSolvedTheSeedArticlesHardProblems() {
        List<Problem> solved = board.list(OFFICE, ProblemStatus.SOLVED);
        assertThat(solved).hasSizeGreaterThanOrEqualTo(20);
        assertThat(solved).allSatisfy(p -> {
            assertThat(p.claimedUnitName()).isNotBlank();
            assertThat(p.appeals()).isGreaterThanOrEqualTo(2);
            assertThat(p.solvedAt()).isAfter(p.claimedAt());
        });
        assertThat(solved.stream().map(Problem::claimedUnitName).distinct().count())
                .isGreaterThanOrEqualTo(10);
        assertThat(solved)
                .anySatisfy(p -> assertThat(p.solution()).contains("两处临时停车区").contains("交警大队"))
                .anySatisfy(p -> assertThat(p.solution()).contains("法律援助"))
                .anySatisfy(p -> assertThat(p.solution()).contains("车贷延期"));
        assertThat(board.list(OFFICE, ProblemStatus.OPEN)).isNotEmpty();
        assertThat(board.list(OFFICE, ProblemStatus.IN_PROGRESS)).isNotEmpty();

        // Hard problems take longer than a day: the board's own deadline holds them.
        Problem parking = solved.stream()
                .filter(p -> p.solution().contains("两处临时停车区"))
                .findFirst()
                .orElseThrow();
        List<Appeal> linked = appeals.search(
                        OFFICE,
                        new AppealFilter(null, null, null, null, null, parking.id(), null),
                        new PageRequest(0, 20, "submittedAt", true))
                .content();
        assertThat(linked).hasSize(parking.appeals()).allSatisfy(a -> {
            assertThat(a.status().solved()).isTrue();
            assertThat(a.solution()).isEqualTo(parking.solution());
            assertThat(a.handler().unitId()).isEqualTo(parking.claimedUnitId());
        });
    }

    @Test
    void theCountyAdministratorsHomeShowsTheAppealFigures() {
        var summary = supervision.summary();
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);
        String home = web.get("/console").body();
        assertThat(home)
                .contains("data-testid=\"stat-appeals\">" + summary.received() + "<")
                .contains("司机诉求（已办结 " + summary.solved() + " 件）")
                .contains("data-testid=\"stat-appeals-overdue\">" + summary.overdue() + "<")
                .contains("data-testid=\"stat-problems-solved\">" + summary.problemsSolved() + "<");
        assertThat(summary.received()).isGreaterThanOrEqualTo(140);
        assertThat(summary.problemsSolved()).isGreaterThanOrEqualTo(20);
    }
}
