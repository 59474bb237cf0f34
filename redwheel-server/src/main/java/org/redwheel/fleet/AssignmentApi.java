package org.redwheel.fleet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.redwheel.InvalidInputException;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of driver-vehicle assignments, within the caller's data scope. */
@RestController
@RequestMapping("/api/v1/fleet/assignments")
@PreAuthorize("hasAuthority('FLEET_READ')")
@Tag(name = "assignments", description = "Which driver drives which vehicle, over time (人车绑定)")
@SecurityRequirement(name = "bearer")
class AssignmentApi {

    private final Assignments assignments;

    AssignmentApi(Assignments assignments) {
        this.assignments = assignments;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One assignment", description = "404 when its vehicle lies outside the caller's scope.")
    Assignments.Assignment get(@PathVariable long id) {
        return assignments.get(StaffUser.require().scope(), id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    @Operation(
            summary = "Assign a driver to a vehicle",
            description = "startsOn defaults to today. A new primary driver ends the previous one's assignment the"
                    + " day before; a vehicle has one current primary driver. 404 when the driver or the vehicle"
                    + " lies outside the scope.")
    ResponseEntity<Assignments.Assignment> assign(@RequestBody NewAssignment body) {
        if (body.driverId() == null || body.vehicleId() == null) {
            throw InvalidInputException.of(body.driverId() == null ? "driverId" : "vehicleId", "validation.required");
        }
        var scope = StaffUser.require().scope();
        long id = assignments.assign(
                scope, body.driverId(), body.vehicleId(), Boolean.TRUE.equals(body.primary()), body.startsOn());
        AuditWriteFilter.target("assignment", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(assignments.get(scope, id));
    }

    @PostMapping("/{id}/end")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    @Operation(summary = "End an assignment", description = "endsOn (inclusive) defaults to today; the record stays.")
    Assignments.Assignment end(@PathVariable long id, @RequestBody(required = false) EndAssignment body) {
        var scope = StaffUser.require().scope();
        AuditWriteFilter.target("assignment", id);
        assignments.end(scope, id, body == null ? null : body.endsOn());
        return assignments.get(scope, id);
    }

    /** A driver for a vehicle, primary or co-driver, from a day. */
    record NewAssignment(Long driverId, Long vehicleId, Boolean primary, LocalDate startsOn) {}

    /** The last day of an assignment. */
    record EndAssignment(LocalDate endsOn) {}
}
