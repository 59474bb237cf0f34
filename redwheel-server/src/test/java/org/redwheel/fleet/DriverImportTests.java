package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redwheel.fleet.FleetWorkbooks.awaitFinished;
import static org.redwheel.fleet.FleetWorkbooks.driverRow;
import static org.redwheel.fleet.FleetWorkbooks.jobId;
import static org.redwheel.fleet.FleetWorkbooks.state;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.FieldEncryptor;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.Township;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing drivers from Excel over real HTTP, as the console's page does it: files made with POI,
 * uploaded, the background import polled to its end, then the database (ID numbers only as
 * ciphertext), the audit log and the annotated file read back.
 */
@RedWheelTest
class DriverImportTests {

    private static final DataScope COUNTY = DataScope.county();

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    Townships townships;

    @Autowired
    Drivers drivers;

    @Autowired
    FieldEncryptor encryptor;

    @Autowired
    JdbcClient jdbc;

    WebClient web;
    Enterprise enterprise;

    @BeforeEach
    void signIn() {
        web = new WebClient(port);
        web.login(new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY), TestAccounts.PASSWORD);
        enterprise = enterprises.get(COUNTY, enterprises.create(TestEnterprises.valid("司机导入")));
    }

    @Test
    void aGoodFileImportsEveryRowWithTheIdNumbersStoredOnlyEncrypted() {
        Village village = townships.villages(null, false).get(3);
        Village uniquelyNamed = uniquelyNamedVillage();
        List<List<String>> rows = new ArrayList<>();
        rows.add(driverRow("导入甲", enterprise.name(), village.townshipName(), village.name()));
        rows.add(driverRow("导入乙", enterprise.creditCode().toLowerCase(), null, null));
        rows.add(driverRow("导入丙", null, null, uniquelyNamed.name()));
        rows.add(driverRow("导入丁", null, null, null));
        rows.add(driverRow("导入戊", enterprise.name(), village.townshipName(), null));
        rows.get(0).set(FleetWorkbooks.PARTY_STATUS, "正式党员");
        rows.get(1).set(FleetWorkbooks.PARTY_STATUS, "入党积极分子");
        rows.get(2)
                .set(
                        FleetWorkbooks.ID_NUMBER,
                        rows.get(2).get(FleetWorkbooks.ID_NUMBER).toLowerCase());
        rows.get(3).set(13, ""); // no consent
        rows.get(4).set(14, "2022-06");

        var response = FleetWorkbooks.upload(web, "drivers", "司机名单.xlsx", FleetWorkbooks.drivers(rows));
        assertThat(response.statusCode()).isEqualTo(200);
        String job = jobId(response.body());
        String summary = awaitFinished(web, job);

        assertThat(state(summary)).isEqualTo("DONE");
        assertThat(summary).contains("导入成功：文件中的 5 行已全部导入，新增 5 条记录。");
        Map<String, Driver> imported = drivers.findByIdNumbers(
                COUNTY, rows.stream().map(r -> r.get(FleetWorkbooks.ID_NUMBER)).toList());
        assertThat(imported).hasSize(5);
        Driver first = imported.get(rows.get(0).get(FleetWorkbooks.ID_NUMBER));
        assertThat(first.name()).isEqualTo(rows.get(0).get(0));
        assertThat(first.phone()).isEqualTo(rows.get(0).get(FleetWorkbooks.PHONE));
        assertThat(first.enterpriseId()).isEqualTo(enterprise.id());
        assertThat(first.villageId()).isEqualTo(village.id());
        assertThat(first.townshipId()).isEqualTo(village.townshipId());
        assertThat(first.partyStatus()).isEqualTo(PartyStatus.FULL_MEMBER);
        assertThat(first.licenceClass()).isEqualTo(LicenceClass.A2);
        assertThat(first.licenceExpiry()).isEqualTo(LocalDate.of(2030, 6, 30));
        assertThat(first.qualificationExpiry()).isEqualTo(LocalDate.of(2029, 12, 31));
        assertThat(first.consentDate()).isEqualTo(LocalDate.now().minusDays(10));
        assertThat(first.consentVersion())
                .as("the current version when left blank")
                .isEqualTo("2024-01");
        Driver second = imported.get(rows.get(1).get(FleetWorkbooks.ID_NUMBER));
        assertThat(second.enterpriseId()).as("by credit code").isEqualTo(enterprise.id());
        assertThat(second.partyStatus()).isEqualTo(PartyStatus.ACTIVIST);
        Driver third = imported.get(rows.get(2).get(FleetWorkbooks.ID_NUMBER).toUpperCase());
        assertThat(third.independent()).isTrue();
        assertThat(third.villageId()).as("a village name the county has once").isEqualTo(uniquelyNamed.id());
        assertThat(third.townshipId()).isEqualTo(uniquelyNamed.townshipId());
        assertThat(third.partyStatus()).isEqualTo(PartyStatus.NONE);
        assertThat(imported.get(rows.get(3).get(FleetWorkbooks.ID_NUMBER)).consented())
                .isFalse();
        Driver fifth = imported.get(rows.get(4).get(FleetWorkbooks.ID_NUMBER));
        assertThat(fifth.consentVersion()).isEqualTo("2022-06");
        assertThat(fifth.townshipId()).isEqualTo(village.townshipId());
        assertThat(fifth.villageId()).isNull();

        for (List<String> row : rows) {
            String idNumber = row.get(FleetWorkbooks.ID_NUMBER).toUpperCase();
            var stored = jdbc.sql("""
                            select id_number_encrypted, id_number_hash, id_number_masked, qualification_encrypted,
                                   row_to_json(d)::text as everything
                            from fleet_driver d where phone = :phone
                            """)
                    .param("phone", row.get(FleetWorkbooks.PHONE))
                    .query()
                    .singleRow();
            assertThat((String) stored.get("everything"))
                    .as("no column holds the ID number or its birth date in clear")
                    .doesNotContain(idNumber)
                    .doesNotContain(idNumber.substring(6, 14));
            assertThat((String) stored.get("id_number_encrypted")).startsWith("v1:");
            assertThat(encryptor.decrypt((String) stored.get("id_number_encrypted")))
                    .isEqualTo(idNumber);
            assertThat(stored.get("id_number_hash")).isEqualTo(encryptor.blindIndex(idNumber));
            assertThat(stored.get("id_number_masked")).isEqualTo(IdNumbers.mask(idNumber));
            assertThat((String) stored.get("qualification_encrypted"))
                    .startsWith("v1:")
                    .isNotEqualTo(stored.get("id_number_encrypted"));
        }
        assertThat(jdbc.sql("""
                                select count(*) from fleet_driver_consent c join fleet_driver d on d.id = c.driver_id
                                where d.phone in (:phones) and c.given and c.recorded_by is not null
                                """)
                        .param(
                                "phones",
                                rows.stream()
                                        .map(r -> r.get(FleetWorkbooks.PHONE))
                                        .toList())
                        .query(Long.class)
                        .single())
                .as("each consent recorded as the form records it")
                .isEqualTo(4);

        var audit = auditOf(job, "IMPORT driver");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("result")).isEqualTo("SUCCESS");
        assertThat(audit.get(0).get("detail")).isEqualTo("file=司机名单.xlsx rows=5 imported=5");
        assertThat(auditOf(job, "POST /console/fleet/drivers/import")).hasSize(1);
    }

    @Test
    void aFileWithThreeBadRowsImportsNothingAndTheAnnotatedFileNamesExactlyThoseRows() throws Exception {
        Village village = townships.villages(null, false).get(0);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(driverRow("三错", i % 2 == 0 ? enterprise.name() : null, village.townshipName(), village.name()));
        }
        rows.get(1)
                .set(
                        FleetWorkbooks.ID_NUMBER,
                        FleetWorkbooks.withWrongCheckCharacter(rows.get(1).get(FleetWorkbooks.ID_NUMBER)));
        rows.get(3).set(FleetWorkbooks.PHONE, rows.get(0).get(FleetWorkbooks.PHONE)); // Excel row 5 repeats row 2
        rows.get(4).set(FleetWorkbooks.TOWNSHIP, "");
        rows.get(4).set(FleetWorkbooks.VILLAGE, "不存在村"); // Excel row 6
        long before = count();

        var response = FleetWorkbooks.upload(web, "drivers", "三行有错.xlsx", FleetWorkbooks.drivers(rows));
        String job = jobId(response.body());
        String summary = awaitFinished(web, job);

        assertThat(state(summary)).isEqualTo("REJECTED");
        assertThat(summary)
                .contains("没有导入任何数据：文件共 6 行，其中 3 行有错误（共 3 个问题）")
                .contains("/console/imports/" + job + "/annotated.xlsx");
        assertThat(count()).as("nothing of the file is stored").isEqualTo(before);
        assertThat(drivers.findByIdNumbers(
                        COUNTY,
                        rows.stream().map(r -> r.get(FleetWorkbooks.ID_NUMBER)).toList()))
                .isEmpty();

        byte[] annotated = web.getBytes("/console/imports/" + job + "/annotated.xlsx");
        assertThat(FleetWorkbooks.errors(annotated, "货运司机"))
                .containsExactly(
                        Map.entry(3, "身份证号：身份证号校验码不正确，请核对。"),
                        Map.entry(5, "手机号：与第 2 行重复。"),
                        Map.entry(6, "户籍村居：找不到名为“不存在村”的村居（或已停用）。"));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
            Row third = workbook.getSheet("货运司机").getRow(2);
            assertThat(new DataFormatter().formatCellValue(third.getCell(0)))
                    .as("the rows are written back as uploaded")
                    .isEqualTo(rows.get(1).get(0));
            assertThat(workbook.getSheet("填写说明")).isNotNull();
        }
        var audit = auditOf(job, "IMPORT driver");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("result")).isEqualTo("FAILURE");
        assertThat((String) audit.get(0).get("detail")).contains("rows=6 bad=3 problems=3 imported=0");
    }

    @Test
    void duplicatesOfRegisteredDriversAndUnknownReferencesAreReportedRowByRow() throws Exception {
        Township township = townships.list(false).get(0);
        List<String> namesInTownship = townships.villages(township.id(), false).stream()
                .map(Village::name)
                .toList();
        Village elsewhere = townships.villages(null, false).stream()
                .filter(v -> v.townshipId() != township.id() && !namesInTownship.contains(v.name()))
                .findFirst()
                .orElseThrow();
        List<String> registered = driverRow("已登记", null, null, null);
        drivers.create(
                COUNTY,
                new DriverData(
                        registered.get(0),
                        registered.get(FleetWorkbooks.PHONE),
                        registered.get(FleetWorkbooks.ID_NUMBER),
                        LicenceClass.B2,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        PartyStatus.NONE,
                        null,
                        null,
                        false,
                        null,
                        null));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(driverRow("查重", null, null, null));
        }
        rows.get(0).set(FleetWorkbooks.ID_NUMBER, registered.get(FleetWorkbooks.ID_NUMBER)); // row 2
        rows.get(1).set(FleetWorkbooks.PHONE, registered.get(FleetWorkbooks.PHONE)); // row 3
        rows.get(2).set(FleetWorkbooks.TOWNSHIP, township.name()); // row 4
        rows.get(2).set(FleetWorkbooks.VILLAGE, elsewhere.name());
        rows.get(3).set(FleetWorkbooks.ENTERPRISE, "没有这家物流有限公司"); // row 5
        String young = "371302"
                + LocalDate.now().minusYears(17).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "001";
        rows.get(4).set(FleetWorkbooks.ID_NUMBER, young + IdNumbers.checkCharacter(young)); // row 6
        rows.get(5).set(13, ""); // row 7: a consent version without its date
        rows.get(5).set(14, "2024-01");

        String job = jobId(FleetWorkbooks.upload(web, "drivers", "查重.xlsx", FleetWorkbooks.drivers(rows))
                .body());
        String summary = awaitFinished(web, job);

        assertThat(state(summary)).isEqualTo("REJECTED");
        Map<Integer, String> errors =
                FleetWorkbooks.errors(web.getBytes("/console/imports/" + job + "/annotated.xlsx"), "货运司机");
        assertThat(errors)
                .containsExactly(
                        Map.entry(2, "身份证号：该身份证号已登记。"),
                        Map.entry(3, "手机号：该手机号已被其他司机登记。"),
                        Map.entry(4, "户籍村居：“" + elsewhere.name() + "”不属于“" + township.name() + "”。"),
                        Map.entry(5, "所属企业：找不到名称或统一社会信用代码为“没有这家物流有限公司”的企业（或已停用）。"),
                        Map.entry(6, "身份证号：未满18周岁，不能登记为驾驶员。"),
                        Map.entry(7, "授权签署日期：填写了授权书版本时须填写签署日期。"));
    }

    @Test
    void anEnterpriseAdministratorImportsIntoHisOwnEnterpriseOnly() throws Exception {
        Enterprise other = enterprises.get(COUNTY, enterprises.create(TestEnterprises.valid("别家")));
        var admin = new WebClient(port);
        admin.login(
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterprise.id())),
                TestAccounts.PASSWORD);
        List<List<String>> rows = new ArrayList<>();
        rows.add(driverRow("本企", null, null, null));
        rows.add(driverRow("本企", enterprise.name(), null, null));
        rows.add(driverRow("本企", other.name(), null, null));
        long before = count();

        String refused = awaitFinished(
                admin,
                jobId(FleetWorkbooks.upload(admin, "drivers", "本企业.xlsx", FleetWorkbooks.drivers(rows))
                        .body()));

        assertThat(state(refused)).isEqualTo("REJECTED");
        assertThat(refused).contains("企业管理员只能导入本企业（" + enterprise.name() + "）的记录，“" + other.name() + "”不是本企业。");
        assertThat(count()).isEqualTo(before);

        String done = awaitFinished(
                admin,
                jobId(FleetWorkbooks.upload(admin, "drivers", "本企业.xlsx", FleetWorkbooks.drivers(rows.subList(0, 2)))
                        .body()));

        assertThat(state(done)).isEqualTo("DONE");
        Map<String, Driver> imported = drivers.findByIdNumbers(
                DataScope.enterprise(enterprise.id()),
                rows.subList(0, 2).stream()
                        .map(r -> r.get(FleetWorkbooks.ID_NUMBER))
                        .toList());
        assertThat(imported.values())
                .as("a blank enterprise is his own")
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.enterpriseId()).isEqualTo(enterprise.id()));

        byte[] template = admin.getBytes("/console/fleet/drivers/template.xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            List<String> options = new ArrayList<>();
            workbook.getSheet("选项").forEach(r -> r.forEach(c -> options.add(c.getStringCellValue())));
            assertThat(options).contains(enterprise.name()).doesNotContain(other.name());
        }
    }

    @Test
    void theTemplateHasTheChineseHeaderTheInstructionsAndTheDropDowns() throws Exception {
        byte[] template = web.getBytes("/console/fleet/drivers/template.xlsx");

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            List<String> headers = new ArrayList<>();
            workbook.getSheet("货运司机").getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(FleetWorkbooks.DRIVER_HEADERS);
            List<String> help = new ArrayList<>();
            workbook.getSheet("填写说明").forEach(r -> r.forEach(c -> help.add(new DataFormatter().formatCellValue(c))));
            assertThat(help).contains("身份证号", "必填", "选填", "从下拉列表中选择");
            List<String> options = new ArrayList<>();
            workbook.getSheet("选项").forEach(r -> r.forEach(c -> options.add(c.getStringCellValue())));
            assertThat(options)
                    .contains("准驾车型", "A2", "B2", "政治面貌", "群众", "正式党员", enterprise.name())
                    .contains(townships.list(false).get(0).name())
                    .contains(townships.villages(null, false).get(0).name());
            var validations = workbook.getSheet("货运司机").getDataValidations();
            assertThat(validations).isNotEmpty();
        }
        var operator = new WebClient(port);
        operator.login(new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, COUNTY), TestAccounts.PASSWORD);
        assertThat(operator.get("/console/fleet/drivers/template.xlsx").statusCode())
                .isEqualTo(403);
        assertThat(operator.get("/console/fleet/drivers/import").statusCode()).isEqualTo(403);
        assertThat(operator.get("/console/fleet/drivers").body())
                .doesNotContain("data-testid=\"driver-import\"")
                .contains("data-testid=\"driver-export\"");
    }

    @Test
    void aFileWithoutTheIdNumberColumnIsRefusedWithAClearMessage() {
        long before = count();
        List<String> headers = FleetWorkbooks.DRIVER_HEADERS.stream()
                .filter(h -> !h.equals("身份证号"))
                .toList();
        List<String> row = driverRow("缺列", null, null, null);
        row.remove(FleetWorkbooks.ID_NUMBER);

        var response =
                FleetWorkbooks.upload(web, "drivers", "缺列.xlsx", FleetWorkbooks.file("货运司机", headers, List.of(row)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("缺少必填列：身份证号。");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void tenThousandDriverRowsImportInOneGo() {
        List<Village> villages = townships.villages(null, false);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Village village = villages.get(i % villages.size());
            rows.add(driverRow(
                    "万人",
                    i % 4 == 0 ? null : enterprise.name(),
                    i % 3 == 0 ? null : village.townshipName(),
                    i % 3 == 0 ? null : village.name()));
        }
        byte[] file = FleetWorkbooks.drivers(rows);
        try {
            long start = System.nanoTime();
            String job = jobId(
                    FleetWorkbooks.upload(web, "drivers", "一万名司机.xlsx", file).body());
            String summary = awaitFinished(web, job);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Matcher took = Pattern.compile("用时 ([0-9.]+) 秒").matcher(summary);
            System.out.printf(
                    "10,000-row driver import (%d KB): %d ms from upload to finished summary, %s s on the server%n",
                    file.length / 1024, millis, took.find() ? took.group(1) : "?");

            assertThat(state(summary)).isEqualTo("DONE");
            assertThat(summary).contains("新增 10,000 条记录");
            var stored = jdbc.sql("""
                            select count(*) as drivers, count(distinct id_number_hash) as numbers,
                                   count(*) filter (where id_number_encrypted like 'v1:%') as encrypted
                            from fleet_driver where name like '万人%'
                            """).query().singleRow();
            assertThat(stored)
                    .containsEntry("drivers", 10_000L)
                    .containsEntry("numbers", 10_000L)
                    .containsEntry("encrypted", 10_000L);
        } finally {
            // keep the shared database's driver list small for the other tests
            jdbc.sql(
                            "delete from fleet_driver_consent where driver_id in (select id from fleet_driver where name like '万人%')")
                    .update();
            jdbc.sql("delete from fleet_driver where name like '万人%'").update();
        }
    }

    private Village uniquelyNamedVillage() {
        Map<String, List<Village>> byName =
                townships.villages(null, false).stream().collect(Collectors.groupingBy(Village::name));
        return byName.values().stream()
                .filter(v -> v.size() == 1)
                .map(v -> v.get(0))
                .findFirst()
                .orElseThrow();
    }

    private long count() {
        return jdbc.sql("select count(*) from fleet_driver").query(Long.class).single();
    }

    private List<Map<String, Object>> auditOf(String job, String action) {
        return jdbc.sql("select result, detail from identity_audit_event where target_id = :job and action = :action")
                .param("job", job)
                .param("action", action)
                .query()
                .listOfRows();
    }
}
