package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalAlarmTests {

    static final Instant T0 = OverspeedTests.T0;
    static final int EMERGENCY = 1;
    static final int OVERSPEED = 1 << 1;
    static final int FATIGUE = 1 << 2;

    @Test
    void theEmergencyBitIsAnAlarmUntilItClears() {
        List<Fix> fixes = new ArrayList<>(OverspeedTests.perSecond(OverspeedTests.run(60, 10)));
        fixes.replaceAll(
                fix -> fix.time().getEpochSecond() - T0.getEpochSecond() < 5 ? fix.withAlarmFlags(EMERGENCY) : fix);

        Replay replay = Replay.of(fixes);

        assertThat(replay.events)
                .extracting(SafetyEvent::type, SafetyEvent::phase, SafetyEvent::terminalAlarmBit, SafetyEvent::end)
                .containsExactly(
                        tuple(EventType.TERMINAL_ALARM, Phase.OPENED, 0, null),
                        tuple(EventType.TERMINAL_ALARM, Phase.CLOSED, 0, T0.plusSeconds(4)));
    }

    @Test
    void aFatigueBitDuringAComputedFatigueEpisodeIsAttachedToItNotDoubled() {
        List<Fix> fixes = new ArrayList<>(
                Track.of("V1", "2024-05-06T08:00").drive("4H10M", 60).fixes());
        fixes.replaceAll(fix -> fix.time().isAfter(Track.at("2024-05-06T12:05")) ? fix.withAlarmFlags(FATIGUE) : fix);

        Replay replay = Replay.of(fixes);

        assertThat(replay.events(EventType.TERMINAL_ALARM)).isEmpty();
        assertThat(replay.events(EventType.FATIGUE))
                .extracting(SafetyEvent::phase, SafetyEvent::terminalAlarmBit)
                .containsExactly(tuple(Phase.OPENED, null), tuple(Phase.UPDATED, 2));
    }

    @Test
    void aTerminalOverspeedBitIsTakenOverByTheComputedEpisodeWhenItOpens() {
        List<Fix> fixes = new ArrayList<>(OverspeedTests.perSecond(
                OverspeedTests.concat(OverspeedTests.run(100, 40), OverspeedTests.run(80, 70))));
        fixes.replaceAll(fix -> fix.speedKmh() > 90 ? fix.withAlarmFlags(OVERSPEED) : fix);

        Replay replay = Replay.of(fixes);

        assertThat(replay.episodes())
                .extracting(SafetyEvent::type, SafetyEvent::start, SafetyEvent::end, SafetyEvent::terminalAlarmBit)
                .containsExactly(
                        tuple(EventType.TERMINAL_ALARM, T0, T0.plusSeconds(30), 1),
                        tuple(EventType.OVERSPEED, T0, T0.plusSeconds(39), 1));
    }

    @Test
    void bitsOutsideTheWatchedSetAreIgnored() {
        Fix gnssFault = Fix.of("V1", T0, 35, 118.3, 0).withAlarmFlags(1 << 4);

        assertThat(new SafetyEngine(RuleSet.defaults()).accept(gnssFault)).isEmpty();
    }
}
