package org.redwheel.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.mobile.SendLimits.Refusal;

/** One code a minute and five an hour per phone, twenty an hour per address. */
class SendLimitsTests {

    private static final Instant T0 = Instant.parse("2026-05-20T02:00:00Z");
    private final SendLimits limits = new SendLimits(Duration.ofMinutes(1), 5, 20);

    @Test
    void theFirstCodeGoesOut() {
        assertThat(limits.decide(List.of(), List.of(), T0).allowed()).isTrue();
    }

    @Test
    void aSecondCodeWaitsAMinute() {
        var soon = limits.decide(List.of(T0), List.of(T0), T0.plusSeconds(59));
        assertThat(soon.refusal()).isEqualTo(Refusal.PHONE_TOO_SOON);
        assertThat(soon.retryAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(limits.decide(List.of(T0), List.of(T0), T0.plusSeconds(60)).allowed())
                .isTrue();
    }

    @Test
    void aSixthCodeWithinAnHourIsRefusedUntilTheFirstAgesOut() {
        List<Instant> sends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sends.add(T0.plus(Duration.ofMinutes(10L * i)));
        }
        Instant sixth = T0.plus(Duration.ofMinutes(45));
        var refused = limits.decide(sends, sends, sixth);
        assertThat(refused.refusal()).isEqualTo(Refusal.PHONE_HOURLY);
        assertThat(refused.retryAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(limits.decide(sends, sends, T0.plus(Duration.ofMinutes(59)).plusSeconds(59))
                        .allowed())
                .isFalse();
        assertThat(limits.decide(sends, sends, T0.plus(Duration.ofHours(1))).allowed())
                .as("the first send is an hour old")
                .isTrue();
    }

    @Test
    void anAddressMayAskTwentyTimesAnHourWhateverTheNumbers() {
        List<Instant> address = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            address.add(T0.plus(Duration.ofMinutes(i)));
        }
        Instant now = T0.plus(Duration.ofMinutes(30));
        assertThat(limits.decide(List.of(), address, now).allowed()).isTrue();
        address.add(T0.plus(Duration.ofMinutes(19)));
        var refused = limits.decide(List.of(), address, now);
        assertThat(refused.refusal()).isEqualTo(Refusal.ADDRESS_HOURLY);
        assertThat(refused.retryAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void sendsOlderThanAnHourDoNotCount() {
        List<Instant> old = List.of(
                T0.minus(Duration.ofHours(2)),
                T0.minus(Duration.ofMinutes(61)),
                T0.minus(Duration.ofMinutes(60)),
                T0.minus(Duration.ofMinutes(70)),
                T0.minus(Duration.ofMinutes(90)));
        assertThat(limits.decide(old, old, T0).allowed()).isTrue();
    }
}
