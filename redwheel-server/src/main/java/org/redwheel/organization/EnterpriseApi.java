package org.redwheel.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.redwheel.Page;
import org.redwheel.PageRequest;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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

/** REST API of the logistics enterprises, limited to the caller's data scope. */
@RestController
@RequestMapping("/api/v1/organization/enterprises")
@PreAuthorize("hasAuthority('ORGANIZATION_READ')")
@Tag(name = "enterprises", description = "Logistics enterprises (物流企业)")
@SecurityRequirement(name = "bearer")
class EnterpriseApi {

    private final EnterpriseRegistry enterprises;

    EnterpriseApi(EnterpriseRegistry enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping
    @Operation(
            summary = "List enterprises",
            description = "Paged; sort by name, creditCode, fleetSize, township or createdAt.")
    Page<Enterprise> list(
            @RequestParam(required = false) @Parameter(description = "part of name, credit code or address") String q,
            @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Boolean withPartyOrganization,
            @RequestParam(required = false) Boolean demonstrationSite,
            @RequestParam(defaultValue = "true") Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String direction) {
        return enterprises.list(
                StaffUser.require().scope(),
                new EnterpriseFilter(q, townshipId, withPartyOrganization, demonstrationSite, active),
                new PageRequest(page, size, sort, !"desc".equalsIgnoreCase(direction)));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One enterprise",
            description = "404 when it does not exist or lies outside the caller's scope.")
    Enterprise get(@PathVariable long id) {
        return enterprises.get(StaffUser.require().scope(), id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(
            summary = "Register an enterprise",
            description = "400 with the offending fields when any is wrong; nothing is stored then.")
    ResponseEntity<Enterprise> create(@RequestBody EnterpriseData data) {
        long id = enterprises.create(data);
        AuditWriteFilter.target("enterprise", id);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(enterprises.get(StaffUser.require().scope(), id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an enterprise")
    Enterprise update(@PathVariable long id, @RequestBody EnterpriseData data) {
        StaffUser user = StaffUser.require();
        enterprises.get(user.scope(), id);
        if (!user.has(Permission.ORGANIZATION_WRITE) && !user.has(Permission.ENTERPRISE_SELF_WRITE)) {
            throw new AccessDeniedException("no right to edit enterprises");
        }
        AuditWriteFilter.target("enterprise", id);
        enterprises.update(user.scope(), id, data);
        return enterprises.get(user.scope(), id);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(
            summary = "Deactivate an enterprise",
            description = "Records are never deleted; the enterprise is marked inactive.")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        AuditWriteFilter.target("enterprise", id);
        enterprises.setActive(StaffUser.require().scope(), id, false);
        return ResponseEntity.noContent().build();
    }
}
