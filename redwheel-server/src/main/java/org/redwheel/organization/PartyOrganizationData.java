package org.redwheel.organization;

import java.time.LocalDate;

/** What a user enters for a Party organisation node. */
public record PartyOrganizationData(
        Long parentId,
        PartyOrganizationKind kind,
        String name,
        String secretary,
        Integer membersCount,
        LocalDate foundedOn,
        Long villageId) {

    static PartyOrganizationData of(PartyOrganization o) {
        return new PartyOrganizationData(
                o.parentId(), o.kind(), o.name(), o.secretary(), o.membersCount(), o.foundedOn(), o.villageId());
    }

    /** An empty form for a new node under the given parent. */
    static PartyOrganizationData under(Long parentId, PartyOrganizationKind kind) {
        return new PartyOrganizationData(parentId, kind, null, null, 0, null, null);
    }
}
