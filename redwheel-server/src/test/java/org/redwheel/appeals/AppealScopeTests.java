package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redwheel.appeals.AppealFixture.DESK;
import static org.redwheel.appeals.AppealFixture.OFFICE;
import static org.redwheel.appeals.AppealFixture.appeal;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.PageRequest;
import org.redwheel.RecordNotFoundException;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reach: a department sees and works only what is routed to it, assigned to it or claimed by it;
 * a helper only what is his; a driver only his own appeals: anything else is not found (404), in
 * the services and in the console, and lists hold nothing else.
 */
@RedWheelTest
class AppealScopeTests {

    @LocalServerPort
    int port;

    @Autowired
    Appeals appeals;

    @Autowired
    AllianceBoard board;

    @Autowired
    Drivers drivers;

    @Autowired
    GovernmentUnits units;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Townships townships;

    @Autowired
    JdbcClient jdbc;

    AppealFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new AppealFixture(drivers, units, accounts, townships);
    }

    @Test
    void aDepartmentSeesAndEditsOnlyWhatIsRoutedToItAssignedToItOrClaimedByIt() {
        long driver = fixture.driver("部门范围");
        AppealActor police = fixture.department("交警大队");
        AppealActor justice = fixture.department("县司法局");
        AppealActor bank = fixture.department("临沭农商行");

        long parking = appeals.submit(DESK, appeal(driver, AppealCategory.PARKING, AppealChannel.HOTLINE, "停车"));
        long freight = appeals.submit(DESK, appeal(driver, AppealCategory.UNPAID_FREIGHT, AppealChannel.HOTLINE, "运费"));
        long other = appeals.submit(DESK, appeal(driver, AppealCategory.OTHER, AppealChannel.HOTLINE, "其他"));

        assertThat(appeals.find(police, parking)).as("routed to it").isPresent();
        assertThat(appeals.find(police, freight)).isEmpty();
        assertThat(appeals.find(police, other)).isEmpty();
        assertThatThrownBy(() -> appeals.accept(police, freight)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> appeals.steps(police, freight)).isInstanceOf(RecordNotFoundException.class);
        assertThat(appeals.find(justice, freight)).isPresent();

        // The office sends the "other" appeal to the bank: now the bank sees it, and only the bank.
        appeals.accept(OFFICE, other);
        assertThat(appeals.find(bank, other)).isEmpty();
        appeals.assign(OFFICE, other, AppealHandler.department(bank.unitId()));
        assertThat(appeals.find(bank, other)).isPresent();
        assertThat(appeals.find(police, other)).isEmpty();
        assertThatThrownBy(() -> appeals.start(police, other)).isInstanceOf(RecordNotFoundException.class);
        appeals.start(bank, other);

        // Reassigned away from the traffic police, it is no longer theirs.
        appeals.accept(police, parking);
        appeals.assign(OFFICE, parking, AppealHandler.department(justice.unitId()));
        assertThat(appeals.find(police, parking)).isEmpty();
        assertThat(appeals.find(justice, parking)).isPresent();

        // Claimed through a hard problem: the claimant sees its appeals.
        long freight2 =
                appeals.submit(DESK, appeal(driver, AppealCategory.UNPAID_FREIGHT, AppealChannel.HOTLINE, "运费二"));
        appeals.accept(OFFICE, freight2);
        long problem = board.post(OFFICE, List.of(freight2), "运费拖欠范围测试", "范围测试的难题说明");
        assertThat(appeals.find(justice, freight2))
                .as("on the board, waiting for a claim")
                .isEmpty();
        assertThat(board.find(police, problem))
                .as("an open problem is on everybody's board")
                .isPresent();
        board.claim(police, problem);
        assertThat(appeals.find(police, freight2)).isPresent();
        assertThat(board.find(justice, problem))
                .as("claimed by another department")
                .isEmpty();

        var seen = appeals.search(
                        police, AppealFilter.all(), new PageRequest(0, PageRequest.MAX_SIZE, "submittedAt", false))
                .content();
        assertThat(seen).extracting(Appeal::id).contains(freight2).doesNotContain(freight, other, parking);
        assertThat(seen)
                .allSatisfy(a -> assertThat(police.unitId()
                                        .equals(
                                                a.handler() == null
                                                        ? null
                                                        : a.handler().unitId())
                                || police.unitId().equals(a.route().unitId()))
                        .isTrue());
    }

    @Test
    void aHelperSeesOnlyWhatIsHis() {
        long driver = fixture.driver("帮扶范围");
        AppealActor helper = fixture.helper();
        AppealActor otherHelper = fixture.helper();
        long id = appeals.submit(DESK, appeal(driver, AppealCategory.CHILD_CARE, AppealChannel.HOTLINE, "孩子放学没人接"));
        appeals.accept(OFFICE, id);
        assertThat(appeals.find(helper, id)).isEmpty();

        appeals.assign(OFFICE, id, AppealHandler.helper(helper.accountId()));
        assertThat(appeals.find(helper, id)).isPresent();
        assertThat(appeals.find(otherHelper, id)).isEmpty();
        assertThatThrownBy(() -> appeals.start(otherHelper, id)).isInstanceOf(RecordNotFoundException.class);
        appeals.start(helper, id);
        appeals.resolve(helper, id, "村里安排志愿者接送");
        assertThat(appeals.get(OFFICE, id).status()).isEqualTo(AppealStatus.RESOLVED);
    }

    @Test
    void aDriverSeesOnlyHisOwnAppealsAndAnotherDriversIdIsNotFound() {
        long mine = fixture.driver("本人");
        long someoneElse = fixture.driver("他人");
        AppealActor me = AppealActor.driver(mine);
        AppealActor him = AppealActor.driver(someoneElse);
        long myAppeal = appeals.submit(me, appeal(mine, AppealCategory.POLICY, AppealChannel.MOBILE, "我的诉求"));
        long hisAppeal = appeals.submit(him, appeal(someoneElse, AppealCategory.POLICY, AppealChannel.MOBILE, "他的诉求"));

        assertThat(appeals.get(me, myAppeal).description()).isEqualTo("我的诉求");
        assertThatThrownBy(() -> appeals.get(me, hisAppeal)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> appeals.steps(me, hisAppeal)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> appeals.photo(me, hisAppeal)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> appeals.markSeen(me, hisAppeal)).isInstanceOf(RecordNotFoundException.class);
        assertThat(appeals.mine(me)).extracting(line -> line.appeal().id()).containsExactly(myAppeal);

        // Even when his appeal is resolved, another driver can neither confirm nor reopen it.
        appeals.accept(OFFICE, hisAppeal);
        appeals.start(OFFICE, hisAppeal);
        appeals.resolve(OFFICE, hisAppeal, "已答复");
        assertThatThrownBy(() -> appeals.confirm(me, hisAppeal, 1, "不是我的")).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> appeals.reopen(me, hisAppeal, "不是我的")).isInstanceOf(RecordNotFoundException.class);
        assertThat(appeals.get(OFFICE, hisAppeal).status()).isEqualTo(AppealStatus.RESOLVED);

        // A driver submitting "for" somebody else still submits his own.
        long forged = appeals.submit(me, appeal(someoneElse, AppealCategory.POLICY, AppealChannel.HOTLINE, "冒名"));
        assertThat(appeals.get(me, forged).driverId()).isEqualTo(mine);
        assertThat(appeals.get(me, forged).channel()).isEqualTo(AppealChannel.MOBILE);
    }

    @Test
    void theConsoleAnswersNotFoundForAnAppealOutsideTheDepartmentsReach() {
        long driver = fixture.driver("控制台范围");
        long unit = fixture.unit("县司法局");
        long freight = appeals.submit(DESK, appeal(driver, AppealCategory.UNPAID_FREIGHT, AppealChannel.HOTLINE, "运费"));
        long parking = appeals.submit(DESK, appeal(driver, AppealCategory.PARKING, AppealChannel.HOTLINE, "停车"));
        String officer = fixture.account(Role.DEPARTMENT_OFFICER, DataScope.department(unit));
        var web = new WebClient(port);
        web.login(officer, TestAccounts.PASSWORD);

        assertThat(web.get("/console/appeals/" + freight).statusCode()).isEqualTo(200);
        assertThat(web.get("/console/appeals/" + parking).statusCode()).isEqualTo(404);
        assertThat(web.postForm("/console/appeals/" + freight, "/console/appeals/" + parking + "/accept", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(appeals.get(OFFICE, parking).status()).isEqualTo(AppealStatus.SUBMITTED);
        String list = web.get("/console/appeals?state=all").body();
        assertThat(list)
                .contains("data-appeal-id=\"" + freight + "\"")
                .doesNotContain("data-appeal-id=\"" + parking + "\"");
        assertThat(web.get("/console/appeals/supervision").statusCode())
                .as("supervision is the county's")
                .isEqualTo(403);
        assertThat(web.get("/console/appeals/new").statusCode())
                .as("departments do not record appeals")
                .isEqualTo(403);

        long anEnterprise = jdbc.sql("select min(id) from organization_enterprise")
                .query(Long.class)
                .single();
        String enterprise = fixture.account(Role.ENTERPRISE_ADMIN, DataScope.enterprise(anEnterprise));
        var outsider = new WebClient(port);
        outsider.login(enterprise, TestAccounts.PASSWORD);
        assertThat(outsider.get("/console/appeals").statusCode()).isEqualTo(403);
        assertThat(outsider.get("/console/appeals/" + freight).statusCode()).isEqualTo(403);
    }
}
