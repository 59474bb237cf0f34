package org.redwheel.fleet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A vehicle (车辆) as the registry keeps it: its documents, its terminal and its current primary
 * driver.
 */
public record VehicleDetails(
        long id,
        String plate,
        int plateColor,
        String vehicleType,
        Integer totalMassKg,
        BigDecimal lengthM,
        Long enterpriseId,
        String enterpriseName,
        String transportPermit,
        LocalDate inspectionExpiry,
        Long terminalId,
        String terminalPhone,
        Long primaryDriverId,
        String primaryDriverName,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public boolean inspectionDue(LocalDate limit) {
        return inspectionExpiry != null && !inspectionExpiry.isAfter(limit);
    }
}
