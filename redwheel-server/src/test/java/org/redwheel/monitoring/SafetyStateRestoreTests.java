package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.Results;
import org.redwheel.safety.VehicleStatus;
import org.redwheel.sim.Fleet;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After a restart the safety engine knows what it knew before: a truck two hours into its drive is
 * still two hours into it, so its fatigue alarm comes at four hours, not four hours after the restart.
 */
@RedWheelTest
class SafetyStateRestoreTests {

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    SafetyMonitor live;

    @Autowired
    SafetyStateRestore restore;

    @Autowired
    AlarmPipeline pipeline;

    @Autowired
    AlarmProperties properties;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    SpeedZones zones;

    @Autowired
    Clock clock;

    @Test
    void aRestartedEngineHasTheDrivingClocksOfTheStoredFixes() throws Exception {
        int truck = 97_101;
        long vehicle = fleet.registerVehicle(Fleet.plate(truck), 2, "重型货车", null);
        fleet.registerTerminal(Fleet.phone(truck), Fleet.deviceId(truck), "RW-T1", "V2013", vehicle);
        // two hours of driving north at 60 km/h, a fix a minute, ending now
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES);
        List<Location> fixes = new ArrayList<>();
        for (int minute = 120; minute >= 0; minute--) {
            fixes.add(Location.fix(34.0 + (120 - minute) * 0.009, 118.5, 80, 60, 0, end.minusMinutes(minute)));
        }
        try (TestTerminal terminal = new TestTerminal(gateway.port(), Fleet.phone(truck), ProtocolVersion.V2013)) {
            assertThat(terminal.signIn(Fleet.deviceId(truck))).isPresent();
            for (int i = 0; i < fixes.size(); i += 30) {
                var frame = new BatchLocationUpload(
                        BatchLocationUpload.NORMAL, fixes.subList(i, Math.min(i + 30, fixes.size())));
                assertThat(terminal.acknowledgement(terminal.send(frame)).result())
                        .isEqualTo(Results.SUCCESS);
            }
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> live.status(vehicle)
                                .map(VehicleStatus::continuousDrivingS)
                                .orElse(0L)
                        >= Duration.ofMinutes(119).toSeconds());
        VehicleStatus before = live.status(vehicle).orElseThrow();

        SafetyMonitor restarted = new SafetyMonitor(pipeline, properties, ruleSets, zones, clock);
        assertThat(restarted.status(vehicle)).isEmpty();
        long replayed = restore.replay(restarted, Instant.now().minus(Duration.ofHours(26)));

        assertThat(replayed).isGreaterThanOrEqualTo(fixes.size());
        VehicleStatus after = restarted.status(vehicle).orElseThrow();
        assertThat(after.continuousDrivingS()).isEqualTo(before.continuousDrivingS());
        assertThat(after.rollingDrivingS()).isEqualTo(before.rollingDrivingS());
        assertThat(after.todayDrivingS()).isEqualTo(before.todayDrivingS());
        assertThat(after.lastFixTime()).isEqualTo(end.toInstant());
    }
}
