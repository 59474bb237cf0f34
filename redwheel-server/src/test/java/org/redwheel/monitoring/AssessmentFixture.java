package org.redwheel.monitoring;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.redwheel.TestEnterprises;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.DataScope;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.safety.EventType;
import org.redwheel.safety.Phase;
import org.redwheel.safety.SafetyEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test enterprise for the assessment with three vehicles: one whose terminal sends yesterday's
 * track over a real socket (22 valid fixes along one meridian with a gap, and one invalid fix), one
 * whose terminal authenticated but sent nothing yesterday, and one without a terminal. Its vehicles
 * carry known alarms of yesterday. Demo data and other tests' vehicles belong to other enterprises,
 * so the enterprise's figures are exact.
 */
final class AssessmentFixture {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final double LONGITUDE = 118.65;
    private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() % 5_000);

    final long enterprise;
    final String name;
    final LocalDate day;
    final long drivingVehicle;
    final long idleVehicle;
    final long unequippedVehicle;

    private AssessmentFixture(
            long enterprise,
            String name,
            LocalDate day,
            long drivingVehicle,
            long idleVehicle,
            long unequippedVehicle) {
        this.enterprise = enterprise;
        this.name = name;
        this.day = day;
        this.drivingVehicle = drivingVehicle;
        this.idleVehicle = idleVehicle;
        this.unequippedVehicle = unequippedVehicle;
    }

    static LocalDate yesterday() {
        return LocalDate.now(BEIJING).minusDays(1);
    }

    /** Another enterprise with one vehicle without a terminal: something an enterprise user must not see. */
    static long otherEnterprise(EnterpriseRegistry enterprises, FleetRegistry fleet, String prefix) {
        long id = enterprises.create(TestEnterprises.valid(prefix));
        fleet.registerVehicle(plate(), 2, "重型货车", id);
        return id;
    }

    static AssessmentFixture create(
            String prefix,
            EnterpriseRegistry enterprises,
            FleetRegistry fleet,
            Jt808Gateway gateway,
            AlarmPipeline pipeline,
            Alarms alarms,
            JdbcClient jdbc)
            throws IOException {
        var data = TestEnterprises.valid(prefix);
        long enterprise = enterprises.create(data);
        LocalDate day = yesterday();

        long driving = fleet.registerVehicle(plate(), 2, "重型货车", enterprise);
        String drivingPhone = phone();
        fleet.registerTerminal(drivingPhone, "A" + drivingPhone.substring(5), "RW-T1", "V2013", driving);
        long idle = fleet.registerVehicle(plate(), 2, "重型货车", enterprise);
        String idlePhone = phone();
        long idleTerminal = fleet.registerTerminal(idlePhone, "A" + idlePhone.substring(5), "RW-T1", "V2013", idle);
        long unequipped = fleet.registerVehicle(plate(), 2, "重型货车", enterprise);

        try (var terminal = new TestTerminal(gateway.port(), drivingPhone, ProtocolVersion.V2013)) {
            terminal.signIn("A" + drivingPhone.substring(5)).orElseThrow();
            int serial = terminal.send(new BatchLocationUpload(BatchLocationUpload.NORMAL, track(day)));
            awaitAcknowledgement(terminal, serial);
        }
        try (var terminal = new TestTerminal(gateway.port(), idlePhone, ProtocolVersion.V2013)) {
            terminal.signIn("A" + idlePhone.substring(5)).orElseThrow();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql(
                                        "select count(*) from monitoring_terminal_state where terminal_id = :t and first_connected_at is not null")
                                .param("t", idleTerminal)
                                .query(Long.class)
                                .single()
                        == 1);
        // Its terminal first authenticated two days ago; it stayed silent yesterday.
        jdbc.sql(
                        "update monitoring_terminal_state set first_connected_at = first_connected_at - interval '2 days' where terminal_id = :t")
                .param("t", idleTerminal)
                .update();

        Instant morning = at(day, 10, 0);
        pipeline.accept(List.of(
                event(driving, EventType.OVERSPEED, morning.plusSeconds(120), morning.plusSeconds(180)),
                event(driving, EventType.DRIFT, morning.plusSeconds(200), morning.plusSeconds(230)),
                // 23:30 to 00:30: half an hour of it lies in the day
                event(driving, EventType.FATIGUE, at(day, 23, 30), at(day.plusDays(1), 0, 30)),
                // the idle vehicle was not online: its alarm does not count
                event(idle, EventType.OVERSPEED, morning.plusSeconds(600), morning.plusSeconds(660))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alarmCount(jdbc, driving) == 3 && alarmCount(jdbc, idle) == 1);
        return new AssessmentFixture(enterprise, data.name(), day, driving, idle, unequipped);
    }

    /**
     * 10:00 onwards, one fix every 30 s moving 0.004° north (0.445 km); an invalid fix at 0° 0°;
     * then 5.5 min and 0.020° (2.2 km) without a fix, which is a gap; then 10 more segments. So 23
     * fixes of which 22 valid, and 0.08° of complete track out of 0.10°: completeness 80 %.
     */
    static List<Location> track(LocalDate day) {
        OffsetDateTime start = at(day, 10, 0).atOffset(Location.GMT8);
        List<Location> fixes = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            fixes.add(Location.fix(34.800 + 0.004 * i, LONGITUDE, 60, 55, 0, start.plusSeconds(30L * i)));
        }
        fixes.add(Location.fix(0, 0, 60, 55, 0, start.plusSeconds(315)));
        for (int i = 0; i <= 10; i++) {
            fixes.add(Location.fix(34.860 + 0.004 * i, LONGITUDE, 60, 55, 0, start.plusSeconds(630 + 30L * i)));
        }
        return fixes;
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BEIJING).toInstant();
    }

    static String plate() {
        return "鲁QP" + String.format("%04d", NUMBERS.incrementAndGet() % 10_000);
    }

    static String phone() {
        return "1370" + String.format("%07d", System.nanoTime() % 10_000_000);
    }

    private static SafetyEvent event(long vehicle, EventType type, Instant start, Instant end) {
        return new SafetyEvent(
                "v" + vehicle + "/" + type + "/" + start.getEpochSecond(),
                type,
                Phase.OPENED,
                SafetyMonitor.vehicleKey(vehicle),
                null,
                start,
                end,
                false,
                34.9,
                LONGITUDE,
                type == EventType.OVERSPEED ? 90 : null,
                type == EventType.OVERSPEED ? 101.0 : null,
                null,
                null,
                type == EventType.FATIGUE ? 14_400L : null,
                null,
                null,
                "default");
    }

    private static long alarmCount(JdbcClient jdbc, long vehicle) {
        return jdbc.sql(
                        "select count(*) from monitoring_alarm where vehicle_id = :v and type in ('OVERSPEED', 'DRIFT', 'FATIGUE')")
                .param("v", vehicle)
                .query(Long.class)
                .single();
    }

    /** Reads the platform's frames until the acknowledgement of the serial (a reminder may come first). */
    static void awaitAcknowledgement(TestTerminal terminal, int serial) throws IOException {
        for (int i = 0; i < 20; i++) {
            if (terminal.receive().message() instanceof PlatformGeneralResponse response
                    && response.responseSerial() == serial) {
                return;
            }
        }
        throw new AssertionError("no acknowledgement of serial " + serial);
    }

    static DataScope scope(long enterprise) {
        return DataScope.enterprise(enterprise);
    }
}
