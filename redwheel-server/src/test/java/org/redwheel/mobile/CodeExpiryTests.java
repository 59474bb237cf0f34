package org.redwheel.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A one-time code lives five minutes from its sending, to the second. */
class CodeExpiryTests {

    private static final Instant SENT = Instant.parse("2026-05-20T02:00:00Z");
    private final CodeExpiry expiry = new CodeExpiry(Duration.ofMinutes(5));

    @Test
    void isUsableAtFourMinutesFiftyNine() {
        assertThat(expiry.usableAt(SENT, SENT.plusSeconds(4 * 60 + 59))).isTrue();
        assertThat(expiry.usableAt(SENT, SENT)).isTrue();
    }

    @Test
    void isNotUsableAtFiveMinutesOrAfter() {
        assertThat(expiry.usableAt(SENT, SENT.plusSeconds(5 * 60))).isFalse();
        assertThat(expiry.usableAt(SENT, SENT.plusSeconds(5 * 60 + 1))).isFalse();
        assertThat(expiry.expiresAt(SENT)).isEqualTo(SENT.plusSeconds(300));
    }

    @Test
    void isNotUsableBeforeItWasSent() {
        assertThat(expiry.usableAt(SENT, SENT.minusSeconds(1))).isFalse();
    }
}
