package org.redwheel.sim;

import java.util.Objects;
import org.redwheel.jt808.ProtocolVersion;

/**
 * One simulated truck: the identity its terminal registers with, the protocol edition it speaks,
 * and how it drives. {@link Fleet} numbers trucks so a server can seed matching terminals.
 *
 * @param phone the terminal's phone number as sent in the header, digits only: at most 12 before
 *     2019, at most 20 in 2019 (the codec left-pads with zeros)
 * @param deviceId the terminal id of the registration: at most 7 characters before 2019
 * @param plate the licence plate, e.g. {@code 鲁QA0001}
 * @param seed drives the truck's random choices (cruise speeds, dwell times, speeding)
 */
public record SimulatedTruck(
        String phone,
        String deviceId,
        String plate,
        ProtocolVersion version,
        Route route,
        DrivingStyle style,
        long seed) {

    public SimulatedTruck {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(style, "style");
        int maxPhone = version == ProtocolVersion.V2019 ? 20 : 12;
        if (phone.isEmpty() || phone.length() > maxPhone || !phone.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("phone must be 1.." + maxPhone + " digits: " + phone);
        }
        int maxDevice = version == ProtocolVersion.V2019 ? 30 : 7;
        if (deviceId.isEmpty() || deviceId.length() > maxDevice) {
            throw new IllegalArgumentException("deviceId must be 1.." + maxDevice + " characters: " + deviceId);
        }
        if (plate.isBlank()) {
            throw new IllegalArgumentException("plate is blank");
        }
    }

    /** A fresh journey for this truck, the same every time. */
    public Journey journey() {
        return new Journey(route, style, seed);
    }
}
