package org.redwheel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTests {

    /** RFC 6238 appendix B test key for HMAC-SHA1: ASCII "12345678901234567890". */
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfc6238TestVectorsInSixDigits() {
        // RFC 6238 gives 8 digits; the 6-digit code is their last six.
        assertThat(Totp.codeAt(RFC_SECRET, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.codeAt(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.codeAt(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924");
        assertThat(Totp.codeAt(RFC_SECRET, 2000000000L / 30)).isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfClockSkewButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        long step = now.getEpochSecond() / 30;
        assertThat(Totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 1), now))
                .isTrue();
        assertThat(Totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 1), now))
                .isTrue();
        assertThat(Totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 2), now))
                .isFalse();
    }

    @Test
    void refusesMissingOrMalformedCodes() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.verify(RFC_SECRET, null, now)).isFalse();
        assertThat(Totp.verify(RFC_SECRET, "28708", now)).isFalse();
        assertThat(Totp.verify(RFC_SECRET, "abcdef", now)).isFalse();
    }

    @Test
    void base32RoundTrips() {
        byte[] bytes = {0, 1, 2, (byte) 0xfe, (byte) 0xff, 42, 7, 9, 10, 11};
        assertThat(Totp.unbase32(Totp.base32(bytes))).isEqualTo(bytes);
        assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
    }
}
