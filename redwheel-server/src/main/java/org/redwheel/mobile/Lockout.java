package org.redwheel.mobile;

import java.time.Duration;
import java.time.Instant;

/**
 * Wrong codes in a row lock a phone number for a while, whether or not it is a driver's; a right
 * code resets the count. While locked, no code is sent and none is accepted.
 */
record Lockout(int maxWrongCodes, Duration duration) {

    boolean lockedAt(Instant lockedUntil, Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * The state after one more wrong code.
     *
     * @param failuresBefore wrong codes in a row before this one
     */
    State afterWrongCode(int failuresBefore, Instant now) {
        int failures = failuresBefore + 1;
        if (failures >= maxWrongCodes) {
            return new State(0, now.plus(duration));
        }
        return new State(failures, null);
    }

    /** How many more wrong codes the phone may enter before it is locked. */
    int attemptsLeft(int failures) {
        return Math.max(0, maxWrongCodes - failures);
    }

    /**
     * @param failures wrong codes in a row (0 again once locked)
     * @param lockedUntil null when this wrong code did not lock the phone
     */
    record State(int failures, Instant lockedUntil) {

        boolean locked() {
            return lockedUntil != null;
        }
    }
}
