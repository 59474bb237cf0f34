package org.redwheel.fleet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.redwheel.Page;
import org.redwheel.PageRequest;
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

/** REST API of the vehicle registry, within the caller's data scope. */
@RestController
@RequestMapping("/api/v1/fleet/vehicles")
@PreAuthorize("hasAuthority('FLEET_READ')")
@Tag(name = "fleet vehicles", description = "The vehicle registry: plates, documents, drivers (车辆登记)")
@SecurityRequirement(name = "bearer")
class VehicleRegistryApi {

    private final Vehicles vehicles;
    private final Assignments assignments;

    VehicleRegistryApi(Vehicles vehicles, Assignments assignments) {
        this.vehicles = vehicles;
        this.assignments = assignments;
    }

    @GetMapping
    @Operation(
            summary = "List vehicles",
            description =
                    "Paged; sort by plate, enterprise, vehicleType, totalMass, length, inspectionExpiry or createdAt.")
    Page<VehicleDetails> list(
            @RequestParam(required = false) @Parameter(description = "part of plate, terminal number or driver name")
                    String q,
            @RequestParam(required = false) Long enterpriseId,
            @RequestParam(required = false) Boolean independent,
            @RequestParam(required = false) @Parameter(description = "inspection due within the warning days")
                    Boolean expiring,
            @RequestParam(required = false) Boolean withTerminal,
            @RequestParam(defaultValue = "true") Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "plate") String sort,
            @RequestParam(defaultValue = "asc") String direction) {
        return vehicles.search(
                StaffUser.require().scope(),
                new VehicleFilter(q, enterpriseId, independent, expiring, withTerminal, active),
                new PageRequest(page, size, sort, !"desc".equalsIgnoreCase(direction)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One vehicle", description = "404 outside the caller's scope.")
    VehicleDetails get(@PathVariable long id) {
        return vehicles.get(StaffUser.require().scope(), id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    @Operation(
            summary = "Register a vehicle",
            description = "400 with every offending field (plate format or duplicate, colour, mass, length …);"
                    + " nothing is stored then.")
    ResponseEntity<VehicleDetails> create(@RequestBody VehicleData data) {
        var scope = StaffUser.require().scope();
        long id = vehicles.create(scope, data);
        AuditWriteFilter.target("vehicle", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(vehicles.get(scope, id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    @Operation(summary = "Change a vehicle")
    VehicleDetails update(@PathVariable long id, @RequestBody VehicleData data) {
        var scope = StaffUser.require().scope();
        vehicles.get(scope, id);
        AuditWriteFilter.target("vehicle", id);
        vehicles.update(scope, id, data);
        return vehicles.get(scope, id);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    @Operation(summary = "Deactivate a vehicle", description = "Never deleted; its open assignments end today.")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        AuditWriteFilter.target("vehicle", id);
        vehicles.setActive(StaffUser.require().scope(), id, false);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/assignments")
    @Operation(summary = "The vehicle's drivers over time", description = "Open assignments first.")
    List<Assignments.Assignment> assignments(@PathVariable long id) {
        return assignments.ofVehicle(StaffUser.require().scope(), id);
    }
}
