package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OfflineTests {

    static final Instant T0 = Track.at("2024-05-06T10:00");

    @Test
    void aMovingVehicleSilentForMoreThanTenMinutesIsOffline() {
        Replay replay = new Replay().feed(Fix.of("V1", T0, 35, 118.3, 60));

        assertThat(replay.engine.tick(T0.plusSeconds(600))).isEmpty();
        replay.tick(T0.plusSeconds(601)).tick(T0.plusSeconds(900));

        assertThat(replay.events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.OFFLINE);
            assertThat(event.phase()).isEqualTo(Phase.OPENED);
            assertThat(event.start()).isEqualTo(T0);
            assertThat(event.realtime()).isTrue();
        });
        assertThat(replay.status("V1").openEpisodes())
                .extracting(SafetyEvent::type)
                .contains(EventType.OFFLINE);
    }

    @Test
    void theNextFixReceivedEndsTheOfflineEpisode() {
        Replay replay = new Replay()
                .feed(Fix.of("V1", T0, 35, 118.3, 60))
                .tick(T0.plusSeconds(700))
                .feed(Fix.of("V1", T0.plusSeconds(660), 35.1, 118.3, 60).withReceivedAt(T0.plusSeconds(720)));

        assertThat(replay.episodes(EventType.OFFLINE))
                .singleElement()
                .extracting(SafetyEvent::phase, SafetyEvent::end)
                .containsExactly(Phase.CLOSED, T0.plusSeconds(720));
    }

    @Test
    void aParkedVehicleMayStaySilentForAnHour() {
        Replay replay = new Replay()
                .feed(Fix.of("V1", T0, 35, 118.3, 0))
                .tick(T0.plusSeconds(3600))
                .tick(T0.plusSeconds(3601));

        assertThat(replay.events)
                .singleElement()
                .extracting(SafetyEvent::type, SafetyEvent::start)
                .containsExactly(EventType.OFFLINE, T0);
    }
}
