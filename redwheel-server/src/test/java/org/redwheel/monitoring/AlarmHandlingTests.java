package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.redwheel.InvalidInputException;
import org.redwheel.RecordNotFoundException;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.notification.Notifications;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.safety.EventType;
import org.redwheel.safety.Phase;
import org.redwheel.safety.SafetyEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alarms without the road: the pipeline files events once, an enterprise sees only its own,
 * handling is recorded step by step, the ledger exports to Excel, and a driver who drives on after
 * a fatigue reminder is escalated to the enterprise.
 */
@RedWheelTest
class AlarmHandlingTests {

    @LocalServerPort
    int port;

    @Autowired
    AlarmPipeline pipeline;

    @Autowired
    Alarms alarms;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    long enterprise;
    long vehicle;
    String plate;

    void aVehicleOfANewEnterprise() {
        var data = TestEnterprises.valid("报警测试");
        enterprise = enterprises.create(new org.redwheel.organization.EnterpriseData(
                data.name(),
                data.creditCode(),
                data.address(),
                null,
                null,
                "法人",
                "安全员王",
                "13905390001",
                3,
                null,
                null,
                false,
                false,
                false,
                false));
        plate = "鲁QH" + String.format("%04d", System.nanoTime() % 10_000);
        vehicle = fleet.registerVehicle(plate, 2, "重型货车", enterprise);
    }

    SafetyEvent event(EventType type, Phase phase, Instant start, Instant end) {
        return new SafetyEvent(
                "v" + vehicle + "/" + type + "/" + start.getEpochSecond(),
                type,
                phase,
                "v" + vehicle,
                null,
                start,
                end,
                true,
                34.92,
                118.65,
                type == EventType.OVERSPEED ? 90 : null,
                type == EventType.OVERSPEED ? 112.0 : null,
                null,
                null,
                type == EventType.FATIGUE ? 14400L : null,
                null,
                null,
                "default");
    }

    @Test
    void anEpisodeIsFiledOnceUpdatedAndScopedToItsEnterprise() {
        aVehicleOfANewEnterprise();
        Instant start = Instant.now().minusSeconds(120);
        pipeline.accept(List.of(
                event(EventType.OVERSPEED, Phase.OPENED, start, null),
                event(EventType.OVERSPEED, Phase.OPENED, start, null),
                event(EventType.OVERSPEED, Phase.CLOSED, start, start.plusSeconds(45))));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ledger(DataScope.county()).size() == 1
                        && ledger(DataScope.county()).get(0).endTime() != null);
        Alarm alarm = ledger(DataScope.county()).get(0);
        assertThat(alarm.enterpriseId()).isEqualTo(enterprise);
        assertThat(alarm.detail()).contains("限速 90 km/h").contains("最高 112 km/h");

        assertThat(alarms.find(DataScope.enterprise(enterprise), alarm.id())).isPresent();
        assertThat(alarms.find(DataScope.enterprise(enterprise + 1_000_000), alarm.id()))
                .isEmpty();
        var foreign = catchThrowableOfType(
                RecordNotFoundException.class,
                () -> alarms.handle(
                        DataScope.enterprise(enterprise + 1_000_000), alarm.id(), "x", HandlingAction.TTS, null));
        assertThat(foreign).isNotNull();

        var invalid = catchThrowableOfType(
                InvalidInputException.class, () -> alarms.handle(DataScope.county(), alarm.id(), "op", null, "无方式"));
        assertThat(invalid.violations())
                .extracting(InvalidInputException.Violation::field)
                .containsExactly("action");

        Alarm handled = alarms.handle(DataScope.county(), alarm.id(), "op", HandlingAction.PHONE_CALL, "已电话提醒");
        assertThat(handled.status())
                .as("its episode was over, so handling closes it")
                .isEqualTo(AlarmStatus.CLOSED);
        assertThat(alarms.steps(alarm.id()))
                .extracting(Alarms.Step::step)
                .containsSubsequence("RAISED", "EPISODE_ENDED", "HANDLED");
    }

    @Test
    void aPartyOrganisationSubtreeSeesTheAlarmsOfTheEnterprisesItCovers() {
        var branch = jdbc.sql(
                        "select id, path from organization_party_org where kind <> 'COMMITTEE' order by id limit 1")
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("path")})
                .single();
        long branchId = (Long) branch[0];
        long elsewhere = jdbc.sql("select id from organization_party_org where kind <> 'COMMITTEE'"
                        + " and :path not like path || '%' order by id limit 1")
                .param("path", branch[1])
                .query(Long.class)
                .single();
        var data = TestEnterprises.valid("支部报警");
        enterprise = enterprises.create(new org.redwheel.organization.EnterpriseData(
                data.name(),
                data.creditCode(),
                data.address(),
                null,
                null,
                "法人",
                "安全员李",
                "13905390002",
                2,
                null,
                branchId,
                false,
                false,
                false,
                false));
        plate = "鲁QJ" + String.format("%04d", System.nanoTime() % 10_000);
        vehicle = fleet.registerVehicle(plate, 2, "重型货车", enterprise);
        pipeline.accept(
                List.of(event(EventType.OVERSPEED, Phase.OPENED, Instant.now().minusSeconds(90), null)));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !ledger(DataScope.county()).isEmpty());
        Alarm alarm = ledger(DataScope.county()).get(0);

        assertThat(alarms.find(DataScope.subtree(branchId), alarm.id())).isPresent();
        assertThat(ledger(DataScope.subtree(branchId))).extracting(Alarm::id).containsExactly(alarm.id());
        assertThat(alarms.find(DataScope.subtree(elsewhere), alarm.id())).isEmpty();
        assertThat(ledger(DataScope.subtree(elsewhere))).isEmpty();
    }

    @Test
    void theLedgerExportsToExcelWithTheFilter() throws Exception {
        aVehicleOfANewEnterprise();
        pipeline.accept(
                List.of(event(EventType.FATIGUE, Phase.OPENED, Instant.now().minusSeconds(60), null)));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !ledger(DataScope.county()).isEmpty());
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        var web = new WebClient(port);
        web.login(operator, TestAccounts.PASSWORD);
        var bytes = web.getBytes("/console/alarms/export.xlsx?plate=" + java.net.URLEncoder.encode(plate, "UTF-8"));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("车牌");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(plate);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("疲劳驾驶");
        }
    }

    @Test
    void theExportHoldsEveryAlarmOfTheFilterNotOnlyAPage() throws Exception {
        aVehicleOfANewEnterprise();
        Instant first = Instant.now().minus(Duration.ofDays(2));
        List<SafetyEvent> episodes = new java.util.ArrayList<>();
        for (int i = 0; i < 230; i++) {
            episodes.add(event(EventType.OVERSPEED, Phase.OPENED, first.plusSeconds(600L * i), null));
        }
        pipeline.accept(episodes);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> alarms.search(
                                        DataScope.county(),
                                        new Alarms.Filter(null, null, plate, null, null, false),
                                        new org.redwheel.PageRequest(0, 1, "start", false))
                                .totalElements()
                        == 230);
        var web = new WebClient(port);
        web.login(
                new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county()),
                TestAccounts.PASSWORD);
        var bytes = web.getBytes("/console/alarms/export.xlsx?plate=" + java.net.URLEncoder.encode(plate, "UTF-8"));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum())
                    .as("header + 230 rows")
                    .isEqualTo(230);
        }
    }

    @Test
    void aDriverWhoDrivesOnAfterAFatigueReminderIsEscalatedToTheEnterprise() {
        aVehicleOfANewEnterprise();
        // its driver is a demo driver whose helper Party member has an account
        var paired = jdbc.sql("""
                        select a.driver_id, h.account_id, d.name from care_assignment a
                          join care_helper h on h.id = a.helper_id join fleet_driver d on d.id = a.driver_id
                         where a.ends_on is null and h.account_id is not null and d.active order by a.id limit 1
                        """)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .single();
        jdbc.sql("insert into fleet_assignment (driver_id, vehicle_id, primary_driver, starts_on)"
                        + " values (:driver, :vehicle, true, current_date)")
                .param("driver", paired[0])
                .param("vehicle", vehicle)
                .update();
        long helperAccount = (Long) paired[1];
        int helperInboxBefore = notifications.inbox(helperAccount, 100).size();
        String officer =
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterprise));
        long officerId = staffAccounts.findByUsername(officer).orElseThrow().id();
        pipeline.accept(
                List.of(event(EventType.FATIGUE, Phase.OPENED, Instant.now().minusSeconds(3600), null)));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !ledger(DataScope.county()).isEmpty());
        long alarmId = ledger(DataScope.county()).get(0).id();
        // The reminder went out twenty minutes ago and the episode is still open.
        jdbc.sql(
                        "update monitoring_alarm set reminder_count = 1, last_reminder_at = now() - interval '20 minutes' where id = :id")
                .param("id", alarmId)
                .update();

        pipeline.escalate();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> alarms.get(DataScope.county(), alarmId).escalatedAt() != null);
        assertThat(notifications.inbox(officerId, 5)).anySatisfy(n -> {
            assertThat(n.title()).contains("疲劳驾驶升级提醒").contains(plate);
            assertThat(n.link()).isEqualTo("/console/alarms/" + alarmId);
        });
        assertThat(jdbc.sql(
                                "select count(*) from notification_message where channel = 'SMS' and recipient_phone = '13905390001'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(alarms.steps(alarmId)).extracting(Alarms.Step::step).contains("ESCALATED");
        assertThat(notifications.inbox(helperAccount, 100)).hasSize(helperInboxBefore + 1);
        assertThat(notifications.inbox(helperAccount, 1)).singleElement().satisfies(n -> {
            assertThat(n.title()).contains("疲劳驾驶升级提醒");
            assertThat(n.body()).contains("您帮扶的司机" + paired[2]).contains(plate);
            assertThat(n.link()).isEqualTo("/console/care/my/drivers/" + paired[0]);
        });

        pipeline.escalate();
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> notifications.inbox(officerId, 10).size() == 1);
        jdbc.sql("update fleet_assignment set ends_on = current_date where vehicle_id = :vehicle")
                .param("vehicle", vehicle)
                .update();
    }

    private List<Alarm> ledger(DataScope scope) {
        return alarms.search(
                        scope,
                        new Alarms.Filter(null, null, plate, null, null, false),
                        new org.redwheel.PageRequest(0, 20, "start", false))
                .content();
    }
}
