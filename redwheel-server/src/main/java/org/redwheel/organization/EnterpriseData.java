package org.redwheel.organization;

import java.math.BigDecimal;

/**
 * What a user enters for an enterprise, in the console form and in the API body. Absent flags
 * (an unticked box, a field left out of the JSON) mean no.
 */
public record EnterpriseData(
        String name,
        String creditCode,
        String address,
        BigDecimal latitude,
        BigDecimal longitude,
        String legalRepresentative,
        String safetyOfficerName,
        String safetyOfficerPhone,
        Integer fleetSize,
        Long townshipId,
        Long partyOrgId,
        Boolean hasUnion,
        Boolean hasYouthLeague,
        Boolean hasWomensFederation,
        Boolean demonstrationSite) {

    public boolean union() {
        return Boolean.TRUE.equals(hasUnion);
    }

    public boolean youthLeague() {
        return Boolean.TRUE.equals(hasYouthLeague);
    }

    public boolean womensFederation() {
        return Boolean.TRUE.equals(hasWomensFederation);
    }

    public boolean demonstration() {
        return Boolean.TRUE.equals(demonstrationSite);
    }

    static EnterpriseData of(Enterprise e) {
        return new EnterpriseData(
                e.name(),
                e.creditCode(),
                e.address(),
                e.latitude(),
                e.longitude(),
                e.legalRepresentative(),
                e.safetyOfficerName(),
                e.safetyOfficerPhone(),
                e.fleetSize(),
                e.townshipId(),
                e.partyOrgId(),
                e.hasUnion(),
                e.hasYouthLeague(),
                e.hasWomensFederation(),
                e.demonstrationSite());
    }

    static EnterpriseData empty() {
        return new EnterpriseData(
                null, null, null, null, null, null, null, null, 0, null, null, false, false, false, false);
    }
}
