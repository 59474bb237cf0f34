package org.redwheel.monitoring;

import java.time.Instant;
import org.redwheel.safety.RuleSet;

/**
 * The ranges outside which the safety engine takes a fix for invalid (DOMAIN.md §3: position outside
 * China's extent, speed outside 0–160 km/h, altitude outside −200–6500 m, a time in the future), read
 * from the rule set the engine runs with so that playback and alarms agree.
 */
record FixValidity(
        double latMin,
        double latMax,
        double lonMin,
        double lonMax,
        double speedMaxKmh,
        int altitudeMinM,
        int altitudeMaxM,
        long futureToleranceS) {

    static FixValidity of(RuleSet rules) {
        return new FixValidity(
                number(rules, "invalid.latMin"),
                number(rules, "invalid.latMax"),
                number(rules, "invalid.lonMin"),
                number(rules, "invalid.lonMax"),
                number(rules, "invalid.speedMaxKmh"),
                (int) number(rules, "invalid.altitudeMinM"),
                (int) number(rules, "invalid.altitudeMaxM"),
                (long) number(rules, "invalid.futureToleranceS"));
    }

    /**
     * Whether the engine accepts the fix.
     *
     * @param receivedAt when the platform received it: a fix dated after that is dated in the future
     */
    boolean valid(double lat, double lon, double speedKmh, int altitudeM, Instant fixTime, Instant receivedAt) {
        return lat >= latMin
                && lat <= latMax
                && lon >= lonMin
                && lon <= lonMax
                && speedKmh >= 0
                && speedKmh <= speedMaxKmh
                && altitudeM >= altitudeMinM
                && altitudeM <= altitudeMaxM
                && !fixTime.isAfter(receivedAt.plusSeconds(futureToleranceS));
    }

    static double number(RuleSet rules, String key) {
        return Double.parseDouble(rules.rule(key).value());
    }
}
