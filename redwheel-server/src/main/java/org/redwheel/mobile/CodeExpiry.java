package org.redwheel.mobile;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a one-time code lives: usable from the moment it is sent until its lifetime has passed,
 * not at that instant nor after.
 */
record CodeExpiry(Duration lifetime) {

    Instant expiresAt(Instant sentAt) {
        return sentAt.plus(lifetime);
    }

    boolean usableAt(Instant sentAt, Instant now) {
        return !now.isBefore(sentAt) && now.isBefore(expiresAt(sentAt));
    }
}
