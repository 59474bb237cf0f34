package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redwheel.safety.Track.at;

import java.util.List;
import org.junit.jupiter.api.Test;

class VehicleStatusTests {

    @Test
    void showsTheDeskTodaysDrivingTheContinuousClockTheLimitAndTheOpenEpisodes() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T06:00")
                .driver("D1")
                .drive("2H", 60)
                .stop("30M")
                .drive("4H5M", 60)
                .fixes();

        VehicleStatus status = Replay.of(fixes).status("V1");

        assertThat(status.driverId()).isEqualTo("D1");
        assertThat(status.lastFixTime()).isEqualTo(at("2024-05-06T12:35"));
        assertThat(status.todayDrivingS()).isEqualTo(6 * 3600 + 5 * 60);
        assertThat(status.continuousDrivingS()).isEqualTo(4 * 3600 + 5 * 60);
        assertThat(status.currentLimitKmh()).isEqualTo(90);
        assertThat(status.limitSource()).isEqualTo("vehicle:HEAVY_TRUCK");
        assertThat(status.openEpisodes())
                .extracting(SafetyEvent::type, SafetyEvent::start)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.FATIGUE, at("2024-05-06T12:30")));
    }

    @Test
    void todayStartsAtMidnightBeijingTime() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T23:00").drive("1H30M", 60).fixes();

        VehicleStatus status = Replay.of(fixes).status("V1");

        assertThat(status.todayDrivingS()).isEqualTo(30 * 60);
        assertThat(status.rollingDrivingS()).isEqualTo(90 * 60);
    }

    @Test
    void knowsNothingOfAVehicleItNeverSaw() {
        assertThat(new SafetyEngine(RuleSet.defaults()).status("V404")).isEmpty();
    }
}
