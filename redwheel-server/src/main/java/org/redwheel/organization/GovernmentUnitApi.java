package org.redwheel.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.redwheel.identity.AuditWriteFilter;
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

/** REST API of the government units, limited to the caller's data scope. */
@RestController
@RequestMapping("/api/v1/organization/units")
@PreAuthorize("hasAuthority('ORGANIZATION_READ')")
@Tag(name = "units", description = "Government units of the joint meeting (联席会议) and the escort alliance (护行联盟)")
@SecurityRequirement(name = "bearer")
class GovernmentUnitApi {

    private final GovernmentUnits units;

    GovernmentUnitApi(GovernmentUnits units) {
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "List units", description = "The joint meeting's lead unit first.")
    List<GovernmentUnit> list(
            @RequestParam(required = false) @Parameter(description = "part of the name or short name") String q,
            @RequestParam(required = false) @Parameter(description = "jointMeeting, escortAlliance, or absent for all")
                    String membership,
            @RequestParam(defaultValue = "false") boolean includeInactive) {
        return units.list(StaffUser.require().scope(), q, membership, includeInactive);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One unit", description = "404 when it does not exist or lies outside the caller's scope.")
    GovernmentUnit get(@PathVariable long id) {
        return units.get(StaffUser.require().scope(), id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(
            summary = "Register a unit",
            description = "Needs a county-wide scope. 400 with the offending fields when any is wrong;"
                    + " nothing is stored then.")
    ResponseEntity<GovernmentUnit> create(@RequestBody GovernmentUnitData data) {
        StaffUser user = StaffUser.require();
        if (!user.scope().isCounty()) {
            // Only a county-wide scope sees units it did not create itself.
            throw new AccessDeniedException("only a county-wide scope may create government units");
        }
        long id = units.create(data);
        AuditWriteFilter.target("government-unit", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(units.get(user.scope(), id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(summary = "Change a unit")
    GovernmentUnit update(@PathVariable long id, @RequestBody GovernmentUnitData data) {
        StaffUser user = StaffUser.require();
        units.get(user.scope(), id);
        AuditWriteFilter.target("government-unit", id);
        units.update(user.scope(), id, data);
        return units.get(user.scope(), id);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(summary = "Deactivate a unit", description = "Records are never deleted; the unit is marked inactive.")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        AuditWriteFilter.target("government-unit", id);
        units.setActive(StaffUser.require().scope(), id, false);
        return ResponseEntity.noContent().build();
    }
}
