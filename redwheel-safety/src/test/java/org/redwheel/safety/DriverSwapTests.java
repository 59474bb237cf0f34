package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redwheel.safety.Track.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverSwapTests {

    @Test
    void aNewDriverStartsHisClocksAtZeroAndTheFirstKeepsHisOnAnotherTruck() {
        Track truckOne = Track.of("V1", "2024-05-06T08:00").driver("A").drive("3H", 60);
        Fix lastOfA = truckOne.fixes().get(truckOne.fixes().size() - 1);
        truckOne.driver("B").stop(Duration.ofMinutes(5)).drive("1H25M", 60);
        Track truckTwo = Track.of("V2", "2024-05-06T11:10")
                .position(lastOfA.lat() + 0.001, lastOfA.lon())
                .driver("A")
                .drive("1H10M", 60);
        List<Fix> arrival = new ArrayList<>(truckOne.fixes());
        arrival.addAll(truckTwo.fixes());
        arrival.sort(Comparator.comparing(Fix::time));

        Replay replay = Replay.of(arrival);

        assertThat(replay.episodes(EventType.FATIGUE)).singleElement().satisfies(event -> {
            assertThat(event.driverId()).isEqualTo("A");
            assertThat(event.vehicleId()).isEqualTo("V2");
            assertThat(event.start()).isEqualTo(at("2024-05-06T12:10"));
        });
        assertThat(replay.status("V1").driverId()).isEqualTo("B");
        assertThat(replay.status("V1").continuousDrivingS()).isEqualTo(85 * 60);
        assertThat(replay.status("V2").continuousDrivingS()).isEqualTo(4 * 3600 + 10 * 60);
    }

    @Test
    void anUnidentifiedDriverIsTheVehicles() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T08:00")
                .drive("2H", 60)
                .driver("A")
                .drive("2H10M", 60)
                .fixes();

        Replay replay = Replay.of(fixes);

        assertThat(replay.episodes(EventType.FATIGUE)).isEmpty();
        assertThat(replay.status("V1").driverId()).isEqualTo("A");
        // A's clock starts with his first fix, 30 s after the vehicle's last unidentified one
        assertThat(replay.status("V1").continuousDrivingS()).isEqualTo(2 * 3600 + 9 * 60 + 30);
    }
}
