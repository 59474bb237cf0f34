package org.redwheel.organization;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A logistics enterprise (物流企业) with its Party branch and the mass organisations (union, Youth
 * League, women's federation) set up in it.
 */
public record Enterprise(
        long id,
        String name,
        String creditCode,
        String address,
        BigDecimal latitude,
        BigDecimal longitude,
        String legalRepresentative,
        String safetyOfficerName,
        String safetyOfficerPhone,
        int fleetSize,
        Long townshipId,
        String townshipName,
        Long partyOrgId,
        String partyOrgName,
        boolean hasUnion,
        boolean hasYouthLeague,
        boolean hasWomensFederation,
        boolean demonstrationSite,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public boolean hasPartyOrganization() {
        return partyOrgId != null;
    }
}
