package org.redwheel.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the Party organisation tree, limited to the caller's data scope. */
@RestController
@RequestMapping("/api/v1/organization/party-organizations")
@PreAuthorize("hasAuthority('ORGANIZATION_READ')")
@Tag(name = "party-organizations", description = "Party organisation tree (行业党委 → 党总支 → 党支部 → 党小组)")
@SecurityRequirement(name = "bearer")
class PartyOrganizationApi {

    private final PartyOrganizations organizations;

    PartyOrganizationApi(PartyOrganizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    @Operation(
            summary = "The organisation tree",
            description = "Depth-first order, parents before their children; depth 0 is the committee.")
    List<PartyOrganization> tree(@RequestParam(defaultValue = "false") boolean includeInactive) {
        return organizations.tree(StaffUser.require().scope(), includeInactive);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One organisation",
            description = "404 when it does not exist or lies outside the caller's scope.")
    PartyOrganization get(@PathVariable long id) {
        return organizations.get(StaffUser.require().scope(), id);
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "The direct children of an organisation", description = "Active and deactivated.")
    List<PartyOrganization> children(@PathVariable long id) {
        StaffUser user = StaffUser.require();
        organizations.get(user.scope(), id);
        return organizations.children(user.scope(), id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(
            summary = "Create an organisation",
            description = "The parent must lie in the caller's scope and be of a level that may hold the kind"
                    + " (groups under branches; branches under the committee or a general branch)."
                    + " 400 with the offending fields otherwise; nothing is stored then.")
    ResponseEntity<PartyOrganization> create(@RequestBody PartyOrganizationData data) {
        StaffUser user = StaffUser.require();
        long id = organizations.create(user.scope(), data);
        AuditWriteFilter.target("party-organization", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(organizations.get(user.scope(), id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(
            summary = "Change an organisation",
            description = "Name, secretary, members count, founding date and village; parent and kind stay.")
    PartyOrganization update(@PathVariable long id, @RequestBody PartyOrganizationData data) {
        StaffUser user = StaffUser.require();
        organizations.get(user.scope(), id);
        AuditWriteFilter.target("party-organization", id);
        organizations.update(user.scope(), id, data);
        return organizations.get(user.scope(), id);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(
            summary = "Deactivate an organisation",
            description = "Records are never deleted; the organisation is marked inactive."
                    + " 400 while it still has active children.")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        AuditWriteFilter.target("party-organization", id);
        organizations.setActive(StaffUser.require().scope(), id, false);
        return ResponseEntity.noContent().build();
    }
}
