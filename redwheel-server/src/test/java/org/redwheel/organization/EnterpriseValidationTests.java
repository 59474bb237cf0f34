package org.redwheel.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad enterprise input is refused field by field, in the console and the API, and nothing is saved. */
@RedWheelTest
class EnterpriseValidationTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    JdbcClient jdbc;

    @Test
    void apiRefusesAWrongCheckCharacterADuplicateNameAndAnEmptyRequiredField() {
        String existing = enterprises
                .get(DataScope.county(), enterprises.create(valid("已存在")))
                .name();
        var web = new WebClient(port);
        String token = web.token(
                new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county()), TestAccounts.PASSWORD);
        long before = count();

        var response = web.postJson("/api/v1/organization/enterprises", """
                {"name": "%s", "creditCode": "914403001922038217", "address": "", "legalRepresentative": "王某"}
                """.formatted(existing), token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(response.body())
                .contains("\"field\":\"name\"")
                .contains("enterprise.name.taken")
                .contains("\"field\":\"creditCode\"")
                .contains("enterprise.creditCode.invalid")
                .contains("\"field\":\"address\"")
                .contains("validation.required")
                .contains("统一社会信用代码不正确");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void consoleShowsEachProblemBesideItsFieldAndKeepsTheInput() {
        var web = new WebClient(port);
        web.login(new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county()), TestAccounts.PASSWORD);
        long before = count();

        var response = web.postForm(
                "/console/enterprises/new",
                "/console/enterprises",
                Map.of(
                        "name", "",
                        "creditCode", "914403001922038217",
                        "address", "临沭县测试路",
                        "legalRepresentative", "王某",
                        "safetyOfficerPhone", "12345"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("data-error-for=\"name\"")
                .contains("data-error-for=\"creditCode\"")
                .contains("data-error-for=\"safetyOfficerPhone\"")
                .doesNotContain("data-error-for=\"address\"")
                .contains("value=\"临沭县测试路\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void apiCreatesAValidEnterpriseAndAnswers201() {
        var web = new WebClient(port);
        String token = web.token(
                new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county()), TestAccounts.PASSWORD);
        var data = valid("接口新增");
        var response = web.postJson(
                "/api/v1/organization/enterprises",
                """
                {"name": "%s", "creditCode": "%s", "address": "临沭县接口路8号", "legalRepresentative": "李某",
                 "latitude": 34.93, "longitude": 118.66, "fleetSize": 12, "hasUnion": true}
                """.formatted(data.name(), data.creditCode().toLowerCase()),
                token);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains(data.creditCode()).contains("\"fleetSize\":12");
    }

    @Test
    void anEnterpriseAdministratorMayNotRegisterEnterprises() {
        long own = enterprises.create(valid("自有"));
        var web = new WebClient(port);
        String token = web.token(
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(own)),
                TestAccounts.PASSWORD);
        var data = valid("越权");
        var response =
                web.postJson("/api/v1/organization/enterprises", """
                {"name": "%s", "creditCode": "%s", "address": "临沭县", "legalRepresentative": "李某"}
                """.formatted(data.name(), data.creditCode()), token);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(enterprises
                        .list(
                                DataScope.county(),
                                new EnterpriseFilter(data.name(), null, null, null, null),
                                new org.redwheel.PageRequest(0, 5, "name", true))
                        .totalElements())
                .isZero();
    }

    private long count() {
        return jdbc.sql("select count(*) from organization_enterprise")
                .query(Long.class)
                .single();
    }

    static EnterpriseData valid(String prefix) {
        return org.redwheel.TestEnterprises.valid(prefix);
    }
}
