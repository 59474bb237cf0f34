package org.redwheel.organization;

import java.time.LocalDate;

/**
 * A node of the Party organisation tree (党组织): the industry committee, a general branch, a
 * branch (in an enterprise or a village) or a Party group.
 *
 * @param depth 0 for the committee, growing downwards
 */
public record PartyOrganization(
        long id,
        Long parentId,
        PartyOrganizationKind kind,
        String name,
        String secretary,
        int membersCount,
        LocalDate foundedOn,
        Long villageId,
        String villageName,
        int depth,
        boolean active) {}
