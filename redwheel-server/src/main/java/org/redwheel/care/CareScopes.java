package org.redwheel.care;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.redwheel.identity.DataScope;
import org.redwheel.organization.PartyOrganization;
import org.redwheel.organization.PartyOrganizations;
import org.springframework.stereotype.Component;

/**
 * Which helpers an office user sees: the county all of them; a Party organisation subtree the
 * helpers of the villages of its village branches and those attached to one of its organisations.
 * Helpers themselves see only their own record, through their account, never through a scope.
 */
@Component
class CareScopes {

    private final PartyOrganizations partyOrganizations;

    CareScopes(PartyOrganizations partyOrganizations) {
        this.partyOrganizations = partyOrganizations;
    }

    /** SQL over {@code alias.village_id} and {@code alias.party_organization_id} of care_helper. */
    Condition helpers(DataScope scope, String alias) {
        return switch (scope.kind()) {
            case COUNTY -> new Condition("true", Map.of());
            case ORGANIZATION_SUBTREE -> {
                List<PartyOrganization> tree = partyOrganizations.tree(scope, true);
                List<Long> villages = tree.stream()
                        .map(PartyOrganization::villageId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
                List<Long> organizations =
                        tree.stream().map(PartyOrganization::id).toList();
                List<String> any = new ArrayList<>();
                Map<String, Object> params = new HashMap<>();
                if (!villages.isEmpty()) {
                    any.add(alias + ".village_id in (:scopeVillages)");
                    params.put("scopeVillages", villages);
                }
                if (!organizations.isEmpty()) {
                    any.add(alias + ".party_organization_id in (:scopeOrganizations)");
                    params.put("scopeOrganizations", organizations);
                }
                yield any.isEmpty()
                        ? new Condition("false", Map.of())
                        : new Condition("(" + String.join(" or ", any) + ")", params);
            }
            case ENTERPRISE, DEPARTMENT, ASSIGNED -> new Condition("false", Map.of());
        };
    }

    /** Whether a helper of this village and organisation lies within the scope. */
    boolean covers(DataScope scope, Long villageId, Long partyOrganizationId) {
        return switch (scope.kind()) {
            case COUNTY -> true;
            case ORGANIZATION_SUBTREE ->
                partyOrganizations.tree(scope, true).stream()
                        .anyMatch(o -> (villageId != null && villageId.equals(o.villageId()))
                                || (partyOrganizationId != null && partyOrganizationId == o.id()));
            case ENTERPRISE, DEPARTMENT, ASSIGNED -> false;
        };
    }

    /** A condition and its parameters, to be joined with {@code and}. */
    record Condition(String sql, Map<String, Object> params) {}
}
