package org.redwheel.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimulationClockTests {

    private static final Instant START = Instant.parse("2026-03-15T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000_000);

    @Test
    void playsOneSimulatedHourInOneRealSecondAtCompression3600() {
        SimulationClock clock = new SimulationClock(START, 3600, nanos::get);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(clock.elapsed()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void runsAtRealSpeedWithoutCompression() {
        SimulationClock clock = new SimulationClock(START, 1, nanos::get);

        nanos.addAndGet(Duration.ofMillis(1500).toNanos());

        assertThat(clock.now()).isEqualTo(START.plusMillis(1500));
    }

    @Test
    void tellsHowLongToWaitInRealTimeForASimulatedMoment() {
        SimulationClock clock = new SimulationClock(START, 60, nanos::get);

        assertThat(clock.realNanosUntil(START.plusSeconds(30)))
                .isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(clock.realNanosUntil(START.minusSeconds(30))).isZero();
    }

    @Test
    void refusesANonPositiveCompression() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SimulationClock(START, 0));
    }
}
