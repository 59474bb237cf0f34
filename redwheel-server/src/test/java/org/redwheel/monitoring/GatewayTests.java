package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.jt808.Jt808Encoder;
import org.redwheel.jt808.Jt808Header;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.redwheel.jt808.message.RegistrationResponse;
import org.redwheel.jt808.message.Results;
import org.redwheel.jt808.message.TerminalAuthentication;
import org.redwheel.jt808.message.TerminalGeneralResponse;
import org.redwheel.jt808.message.TextMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The JT/T 808 gateway over real TCP sockets, against the real database. */
@RedWheelTest
class GatewayTests {

    private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() % 1_000_000);

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    TerminalCommands commands;

    @Autowired
    TerminalStates states;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    record Known(long vehicleId, long terminalId, String phone, String deviceId) {}

    Known knownTerminal() {
        long n = NUMBERS.incrementAndGet();
        String plate = "鲁Q" + "T" + String.format("%04d", n % 10_000);
        long vehicle = fleet.registerVehicle(plate.length() == 7 ? plate : "鲁QT" + (n % 10_000), 2, "重型货车", null);
        String phone = "1380" + String.format("%07d", n % 10_000_000);
        String device = "T" + String.format("%06d", n % 1_000_000);
        long terminal = fleet.registerTerminal(phone, device, "RW-T1", "V2013", vehicle);
        return new Known(vehicle, terminal, phone, device);
    }

    static Location fixAt(OffsetDateTime time, double speed) {
        return Location.fix(34.92, 118.65, 60, speed, 90, time);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    }

    double badFrames(String reason) {
        var counter =
                meters.find("redwheel.gateway.bad.frames").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    long stored(long terminalId) {
        return jdbc.sql("select count(*) from monitoring_position where terminal_id = :t")
                .param("t", terminalId)
                .query(Long.class)
                .single();
    }

    @Test
    void refusesATerminalTheFleetRegistryDoesNotKnowAndHangsUp() throws Exception {
        try (var terminal = new TestTerminal(gateway.port(), "13999999999", ProtocolVersion.V2013)) {
            assertThat(terminal.signIn("NOBODY1")).isEmpty();
            assertThat(terminal.closedByPlatform()).isTrue();
        }
    }

    @Test
    void registersAuthenticatesAndAcknowledgesAPositionOnlyOnceItIsStored() throws Exception {
        Known known = knownTerminal();
        try (var terminal = new TestTerminal(gateway.port(), known.phone(), ProtocolVersion.V2013)) {
            assertThat(terminal.signIn(known.deviceId())).isPresent();
            OffsetDateTime time = now();
            int serial = terminal.send(new LocationReport(fixAt(time, 62.5)));
            assertThat(terminal.acknowledgement(serial).result()).isEqualTo(Results.SUCCESS);
            // The acknowledgement came, so the row is already committed.
            var row = jdbc.sql(
                            "select vehicle_id, speed_kmh, latitude, fix_time from monitoring_position where terminal_id = :t")
                    .param("t", known.terminalId())
                    .query((rs, n) -> List.of(
                            rs.getLong(1),
                            rs.getFloat(2),
                            rs.getDouble(3),
                            rs.getTimestamp(4).toInstant()))
                    .single();
            assertThat(row).containsExactly(known.vehicleId(), 62.5f, 34.92, time.toInstant());
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(states.of(known.terminalId()))
                            .hasValueSatisfying(s -> {
                                assertThat(s.online()).isTrue();
                                assertThat(s.lastFixTime()).isEqualTo(time.toInstant());
                            }));
        }
    }

    @Test
    void aResentFrameIsAcknowledgedAgainButStoredOnce() throws Exception {
        Known known = knownTerminal();
        try (var terminal = new TestTerminal(gateway.port(), known.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(known.deviceId());
            Location fix = fixAt(now(), 40);
            terminal.acknowledgement(terminal.send(new LocationReport(fix)));
            terminal.acknowledgement(terminal.send(new LocationReport(fix)));
            terminal.acknowledgement(
                    terminal.send(new BatchLocationUpload(BatchLocationUpload.BLIND_AREA, List.of(fix))));
        }
        assertThat(stored(known.terminalId())).isEqualTo(1);
    }

    @Test
    void storesABlindAreaUploadWithEveryFixMarked() throws Exception {
        Known known = knownTerminal();
        OffsetDateTime start = now().minusHours(2);
        try (var terminal = new TestTerminal(gateway.port(), known.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(known.deviceId());
            int serial = terminal.send(new BatchLocationUpload(
                    BatchLocationUpload.BLIND_AREA,
                    List.of(fixAt(start, 50), fixAt(start.plusSeconds(30), 55), fixAt(start.plusSeconds(60), 58))));
            assertThat(terminal.acknowledgement(serial).result()).isZero();
        }
        assertThat(jdbc.sql("select count(*) from monitoring_position where terminal_id = :t and blind_area")
                        .param("t", known.terminalId())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void beforeAuthenticationOnlyRegistrationAuthenticationAndHeartbeatAreServed() throws Exception {
        Known known = knownTerminal();
        try (var terminal = new TestTerminal(gateway.port(), known.phone(), ProtocolVersion.V2013)) {
            assertThat(terminal.acknowledgement(terminal.send(new Heartbeat())).result())
                    .isEqualTo(Results.SUCCESS);
            assertThat(terminal.acknowledgement(terminal.send(new LocationReport(fixAt(now(), 30))))
                            .result())
                    .isEqualTo(Results.FAILURE);
        }
        assertThat(stored(known.terminalId())).isZero();
    }

    @Test
    void aWrongAuthenticationCodeClosesTheConnection() throws Exception {
        Known known = knownTerminal();
        try (var terminal = new TestTerminal(gateway.port(), known.phone(), ProtocolVersion.V2013)) {
            terminal.send(new org.redwheel.jt808.message.TerminalRegistration(
                    37, 1329, "RDWHL", "RW-T1", known.deviceId(), 2, "鲁Q00000"));
            assertThat(((RegistrationResponse) terminal.receive().message()).result())
                    .isZero();
            int auth = terminal.send(TerminalAuthentication.of("NOT-THE-CODE"));
            assertThat(terminal.acknowledgement(auth).result()).isEqualTo(Results.FAILURE);
            assertThat(terminal.closedByPlatform()).isTrue();
        }
    }

    @Test
    void aMalformedFrameIsAnsweredOrSkippedAndTheConnectionAndOthersCarryOn() throws Exception {
        Known first = knownTerminal();
        Known second = knownTerminal();
        try (var bad = new TestTerminal(gateway.port(), first.phone(), ProtocolVersion.V2013);
                var good = new TestTerminal(gateway.port(), second.phone(), ProtocolVersion.V2013)) {
            bad.signIn(first.deviceId());
            good.signIn(second.deviceId());
            // A bad escape: nothing can be read from it, so it is skipped without an answer.
            bad.sendRaw(new byte[] {0x7E, 0x02, 0x00, 0x00, 0x7D, 0x7E});
            // A wrong check code: skipped as well.
            byte[] corrupted = Jt808Encoder.encodeSingle(
                    ProtocolVersion.V2013, first.phone(), 77, new LocationReport(fixAt(now(), 20)));
            corrupted[corrupted.length - 2] ^= 0x01;
            bad.sendRaw(corrupted);
            // A sound frame whose 0x0200 body is too short: answered "message error" for its serial.
            bad.sendRaw(Jt808Encoder.encodeFrame(
                    Jt808Header.of(ProtocolVersion.V2013, 0x0200, first.phone(), 78), new byte[10]));
            assertThat(bad.receive().message())
                    .isEqualTo(new PlatformGeneralResponse(78, 0x0200, Results.MESSAGE_ERROR));

            assertThat(good.acknowledgement(good.send(new LocationReport(fixAt(now(), 33))))
                            .result())
                    .isZero();
            assertThat(bad.acknowledgement(bad.send(new LocationReport(fixAt(now().plusSeconds(1), 34))))
                            .result())
                    .isZero();
        }
        assertThat(stored(first.terminalId())).isEqualTo(1);
        assertThat(stored(second.terminalId())).isEqualTo(1);
        assertThat(badFrames("BAD_CHECKSUM")).isPositive();
        assertThat(badFrames("BAD_ESCAPE")).isPositive();
        assertThat(badFrames("LENGTH_MISMATCH") + badFrames("TRUNCATED")).isPositive();
        assertThat(meters.get("redwheel.gateway.frames")
                        .tag("message", "0x0200")
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.get("redwheel.positions.stored").counter().count()).isPositive();
        assertThat(meters.get("redwheel.gateway.ack.latency").timer().count()).isPositive();
    }

    @Test
    void aTextReachesTheTerminalAndItsAnswerCompletesTheCommand() throws Exception {
        Known known = knownTerminal();
        try (var terminal = new TestTerminal(gateway.port(), known.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(known.deviceId());
            var answer = commands.sendText(known.terminalId(), "您已连续驾驶3小时30分钟，请注意休息");
            var received = terminal.receive();
            assertThat(received.message()).isInstanceOfSatisfying(TextMessage.class, text -> {
                assertThat(text.text()).isEqualTo("您已连续驾驶3小时30分钟，请注意休息");
                assertThat(text.tts()).isTrue();
                assertThat(text.display()).isTrue();
            });
            terminal.send(new TerminalGeneralResponse(received.header().serial(), 0x8300, 0));
            assertThat(answer.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(CommandResult.answered(0));

            var unanswered = commands.sendText(known.terminalId(), "无人应答");
            terminal.receive();
            assertThat(unanswered.get(10, java.util.concurrent.TimeUnit.SECONDS).outcome())
                    .isEqualTo(CommandResult.Outcome.TIMEOUT);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !commands.online(known.terminalId()));
        assertThat(commands.sendText(known.terminalId(), "离线").get().outcome())
                .isEqualTo(CommandResult.Outcome.OFFLINE);
    }
}
