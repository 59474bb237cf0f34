package org.redwheel.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.fleet.Vehicle;
import org.redwheel.identity.StaffUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of vehicles with their terminals' live state, within the caller's data scope. */
@RestController
@RequestMapping("/api/v1/monitoring/vehicles")
@PreAuthorize("hasAuthority('FLEET_READ')")
@Tag(name = "vehicles", description = "Vehicles and their live state (车辆监控)")
@SecurityRequirement(name = "bearer")
class VehicleApi {

    private final FleetRegistry fleet;
    private final TerminalStates states;

    VehicleApi(FleetRegistry fleet, TerminalStates states) {
        this.fleet = fleet;
        this.states = states;
    }

    @GetMapping
    @Operation(
            summary = "List vehicles with their live state",
            description = "q matches part of the plate or terminal number.")
    List<VehicleView> list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int limit = Math.min(Math.max(size, 1), 200);
        return fleet.vehicles(StaffUser.require().scope(), q, Math.max(page, 0) * limit, limit).stream()
                .map(this::view)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One vehicle with its live state", description = "404 outside the caller's scope.")
    VehicleView get(@PathVariable long id) {
        return view(fleet.requireVehicle(StaffUser.require().scope(), id));
    }

    private VehicleView view(Vehicle v) {
        TerminalState s =
                v.terminalId() == null ? null : states.of(v.terminalId()).orElse(null);
        return new VehicleView(
                v.id(),
                v.plate(),
                v.enterpriseId(),
                v.terminalPhone(),
                s != null && s.online(),
                s == null ? null : s.lastFixTime(),
                s == null ? null : s.latitude(),
                s == null ? null : s.longitude(),
                s == null ? null : s.speedKmh());
    }

    /** A vehicle as the API shows it. */
    record VehicleView(
            long id,
            String plate,
            Long enterpriseId,
            String terminalPhone,
            boolean online,
            Instant lastFixTime,
            Double latitude,
            Double longitude,
            Float speedKmh) {}
}
