package org.redwheel.organization;

import java.util.Map;
import org.redwheel.identity.DataScope;

/**
 * Translates a data scope into SQL conditions for this module's tables. Each method returns a
 * condition over the given column and the parameter {@code :scopeId}.
 */
final class ScopeFilter {

    private ScopeFilter() {}

    /** Condition on an enterprise id column. */
    static String enterprises(DataScope scope, String idColumn, String partyOrgColumn) {
        return switch (scope.kind()) {
            case COUNTY -> "true";
            case ENTERPRISE -> idColumn + " = :scopeId";
            case ORGANIZATION_SUBTREE -> partyOrgColumn + " in (" + SUBTREE + ")";
            case DEPARTMENT, ASSIGNED -> "false";
        };
    }

    /** Condition on a Party organisation id column. */
    static String partyOrganizations(DataScope scope, String idColumn) {
        return switch (scope.kind()) {
            case COUNTY -> "true";
            case ORGANIZATION_SUBTREE -> idColumn + " in (" + SUBTREE + ")";
            case ENTERPRISE -> idColumn + " = (select party_org_id from organization_enterprise where id = :scopeId)";
            case DEPARTMENT, ASSIGNED -> "false";
        };
    }

    /** Condition on a government unit id column. */
    static String units(DataScope scope, String idColumn) {
        return switch (scope.kind()) {
            case COUNTY -> "true";
            case DEPARTMENT -> idColumn + " = :scopeId";
            case ORGANIZATION_SUBTREE, ENTERPRISE, ASSIGNED -> "false";
        };
    }

    static Map<String, Object> params(DataScope scope) {
        return scope.targetId() == null ? Map.of() : Map.of("scopeId", scope.targetId());
    }

    private static final String SUBTREE =
            "select d.id from organization_party_org d, organization_party_org r where r.id = :scopeId and d.path like r.path || '%'";
}
