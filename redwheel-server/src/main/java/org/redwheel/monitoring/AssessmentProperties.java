package org.redwheel.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Assessment metrics and spot-checks ({@code redwheel.assessment.*}).
 *
 * @param gapDistanceKm consecutive valid fixes further apart than this make an incomplete piece of
 *     track
 * @param gapInterval consecutive valid fixes further apart in time than this make an incomplete
 *     piece of track (a moving terminal reports every 30 s or so)
 * @param backfillDays at start-up (and every few hours) missing days this far back are computed
 * @param spotCheckDeadline how long an enterprise has to answer a spot-check
 */
@ConfigurationProperties("redwheel.assessment")
record AssessmentProperties(
        Double gapDistanceKm, Duration gapInterval, Integer backfillDays, Duration spotCheckDeadline) {

    AssessmentProperties {
        gapDistanceKm = gapDistanceKm == null ? 2.0 : gapDistanceKm;
        gapInterval = gapInterval == null ? Duration.ofMinutes(5) : gapInterval;
        backfillDays = backfillDays == null ? 30 : backfillDays;
        spotCheckDeadline = spotCheckDeadline == null ? Duration.ofMinutes(10) : spotCheckDeadline;
    }
}
