package org.redwheel.fleet;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A freight driver (货运司机) as the survey records him. The ID number and the qualification
 * certificate number are only ever here masked; {@link Drivers#revealIdNumber} shows the full ID
 * number to those allowed, and audits it.
 *
 * @param enterpriseId null for an independent driver
 * @param consentDate the day he consented to location monitoring; null without consent
 */
public record Driver(
        long id,
        String name,
        String phone,
        String idNumberMasked,
        LicenceClass licenceClass,
        LocalDate licenceExpiry,
        String qualificationMasked,
        LocalDate qualificationExpiry,
        Long enterpriseId,
        String enterpriseName,
        Long townshipId,
        String townshipName,
        Long villageId,
        String villageName,
        PartyStatus partyStatus,
        String emergencyContactName,
        String emergencyContactPhone,
        String consentVersion,
        LocalDate consentDate,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public boolean independent() {
        return enterpriseId == null;
    }

    public boolean consented() {
        return consentDate != null;
    }

    /** Whether a document of his expires on or before the day ({@code today} + the warning days). */
    public boolean documentDue(LocalDate limit) {
        return (licenceExpiry != null && !licenceExpiry.isAfter(limit))
                || (qualificationExpiry != null && !qualificationExpiry.isAfter(limit));
    }

    /** The same driver with the phone numbers masked (3 + **** + 4), for roles that do not call drivers. */
    public Driver withPhonesMasked() {
        return new Driver(
                id,
                name,
                DriverPrivacy.maskPhone(phone),
                idNumberMasked,
                licenceClass,
                licenceExpiry,
                qualificationMasked,
                qualificationExpiry,
                enterpriseId,
                enterpriseName,
                townshipId,
                townshipName,
                villageId,
                villageName,
                partyStatus,
                emergencyContactName,
                DriverPrivacy.maskPhone(emergencyContactPhone),
                consentVersion,
                consentDate,
                active,
                createdAt,
                updatedAt);
    }
}
