package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidFixTests {

    static final Instant T0 = Track.at("2024-05-06T09:00");

    @ParameterizedTest(name = "lat {0} lon {1} speed {2} altitude {3} future {4} s")
    @CsvSource({
        "3.84, 118.3, 60, 0, 0",
        "53.56, 118.3, 60, 0, 0",
        "35, 73.54, 60, 0, 0",
        "35, 135.084, 60, 0, 0",
        "35, 118.3, -0.1, 0, 0",
        "35, 118.3, 160.1, 0, 0",
        "35, 118.3, 60, -201, 0",
        "35, 118.3, 60, 6501, 0",
        "35, 118.3, 60, 0, 1",
        "0, 0, 0, 0, 0"
    })
    void reportsAFixOutsideTheValidRanges(double lat, double lon, double speed, int altitude, int futureS) {
        Fix fix = Fix.of("V1", T0.plusSeconds(futureS), lat, lon, speed)
                .withAltitudeM(altitude)
                .withReceivedAt(T0);

        List<SafetyEvent> events = new SafetyEngine(RuleSet.defaults()).accept(fix);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.INVALID_FIX);
            assertThat(event.phase()).isEqualTo(Phase.OPENED);
            assertThat(event.start()).isEqualTo(T0);
            assertThat(event.realtime()).isTrue();
        });
    }

    @ParameterizedTest(name = "lat {0} lon {1} speed {2} altitude {3}")
    @CsvSource({
        "3.85, 118.3, 60, 0",
        "53.55, 118.3, 60, 0",
        "35, 73.55, 60, 0",
        "35, 135.083, 60, 0",
        "35, 118.3, 0, 0",
        "35, 118.3, 160, 0",
        "35, 118.3, 60, -200",
        "35, 118.3, 60, 6500"
    })
    void acceptsAFixOnTheEdgeOfTheValidRanges(double lat, double lon, double speed, int altitude) {
        Fix fix = Fix.of("V1", T0, lat, lon, speed).withAltitudeM(altitude);

        assertThat(new SafetyEngine(RuleSet.defaults()).accept(fix)).isEmpty();
    }

    @Test
    void consecutiveInvalidFixesAreOneEpisodeClosedByTheNextValidFix() {
        Replay replay = new Replay()
                .feed(Fix.of("V1", T0, 0, 0, 0))
                .feed(Fix.of("V1", T0.plusSeconds(30), 0, 0, 0))
                .feed(Fix.of("V1", T0.plusSeconds(60), 35, 118.3, 0));

        assertThat(replay.episodes(EventType.INVALID_FIX)).singleElement().satisfies(event -> {
            assertThat(event.phase()).isEqualTo(Phase.CLOSED);
            assertThat(event.start()).isEqualTo(T0);
            assertThat(event.end()).isEqualTo(T0.plusSeconds(30));
        });
    }

    @Test
    void invalidFixesDoNotCountAsDriving() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T08:00").drive("1H", 180).fixes();

        Replay replay = Replay.of(fixes);

        assertThat(replay.status("V1").todayDrivingS()).isZero();
        assertThat(replay.episodes()).extracting(SafetyEvent::type).containsExactly(EventType.INVALID_FIX);
    }

    @Test
    void aFixDatedInTheFutureDoesNotMakeTheNextFixLate() {
        Replay replay = new Replay()
                .feed(Fix.of("V1", T0.plusSeconds(86_400), 35, 118.3, 60).withReceivedAt(T0))
                .feed(Fix.of("V1", T0.plusSeconds(30), 35, 118.3, 0));

        assertThat(replay.events)
                .extracting(SafetyEvent::type, SafetyEvent::phase, SafetyEvent::realtime)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EventType.INVALID_FIX, Phase.OPENED, true),
                        org.assertj.core.groups.Tuple.tuple(EventType.INVALID_FIX, Phase.CLOSED, true));
        assertThat(replay.status("V1").lastFixTime()).isEqualTo(T0.plusSeconds(30));
    }
}
