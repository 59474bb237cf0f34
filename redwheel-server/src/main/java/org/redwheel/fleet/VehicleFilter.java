package org.redwheel.fleet;

/**
 * Filters of the vehicle registry; null fields do not filter.
 *
 * @param q part of the plate, the terminal number or the primary driver's name
 * @param expiring only vehicles whose inspection runs out within the warning days, or has
 * @param withTerminal with (true) or without (false) a bound terminal
 */
public record VehicleFilter(
        String q, Long enterpriseId, Boolean independent, Boolean expiring, Boolean withTerminal, Boolean active) {

    public static VehicleFilter activeOnes() {
        return new VehicleFilter(null, null, null, null, null, true);
    }
}
