package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redwheel.safety.Track.at;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional rules a county switches on: the night-driving window and long parking. */
class LocalRuleTests {

    @Test
    void drivingInsideTheNightDrivingWindowIsAnEpisode() {
        RuleSet rules = RuleSet.defaults().with("nightDriving.enabled", "true", "[local] 02:00-05:00 ban");
        List<Fix> fixes = Track.of("V1", "2024-05-07T01:30")
                .drive("1H30M", 50)
                .stop("30M")
                .drive("10M", 50)
                .fixes();

        Replay replay = new Replay(new SafetyEngine(rules)).feed(fixes);

        assertThat(replay.episodes(EventType.NIGHT_DRIVING))
                .extracting(SafetyEvent::start, SafetyEvent::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(at("2024-05-07T02:00"), at("2024-05-07T03:00")),
                        org.assertj.core.groups.Tuple.tuple(at("2024-05-07T03:30"), null));
        assertThat(Replay.of(fixes).episodes(EventType.NIGHT_DRIVING)).isEmpty();
    }

    @Test
    void parkingLongerThanTheLimitIsAnEpisodeWhenSwitchedOn() {
        RuleSet rules = RuleSet.defaults().with("parking.maxS", "7200", "JT/T 808 参数 0x005A");
        List<Fix> fixes = Track.of("V1", "2024-05-06T08:00")
                .drive("1H", 60)
                .every(300)
                .stop("2H10M")
                .every(30)
                .drive("10M", 60)
                .fixes();

        Replay replay = new Replay(new SafetyEngine(rules)).feed(fixes);

        assertThat(replay.episodes(EventType.LONG_PARKING)).singleElement().satisfies(event -> {
            assertThat(event.start()).isEqualTo(at("2024-05-06T09:05"));
            assertThat(event.end()).isEqualTo(at("2024-05-06T11:05"));
        });
        assertThat(Replay.of(fixes).episodes(EventType.LONG_PARKING)).isEmpty();
    }
}
