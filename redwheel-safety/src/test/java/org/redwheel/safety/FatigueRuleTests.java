package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.redwheel.safety.Track.at;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FatigueRuleTests {

    @Test
    void remindsDriverAfterFourHoursWithoutRest() {
        Replay replay =
                Replay.of(Track.of("V1", "2024-05-06T08:00").drive("4H1M", 60).fixes());

        List<SafetyEvent> fatigue = replay.episodes(EventType.FATIGUE);
        assertThat(fatigue).singleElement().satisfies(event -> {
            assertThat(event.start()).isEqualTo(at("2024-05-06T12:00"));
            assertThat(event.end()).isNull();
            assertThat(event.realtime()).isTrue();
            assertThat(event.continuousDrivingS()).isEqualTo(14_400L);
            assertThat(event.ruleSetVersion()).isEqualTo("default");
        });
    }

    @Test
    void doesNotRemindAfterThreeHoursFiftyNineMinutes() {
        Replay replay =
                Replay.of(Track.of("V1", "2024-05-06T08:00").drive("3H59M", 60).fixes());

        assertThat(replay.episodes(EventType.FATIGUE)).isEmpty();
        assertThat(replay.episodes(EventType.FATIGUE_PRE_WARNING)).hasSize(1);
    }

    @Test
    void warnsThirtyMinutesBeforeTheLimitAndHandsOverToFatigue() {
        Replay replay =
                Replay.of(Track.of("V1", "2024-05-06T08:00").drive("4H10M", 60).fixes());

        assertThat(replay.events(EventType.FATIGUE_PRE_WARNING))
                .extracting(SafetyEvent::phase, SafetyEvent::start, SafetyEvent::end)
                .containsExactly(
                        tuple(Phase.OPENED, at("2024-05-06T11:30"), null),
                        tuple(Phase.CLOSED, at("2024-05-06T11:30"), at("2024-05-06T12:00")));
        assertThat(replay.episodes())
                .extracting(SafetyEvent::type)
                .containsExactly(EventType.FATIGUE_PRE_WARNING, EventType.FATIGUE);
    }

    @Test
    void aStopOfNineteenMinutesFiftyNineSecondsDoesNotResetTheClock() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T08:00")
                .drive("3H", 60)
                .every(10)
                .stop("19M59S")
                .drive("1H1M", 60)
                .fixes();

        Replay replay = Replay.of(fixes);

        // the stop pauses the clock: the fourth hour of driving ends one hour after the stop
        assertThat(replay.episodes(EventType.FATIGUE))
                .singleElement()
                .extracting(SafetyEvent::start)
                .isEqualTo(at("2024-05-06T11:00").plusSeconds(19 * 60 + 59).plus(Duration.ofHours(1)));
    }

    @Test
    void aStopOfTwentyMinutesResetsTheClock() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T08:00")
                .drive("3H", 60)
                .every(10)
                .stop("20M")
                .drive("1H1M", 60)
                .fixes();

        Replay replay = Replay.of(fixes);

        assertThat(replay.episodes(EventType.FATIGUE)).isEmpty();
        assertThat(replay.status("V1").continuousDrivingS()).isEqualTo(3_660);
    }

    @Test
    void aRestClosesTheEpisodeWhereTheDrivingStopped() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T08:00")
                .drive("4H30M", 60)
                .stop("25M")
                .drive("10M", 60)
                .fixes();

        Replay replay = Replay.of(fixes);

        assertThat(replay.episodes(EventType.FATIGUE)).singleElement().satisfies(event -> {
            assertThat(event.phase()).isEqualTo(Phase.CLOSED);
            assertThat(event.start()).isEqualTo(at("2024-05-06T12:00"));
            assertThat(event.end()).isEqualTo(at("2024-05-06T12:30"));
            assertThat(event.continuousDrivingS()).isEqualTo(16_200L);
        });
        assertThat(replay.status("V1").continuousDrivingS()).isEqualTo(600);
    }

    @Test
    void aDriveIntoTheNightIsJudgedByTheNightLimitFromTwentyTwoHundred() {
        // 1 h 50 min of driving by 21:00, no rest: at 22:00 it is 2 h 50 min, over the night limit at once
        Replay replay =
                Replay.of(Track.of("V1", "2024-05-06T19:10").drive("3H", 60).fixes());

        assertThat(replay.episodes(EventType.FATIGUE)).isEmpty();
        assertThat(replay.episodes(EventType.NIGHT_FATIGUE)).singleElement().satisfies(event -> {
            assertThat(event.start()).isEqualTo(at("2024-05-06T22:00"));
            assertThat(event.continuousDrivingS()).isEqualTo(2 * 3600 + 50 * 60L);
        });
    }

    @Test
    void aDriveStartingAtTwentyOneHundredMeetsTheNightLimitAtTwentyThreeHundred() {
        Replay replay =
                Replay.of(Track.of("V1", "2024-05-06T21:00").drive("2H10M", 60).fixes());

        assertThat(replay.episodes())
                .extracting(SafetyEvent::type, SafetyEvent::start)
                .containsExactly(
                        tuple(EventType.FATIGUE_PRE_WARNING, at("2024-05-06T22:30")),
                        tuple(EventType.NIGHT_FATIGUE, at("2024-05-06T23:00")));
    }

    @Test
    void aDriveLeavingTheNightKeepsItsEpisodeUntilARest() {
        Replay replay =
                Replay.of(Track.of("V1", "2024-05-07T03:00").drive("3H30M", 60).fixes());

        assertThat(replay.episodes(EventType.NIGHT_FATIGUE)).singleElement().satisfies(event -> {
            assertThat(event.start()).isEqualTo(at("2024-05-07T05:00"));
            assertThat(event.open()).isTrue();
        });
    }

    @Test
    void aSilentTerminalThatCoveredGroundDidNotRest() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T08:00")
                .drive("3H", 60)
                .silence(Duration.ofHours(1), 60_000)
                .drive("10M", 60)
                .fixes();

        Replay replay = Replay.of(fixes);

        assertThat(replay.episodes(EventType.FATIGUE))
                .singleElement()
                .extracting(SafetyEvent::start)
                .isEqualTo(at("2024-05-06T12:00"));
    }

    @Test
    void aSilentTerminalThatStayedPutRested() {
        List<Fix> fixes = Track.of("V1", "2024-05-06T08:00")
                .drive("3H", 60)
                .silence(Duration.ofHours(1), 30)
                .drive("1H10M", 60)
                .fixes();

        Replay replay = Replay.of(fixes);

        assertThat(replay.episodes(EventType.FATIGUE)).isEmpty();
        assertThat(replay.status("V1").continuousDrivingS()).isEqualTo(70 * 60);
    }

    @Test
    void aSilenceWithRoomForARestCountsOnlyTheDrivingTheDistanceNeeds() {
        // 30 km in 1 h: at 60 km/h that is 30 min of driving, leaving 30 min for a rest
        List<Fix> fixes = Track.of("V1", "2024-05-06T08:00")
                .drive("3H", 60)
                .silence(Duration.ofHours(1), 30_000)
                .drive("1H", 60)
                .fixes();

        Replay replay = Replay.of(fixes);

        assertThat(replay.episodes(EventType.FATIGUE)).isEmpty();
        assertThat(replay.status("V1").continuousDrivingS()).isEqualTo(90 * 60);
        assertThat(replay.status("V1").todayDrivingS()).isEqualTo(4 * 3600 + 30 * 60);
    }

    @Test
    void aDriverWhoStopsAndFallsSilentHasRestedOnceTheRestIsLongEnough() {
        Track track = Track.of("V1", "2024-05-06T08:00").drive("4H10M", 60).stop("5M");
        Replay replay = Replay.of(track.fixes());

        replay.tick(at("2024-05-06T12:25"));
        assertThat(replay.episodes(EventType.FATIGUE))
                .singleElement()
                .extracting(SafetyEvent::open)
                .isEqualTo(true);
        replay.tick(at("2024-05-06T12:30"));

        assertThat(replay.episodes(EventType.FATIGUE)).singleElement().satisfies(event -> {
            assertThat(event.phase()).isEqualTo(Phase.CLOSED);
            assertThat(event.end()).isEqualTo(at("2024-05-06T12:10"));
            assertThat(event.realtime()).isTrue();
        });
    }

    @Test
    void aDriverWhoFallsSilentWhileDrivingIsNotAssumedToRest() {
        Replay replay =
                Replay.of(Track.of("V1", "2024-05-06T08:00").drive("4H10M", 60).fixes());

        replay.tick(at("2024-05-06T14:00"));

        assertThat(replay.episodes(EventType.FATIGUE))
                .singleElement()
                .extracting(SafetyEvent::open)
                .isEqualTo(true);
    }
}
