package org.redwheel.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.Location;
import org.redwheel.sim.TestPlatform.ReceivedFix;

class SimulatorTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestPlatform platform = TestPlatform.start();
    private Simulation simulation;

    @AfterEach
    void stop() {
        if (simulation != null) {
            simulation.stop();
        }
        platform.close();
    }

    @Test
    void playsASimulatedHourInAboutASecondAtCompression3600() {
        Instant start = Instant.parse("2026-03-15T00:00:00Z");
        SimulatorOptions options = platform.options().withSimulatedStart(start).withCompression(3600);

        simulation = Simulator.start(Fleet.demo(1, 42), options);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> simulatedSpan(platform.fixes()).compareTo(Duration.ofHours(1)) >= 0);
        List<Instant> times = platform.fixes().stream()
                .map(fix -> fix.location().time().toInstant())
                .toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).isEqualTo(Duration.ofSeconds(30));
        }
        assertThat(times.get(0)).isBetween(start, start.plus(Duration.ofHours(1)));
        assertThat(times.get(times.size() - 1))
                .isBeforeOrEqualTo(simulation.clock().now());
    }

    @Test
    void runsManyTrucksOnTheSharedEventLoopThreads() {
        simulation = Simulator.start(
                Fleet.demo(20, 42), platform.options().withFastForward(2).withEventLoopThreads(2));

        await().atMost(WAIT)
                .until(() -> platform.fixes().stream()
                                .map(ReceivedFix::phone)
                                .distinct()
                                .count()
                        == 20);
        assertThat(simulation.stats().online()).isEqualTo(20);
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.getName().startsWith("redwheel-sim"))
                .hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void stopClosesEveryConnection() {
        simulation = Simulator.start(Fleet.demo(5, 42), platform.options());
        await().atMost(WAIT).until(() -> platform.openConnections() == 5);

        simulation.stop();

        await().atMost(WAIT).until(() -> platform.openConnections() == 0);
        assertThat(simulation.running()).isFalse();
        assertThat(simulation.terminals()).allMatch(terminal -> terminal.state() == TerminalClient.State.STOPPED);
    }

    @Test
    void longDriveReachesThePlatformAsFourHoursTenMinutesOfContinuousMovement() {
        Instant start = LongDriveScenario.startOn(LocalDate.of(2026, 3, 15));
        simulation = Simulator.start(
                Fleet.longDrive(1, 1, 42, ProtocolVersion.V2019),
                platform.options().withSimulatedStart(start).withFastForward(16));

        await().atMost(WAIT).until(() -> simulatedSpan(platform.fixes()).compareTo(Duration.ofHours(5)) >= 0);
        List<Location> fixes =
                platform.fixes().stream().map(ReceivedFix::location).toList();
        assertThat(fixes.get(0).time().toInstant()).isEqualTo(start);
        assertThat(JourneyTests.continuousMovement(fixes)).isGreaterThanOrEqualTo(LongDriveScenario.CONTINUOUS_DRIVING);
        assertThat(JourneyTests.stationaryPeriods(fixes))
                .first()
                .satisfies(rest -> assertThat(rest).isGreaterThanOrEqualTo(Duration.ofMinutes(20)));
    }

    @Test
    void refusesTwoTrucksWithOnePhone() {
        SimulatedTruck truck = Fleet.demo(1, 42).get(0);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Simulator.start(List.of(truck, truck), platform.options()));
    }

    private static Duration simulatedSpan(List<ReceivedFix> fixes) {
        if (fixes.isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.between(
                fixes.get(0).location().time(),
                fixes.get(fixes.size() - 1).location().time());
    }
}
