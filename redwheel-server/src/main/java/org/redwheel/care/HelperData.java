package org.redwheel.care;

/**
 * What the county office enters for a helper.
 *
 * @param partyOrganizationId the Party organisation he belongs to, optional
 */
public record HelperData(String name, String phone, Long villageId, Long partyOrganizationId) {

    public static HelperData of(Helper h) {
        return new HelperData(h.name(), h.phone(), h.villageId(), h.partyOrganizationId());
    }
}
