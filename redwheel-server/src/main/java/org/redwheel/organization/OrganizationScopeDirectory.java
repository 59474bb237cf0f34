package org.redwheel.organization;

import java.util.Optional;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.ScopeDirectory;
import org.springframework.stereotype.Component;

/** Names the enterprises, organisation nodes and departments that data scopes point at. */
@Component
class OrganizationScopeDirectory implements ScopeDirectory {

    private final EnterpriseRegistry enterprises;
    private final PartyOrganizations partyOrganizations;
    private final GovernmentUnits units;

    OrganizationScopeDirectory(
            EnterpriseRegistry enterprises, PartyOrganizations partyOrganizations, GovernmentUnits units) {
        this.enterprises = enterprises;
        this.partyOrganizations = partyOrganizations;
        this.units = units;
    }

    @Override
    public Optional<String> targetName(DataScope scope) {
        DataScope all = DataScope.county();
        return switch (scope.kind()) {
            case ENTERPRISE -> enterprises.find(all, scope.targetId()).map(Enterprise::name);
            case ORGANIZATION_SUBTREE ->
                partyOrganizations.find(all, scope.targetId()).map(PartyOrganization::name);
            case DEPARTMENT -> units.find(all, scope.targetId()).map(GovernmentUnit::name);
            case COUNTY, ASSIGNED -> Optional.empty();
        };
    }
}
