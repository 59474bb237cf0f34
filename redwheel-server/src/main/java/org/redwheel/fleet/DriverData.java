package org.redwheel.fleet;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * What a user (the console form, the API body, an import row) enters for a driver.
 *
 * <p>On a change, a blank {@code idNumber} or {@code qualificationNumber} keeps the stored one:
 * nobody has to see a number again to edit the rest.
 *
 * @param enterpriseId null for an independent driver (个体司机)
 * @param townshipId may be left out when the village is given
 * @param licenceExpiry null for a licence valid without limit (长期)
 * @param locationConsent whether the driver consented to location monitoring (PIPL); with it the
 *     date he signed and the version of the consent text
 */
public record DriverData(
        String name,
        String phone,
        String idNumber,
        LicenceClass licenceClass,
        @DateTimeFormat(iso = ISO.DATE) LocalDate licenceExpiry,
        String qualificationNumber,
        @DateTimeFormat(iso = ISO.DATE) LocalDate qualificationExpiry,
        Long enterpriseId,
        Long townshipId,
        Long villageId,
        PartyStatus partyStatus,
        String emergencyContactName,
        String emergencyContactPhone,
        Boolean locationConsent,
        @DateTimeFormat(iso = ISO.DATE) LocalDate consentDate,
        String consentVersion) {

    public boolean consented() {
        return Boolean.TRUE.equals(locationConsent);
    }

    /** The form of an existing driver: the numbers stay blank (kept unless retyped). */
    public static DriverData of(Driver d) {
        return new DriverData(
                d.name(),
                d.phone(),
                null,
                d.licenceClass(),
                d.licenceExpiry(),
                null,
                d.qualificationExpiry(),
                d.enterpriseId(),
                d.townshipId(),
                d.villageId(),
                d.partyStatus(),
                d.emergencyContactName(),
                d.emergencyContactPhone(),
                d.consentDate() != null,
                d.consentDate(),
                d.consentVersion());
    }

    /** An empty form; an enterprise user's own enterprise is filled in. */
    public static DriverData empty(Long enterpriseId, String consentVersion) {
        return new DriverData(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                enterpriseId,
                null,
                null,
                PartyStatus.NONE,
                null,
                null,
                false,
                null,
                consentVersion);
    }
}
