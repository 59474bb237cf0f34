package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.redwheel.safety.Track.at;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTests {

    @Test
    void everyDefaultThresholdNamesItsSource() {
        assertThat(RuleSet.defaults().rules())
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.source()).isNotBlank());
        assertThat(RuleSet.defaults().rule("fatigue.continuousLimitS"))
                .extracting(RuleSet.Rule::value, RuleSet.Rule::source)
                .containsExactly("14400", "道路交通安全法实施条例 第62条第7项; JT/T 808 参数 0x0057");
    }

    @Test
    void theExportedTextReadsBackToAnEqualRuleSet() {
        RuleSet changed = RuleSet.defaults()
                .with("fatigue.nightStart", "23:00", "[local] 县交通运输局 2024 年第 3 号通知")
                .withVersion("linshu-2024.3");

        String text = changed.toText();

        assertThat(text)
                .contains("version=linshu-2024.3\n")
                .contains("fatigue.nightStart=23:00 # [local] 县交通运输局 2024 年第 3 号通知\n");
        assertThat(RuleSet.parse(text)).isEqualTo(changed);
    }

    @Test
    void aFileNeedsOnlyTheVersionAndTheRulesItChanges() {
        RuleSet rules = RuleSet.parse("""
                # exported by the console
                version = 2024.2

                fatigue.continuousLimitS = 10800   # [local] stricter for dangerous goods
                overspeed.grade.minorPct=10
                """);

        assertThat(rules.version()).isEqualTo("2024.2");
        assertThat(rules.rule("fatigue.continuousLimitS"))
                .extracting(RuleSet.Rule::value, RuleSet.Rule::source)
                .containsExactly("10800", "[local] stricter for dangerous goods");
        assertThat(rules.rule("overspeed.grade.minorPct").source()).isEmpty();
        assertThat(rules.rule("fatigue.minRestS")).isEqualTo(RuleSet.defaults().rule("fatigue.minRestS"));
    }

    @Test
    void aBadLineIsRejectedNamingTheLineAndTheKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RuleSet.parse("version=1\nfatigue.minRestS=twenty minutes\n"))
                .withMessage("line 2: fatigue.minRestS: not a whole number of seconds: 'twenty minutes'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RuleSet.parse("version=1\n\nfatigue.maxS=1\n"))
                .withMessage("line 3: fatigue.maxS: unknown rule");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RuleSet.parse("fatigue.minRestS=1200\n"))
                .withMessageStartingWith("version: missing");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RuleSet.parse("version=1\nfatigue.nightStart=25:00\n"))
                .withMessageContaining("fatigue.nightStart: not a time of day");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RuleSet.parse("version=1\nterminalAlarm.bits=1,2,40\n"))
                .withMessageContaining("alarm bits are 0 to 31");
    }

    @Test
    void rulesThatContradictEachOtherAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RuleSet.defaults().with("overspeed.grade.seriousPct", "60", ""))
                .withMessageContaining("grade bands must rise");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RuleSet.defaults().with("timeline.maxSampleGapS", "1200", ""))
                .withMessageContaining("must be shorter than fatigue.minRestS");
    }

    @Test
    void aChangedRuleTakesEffectWithoutARestart() {
        Track track = Track.of("V1", "2024-05-06T08:00").drive("3H10M", 60);
        SafetyEngine engine = new SafetyEngine(RuleSet.defaults());
        Replay replay = new Replay(engine).feed(track.fixes());
        int before = track.fixes().size();

        engine.updateRules(RuleSet.parse("version=2024.2\nfatigue.continuousLimitS=10800 # [local] test\n"));
        List<Fix> more = track.drive("1M", 60).fixes();
        replay.feed(more.subList(before, more.size()));

        assertThat(replay.episodes(EventType.FATIGUE)).singleElement().satisfies(event -> {
            // over the new limit already: the episode starts where the new rules took over
            assertThat(event.start()).isEqualTo(at("2024-05-06T11:10"));
            assertThat(event.ruleSetVersion()).isEqualTo("2024.2");
        });
        // past the new pre-warning and the new limit at the same second: straight to fatigue
        assertThat(replay.events(EventType.FATIGUE_PRE_WARNING)).isEmpty();
    }
}
