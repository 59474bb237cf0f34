package org.redwheel.organization;

/**
 * Filters of the enterprise list; null fields do not filter.
 *
 * @param q part of the name, credit code or address
 * @param townshipId the township the enterprise is registered in
 * @param withPartyOrganization whether a Party organisation is set up in it
 * @param demonstrationSite only the demonstration sites
 * @param active active (default) or deactivated ones
 */
public record EnterpriseFilter(
        String q, Long townshipId, Boolean withPartyOrganization, Boolean demonstrationSite, Boolean active) {

    public static EnterpriseFilter activeOnes() {
        return new EnterpriseFilter(null, null, null, null, true);
    }
}
