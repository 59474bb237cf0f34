package org.redwheel.appeals;

import java.time.Instant;

/**
 * A hard problem (难题) on the escort alliance's claim-and-solve board (领题攻坚): several drivers'
 * similar appeals linked to one record that one department claims, works and solves. Its title,
 * description and solution carry no personal data: they become public when it is solved.
 *
 * @param claimedUnitName the claiming department's short name (or name)
 * @param appeals how many appeals are linked to it
 */
public record Problem(
        long id,
        AppealCategory category,
        String title,
        String description,
        ProblemStatus status,
        Instant postedAt,
        String postedBy,
        Long claimedUnitId,
        String claimedUnitName,
        Instant claimedAt,
        String claimedBy,
        Instant startedAt,
        Instant solvedAt,
        String solvedBy,
        String solution,
        int appeals) {

    public boolean claimed() {
        return claimedUnitId != null;
    }
}
