package org.redwheel.fleet;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * What a user enters for a vehicle.
 *
 * @param plateColor JT/T 808 colour code: 1 blue, 2 yellow, 3 black, 4 white, 5 green, 9 other
 * @param totalMassKg the total mass (总质量) in kilograms
 * @param lengthM the cargo body length in metres (4.2, 6.8, 9.6, 13, 17.5 …)
 * @param enterpriseId null for an independent owner's vehicle
 * @param transportPermit the road-transport permit number (道路运输证号)
 * @param inspectionExpiry the day the periodic inspection (检验有效期) runs out
 */
public record VehicleData(
        String plate,
        Integer plateColor,
        String vehicleType,
        Integer totalMassKg,
        BigDecimal lengthM,
        Long enterpriseId,
        String transportPermit,
        @DateTimeFormat(iso = ISO.DATE) LocalDate inspectionExpiry) {

    public static VehicleData of(VehicleDetails v) {
        return new VehicleData(
                v.plate(),
                v.plateColor(),
                v.vehicleType(),
                v.totalMassKg(),
                v.lengthM(),
                v.enterpriseId(),
                v.transportPermit(),
                v.inspectionExpiry());
    }

    public static VehicleData empty(Long enterpriseId) {
        return new VehicleData(null, 2, null, null, null, enterpriseId, null, null);
    }
}
