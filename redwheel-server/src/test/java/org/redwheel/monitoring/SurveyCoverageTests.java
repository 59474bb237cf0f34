package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.fleet.Assignments;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.PartyStatus;
import org.redwheel.fleet.Survey;
import org.redwheel.fleet.TerminalData;
import org.redwheel.fleet.Terminals;
import org.redwheel.fleet.TestDrivers;
import org.redwheel.fleet.VehicleData;
import org.redwheel.fleet.Vehicles;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The survey's coverage: drivers and Party members per enterprise and village, and vehicles whose
 * terminal is online as the gateway sees it (a real terminal over TCP).
 */
@RedWheelTest
class SurveyCoverageTests {

    private static final DataScope COUNTY = DataScope.county();

    @LocalServerPort
    int port;

    @Autowired
    Survey survey;

    @Autowired
    Drivers drivers;

    @Autowired
    Vehicles vehicles;

    @Autowired
    Terminals terminals;

    @Autowired
    Assignments assignments;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    Townships townships;

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    StaffAccounts staffAccounts;

    @Test
    void countsDriversMembersAndVehiclesOnlinePerEnterpriseAndVillage() throws Exception {
        long enterprise = enterprises.create(TestEnterprises.valid("摸排"));
        Village village = townships.villages(null, false).get(1);
        long member = drivers.create(
                COUNTY,
                TestDrivers.with(TestDrivers.valid("党员", enterprise, village.id()), null, PartyStatus.FULL_MEMBER));
        drivers.create(
                COUNTY,
                TestDrivers.with(
                        TestDrivers.valid("预备", enterprise, village.id()), null, PartyStatus.PROBATIONARY_MEMBER));
        drivers.create(COUNTY, TestDrivers.with(TestDrivers.valid("积极", enterprise, null), null, PartyStatus.ACTIVIST));
        long n = System.nanoTime() % 10_000;
        long online = vehicles.create(COUNTY, vehicle("鲁QS" + String.format("%04d", n), enterprise));
        vehicles.create(COUNTY, vehicle("鲁QS" + String.format("%04d", (n + 1) % 10_000), enterprise));
        String phone = "1460" + String.format("%07d", n);
        terminals.create(COUNTY, new TerminalData(phone, "S" + n, "RW-T1", "V2013", null, online));
        assignments.assign(COUNTY, member, online, true, null);

        Survey.Row before = row(survey.coverage(COUNTY).byEnterprise(), enterprise);
        assertThat(before.drivers()).isEqualTo(3);
        assertThat(before.partyMembers()).as("full and probationary members").isEqualTo(2);
        assertThat(before.withHelper())
                .as("the care module answers: nobody paired with a helper yet")
                .isZero();
        assertThat(before.vehicles()).isEqualTo(2);
        assertThat(before.vehiclesOnline()).isZero();

        try (var terminal = new TestTerminal(gateway.port(), phone, ProtocolVersion.V2013)) {
            assertThat(terminal.signIn("S" + n)).isPresent();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> row(survey.coverage(COUNTY).byEnterprise(), enterprise)
                                    .vehiclesOnline()
                            == 1);
            Survey.Coverage coverage = survey.coverage(DataScope.enterprise(enterprise));
            assertThat(coverage.byEnterprise()).extracting(Survey.Row::id).containsExactly(enterprise);
            Survey.Row inVillage = row(coverage.byVillage(), village.id());
            assertThat(inVillage.drivers()).isEqualTo(2);
            assertThat(inVillage.partyMembers()).isEqualTo(2);
            assertThat(inVillage.vehiclesOnline())
                    .as("the online vehicle's primary driver lives here")
                    .isEqualTo(1);
            assertThat(coverage.total().drivers()).isEqualTo(3);

            String officer =
                    new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterprise));
            var web = new WebClient(port);
            String json = web.get("/api/v1/fleet/survey", web.token(officer, TestAccounts.PASSWORD))
                    .body();
            assertThat(JsonPath.<Integer>read(json, "$.total.drivers")).isEqualTo(3);
            assertThat(JsonPath.<Integer>read(json, "$.total.vehiclesOnline")).isEqualTo(1);
            assertThat(JsonPath.<Integer>read(json, "$.total.withHelper")).isZero();
            web.login(officer, TestAccounts.PASSWORD);
            assertThat(web.get("/console/fleet/survey").body())
                    .contains("data-testid=\"survey-drivers\">3<")
                    .contains("data-testid=\"survey-online\">1 / 2<")
                    .contains("data-testid=\"survey-helpers\">0<");
        }
    }

    @Test
    void theCountySeesEveryDemoEnterpriseAndVillageEvenWithoutDrivers() {
        Survey.Coverage coverage = survey.coverage(COUNTY);
        assertThat(coverage.byEnterprise().size()).isGreaterThanOrEqualTo(31 + 1);
        assertThat(coverage.byEnterprise())
                .as("the independent drivers' row")
                .anySatisfy(r -> assertThat(r.id()).isNull());
        assertThat(coverage.byVillage().stream().filter(r -> r.id() != null).count())
                .isEqualTo(townships.villages(null, false).size());
        assertThat(coverage.total().drivers()).isGreaterThanOrEqualTo(300);
        assertThat(coverage.total().partyMembers()).isPositive();
    }

    private static Survey.Row row(List<Survey.Row> rows, long id) {
        return rows.stream()
                .filter(r -> r.id() != null && r.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private static VehicleData vehicle(String plate, long enterprise) {
        return new VehicleData(plate, 2, "重型厢式货车", 18_000, new BigDecimal("9.6"), enterprise, null, null);
    }
}
