package org.redwheel.monitoring;

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

/**
 * REST API of the speed zones drawn on the map. A change applies to the running safety engine at
 * once. Monitoring staff read; the system administrator writes.
 */
@RestController
@RequestMapping("/api/v1/monitoring/speed-zones")
@PreAuthorize("hasAnyAuthority('MONITORING', 'SYSTEM_ADMIN')")
@Tag(name = "speed-zones", description = "Speed zones drawn on the map (限速区)")
@SecurityRequirement(name = "bearer")
class SpeedZoneApi {

    private final SpeedZones zones;

    SpeedZoneApi(SpeedZones zones) {
        this.zones = zones;
    }

    @GetMapping
    @Operation(summary = "List speed zones", description = "The active ones, or all with includeInactive=true.")
    List<DrawnSpeedZone> list(@RequestParam(defaultValue = "false") boolean includeInactive) {
        return zones.list(includeInactive);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One speed zone", description = "404 when there is no such zone.")
    DrawnSpeedZone get(@PathVariable long id) {
        return zones.get(id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    @Operation(
            summary = "Draw a speed zone",
            description = "kind POLYGON (at least 3 vertices) or CORRIDOR (at least 2 points and widthM 5–2000 m);"
                    + " limitKmh 5–130; vertices within China (latitude 3.85–53.55, longitude 73.55–135.083)."
                    + " 400 names every wrong field; nothing is stored then.")
    ResponseEntity<DrawnSpeedZone> create(@RequestBody SpeedZoneData data) {
        long id = zones.create(data, StaffUser.require().username());
        AuditWriteFilter.target("speed-zone", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(zones.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    @Operation(summary = "Change a speed zone's outline, limit, name or note")
    DrawnSpeedZone update(@PathVariable long id, @RequestBody SpeedZoneData data) {
        zones.get(id);
        AuditWriteFilter.target("speed-zone", id);
        zones.update(id, data, StaffUser.require().username());
        return zones.get(id);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    @Operation(
            summary = "Deactivate a speed zone",
            description = "Zones are never deleted (alarms name them); the engine stops applying it.")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        zones.get(id);
        AuditWriteFilter.target("speed-zone", id);
        zones.setActive(id, false, StaffUser.require().username());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    @Operation(summary = "Bring a deactivated speed zone back")
    DrawnSpeedZone reactivate(@PathVariable long id) {
        zones.get(id);
        AuditWriteFilter.target("speed-zone", id);
        zones.setActive(id, true, StaffUser.require().username());
        return zones.get(id);
    }
}
