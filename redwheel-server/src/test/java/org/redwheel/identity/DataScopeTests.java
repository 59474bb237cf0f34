package org.redwheel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An enterprise administrator sees only his own enterprise: another one's record is 404, in the
 * console and in the API alike; lists contain only his own.
 */
@RedWheelTest
class DataScopeTests {

    @LocalServerPort
    int port;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    StaffAccounts staffAccounts;

    long own;
    long other;
    String ownAdmin;

    @BeforeEach
    void twoEnterprisesAndTheAdministratorOfOne() {
        own = enterprises.create(TestEnterprises.valid("数据范围甲"));
        other = enterprises.create(TestEnterprises.valid("数据范围乙"));
        ownAdmin = new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(own));
    }

    @Test
    void consoleAnswers404ForAnotherEnterprise() {
        var web = new WebClient(port);
        web.login(ownAdmin, TestAccounts.PASSWORD);

        assertThat(web.get("/console/enterprises/" + own).statusCode()).isEqualTo(200);
        var foreign = web.get("/console/enterprises/" + other);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(nameOf(other));
        assertThat(web.get("/console/enterprises/" + other + "/edit").statusCode())
                .isEqualTo(404);
    }

    @Test
    void consoleWriteToAnotherEnterpriseIsRefusedAndChangesNothing() {
        var web = new WebClient(port);
        web.login(ownAdmin, TestAccounts.PASSWORD);
        String before = nameOf(other);

        var response = web.postForm(
                "/console/enterprises/" + own + "/edit",
                "/console/enterprises/" + other,
                Map.of(
                        "name", "被篡改的名称",
                        "creditCode", enterprises.get(DataScope.county(), other).creditCode(),
                        "address", "临沭县",
                        "legalRepresentative", "某人"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(nameOf(other)).isEqualTo(before);
    }

    @Test
    void apiAnswers404ForAnotherEnterpriseAndListsOnlyTheOwn() {
        var web = new WebClient(port);
        String token = web.token(ownAdmin, TestAccounts.PASSWORD);

        assertThat(web.get("/api/v1/organization/enterprises/" + own, token).statusCode())
                .isEqualTo(200);
        var foreign = web.get("/api/v1/organization/enterprises/" + other, token);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

        var list = web.get("/api/v1/organization/enterprises?size=200", token);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("\"totalElements\":1")
                .contains(nameOf(own))
                .doesNotContain(nameOf(other));
    }

    @Test
    void aCountyAdministratorSeesBoth() {
        String countyAdmin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        String token = web.token(countyAdmin, TestAccounts.PASSWORD);
        assertThat(web.get("/api/v1/organization/enterprises/" + own, token).statusCode())
                .isEqualTo(200);
        assertThat(web.get("/api/v1/organization/enterprises/" + other, token).statusCode())
                .isEqualTo(200);
    }

    private String nameOf(long id) {
        return enterprises.get(DataScope.county(), id).name();
    }
}
