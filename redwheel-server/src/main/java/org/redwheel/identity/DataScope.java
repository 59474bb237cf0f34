package org.redwheel.identity;

import java.io.Serializable;
import java.util.Objects;

/**
 * The records an account may see. Modules translate it into a {@code where} clause of their own
 * queries, so a record outside the scope is simply not found (404), never merely hidden.
 *
 * @param kind the reach of the scope
 * @param targetId the enterprise, organisation node or department id; {@code null} for county and
 *     assigned scopes
 */
public record DataScope(ScopeKind kind, Long targetId) implements Serializable {

    public DataScope {
        Objects.requireNonNull(kind, "kind");
        boolean needsTarget =
                kind == ScopeKind.ORGANIZATION_SUBTREE || kind == ScopeKind.ENTERPRISE || kind == ScopeKind.DEPARTMENT;
        if (needsTarget != (targetId != null)) {
            throw new IllegalArgumentException("scope " + kind + (needsTarget ? " needs" : " takes no") + " target");
        }
    }

    public static DataScope county() {
        return new DataScope(ScopeKind.COUNTY, null);
    }

    public static DataScope enterprise(long enterpriseId) {
        return new DataScope(ScopeKind.ENTERPRISE, enterpriseId);
    }

    public static DataScope subtree(long partyOrganizationId) {
        return new DataScope(ScopeKind.ORGANIZATION_SUBTREE, partyOrganizationId);
    }

    public static DataScope department(long unitId) {
        return new DataScope(ScopeKind.DEPARTMENT, unitId);
    }

    public static DataScope assigned() {
        return new DataScope(ScopeKind.ASSIGNED, null);
    }

    public boolean isCounty() {
        return kind == ScopeKind.COUNTY;
    }
}
