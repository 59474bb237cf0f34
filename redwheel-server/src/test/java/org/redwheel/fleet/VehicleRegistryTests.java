package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The vehicle registry, terminals and driver-vehicle assignments, within data scopes. */
@RedWheelTest
class VehicleRegistryTests {

    private static final DataScope COUNTY = DataScope.county();
    /** Plates 鲁QM0000… and terminals 1450…: apart from the demo's, the simulator's (A–K) and the other tests'. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 5000));

    @LocalServerPort
    int port;

    @Autowired
    Vehicles vehicles;

    @Autowired
    Terminals terminals;

    @Autowired
    Assignments assignments;

    @Autowired
    Drivers drivers;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    JdbcClient jdbc;

    long enterpriseA;
    long enterpriseB;

    @BeforeEach
    void enterprises() {
        enterpriseA = enterprises.create(TestEnterprises.valid("车辆甲"));
        enterpriseB = enterprises.create(TestEnterprises.valid("车辆乙"));
    }

    static String plate() {
        return "鲁QM" + String.format("%04d", SEQUENCE.incrementAndGet() % 10_000);
    }

    static VehicleData vehicle(String plate, Long enterpriseId) {
        return new VehicleData(
                plate,
                2,
                "重型厢式货车",
                18_000,
                new BigDecimal("9.6"),
                enterpriseId,
                "371300123456",
                LocalDate.now().plusMonths(8));
    }

    @Test
    void registersAVehicleWithItsDocumentsAndNamesEveryWrongField() {
        String plate = plate();
        long id = vehicles.create(COUNTY, vehicle(plate.replace("鲁Q", "鲁q·"), enterpriseA));
        VehicleDetails v = vehicles.get(COUNTY, id);
        assertThat(v.plate()).isEqualTo(plate);
        assertThat(v.lengthM()).isEqualByComparingTo("9.6");
        assertThat(v.lengthM().toPlainString()).isEqualTo("9.6");
        assertThat(v.totalMassKg()).isEqualTo(18_000);
        assertThat(v.enterpriseName()).contains("车辆甲");

        long count =
                jdbc.sql("select count(*) from fleet_vehicle").query(Long.class).single();
        var bad = new VehicleData(plate, 7, "x".repeat(31), 0, new BigDecimal("45"), 999_999L, "AB", null);
        assertThatThrownBy(() -> vehicles.create(COUNTY, bad))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field, Violation::messageKey)
                                .containsExactlyInAnyOrder(
                                        tuple("plate", "vehicle.plate.taken"),
                                        tuple("plateColor", "vehicle.plateColor.invalid"),
                                        tuple("vehicleType", "validation.tooLong"),
                                        tuple("totalMassKg", "vehicle.totalMass.range"),
                                        tuple("lengthM", "vehicle.length.range"),
                                        tuple("enterpriseId", "validation.unknownReference"),
                                        tuple("transportPermit", "vehicle.transportPermit.format")));
        assertThat(vehicles.check(COUNTY, vehicle("鲁Q1234", null), null))
                .extracting(Violation::messageKey)
                .containsExactly("vehicle.plate.format");
        assertThat(vehicles.check(COUNTY, vehicle("鲁QD12345", null), null))
                .as("a new-energy plate")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from fleet_vehicle")
                        .query(Long.class)
                        .single())
                .isEqualTo(count);
    }

    @Test
    void aTerminalIsRegisteredEditedAndDeactivatedAndTheGatewayFollows() {
        long vehicle = vehicles.create(COUNTY, vehicle(plate(), enterpriseA));
        String phone = "1450" + String.format("%07d", SEQUENCE.incrementAndGet());
        long id = terminals.create(
                COUNTY, new TerminalData("0" + phone, "ab12345", "YW-808G", "V2013", "89860012345678901234", vehicle));
        TerminalDetails t = terminals.get(COUNTY, id);
        assertThat(t.phone()).as("leading zero dropped").isEqualTo(phone);
        assertThat(t.deviceId()).isEqualTo("AB12345");
        assertThat(t.plate()).isEqualTo(vehicles.get(COUNTY, vehicle).plate());
        assertThat(fleet.terminalByPhone(phone)).map(Terminal::vehicleId).contains(vehicle);
        assertThat(vehicles.get(COUNTY, vehicle).terminalId()).isEqualTo(id);

        fleet.issueAuthCode(id, "V2013");
        String newPhone = "1450" + String.format("%07d", SEQUENCE.incrementAndGet());
        terminals.update(COUNTY, id, new TerminalData(newPhone, "AB12345", "YW-808G", "V2013", null, vehicle));
        assertThat(fleet.terminalByPhone(phone)).isEmpty();
        assertThat(fleet.terminalByPhone(newPhone)).isPresent();
        assertThat(jdbc.sql("select count(*) from fleet_terminal where id = :id and auth_code is null")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("a new number registers anew")
                .isEqualTo(1);

        assertThat(terminals.check(
                        COUNTY, new TerminalData("12345678901234", "TOOLONGID", null, "V2013", "12", vehicle), null))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactlyInAnyOrder(
                        tuple("phone", "terminal.phone.tooLong"),
                        tuple("deviceId", "terminal.deviceId.format"),
                        tuple("sim", "terminal.sim.format"),
                        tuple("vehicleId", "terminal.vehicle.hasTerminal"));
        assertThat(terminals.check(
                        COUNTY, new TerminalData("12345678901234", "TOOLONGID", null, "V2019", null, null), null))
                .as("2019 terminals have longer numbers and ids")
                .isEmpty();

        terminals.setActive(COUNTY, id, false);
        assertThat(fleet.terminalByPhone(newPhone)).as("the gateway refuses it").isEmpty();
        assertThat(vehicles.get(COUNTY, vehicle).terminalId())
                .as("taken off the vehicle")
                .isNull();
        long replacement = terminals.create(
                COUNTY,
                new TerminalData(
                        "1450" + String.format("%07d", SEQUENCE.incrementAndGet()),
                        null,
                        null,
                        "V2019",
                        null,
                        vehicle));
        assertThat(vehicles.get(COUNTY, vehicle).terminalId()).isEqualTo(replacement);
    }

    @Test
    void aVehicleHasOneCurrentPrimaryDriverAndKeepsItsHistory() {
        long vehicle = vehicles.create(COUNTY, vehicle(plate(), enterpriseA));
        long first = drivers.create(COUNTY, TestDrivers.valid("主驾甲", enterpriseA, null));
        long second = drivers.create(COUNTY, TestDrivers.valid("主驾乙", enterpriseA, null));
        long coDriver = drivers.create(COUNTY, TestDrivers.valid("副驾", enterpriseA, null));
        LocalDate start = LocalDate.now().minusMonths(6);
        LocalDate handover = LocalDate.now().minusDays(10);

        long a1 = assignments.assign(COUNTY, first, vehicle, true, start);
        assignments.assign(COUNTY, coDriver, vehicle, false, start);
        assertThatThrownBy(() -> assignments.assign(COUNTY, first, vehicle, true, start))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::messageKey)
                                .containsExactly("assignment.exists"));
        assertThatThrownBy(() -> assignments.assign(COUNTY, second, vehicle, true, start.minusDays(1)))
                .isInstanceOf(InvalidInputException.class);

        assignments.assign(COUNTY, second, vehicle, true, handover);

        assertThat(assignments.currentPrimary(vehicle))
                .map(Assignments.Assignment::driverId)
                .contains(second);
        assertThat(vehicles.get(COUNTY, vehicle).primaryDriverId()).isEqualTo(second);
        assertThat(assignments.ofVehicle(COUNTY, vehicle))
                .extracting(
                        Assignments.Assignment::driverId,
                        Assignments.Assignment::primary,
                        Assignments.Assignment::startsOn,
                        Assignments.Assignment::endsOn)
                .containsExactly(
                        tuple(second, true, handover, null),
                        tuple(coDriver, false, start, null),
                        tuple(first, true, start, handover.minusDays(1)));
        assertThat(assignments.get(COUNTY, a1).open()).isFalse();

        drivers.setActive(COUNTY, coDriver, false);
        assertThat(assignments.ofDriver(COUNTY, coDriver))
                .singleElement()
                .satisfies(a -> assertThat(a.open()).isFalse());
        vehicles.setActive(COUNTY, vehicle, false);
        assertThat(assignments.ofVehicle(COUNTY, vehicle)).noneMatch(Assignments.Assignment::open);
        assertThat(vehicles.get(COUNTY, vehicle).primaryDriverId()).isNull();
    }

    @Test
    void anEnterpriseUserWorksOnlyWithHisOwnVehiclesThroughTheApi() {
        long own = vehicles.create(COUNTY, vehicle(plate(), enterpriseA));
        long others = vehicles.create(COUNTY, vehicle(plate(), enterpriseB));
        long othersDriver = drivers.create(COUNTY, TestDrivers.valid("乙司机", enterpriseB, null));
        long ownDriver = drivers.create(COUNTY, TestDrivers.valid("甲司机", enterpriseA, null));
        String username =
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterpriseA));
        var web = new WebClient(port);
        String token = web.token(username, TestAccounts.PASSWORD);

        assertThat(web.get("/api/v1/fleet/vehicles/" + others, token).statusCode())
                .isEqualTo(404);
        assertThat(web.get("/api/v1/fleet/vehicles/" + own, token).statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<Integer>>read(
                        web.get("/api/v1/fleet/vehicles?size=200", token).body(), "$.content[*].enterpriseId"))
                .containsOnly((int) enterpriseA);

        var created = web.postJson("/api/v1/fleet/vehicles", """
                {"plate": "%s", "plateColor": 2, "vehicleType": "重型半挂牵引车", "totalMassKg": 25000, "lengthM": 13}
                """.formatted(plate()), token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JsonPath.<Integer>read(created.body(), "$.enterpriseId")).isEqualTo((int) enterpriseA);
        assertThat(JsonPath.<Object>read(created.body(), "$.lengthM").toString())
                .isEqualTo("13");

        var terminalOnOthers = web.postJson(
                "/api/v1/fleet/terminals",
                "{\"phone\": \"1450%07d\", \"protocolVersion\": \"V2013\", \"vehicleId\": %d}"
                        .formatted(SEQUENCE.incrementAndGet(), others),
                token);
        assertThat(terminalOnOthers.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(terminalOnOthers.body(), "$.errors[*].field"))
                .containsExactly("vehicleId");

        var assignOthers = web.postJson(
                "/api/v1/fleet/assignments",
                "{\"driverId\": %d, \"vehicleId\": %d, \"primary\": true}".formatted(othersDriver, own),
                token);
        assertThat(assignOthers.statusCode()).as("another enterprise's driver").isEqualTo(404);
        var assigned = web.postJson(
                "/api/v1/fleet/assignments",
                "{\"driverId\": %d, \"vehicleId\": %d, \"primary\": true}".formatted(ownDriver, own),
                token);
        assertThat(assigned.statusCode()).isEqualTo(201);
        int assignmentId = JsonPath.read(assigned.body(), "$.id");
        var ended = web.postJson("/api/v1/fleet/assignments/" + assignmentId + "/end", "{}", token);
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(ended.body(), "$.endsOn"))
                .isEqualTo(LocalDate.now().toString());

        assertThatThrownBy(() -> vehicles.get(DataScope.enterprise(enterpriseA), others))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void theConsoleAssignsADriverAndShowsTheVehicle() {
        long vehicle = vehicles.create(COUNTY, vehicle(plate(), enterpriseA));
        DriverData data = TestDrivers.valid("控制台", enterpriseA, null);
        long driver = drivers.create(COUNTY, data);
        String username =
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterpriseA));
        var web = new WebClient(port);
        web.login(username, TestAccounts.PASSWORD);

        var assigned = web.postForm(
                "/console/fleet/vehicles/" + vehicle,
                "/console/fleet/vehicles/" + vehicle + "/assignments",
                Map.of(
                        "driverId",
                        String.valueOf(driver),
                        "primary",
                        "true",
                        "startsOn",
                        LocalDate.now().toString()));
        assertThat(assigned.statusCode()).isEqualTo(302);
        var page = web.get("/console/fleet/vehicles/" + vehicle);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(data.name())
                .contains("主驾")
                .contains(LocalDate.now() + " – 至今")
                .contains("9.6 m")
                .contains("18,000 kg");
        assertThat(web.get("/console/fleet/vehicles").body())
                .contains(vehicles.get(COUNTY, vehicle).plate());
        assertThat(web.get("/console/fleet/terminals").statusCode()).isEqualTo(200);
        assertThat(web.get("/console/fleet/survey").body()).contains("data-testid=\"survey-total\"");
    }
}
