package org.redwheel.fleet;

/**
 * Filters of the driver list; null fields do not filter.
 *
 * @param q part of the name or the phone number, or a whole ID number (matched exactly)
 * @param enterpriseId the drivers of this enterprise
 * @param independent only independent drivers (true) or only enterprises' drivers (false)
 * @param villageId the residence village
 * @param expiring only drivers whose licence or qualification certificate expires within the
 *     warning days, or has expired
 * @param active active (the default) or deactivated drivers
 */
public record DriverFilter(
        String q,
        Long enterpriseId,
        Boolean independent,
        Long townshipId,
        Long villageId,
        PartyStatus partyStatus,
        Boolean expiring,
        Boolean active) {

    public static DriverFilter activeOnes() {
        return new DriverFilter(null, null, null, null, null, null, null, true);
    }
}
