package org.redwheel.identity;

import java.time.Instant;

/** A staff account as stored. The password hash and TOTP secret never leave this module. */
record Account(
        long id,
        String username,
        String displayName,
        String phone,
        String passwordHash,
        Role role,
        DataScope scope,
        boolean mustChangePassword,
        int failedAttempts,
        Instant lockedUntil,
        String totpSecret,
        boolean totpEnabled,
        boolean active,
        Instant lastLoginAt,
        Instant createdAt) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
