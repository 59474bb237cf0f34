package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.redwheel.safety.Track.at;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LateFixTests {

    static List<Fix> receivedAt(List<Fix> fixes, Instant receivedAt) {
        return fixes.stream().map(fix -> fix.withReceivedAt(receivedAt)).toList();
    }

    @Test
    void aBlindAreaUploadIsRecordedButNeverReminded() {
        List<Fix> drive = Track.of("V1", "2024-05-06T08:00").drive("4H10M", 60).fixes();

        Replay replay = Replay.of(receivedAt(drive, at("2024-05-06T12:20")));

        assertThat(replay.episodes())
                .extracting(SafetyEvent::type, SafetyEvent::start)
                .containsExactly(
                        tuple(EventType.FATIGUE_PRE_WARNING, at("2024-05-06T11:30")),
                        tuple(EventType.FATIGUE, at("2024-05-06T12:00")));
        assertThat(replay.events)
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.realtime()).isFalse());
        assertThat(replay.status("V1").todayDrivingS()).isEqualTo(4 * 3600 + 10 * 60);
    }

    @Test
    void aLateEpisodeStillGoingOnIsRemindedOnceAFixIsCurrent() {
        Track track = Track.of("V1", "2024-05-06T08:00").drive("4H10M", 60);
        List<Fix> backlog = receivedAt(track.fixes(), at("2024-05-06T12:12:30"));
        List<Fix> live = track.skip(Duration.ofMinutes(3)).drive("5M", 60).fixes();
        live = live.subList(backlog.size(), live.size());

        Replay replay = Replay.of(backlog).feed(live);

        assertThat(replay.events(EventType.FATIGUE))
                .extracting(SafetyEvent::phase, SafetyEvent::realtime, SafetyEvent::start)
                .containsExactly(
                        tuple(Phase.OPENED, false, at("2024-05-06T12:00")),
                        tuple(Phase.UPDATED, true, at("2024-05-06T12:00")));
    }

    @Test
    void aFixReceivedWithinTheLatenessIsRealtime() {
        List<Fix> drive = Track.of("V1", "2024-05-06T08:00").drive("4H10M", 60).fixes();
        List<Fix> slightlyLate = drive.stream()
                .map(fix -> fix.withReceivedAt(fix.time().plusSeconds(120)))
                .toList();
        List<Fix> tooLate = drive.stream()
                .map(fix -> fix.withReceivedAt(fix.time().plusSeconds(121)))
                .toList();

        assertThat(Replay.of(slightlyLate).events)
                .allSatisfy(event -> assertThat(event.realtime()).isTrue());
        assertThat(Replay.of(tooLate).events)
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.realtime()).isFalse());
    }

    /** Live until 10:00, a blind area until 12:30, live again from 12:30; 11:00 was too fast for a minute. */
    static Track blindAreaDay() {
        return Track.of("V1", "2024-05-06T08:00")
                .drive("2H", 60)
                .drive("1H", 60)
                .drive("1M", 100)
                .drive("1H29M", 60)
                .drive("10M", 60);
    }

    static List<Fix> between(List<Fix> fixes, String from, String to) {
        return fixes.stream()
                .filter(fix -> !fix.time().isBefore(at(from)) && fix.time().isBefore(at(to)))
                .toList();
    }

    @Test
    void fixesOlderThanTheNewestArePlacedWhereTheyBelong() {
        List<Fix> all = blindAreaDay().fixes();
        List<Fix> arrival = new ArrayList<>();
        arrival.addAll(between(all, "2024-05-06T08:00", "2024-05-06T10:00:01"));
        arrival.addAll(between(all, "2024-05-06T12:30", "2024-05-06T12:40:01"));
        arrival.addAll(receivedAt(between(all, "2024-05-06T10:00:01", "2024-05-06T12:30"), at("2024-05-06T12:41")));

        Replay inOrder = Replay.of(all);
        Replay late = Replay.of(arrival);

        assertThat(late.status("V1"))
                .extracting(
                        VehicleStatus::todayDrivingS, VehicleStatus::rollingDrivingS, VehicleStatus::continuousDrivingS)
                .containsExactly(4 * 3600 + 40 * 60L, 4 * 3600 + 40 * 60L, 4 * 3600 + 40 * 60L)
                .isEqualTo(List.of(
                        inOrder.status("V1").todayDrivingS(),
                        inOrder.status("V1").rollingDrivingS(),
                        inOrder.status("V1").continuousDrivingS()));
        assertThat(late.episodes())
                .extracting(SafetyEvent::type, SafetyEvent::start, SafetyEvent::realtime)
                .containsExactlyInAnyOrder(
                        tuple(EventType.FATIGUE_PRE_WARNING, at("2024-05-06T11:30"), true),
                        tuple(EventType.FATIGUE, at("2024-05-06T12:00"), true),
                        tuple(EventType.OVERSPEED, at("2024-05-06T11:00:30"), false));
        assertThat(inOrder.episodes())
                .extracting(SafetyEvent::type, SafetyEvent::start)
                .containsExactlyInAnyOrder(
                        tuple(EventType.FATIGUE_PRE_WARNING, at("2024-05-06T11:30")),
                        tuple(EventType.FATIGUE, at("2024-05-06T12:00")),
                        tuple(EventType.OVERSPEED, at("2024-05-06T11:00:30")));
    }

    @Test
    void aBacklogThatShowsARestWithdrawsTheFatigueItUndoes() {
        // 150 km in the 2 h 30 min of silence leaves no room for a rest: the live engine reports fatigue
        Track track = Track.of("V1", "2024-05-06T08:00").drive("2H", 60);
        List<Fix> before = track.fixes();
        List<Fix> backlog =
                new ArrayList<>(track.every(60).stop("30M").drive("2H", 75).fixes());
        backlog = backlog.subList(before.size(), backlog.size() - 1);
        List<Fix> after = track.every(30).drive("10M", 60).fixes();
        after = after.subList(before.size() + backlog.size(), after.size());

        Replay replay = Replay.of(before).feed(after);
        SafetyEvent reported = replay.episodes(EventType.FATIGUE).get(0);
        replay.feed(receivedAt(backlog, at("2024-05-06T12:41")));

        assertThat(reported.start()).isEqualTo(at("2024-05-06T12:00"));
        assertThat(reported.realtime()).isTrue();
        assertThat(replay.episodes(EventType.FATIGUE)).singleElement().satisfies(event -> {
            assertThat(event.phase()).isEqualTo(Phase.CLOSED);
            assertThat(event.end()).isEqualTo(event.start());
            assertThat(event.realtime()).isFalse();
        });
        assertThat(replay.status("V1").continuousDrivingS()).isEqualTo(2 * 3600 + 10 * 60);
    }

    @Test
    void aBacklogThatStopsArrivingIsClosedOnceItIsOlderThanTheLateness() {
        List<Fix> live = Track.of("V1", "2024-05-06T10:00").drive("10M", 60).fixes();
        List<Fix> backlog = receivedAt(OverspeedTests.perSecond(OverspeedTests.run(100, 40)), at("2024-05-06T10:10"));

        Replay replay = Replay.of(live).feed(backlog);
        assertThat(replay.episodes(EventType.OVERSPEED))
                .singleElement()
                .extracting(SafetyEvent::open)
                .isEqualTo(true);
        replay.tick(at("2024-05-06T10:12"));

        assertThat(replay.episodes(EventType.OVERSPEED)).singleElement().satisfies(event -> {
            assertThat(event.start()).isEqualTo(OverspeedTests.T0);
            assertThat(event.end()).isEqualTo(OverspeedTests.T0.plusSeconds(39));
            assertThat(event.realtime()).isFalse();
        });
    }
}
