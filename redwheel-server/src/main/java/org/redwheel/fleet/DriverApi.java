package org.redwheel.fleet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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

/** REST API of the driver survey, within the caller's data scope; ID numbers always masked. */
@RestController
@RequestMapping("/api/v1/fleet/drivers")
@PreAuthorize("hasAuthority('FLEET_READ')")
@Tag(name = "drivers", description = "Freight drivers: the precise survey (货运司机精准摸排)")
@SecurityRequirement(name = "bearer")
class DriverApi {

    private final Drivers drivers;
    private final Assignments assignments;

    DriverApi(Drivers drivers, Assignments assignments) {
        this.drivers = drivers;
        this.assignments = assignments;
    }

    @GetMapping
    @Operation(
            summary = "List drivers",
            description = "Paged; sort by name, enterprise, village, licenceExpiry, qualificationExpiry, partyStatus or"
                    + " createdAt. The ID number is masked (first 6 + last 4); phones are masked for roles that do"
                    + " not contact drivers.")
    Page<Driver> list(
            @RequestParam(required = false) @Parameter(description = "part of name or phone, or a whole ID number")
                    String q,
            @RequestParam(required = false) Long enterpriseId,
            @RequestParam(required = false) @Parameter(description = "true: only independent drivers")
                    Boolean independent,
            @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Long villageId,
            @RequestParam(required = false) PartyStatus partyStatus,
            @RequestParam(required = false)
                    @Parameter(description = "licence or qualification certificate due within the warning days")
                    Boolean expiring,
            @RequestParam(defaultValue = "true") Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String direction) {
        StaffUser user = StaffUser.require();
        var filter =
                new DriverFilter(q, enterpriseId, independent, townshipId, villageId, partyStatus, expiring, active);
        return FleetForms.map(
                drivers.search(
                        user.scope(), filter, new PageRequest(page, size, sort, !"desc".equalsIgnoreCase(direction))),
                d -> DriverPrivacy.forViewer(d, user));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One driver", description = "404 when he does not exist or lies outside the caller's scope.")
    Driver get(@PathVariable long id) {
        StaffUser user = StaffUser.require();
        return DriverPrivacy.forViewer(drivers.get(user.scope(), id), user);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    @Operation(
            summary = "Register a driver",
            description = "400 with every offending field when any is wrong (ID number format, birth date, check"
                    + " digit, duplicates …); nothing is stored then. An enterprise user registers his own"
                    + " enterprise's drivers.")
    ResponseEntity<Driver> create(@RequestBody DriverData data) {
        StaffUser user = StaffUser.require();
        long id = drivers.create(user.scope(), data);
        AuditWriteFilter.target("driver", id);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(DriverPrivacy.forViewer(drivers.get(user.scope(), id), user));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    @Operation(
            summary = "Change a driver",
            description = "A null idNumber or qualificationNumber keeps the stored one.")
    Driver update(@PathVariable long id, @RequestBody DriverData data) {
        StaffUser user = StaffUser.require();
        drivers.get(user.scope(), id);
        AuditWriteFilter.target("driver", id);
        drivers.update(user.scope(), id, data);
        return DriverPrivacy.forViewer(drivers.get(user.scope(), id), user);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    @Operation(
            summary = "Deactivate a driver",
            description = "Records are never deleted; his open assignments end today.")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        AuditWriteFilter.target("driver", id);
        drivers.setActive(StaffUser.require().scope(), id, false);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/id-number")
    @PreAuthorize("hasAuthority('DRIVER_PERSONAL_DATA')")
    @Operation(
            summary = "Show a driver's full ID number",
            description = "Only for the county office (permission DRIVER_PERSONAL_DATA), 403 for everybody else;"
                    + " every call is written to the audit log.")
    IdNumber revealIdNumber(@PathVariable long id, HttpServletRequest request) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("driver", id);
        return new IdNumber(id, drivers.revealIdNumber(user.scope(), id, user.username(), request.getRemoteAddr()));
    }

    @GetMapping("/{id}/assignments")
    @Operation(summary = "The vehicles a driver drives and drove")
    List<Assignments.Assignment> assignments(@PathVariable long id) {
        return assignments.ofDriver(StaffUser.require().scope(), id);
    }

    @GetMapping("/{id}/consents")
    @Operation(summary = "The driver's consents to location monitoring, given and withdrawn")
    List<Drivers.ConsentRecord> consents(@PathVariable long id) {
        return drivers.consentHistory(StaffUser.require().scope(), id);
    }

    /** A full ID number, shown once and audited. */
    record IdNumber(long driverId, String idNumber) {}
}
