package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.AuditEvent;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.Location;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily assessment from stored data: fixes sent over real sockets with yesterday's times, the
 * alarms of the ledger and the terminals' authentications give a test enterprise's exact rates;
 * a county administrator recomputes a day (audited); an enterprise user sees only his own row and
 * the county's; the Excel export is a real workbook.
 */
@RedWheelTest
class AssessmentTests {

    /** Km per degree of latitude along a meridian, as the computation's haversine has it. */
    static final double KM_PER_DEGREE = 6371.0088 * Math.PI / 180;

    @LocalServerPort
    int port;

    @Autowired
    Assessments assessments;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    AlarmPipeline pipeline;

    @Autowired
    Alarms alarms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    AuditLog audit;

    AssessmentFixture fixture(String prefix) throws Exception {
        return AssessmentFixture.create(prefix, enterprises, fleet, gateway, pipeline, alarms, jdbc);
    }

    AssessmentResult row(LocalDate day, Long enterprise) {
        return assessments.day(DataScope.county(), day).stream()
                .filter(r -> java.util.Objects.equals(r.enterpriseId(), enterprise))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void yesterdaysRatesOfAnEnterpriseComeFromItsFixesAlarmsAndTerminals() throws Exception {
        AssessmentFixture fixture = fixture("考核计算");
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);

        var response = web.postForm(
                "/console/assessment", "/console/assessment/recompute", Map.of("day", fixture.day.toString()));
        assertThat(response.statusCode()).isEqualTo(302);

        AssessmentResult result = row(fixture.day, fixture.enterprise);
        var counts = result.counts();
        assertThat(counts.vehicles()).as("three active vehicles").isEqualTo(3);
        assertThat(counts.connected()).as("two with an authenticated terminal").isEqualTo(2);
        assertThat(counts.online()).as("one with fixes yesterday").isEqualTo(1);
        assertThat(counts.fixes()).isEqualTo(23);
        assertThat(counts.validFixes()).isEqualTo(22);
        assertThat(counts.totalKm()).isCloseTo(0.10 * KM_PER_DEGREE, within(1e-6));
        assertThat(counts.completeKm()).isCloseTo(0.08 * KM_PER_DEGREE, within(1e-6));
        assertThat(counts.drifting()).isEqualTo(1);
        assertThat(counts.overspeeds()).as("only the online vehicle's").isEqualTo(1);
        assertThat(counts.fatigueSeconds()).as("23:30 to midnight").isEqualTo(1800);
        assertThat(counts.spotChecks()).isZero();

        var rates = result.rates();
        assertThat(rates.connection()).isEqualTo(0.666667);
        assertThat(rates.online()).isEqualTo(0.5);
        assertThat(rates.completeness()).isEqualTo(0.8);
        assertThat(rates.validity()).isEqualTo(0.956522);
        assertThat(rates.drift()).isEqualTo(1.0);
        assertThat(rates.overspeedsPerVehicle()).isEqualTo(1.0);
        assertThat(rates.fatigueMinutesPerVehicle()).isEqualTo(30.0);
        assertThat(rates.spotCheck()).as("no spot-check that day").isEqualTo(1.0);

        AssessmentResult county = row(fixture.day, null);
        var points = result.points();
        assertThat(points.connection()).as("below 90 %").isEqualByComparingTo("0");
        assertThat(points.online()).isEqualByComparingTo("2.50");
        assertThat(points.completeness()).isEqualByComparingTo("12.00");
        assertThat(points.validity()).isEqualByComparingTo("14.35");
        assertThat(points.drift()).as("above 5 %").isEqualByComparingTo("0");
        assertThat(points.overspeed())
                .isEqualByComparingTo(
                        AssessmentScoring.relativePoints(1.0, county.rates().overspeedsPerVehicle()));
        assertThat(points.fatigue())
                .isEqualByComparingTo(
                        AssessmentScoring.relativePoints(30.0, county.rates().fatigueMinutesPerVehicle()));
        assertThat(points.spotCheck()).isEqualByComparingTo("10.00");
        assertThat(points.total())
                .isEqualByComparingTo(
                        new BigDecimal("38.85").add(points.overspeed()).add(points.fatigue()));
        assertThat(result.computedBy()).isEqualTo(admin);

        assertThat(county.counts().vehicles()).isGreaterThanOrEqualTo(3);
        assertThat(county.counts().fixes()).isGreaterThanOrEqualTo(23);
        assertThat(county.points().overspeed())
                .as("the county is its own average")
                .isEqualByComparingTo("10");

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(audit.search(
                                new AuditLog.AuditQuery(admin, "POST /console/assessment/recompute", null, null, null),
                                0,
                                5))
                        .extracting(AuditEvent::targetType, AuditEvent::targetId, AuditEvent::result)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                "assessment", fixture.day.toString(), AuditLog.SUCCESS)));
    }

    @Test
    void aFixDatedInTheFutureCountsAsInvalidOnTheDayItArrives() throws Exception {
        long enterprise = enterprises.create(TestEnterprises.valid("未来时间"));
        long vehicle = fleet.registerVehicle(AssessmentFixture.plate(), 2, "重型货车", enterprise);
        String phone = AssessmentFixture.phone();
        fleet.registerTerminal(phone, "F" + phone.substring(5), "RW-T1", "V2013", vehicle);
        OffsetDateTime now = OffsetDateTime.now(Location.GMT8).withNano(0);
        List<Location> fixes = new ArrayList<>();
        fixes.add(Location.fix(34.9, 118.6, 60, 40, 0, now.minusSeconds(60)));
        // speed out of range
        fixes.add(Location.fix(34.9, 118.6, 60, 170, 0, now.minusSeconds(30)));
        // tomorrow: stored in tomorrow's partition, but it arrived today
        fixes.add(Location.fix(34.9, 118.6, 60, 40, 0, now.plusDays(1)));
        // far in the future: kept aside in the outlier table
        fixes.add(Location.fix(34.9, 118.6, 60, 40, 0, now.withYear(2090)));
        try (var terminal = new TestTerminal(gateway.port(), phone, ProtocolVersion.V2013)) {
            terminal.signIn("F" + phone.substring(5)).orElseThrow();
            AssessmentFixture.awaitAcknowledgement(
                    terminal, terminal.send(new BatchLocationUpload(BatchLocationUpload.NORMAL, fixes)));
        }
        LocalDate today = assessments.today();

        assessments.compute(today, "test");

        var counts = row(today, enterprise).counts();
        assertThat(counts.online()).isEqualTo(1);
        assertThat(counts.fixes()).isEqualTo(4);
        assertThat(counts.validFixes()).isEqualTo(1);
        assertThat(row(today, enterprise).rates().validity()).isEqualTo(0.25);
        assertThat(row(today, enterprise).points().validity()).isEqualByComparingTo("0");
    }

    @Test
    void aDayInTheFutureBeyondTheRetentionOrMalformedIsRefusedAndChangesNothing() {
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);
        LocalDate tomorrow = assessments.today().plusDays(1);

        var response = web.postForm(
                "/console/assessment", "/console/assessment/recompute", Map.of("day", tomorrow.toString()));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(web.get("/console/assessment?day=" + tomorrow).body())
                .contains("data-testid=\"form-errors\"")
                .contains("日期不能晚于今天");
        LocalDate old = assessments.today().minusDays(400);
        web.postForm("/console/assessment", "/console/assessment/recompute", Map.of("day", old.toString()));
        assertThat(web.get("/console/assessment?day=" + old).body()).contains("早于定位数据的保存期限");
        web.postForm("/console/assessment", "/console/assessment/recompute", Map.of("day", "2026-13-45"));
        assertThat(web.get("/console/assessment").body()).contains("日期格式不正确");
        assertThat(jdbc.sql("select count(*) from monitoring_assessment where day in (:a, :b)")
                        .param("a", tomorrow)
                        .param("b", old)
                        .query(Long.class)
                        .single())
                .isZero();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(audit.search(
                                new AuditLog.AuditQuery(admin, "POST /console/assessment/recompute", null, null, null),
                                0,
                                5))
                        .hasSize(3));

        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        var operatorWeb = new WebClient(port);
        operatorWeb.login(operator, TestAccounts.PASSWORD);
        assertThat(operatorWeb
                        .postForm(
                                "/console/assessment",
                                "/console/assessment/recompute",
                                Map.of("day", assessments.today().toString()))
                        .statusCode())
                .as("only the county administrator recomputes")
                .isEqualTo(403);
    }

    @Test
    void anEnterpriseUserSeesOnlyHisOwnRowAndTheCounty() throws Exception {
        AssessmentFixture fixture = fixture("考核范围");
        long other = AssessmentFixture.otherEnterprise(enterprises, fleet, "考核他企");
        String otherName = enterprises.get(DataScope.county(), other).name();
        assessments.compute(fixture.day, "test");
        String enterpriseAdmin =
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(fixture.enterprise));
        var web = new WebClient(port);
        web.login(enterpriseAdmin, TestAccounts.PASSWORD);

        String page = web.get("/console/assessment?day=" + fixture.day).body();

        assertThat(page).contains(fixture.name).contains("全县").doesNotContain(otherName);
        assertThat(page).contains("data-testid=\"county-row\"");
        assertThat(assessments.day(DataScope.enterprise(fixture.enterprise), fixture.day))
                .extracting(AssessmentResult::enterpriseId)
                .containsExactly(null, fixture.enterprise);
        try (var workbook = new XSSFWorkbook(
                new ByteArrayInputStream(web.getBytes("/console/assessment/export.xlsx?day=" + fixture.day)))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum())
                    .as("his enterprise and the county")
                    .isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(fixture.name);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("全县");
        }

        String countyAdmin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var county = new WebClient(port);
        county.login(countyAdmin, TestAccounts.PASSWORD);
        assertThat(county.get("/console/assessment?day=" + fixture.day).body())
                .contains(fixture.name)
                .contains(otherName);
    }

    @Test
    void theExportIsAWorkbookWithChineseHeadersAndTheDaysFigures() throws Exception {
        AssessmentFixture fixture = fixture("考核导出");
        assessments.compute(fixture.day, "test");
        AssessmentResult expected = row(fixture.day, fixture.enterprise);
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        var web = new WebClient(port);
        web.login(operator, TestAccounts.PASSWORD);

        byte[] bytes = web.getBytes("/console/assessment/export.xlsx?day=" + fixture.day + "&sort=enterprise");

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("考核指标 " + fixture.day);
            Row head = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            head.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers)
                    .startsWith("企业", "应入网车辆数", "入网车辆数", "上线车辆数", "入网率", "入网率得分")
                    .contains("轨迹完整率", "数据合格率", "漂移率", "车均超速次数", "车均疲劳驾驶时长（分钟）", "查岗响应率")
                    .endsWith("总分");
            Row row = null;
            for (Row candidate : sheet) {
                if (candidate.getCell(0).getStringCellValue().equals(fixture.name)) {
                    row = candidate;
                }
            }
            assertThat(row).as("the enterprise's row").isNotNull();
            assertThat(row.getCell(headers.indexOf("应入网车辆数")).getNumericCellValue())
                    .isEqualTo(3);
            assertThat(row.getCell(headers.indexOf("入网率")).getNumericCellValue())
                    .isEqualTo(0.666667);
            assertThat(row.getCell(headers.indexOf("入网率")).getCellStyle().getDataFormatString())
                    .isEqualTo("0.00%");
            assertThat(row.getCell(headers.indexOf("轨迹完整率")).getNumericCellValue())
                    .isEqualTo(0.8);
            assertThat(row.getCell(headers.indexOf("数据合格率得分")).getNumericCellValue())
                    .isEqualTo(14.35);
            assertThat(row.getCell(headers.indexOf("总分")).getNumericCellValue())
                    .isEqualTo(expected.points().total().doubleValue());
            Row last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("全县");
        }
    }
}
