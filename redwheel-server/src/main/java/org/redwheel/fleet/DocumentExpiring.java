package org.redwheel.fleet;

import java.time.LocalDate;

/**
 * A driver's licence or qualification certificate, or a vehicle's inspection, runs out soon (or
 * has run out); published once per document and expiry date, after the enterprise was told. The
 * hook for telling the driver himself once drivers have accounts: a listener sends it to
 * {@code driverId} (the vehicle's current primary driver for an inspection), when there is one.
 *
 * @param subjectId the driver's id for a licence or certificate, the vehicle's for an inspection
 */
public record DocumentExpiring(
        Document document, long subjectId, Long driverId, Long vehicleId, Long enterpriseId, LocalDate expiresOn) {

    /** The documents whose expiry is watched. */
    public enum Document {
        /** 机动车驾驶证 */
        DRIVING_LICENCE,
        /** 道路运输从业资格证 */
        QUALIFICATION_CERTIFICATE,
        /** 机动车检验有效期 */
        VEHICLE_INSPECTION;

        public String messageKey() {
            return "document." + name();
        }
    }
}
