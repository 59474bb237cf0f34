package org.redwheel.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redwheel.PageRequest;
import org.redwheel.identity.DataScope;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseFilter;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.PartyOrganization;
import org.redwheel.organization.PartyOrganizations;
import org.springframework.stereotype.Component;

/**
 * Translates a data scope into conditions on the fleet's tables. The county sees everything; an
 * enterprise its own drivers and vehicles; a Party organisation subtree the enterprises it covers
 * and the drivers living in the villages of its village branches (the residence channel); other
 * scopes nothing yet (helpers' assigned drivers come with the care module).
 */
@Component
class FleetScopes {

    private final EnterpriseRegistry enterprises;
    private final PartyOrganizations partyOrganizations;

    FleetScopes(EnterpriseRegistry enterprises, PartyOrganizations partyOrganizations) {
        this.enterprises = enterprises;
        this.partyOrganizations = partyOrganizations;
    }

    /** SQL over {@code alias.enterprise_id} and {@code alias.village_id} of fleet_driver. */
    Condition drivers(DataScope scope, String alias) {
        return switch (scope.kind()) {
            case COUNTY -> Condition.all();
            case ENTERPRISE ->
                new Condition(alias + ".enterprise_id = :scopeEnterprise", Map.of("scopeEnterprise", scope.targetId()));
            case ORGANIZATION_SUBTREE -> {
                List<String> any = new ArrayList<>();
                Map<String, Object> params = new HashMap<>();
                List<Long> enterpriseIds = enterpriseIds(scope);
                if (!enterpriseIds.isEmpty()) {
                    any.add(alias + ".enterprise_id in (:scopeEnterprises)");
                    params.put("scopeEnterprises", enterpriseIds);
                }
                List<Long> villageIds = villageIds(scope);
                if (!villageIds.isEmpty()) {
                    any.add(alias + ".village_id in (:scopeVillages)");
                    params.put("scopeVillages", villageIds);
                }
                yield any.isEmpty() ? Condition.none() : new Condition("(" + String.join(" or ", any) + ")", params);
            }
            case DEPARTMENT, ASSIGNED -> Condition.none();
        };
    }

    /** SQL over {@code alias.enterprise_id} of fleet_vehicle (terminals follow their vehicle). */
    Condition vehicles(DataScope scope, String alias) {
        return switch (scope.kind()) {
            case COUNTY -> Condition.all();
            case ENTERPRISE ->
                new Condition(alias + ".enterprise_id = :scopeEnterprise", Map.of("scopeEnterprise", scope.targetId()));
            case ORGANIZATION_SUBTREE -> {
                List<Long> ids = enterpriseIds(scope);
                yield ids.isEmpty()
                        ? Condition.none()
                        : new Condition(
                                alias + ".enterprise_id in (:scopeEnterprises)", Map.of("scopeEnterprises", ids));
            }
            case DEPARTMENT, ASSIGNED -> Condition.none();
        };
    }

    /** Whether a record of this enterprise (null: an independent driver or owner) and village lies in the scope. */
    boolean covers(DataScope scope, Long enterpriseId, Long villageId) {
        return switch (scope.kind()) {
            case COUNTY -> true;
            case ENTERPRISE -> scope.targetId().equals(enterpriseId);
            case ORGANIZATION_SUBTREE ->
                (enterpriseId != null && enterpriseIds(scope).contains(enterpriseId))
                        || (villageId != null && villageIds(scope).contains(villageId));
            case DEPARTMENT, ASSIGNED -> false;
        };
    }

    /** The enterprises within the scope, active or not, by name. */
    List<Enterprise> enterprisesWithin(DataScope scope) {
        List<Enterprise> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = enterprises.list(
                    scope,
                    new EnterpriseFilter(null, null, null, null, null),
                    new PageRequest(page, PageRequest.MAX_SIZE, "name", true));
            all.addAll(result.content());
            if (!result.hasNext()) {
                return all;
            }
        }
    }

    private List<Long> enterpriseIds(DataScope scope) {
        return enterprisesWithin(scope).stream().map(Enterprise::id).toList();
    }

    private List<Long> villageIds(DataScope scope) {
        return partyOrganizations.tree(scope, true).stream()
                .map(PartyOrganization::villageId)
                .filter(id -> id != null)
                .distinct()
                .toList();
    }

    /** A condition and its parameters, to be joined with {@code and}. */
    record Condition(String sql, Map<String, Object> params) {

        static Condition all() {
            return new Condition("true", Map.of());
        }

        static Condition none() {
            return new Condition("false", Map.of());
        }
    }
}
