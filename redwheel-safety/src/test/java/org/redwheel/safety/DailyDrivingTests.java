package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.redwheel.safety.Track.at;

import java.util.List;
import org.junit.jupiter.api.Test;

class DailyDrivingTests {

    @Test
    void remindsDriverAfterEightHoursOfDrivingInTwentyFourHours() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T06:00")
                .drive("3H50M", 60)
                .stop("1H")
                .drive("4H11M", 60)
                .fixes();

        Replay replay = Replay.of(fixes);

        // 3 h 50 min, then 4 h 10 min more reaches 8 h at 15:00
        assertThat(replay.episodes(EventType.DAILY_DRIVING_EXCEEDED))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.start()).isEqualTo(at("2024-05-06T15:00"));
                    assertThat(event.dailyDrivingS()).isEqualTo(8 * 3600L);
                    assertThat(event.open()).isTrue();
                });
        assertThat(replay.status("V1").rollingDrivingS()).isEqualTo(8 * 3600 + 60);
    }

    @Test
    void doesNotRemindAtSevenHoursFiftyNineMinutes() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T06:00")
                .drive("3H50M", 60)
                .stop("1H")
                .drive("4H9M", 60)
                .fixes();

        assertThat(Replay.of(fixes).episodes(EventType.DAILY_DRIVING_EXCEEDED)).isEmpty();
    }

    @Test
    void countsYesterdaysDrivingInsideTheRollingWindow() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T10:00")
                .drive("3H50M", 60)
                .stop("1H")
                .drive("4H9M", 60)
                .resumeAt("2024-05-07T09:00")
                .drive("10M", 60)
                .fixes();

        Replay replay = Replay.of(fixes);

        // 7 h 59 min yesterday after 09:00, all of it still within 24 h: one more minute is too much
        assertThat(replay.episodes(EventType.DAILY_DRIVING_EXCEEDED))
                .singleElement()
                .extracting(SafetyEvent::start)
                .isEqualTo(at("2024-05-07T09:01"));
        assertThat(replay.status("V1").todayDrivingS()).isEqualTo(600);
    }

    @Test
    void forgetsDrivingOlderThanTwentyFourHours() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T10:00")
                .drive("3H50M", 60)
                .stop("1H")
                .drive("4H9M", 60)
                .resumeAt("2024-05-07T14:00")
                .drive("3H", 60)
                .fixes();

        Replay replay = Replay.of(fixes);

        // yesterday's morning drive has left the window, its afternoon drive leaves it as fast as today's comes in
        assertThat(replay.episodes(EventType.DAILY_DRIVING_EXCEEDED)).isEmpty();
        assertThat(replay.status("V1").rollingDrivingS()).isEqualTo(4 * 3600 + 59 * 60);
    }

    @Test
    void aRestClosesTheEpisodeAndDrivingOnWhileStillOverOpensANewOne() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T06:00")
                .drive("3H50M", 60)
                .stop("1H")
                .drive("4H20M", 60)
                .stop("30M")
                .drive("20M", 60)
                .fixes();

        Replay replay = Replay.of(fixes);

        assertThat(replay.episodes(EventType.DAILY_DRIVING_EXCEEDED))
                .extracting(SafetyEvent::start, SafetyEvent::end)
                .containsExactly(
                        tuple(at("2024-05-06T15:00"), at("2024-05-06T15:10")), tuple(at("2024-05-06T15:40"), null));
    }
}
