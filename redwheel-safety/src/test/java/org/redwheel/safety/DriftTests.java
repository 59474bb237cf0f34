package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DriftTests {

    static final Instant T0 = Track.at("2024-05-06T09:00");
    static final double KM = 1000 / Track.METRES_PER_DEGREE;

    @Test
    void aPositionJumpNoTruckCouldMakeIsDrift() {
        // 500 m per 30 s is 60 km/h; the third fix jumps 5 km
        Replay replay = new Replay()
                .feed(Fix.of("V1", T0, 35, 118.3, 60))
                .feed(Fix.of("V1", T0.plusSeconds(30), 35 + 0.5 * KM, 118.3, 60))
                .feed(Fix.of("V1", T0.plusSeconds(60), 35 + 5.5 * KM, 118.3, 60))
                .feed(Fix.of("V1", T0.plusSeconds(90), 35 + 1.5 * KM, 118.3, 60));

        assertThat(replay.episodes()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.DRIFT);
            assertThat(event.phase()).isEqualTo(Phase.CLOSED);
            assertThat(event.start()).isEqualTo(T0.plusSeconds(60));
            assertThat(event.end()).isEqualTo(T0.plusSeconds(60));
        });
        // the drifted fix is left out; the 60 s around it still count as driving
        assertThat(replay.status("V1").todayDrivingS()).isEqualTo(90);
    }

    @Test
    void aPlausibleSpeedIsNotDrift() {
        Replay replay = new Replay()
                .feed(Fix.of("V1", T0, 35, 118.3, 100))
                .feed(Fix.of("V1", T0.plusSeconds(30), 35 + 1.6 * KM, 118.3, 100));

        assertThat(replay.episodes()).isEmpty();
    }

    @Test
    void twoFixesThatAgreeWithEachOtherOutvoteTheOneBeforeThem() {
        // the first fix was the wrong one: everything after it agrees with itself
        Replay replay = new Replay()
                .feed(Fix.of("V1", T0, 35 + 50 * KM, 118.3, 60))
                .feed(Fix.of("V1", T0.plusSeconds(30), 35, 118.3, 60))
                .feed(Fix.of("V1", T0.plusSeconds(60), 35 + 0.5 * KM, 118.3, 60))
                .feed(Fix.of("V1", T0.plusSeconds(90), 35 + 1.0 * KM, 118.3, 60));

        assertThat(replay.episodes(EventType.DRIFT))
                .singleElement()
                .extracting(SafetyEvent::start, SafetyEvent::end)
                .containsExactly(T0.plusSeconds(30), T0.plusSeconds(30));
    }
}
