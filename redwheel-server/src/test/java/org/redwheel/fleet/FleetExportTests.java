package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/**
 * The driver and vehicle lists exported as filtered and sorted on screen: ID numbers masked unless
 * a user allowed to see them asks for them in full, within the exporter's scope, and every export
 * audited with its filter, row count and whether it was unmasked.
 */
@RedWheelTest
class FleetExportTests {

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
    JdbcClient jdbc;

    long own;
    long other;
    String prefix;

    @BeforeEach
    void enterprises() {
        own = enterprises.create(TestEnterprises.valid("导出本企"));
        other = enterprises.create(TestEnterprises.valid("导出别企"));
        prefix = FleetWorkbooks.name("导出");
    }

    @Test
    void anEnterpriseOfficerExportsHisDriversMaskedAndAPermittedRoleInFullWhenAskingAllAudited() throws Exception {
        DriverData a = driver(prefix + "A", own);
        DriverData b = driver(prefix + "B", own);
        DriverData c = driver(prefix + "C", own);
        DriverData d = driver(prefix + "D", other);
        String officer = new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(own));
        var web = new WebClient(port);
        web.login(officer, TestAccounts.PASSWORD);
        String query =
                "?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8) + "&active=true&sort=name&direction=desc";

        assertThat(web.get("/console/fleet/drivers" + query).body())
                .as("the list offers the export of what it shows")
                .containsPattern("/console/fleet/drivers/export.xlsx\\?q=[^\"]*&amp;sort=name&amp;direction=desc\"")
                .doesNotContain("data-testid=\"driver-export-full\"");
        List<List<String>> rows =
                FleetWorkbooks.read(web.getBytes("/console/fleet/drivers/export.xlsx" + query), "货运司机");

        List<String> header = rows.get(0);
        assertThat(header).startsWith("姓名", "手机号", "身份证号").endsWith("状态");
        int id = header.indexOf("身份证号");
        assertThat(rows.subList(1, rows.size()))
                .as("his own enterprise's drivers only, in the order on screen")
                .extracting(r -> r.get(0))
                .containsExactly(c.name(), b.name(), a.name());
        assertThat(rows.subList(1, rows.size()))
                .extracting(r -> r.get(id))
                .containsExactly(
                        IdNumbers.mask(c.idNumber()), IdNumbers.mask(b.idNumber()), IdNumbers.mask(a.idNumber()));
        assertThat(rows.get(1).get(header.indexOf("从业资格证号"))).isEqualTo(IdNumbers.mask(c.idNumber()));
        assertThat(rows.get(1).get(header.indexOf("手机号")))
                .as("the enterprise registers and calls its drivers")
                .isEqualTo(c.phone());
        assertThat(rows.get(1).get(header.indexOf("政治面貌"))).isEqualTo("预备党员");
        assertThat(rows.get(1).get(header.indexOf("状态"))).isEqualTo("在册");
        assertThat(web.get("/console/fleet/drivers/export.xlsx" + query + "&idNumbers=full")
                        .statusCode())
                .as("an enterprise officer may not have the numbers in full")
                .isEqualTo(403);
        assertThat(exportAudits(officer))
                .singleElement()
                .satisfies(detail -> assertThat(detail)
                        .contains("q=" + prefix)
                        .contains("active=true")
                        .contains("sort=name desc")
                        .contains("rows=3")
                        .contains("ID numbers masked"));

        String countyAdmin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY);
        var county = new WebClient(port);
        county.login(countyAdmin, TestAccounts.PASSWORD);
        assertThat(county.get("/console/fleet/drivers" + query).body()).contains("data-testid=\"driver-export-full\"");
        List<List<String>> masked =
                FleetWorkbooks.read(county.getBytes("/console/fleet/drivers/export.xlsx" + query), "货运司机");
        assertThat(masked.subList(1, masked.size()))
                .as("the county sees every enterprise's drivers, masked unless asking")
                .extracting(r -> r.get(id))
                .containsExactly(
                        IdNumbers.mask(d.idNumber()),
                        IdNumbers.mask(c.idNumber()),
                        IdNumbers.mask(b.idNumber()),
                        IdNumbers.mask(a.idNumber()));
        List<List<String>> full = FleetWorkbooks.read(
                county.getBytes("/console/fleet/drivers/export.xlsx" + query + "&idNumbers=full"), "货运司机");
        assertThat(full.subList(1, full.size()))
                .extracting(r -> r.get(id))
                .containsExactly(d.idNumber(), c.idNumber(), b.idNumber(), a.idNumber());
        List<String> audits = exportAudits(countyAdmin);
        assertThat(audits).hasSize(2);
        assertThat(audits.get(0)).contains("rows=4; ID numbers masked");
        assertThat(audits.get(1)).contains("rows=4; ID numbers in full (unmasked)");
    }

    @Test
    void aSearchForAWholeIdNumberIsAuditedMasked() throws Exception {
        DriverData a = driver(prefix + "查", own);
        String countyAdmin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY);
        var county = new WebClient(port);
        county.login(countyAdmin, TestAccounts.PASSWORD);

        List<List<String>> rows =
                FleetWorkbooks.read(county.getBytes("/console/fleet/drivers/export.xlsx?q=" + a.idNumber()), "货运司机");

        assertThat(rows).hasSize(2);
        assertThat(exportAudits(countyAdmin))
                .singleElement()
                .satisfies(detail -> assertThat(detail)
                        .contains("q=" + IdNumbers.mask(a.idNumber()))
                        .doesNotContain(a.idNumber()));
    }

    @Test
    void theVehicleExportHoldsTheFilteredVehiclesWithTerminalsAndPrimaryDriversMasked() throws Exception {
        DriverData primary = driver(prefix + "驾", own);
        String plateA = FleetWorkbooks.plate();
        String plateB = FleetWorkbooks.plate();
        long a = vehicles.create(
                COUNTY,
                new VehicleData(
                        plateA,
                        2,
                        "重型厢式货车",
                        18_000,
                        new BigDecimal("9.6"),
                        own,
                        "371329654321",
                        LocalDate.now().plusMonths(3)));
        vehicles.create(COUNTY, new VehicleData(plateB, 5, null, null, null, own, null, null));
        vehicles.create(COUNTY, new VehicleData(FleetWorkbooks.plate(), 2, null, null, null, other, null, null));
        String terminalPhone = FleetWorkbooks.terminalPhone();
        String device = FleetWorkbooks.deviceId();
        terminals.create(COUNTY, new TerminalData(terminalPhone, device, "RW-T1", "V2019", "89860012345678901234", a));
        assignments.assign(
                COUNTY,
                drivers.findByIdNumber(COUNTY, primary.idNumber()).orElseThrow().id(),
                a,
                true,
                null);
        String operator = new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(own));
        var web = new WebClient(port);
        web.login(operator, TestAccounts.PASSWORD);

        assertThat(web.get("/console/fleet/vehicles").body()).contains("data-testid=\"vehicle-export\"");
        List<List<String>> rows = FleetWorkbooks.read(
                web.getBytes("/console/fleet/vehicles/export.xlsx?q=" + URLEncoder.encode("鲁QU", StandardCharsets.UTF_8)
                        + "&sort=plate&direction=asc"),
                "车辆与终端");

        List<String> header = rows.get(0);
        assertThat(header)
                .startsWith("车牌号", "车牌颜色", "车辆类型")
                .contains("终端手机号", "终端ID", "协议版本", "主驾身份证号", "主驾姓名")
                .endsWith("状态");
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(data).extracting(r -> r.get(0)).containsExactlyInAnyOrder(plateA, plateB);
        List<String> first =
                data.stream().filter(r -> r.get(0).equals(plateA)).findFirst().orElseThrow();
        assertThat(first.get(header.indexOf("车牌颜色"))).isEqualTo("黄色");
        assertThat(first.get(header.indexOf("总质量（千克）"))).isEqualTo("18000");
        assertThat(first.get(header.indexOf("车长（米）"))).isEqualTo("9.6");
        assertThat(first.get(header.indexOf("终端手机号"))).isEqualTo(terminalPhone);
        assertThat(first.get(header.indexOf("终端ID"))).isEqualTo(device);
        assertThat(first.get(header.indexOf("协议版本"))).isEqualTo("2019");
        assertThat(first.get(header.indexOf("主驾身份证号"))).isEqualTo(IdNumbers.mask(primary.idNumber()));
        assertThat(first.get(header.indexOf("主驾姓名"))).isEqualTo(primary.name());
        List<String> second =
                data.stream().filter(r -> r.get(0).equals(plateB)).findFirst().orElseThrow();
        assertThat(second.get(header.indexOf("车牌颜色"))).isEqualTo("绿色");
        assertThat(second.get(header.indexOf("终端手机号"))).isEmpty();
        assertThat(exportAudits(operator, "EXPORT vehicles"))
                .singleElement()
                .satisfies(detail -> assertThat(detail)
                        .contains("q=鲁QU")
                        .contains("sort=plate asc")
                        .contains("rows=" + data.size())
                        .contains("ID numbers masked"));
    }

    private DriverData driver(String name, long enterpriseId) {
        String idNumber = FleetWorkbooks.idNumber();
        var data = new DriverData(
                name,
                FleetWorkbooks.phone(),
                idNumber,
                LicenceClass.B2,
                null,
                idNumber,
                LocalDate.now().plusYears(2),
                enterpriseId,
                null,
                null,
                PartyStatus.PROBATIONARY_MEMBER,
                null,
                null,
                false,
                null,
                null);
        drivers.create(COUNTY, data);
        return data;
    }

    private List<String> exportAudits(String actor) {
        return exportAudits(actor, "EXPORT drivers");
    }

    private List<String> exportAudits(String actor, String action) {
        return jdbc.sql("select detail from identity_audit_event where actor = :actor and action = :action order by id")
                .param("actor", actor)
                .param("action", action)
                .query(String.class)
                .list();
    }
}
