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
        Long villageId) {}
