package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redwheel.safety.RuleSet;

/** What a track adds up to, counted as the safety engine counts. */
class TrackStatisticsTests {

    static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    @Test
    void countsDistanceTopSpeedAndDrivingBetweenMovingFixes() {
        TrackStatistics statistics = new TrackStatistics(RuleSet.defaults());
        // 0.001° of latitude is about 111 m; ten seconds apart.
        for (int i = 0; i <= 30; i++) {
            statistics.add(T0.plusSeconds(10L * i), 34.9 + i * 0.001, 118.6, i < 20 ? 40 : 2);
        }
        assertThat(statistics.distanceKm()).isCloseTo(3.34, within(0.01));
        assertThat(statistics.maxSpeedKmh()).isEqualTo(40f);
        assertThat(statistics.drivingS())
                .as("from the first fix to the last moving one")
                .isEqualTo(190);
    }

    @Test
    void leavesOutAJumpTheEngineTakesForDrift() {
        TrackStatistics statistics = new TrackStatistics(RuleSet.defaults());
        statistics.add(T0, 34.9, 118.6, 40);
        statistics.add(T0.plusSeconds(10), 34.901, 118.6, 40);
        statistics.add(T0.plusSeconds(20), 35.9, 118.6, 40); // 110 km in 10 s
        statistics.add(T0.plusSeconds(30), 34.903, 118.6, 40);
        assertThat(statistics.distanceKm()).isCloseTo(0.33, within(0.01));
    }

    @Test
    void judgesASilenceByTheDistanceCovered() {
        TrackStatistics parked = new TrackStatistics(RuleSet.defaults());
        parked.add(T0, 34.9, 118.6, 30);
        parked.add(T0.plusSeconds(3600), 34.9001, 118.6, 30);
        assertThat(parked.drivingS())
                .as("a truck that barely moved across an hour was stopped")
                .isZero();

        TrackStatistics drove = new TrackStatistics(RuleSet.defaults());
        drove.add(T0, 34.9, 118.6, 60);
        // about 55.6 km in an hour: at 60 km/h that needs 56 minutes, too little left for a rest
        drove.add(T0.plusSeconds(3600), 35.4, 118.6, 60);
        assertThat(drove.drivingS()).isEqualTo(3600);

        TrackStatistics rested = new TrackStatistics(RuleSet.defaults());
        rested.add(T0, 34.9, 118.6, 60);
        // about 11.1 km in an hour: 12 minutes of driving and time for a rest
        rested.add(T0.plusSeconds(3600), 35.0, 118.6, 60);
        assertThat(rested.drivingS()).isBetween(660L, 680L);
    }
}
