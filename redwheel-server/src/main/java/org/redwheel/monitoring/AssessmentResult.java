package org.redwheel.monitoring;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One day's assessment of an enterprise, or of the county when {@code enterpriseId} is null.
 *
 * @param enterpriseName the enterprise's name, null for the county
 * @param computedBy {@code system} for the scheduled job, else the administrator who recomputed it
 */
public record AssessmentResult(
        LocalDate day,
        Long enterpriseId,
        String enterpriseName,
        AssessmentScoring.Counts counts,
        AssessmentScoring.Rates rates,
        AssessmentScoring.Points points,
        Instant computedAt,
        String computedBy) {

    public boolean county() {
        return enterpriseId == null;
    }

    /** An enterprise without vehicles is listed but not assessed. */
    public boolean assessed() {
        return points.total() != null;
    }
}
