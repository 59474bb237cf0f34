package org.redwheel.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.MessageIds;
import org.redwheel.sim.TestPlatform.ReceivedFix;

/** Trucks spoiling their own writes against a real platform pipeline over TCP. */
class FaultInjectionTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestPlatform platform = TestPlatform.start();
    private final List<Location> generated = new CopyOnWriteArrayList<>();
    private Simulation simulation;

    @AfterEach
    void stop() {
        if (simulation != null) {
            simulation.stop();
        }
        platform.close();
    }

    @Test
    void corruptFramesFailThePlatformsChecksumWhileTheOtherFramesFlow() {
        SimulatorOptions options = options()
                .withCompression(600)
                .withResponseTimeout(Duration.ofMillis(300))
                .withFaults(FaultInjector.NONE.withCorruption(0.2));

        simulation = Simulator.start(Fleet.demo(1, 42), options);

        await().atMost(WAIT)
                .until(() ->
                        platform.decodeErrors().size() >= 3 && platform.fixes().size() >= 10);
        assertThat(platform.decodeErrors()).containsOnly(Jt808DecodeException.Reason.BAD_CHECKSUM);
        assertThat(simulation.stats().corruptedFrames()).isGreaterThanOrEqualTo(3);
        assertThat(simulation.stats().acknowledged()).isPositive();
    }

    @Test
    void framesSplitAcrossWritesDecodeWhole() {
        simulation = Simulator.start(
                Fleet.demo(1, 42), options().withFastForward(1).withFaults(FaultInjector.NONE.withSplitting(true)));

        await().atMost(WAIT).until(() -> platform.fixes().size() >= 30);
        assertThat(platform.decodeErrors()).isEmpty();
        assertThat(platform.reads()).isGreaterThan(platform.messages().size());
        assertThat(simulation.stats().splitWrites()).isGreaterThanOrEqualTo(30);
        assertInSimulatedTimeOrder(platform.fixes());
    }

    @Test
    void severalFramesInOneWriteDecodeOneByOne() {
        simulation = Simulator.start(
                Fleet.demo(1, 42), options().withFastForward(8).withFaults(FaultInjector.NONE.withCoalescing(true)));

        await().atMost(WAIT).until(() -> platform.fixes().size() >= 40);
        assertThat(platform.decodeErrors()).isEmpty();
        assertThat(platform.reads()).isLessThan(platform.messages().size());
        assertThat(simulation.stats().coalescedWrites()).isPositive();
        assertInSimulatedTimeOrder(platform.fixes());
    }

    @Test
    void splitAndCoalescedWritesTogetherStillDecode() {
        simulation = Simulator.start(
                Fleet.demo(3, 42),
                options()
                        .withFastForward(4)
                        .withFaults(FaultInjector.NONE.withSplitting(true).withCoalescing(true)));

        await().atMost(WAIT).until(() -> platform.fixes().size() >= 60);
        assertThat(platform.decodeErrors()).isEmpty();
        assertThat(platform.fixes().stream().map(ReceivedFix::phone).distinct()).hasSize(3);
    }

    @Test
    void abruptDisconnectsLoseNoFix() {
        simulation = Simulator.start(
                Fleet.demo(1, 42),
                options()
                        .withFastForward(3)
                        .withReconnectDelay(Duration.ofMillis(20), Duration.ofMillis(50))
                        .withFaults(FaultInjector.NONE.withDisconnectEvery(7)));

        await().atMost(WAIT).until(() -> generated.size() >= 40);
        List<Instant> generatedSoFar =
                generated.stream().map(fix -> fix.time().toInstant()).toList();

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(platform.fixes().stream()
                                .map(fix -> fix.location().time().toInstant()))
                        .containsAll(generatedSoFar));
        assertThat(platform.connectionsAccepted()).isGreaterThanOrEqualTo(3);
        assertThat(platform.messages(MessageIds.TERMINAL_REGISTRATION)).hasSize(1);
        assertThat(simulation.stats().injectedDisconnects()).isGreaterThanOrEqualTo(2);
    }

    private SimulatorOptions options() {
        return platform.options().withListener(new TerminalListener() {
            @Override
            public void fixGenerated(SimulatedTruck truck, Location fix) {
                generated.add(fix);
            }
        });
    }

    private static void assertInSimulatedTimeOrder(List<ReceivedFix> fixes) {
        assertThat(fixes.stream().map(fix -> fix.location().time().toInstant()).toList())
                .isSortedAccordingTo(Instant::compareTo)
                .doesNotHaveDuplicates();
    }
}
