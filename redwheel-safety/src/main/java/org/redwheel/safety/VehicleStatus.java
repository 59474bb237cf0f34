package org.redwheel.safety;

import java.time.Instant;
import java.util.List;

/**
 * What the monitoring desk shows for a vehicle, as of its newest fix.
 *
 * @param driverId the current driver, {@code null} when not identified
 * @param todayDrivingS the current driver's driving since local midnight (Beijing time by default)
 * @param rollingDrivingS the current driver's driving in the rolling daily window (24 h)
 * @param continuousDrivingS driving since the last rest of at least the minimum; 0 once a rest is
 *     complete
 * @param currentLimitKmh the limit at the newest valid fix, {@code null} when none applies
 * @param limitSource where that limit comes from, as in {@link SafetyEvent#limitSource()}
 * @param openEpisodes the latest event of each open episode of the vehicle and its current driver
 */
public record VehicleStatus(
        String vehicleId,
        String driverId,
        Instant lastFixTime,
        Instant lastReceivedAt,
        long todayDrivingS,
        long rollingDrivingS,
        long continuousDrivingS,
        Integer currentLimitKmh,
        String limitSource,
        List<SafetyEvent> openEpisodes) {

    public VehicleStatus {
        openEpisodes = List.copyOf(openEpisodes);
    }
}
