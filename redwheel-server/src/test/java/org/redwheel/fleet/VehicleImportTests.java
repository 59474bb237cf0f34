package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redwheel.fleet.FleetWorkbooks.awaitFinished;
import static org.redwheel.fleet.FleetWorkbooks.jobId;
import static org.redwheel.fleet.FleetWorkbooks.state;
import static org.redwheel.fleet.FleetWorkbooks.vehicleRow;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing vehicles with their JT/T 808 terminals and primary drivers from Excel over real HTTP:
 * the vehicles, terminals and assignments appear together (and the gateway then knows the
 * terminals), or nothing does.
 */
@RedWheelTest
class VehicleImportTests {

    private static final DataScope COUNTY = DataScope.county();

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    Drivers drivers;

    @Autowired
    Vehicles vehicles;

    @Autowired
    Terminals terminals;

    @Autowired
    Assignments assignments;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    JdbcClient jdbc;

    WebClient web;
    Enterprise enterprise;

    @BeforeEach
    void signIn() {
        web = new WebClient(port);
        web.login(new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY), TestAccounts.PASSWORD);
        enterprise = enterprises.get(COUNTY, enterprises.create(TestEnterprises.valid("车辆导入")));
    }

    @Test
    void vehiclesWithTheirTerminalsAndPrimaryDriversImportTogether() {
        String firstDriver = registerDriver(enterprise.id());
        String secondDriver = registerDriver(null);
        List<List<String>> rows = new ArrayList<>();
        rows.add(vehicleRow(enterprise.name(), firstDriver));
        rows.add(vehicleRow(enterprise.creditCode(), null));
        rows.add(vehicleRow(null, secondDriver));
        String firstTerminal = rows.get(0).get(FleetWorkbooks.TERMINAL_PHONE);
        rows.get(0).set(FleetWorkbooks.TERMINAL_PHONE, "0" + firstTerminal); // as some devices print it
        String secondPlate = rows.get(1).get(FleetWorkbooks.PLATE);
        rows.get(1).set(FleetWorkbooks.PLATE, secondPlate.replace("鲁Q", "鲁q·")); // as people copy it
        rows.get(1).set(FleetWorkbooks.PROTOCOL, "2019");
        for (int c = FleetWorkbooks.TERMINAL_PHONE; c < FleetWorkbooks.PRIMARY_DRIVER; c++) {
            rows.get(2).set(c, ""); // the third vehicle has no terminal yet
        }

        var response = FleetWorkbooks.upload(web, "vehicles", "车辆名单.xlsx", FleetWorkbooks.vehicles(rows));
        assertThat(response.statusCode()).isEqualTo(200);
        String job = jobId(response.body());
        String summary = awaitFinished(web, job);

        assertThat(state(summary)).isEqualTo("DONE");
        assertThat(summary).contains("导入成功：文件中的 3 行已全部导入，新增 3 条记录。");
        VehicleDetails first = vehicles.findByPlate(COUNTY, rows.get(0).get(FleetWorkbooks.PLATE))
                .orElseThrow();
        assertThat(first.enterpriseId()).isEqualTo(enterprise.id());
        assertThat(first.plateColor()).isEqualTo(2);
        assertThat(first.vehicleType()).isEqualTo("重型厢式货车");
        assertThat(first.totalMassKg()).isEqualTo(18_000);
        assertThat(first.lengthM()).isEqualByComparingTo(new BigDecimal("9.6"));
        assertThat(first.transportPermit()).isEqualTo("371329123456");
        assertThat(first.inspectionExpiry()).isEqualTo(LocalDate.now().plusMonths(8));
        assertThat(first.terminalPhone())
                .as("without the leading zero, as frames carry it")
                .isEqualTo(firstTerminal);
        assertThat(first.primaryDriverId())
                .isEqualTo(drivers.findByIdNumber(COUNTY, firstDriver)
                        .orElseThrow()
                        .id());
        TerminalDetails terminal = terminals.get(COUNTY, first.terminalId());
        assertThat(terminal.deviceId()).isEqualTo(rows.get(0).get(FleetWorkbooks.DEVICE_ID));
        assertThat(terminal.model()).isEqualTo("RW-T1");
        assertThat(terminal.protocolVersion()).isEqualTo("V2013");
        assertThat(terminal.sim()).isEqualTo("89860012345678901234");
        assertThat(fleet.terminalByPhone(firstTerminal))
                .as("the gateway accepts the imported terminal")
                .hasValueSatisfying(t -> assertThat(t.plate()).isEqualTo(first.plate()));
        var primary = assignments.currentPrimary(first.id()).orElseThrow();
        assertThat(primary.startsOn()).isEqualTo(LocalDate.now());

        VehicleDetails second = vehicles.findByPlate(COUNTY, secondPlate).orElseThrow();
        assertThat(second.enterpriseId()).as("by credit code").isEqualTo(enterprise.id());
        assertThat(terminals.get(COUNTY, second.terminalId()).protocolVersion()).isEqualTo("V2019");
        assertThat(second.primaryDriverId()).isNull();

        VehicleDetails third = vehicles.findByPlate(COUNTY, rows.get(2).get(FleetWorkbooks.PLATE))
                .orElseThrow();
        assertThat(third.enterpriseId()).as("an independent owner's").isNull();
        assertThat(third.terminalId()).isNull();
        assertThat(third.primaryDriverId())
                .isEqualTo(drivers.findByIdNumber(COUNTY, secondDriver)
                        .orElseThrow()
                        .id());

        var audit = jdbc.sql("select result, detail from identity_audit_event where target_id = :job"
                        + " and action = 'IMPORT vehicle'")
                .param("job", job)
                .query()
                .listOfRows();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("result", "SUCCESS");
        assertThat(audit.get(0)).containsEntry("detail", "file=车辆名单.xlsx rows=3 imported=3");
    }

    @Test
    void aVehicleFileWithBadRowsImportsNothingAndNamesEachProblem() throws Exception {
        String registeredPlate = FleetWorkbooks.plate();
        long registered = vehicles.create(
                COUNTY, new VehicleData(registeredPlate, 2, null, null, null, enterprise.id(), null, null));
        String registeredDevice = FleetWorkbooks.deviceId();
        terminals.create(
                COUNTY,
                new TerminalData(FleetWorkbooks.terminalPhone(), registeredDevice, null, "V2013", null, registered));
        String deactivated = registerDriver(enterprise.id());
        drivers.setActive(
                COUNTY,
                drivers.findByIdNumber(COUNTY, deactivated).orElseThrow().id(),
                false);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(vehicleRow(enterprise.name(), null));
        }
        rows.get(1).set(FleetWorkbooks.PLATE, registeredPlate); // row 3: a registered plate
        rows.get(2).set(FleetWorkbooks.PRIMARY_DRIVER, FleetWorkbooks.idNumber()); // row 4: nobody has it
        rows.get(3)
                .set(
                        FleetWorkbooks.TERMINAL_PHONE,
                        "0" + rows.get(0).get(FleetWorkbooks.TERMINAL_PHONE)); // row 5: row 2's terminal
        rows.get(4).set(FleetWorkbooks.DEVICE_ID, registeredDevice); // row 6: a registered device id
        rows.get(5).set(FleetWorkbooks.TERMINAL_PHONE, ""); // row 7: terminal without its number
        rows.get(6).set(FleetWorkbooks.PRIMARY_DRIVER, deactivated); // row 8
        long vehiclesBefore = count("fleet_vehicle");
        long terminalsBefore = count("fleet_terminal");

        String job = jobId(FleetWorkbooks.upload(web, "vehicles", "有错.xlsx", FleetWorkbooks.vehicles(rows))
                .body());
        String summary = awaitFinished(web, job);

        assertThat(state(summary)).isEqualTo("REJECTED");
        assertThat(count("fleet_vehicle")).isEqualTo(vehiclesBefore);
        assertThat(count("fleet_terminal")).isEqualTo(terminalsBefore);
        Map<Integer, String> errors =
                FleetWorkbooks.errors(web.getBytes("/console/imports/" + job + "/annotated.xlsx"), "车辆与终端");
        String unknown = IdNumbers.mask(rows.get(2).get(FleetWorkbooks.PRIMARY_DRIVER));
        assertThat(errors)
                .containsExactly(
                        Map.entry(3, "车牌号：该车牌已登记。"),
                        Map.entry(4, "主驾身份证号：没有身份证号为 " + unknown + " 的在册司机（或不在您的管理范围内），请先登记或导入该司机。"),
                        Map.entry(5, "终端手机号：与第 2 行重复。"),
                        Map.entry(6, "终端ID：该终端ID已登记。"),
                        Map.entry(7, "终端手机号：填写了终端信息时须填写终端手机号。"),
                        Map.entry(8, "主驾身份证号：身份证号为 " + IdNumbers.mask(deactivated) + " 的司机已停用，不能绑定为主驾。"));
        assertThat(summary)
                .as("ID numbers never appear in full in the summary")
                .doesNotContain(rows.get(2).get(FleetWorkbooks.PRIMARY_DRIVER))
                .doesNotContain(deactivated);
    }

    @Test
    void anEnterpriseAdministratorCannotImportAnotherEnterprisesVehicle() {
        Enterprise other = enterprises.get(COUNTY, enterprises.create(TestEnterprises.valid("别家车")));
        var admin = new WebClient(port);
        admin.login(
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterprise.id())),
                TestAccounts.PASSWORD);
        List<List<String>> rows = List.of(vehicleRow(null, null), vehicleRow(other.creditCode(), null));
        long before = count("fleet_vehicle");

        String summary = awaitFinished(
                admin,
                jobId(FleetWorkbooks.upload(admin, "vehicles", "别家.xlsx", FleetWorkbooks.vehicles(rows))
                        .body()));

        assertThat(state(summary)).isEqualTo("REJECTED");
        assertThat(summary).contains("企业管理员只能导入本企业（" + enterprise.name() + "）的记录，“" + other.creditCode() + "”不是本企业。");
        assertThat(count("fleet_vehicle")).isEqualTo(before);
    }

    @Test
    void theTemplateOffersColoursLengthsAndProtocolVersions() throws Exception {
        byte[] template = web.getBytes("/console/fleet/vehicles/template.xlsx");

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            List<String> headers = new ArrayList<>();
            workbook.getSheet("车辆与终端").getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(FleetWorkbooks.VEHICLE_HEADERS);
            List<String> options = new ArrayList<>();
            workbook.getSheet("选项").forEach(r -> r.forEach(c -> options.add(c.getStringCellValue())));
            assertThat(options).contains("黄色", "绿色", "9.6", "17.5", "2013", "2019", "重型半挂牵引车", enterprise.name());
            assertThat(workbook.getSheet("填写说明")).isNotNull();
        }
    }

    /** A registered driver's ID number. */
    private String registerDriver(Long enterpriseId) {
        String idNumber = FleetWorkbooks.idNumber();
        drivers.create(
                COUNTY,
                new DriverData(
                        FleetWorkbooks.name("主驾"),
                        FleetWorkbooks.phone(),
                        idNumber,
                        LicenceClass.A2,
                        null,
                        null,
                        null,
                        enterpriseId,
                        null,
                        null,
                        PartyStatus.NONE,
                        null,
                        null,
                        false,
                        null,
                        null));
        return idNumber;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
