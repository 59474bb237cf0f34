package org.redwheel.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Five wrong codes in a row lock a number for fifteen minutes. */
class LockoutTests {

    private static final Instant NOW = Instant.parse("2026-05-20T02:00:00Z");
    private final Lockout lockout = new Lockout(5, Duration.ofMinutes(15));

    @Test
    void fourWrongCodesLeaveOneAttempt() {
        Lockout.State state = new Lockout.State(0, null);
        for (int i = 0; i < 4; i++) {
            state = lockout.afterWrongCode(state.failures(), NOW);
        }
        assertThat(state.locked()).isFalse();
        assertThat(state.failures()).isEqualTo(4);
        assertThat(lockout.attemptsLeft(state.failures())).isEqualTo(1);
    }

    @Test
    void theFifthLocksForFifteenMinutesToTheSecond() {
        Lockout.State state = lockout.afterWrongCode(4, NOW);
        assertThat(state.locked()).isTrue();
        assertThat(state.failures()).as("counting starts again after the lock").isZero();
        assertThat(state.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(lockout.lockedAt(state.lockedUntil(), NOW.plusSeconds(14 * 60 + 59)))
                .isTrue();
        assertThat(lockout.lockedAt(state.lockedUntil(), NOW.plusSeconds(15 * 60)))
                .isFalse();
        assertThat(lockout.lockedAt(null, NOW)).isFalse();
    }
}
