package org.redwheel.identity;

import static org.redwheel.identity.Permission.ACCOUNT_ADMIN;
import static org.redwheel.identity.Permission.ALARM_HANDLE;
import static org.redwheel.identity.Permission.APPEALS_DEPARTMENT;
import static org.redwheel.identity.Permission.AUDIT_READ;
import static org.redwheel.identity.Permission.CARE_HELPER;
import static org.redwheel.identity.Permission.DRIVER_PERSONAL_DATA;
import static org.redwheel.identity.Permission.ENTERPRISE_SELF_WRITE;
import static org.redwheel.identity.Permission.FLEET_READ;
import static org.redwheel.identity.Permission.FLEET_WRITE;
import static org.redwheel.identity.Permission.MONITORING;
import static org.redwheel.identity.Permission.ORGANIZATION_READ;
import static org.redwheel.identity.Permission.ORGANIZATION_WRITE;
import static org.redwheel.identity.Permission.VEHICLE_MESSAGE;

import java.util.EnumSet;
import java.util.Set;

/**
 * Staff roles. System, security and audit administration are three separate roles with no
 * business rights, as MLPS level 3 requires ("三员分立").
 */
public enum Role {
    COUNTY_ADMIN(
            EnumSet.of(ORGANIZATION_READ, ORGANIZATION_WRITE, FLEET_READ, FLEET_WRITE, DRIVER_PERSONAL_DATA),
            Set.of(ScopeKind.COUNTY, ScopeKind.ORGANIZATION_SUBTREE)),
    ENTERPRISE_ADMIN(
            EnumSet.of(
                    ORGANIZATION_READ, ENTERPRISE_SELF_WRITE, FLEET_READ, FLEET_WRITE, VEHICLE_MESSAGE, ALARM_HANDLE),
            Set.of(ScopeKind.ENTERPRISE)),
    MONITORING_OPERATOR(
            EnumSet.of(ORGANIZATION_READ, FLEET_READ, VEHICLE_MESSAGE, ALARM_HANDLE, MONITORING),
            Set.of(ScopeKind.COUNTY, ScopeKind.ORGANIZATION_SUBTREE)),
    DEPARTMENT_OFFICER(EnumSet.of(ORGANIZATION_READ, APPEALS_DEPARTMENT), Set.of(ScopeKind.DEPARTMENT)),
    HELPER(EnumSet.of(CARE_HELPER), Set.of(ScopeKind.ASSIGNED)),
    AUDITOR(EnumSet.of(AUDIT_READ), Set.of(ScopeKind.COUNTY)),
    SECURITY_ADMIN(EnumSet.of(ACCOUNT_ADMIN), Set.of(ScopeKind.COUNTY)),
    SYSTEM_ADMIN(EnumSet.of(Permission.SYSTEM_ADMIN), Set.of(ScopeKind.COUNTY));

    private final Set<Permission> permissions;
    private final Set<ScopeKind> allowedScopes;

    Role(Set<Permission> permissions, Set<ScopeKind> allowedScopes) {
        this.permissions = Set.copyOf(permissions);
        this.allowedScopes = Set.copyOf(allowedScopes);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean allows(ScopeKind scope) {
        return allowedScopes.contains(scope);
    }

    public Set<ScopeKind> allowedScopes() {
        return allowedScopes;
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** The message key of the role's display name. */
    public String messageKey() {
        return "role." + name();
    }
}
