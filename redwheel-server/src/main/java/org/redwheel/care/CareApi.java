package org.redwheel.care;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.RecordNotFoundException;
import org.redwheel.care.CarePackages.PackageCoverage;
import org.redwheel.care.HelperAssignments.HelperAssignment;
import org.redwheel.care.TalkCorners.Statistics;
import org.redwheel.care.ThreeOnesCompliance.HelperCompliance;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of care: for the county office (within its scope) the three-ones compliance, helpers,
 * pairings, care-package coverage and talk-corner statistics; for a helper his own drivers and
 * logging a contact.
 */
@RestController
@RequestMapping("/api/v1/care")
@Tag(name = "care", description = "Helpers and the three ones, care packages, talk corners (关爱服务)")
@SecurityRequirement(name = "bearer")
class CareApi {

    private final Helpers helpers;
    private final HelperAssignments assignments;
    private final ThreeOnes threeOnes;
    private final CarePackages packages;
    private final TalkCorners corners;
    private final CareDrivers drivers;
    private final Clock clock;

    CareApi(
            Helpers helpers,
            HelperAssignments assignments,
            ThreeOnes threeOnes,
            CarePackages packages,
            TalkCorners corners,
            CareDrivers drivers,
            Clock clock) {
        this.helpers = helpers;
        this.assignments = assignments;
        this.threeOnes = threeOnes;
        this.packages = packages;
        this.corners = corners;
        this.drivers = drivers;
        this.clock = clock;
    }

    @GetMapping("/compliance")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(
            summary = "Three-ones compliance",
            description = "Per helper, village and township within the caller's scope: contacts owed and made in the"
                    + " last 52 completed ISO weeks, visits in the last 12 completed months, last year's problem"
                    + " solved, and what is due this week, month and year (Beijing time).")
    ComplianceReport compliance() {
        return threeOnes.report(StaffUser.require().scope());
    }

    @GetMapping("/helpers")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(summary = "Helpers", description = "The helper Party members within the caller's scope.")
    List<Helper> helpers(
            @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Long villageId,
            @RequestParam(required = false) String q) {
        return helpers.list(StaffUser.require().scope(), townshipId, villageId, q, false);
    }

    @GetMapping("/drivers/{driverId}/assignments")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(summary = "A driver's helpers over time", description = "Newest first; 404 outside the scope.")
    List<HelperAssignment> history(@PathVariable long driverId) {
        return assignments.history(StaffUser.require().scope(), driverId);
    }

    @PostMapping("/assignments")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(
            summary = "Pair a driver with a helper, or reassign him",
            description = "A reassignment ends the current pairing on startsOn (today when absent) and needs a reason.")
    ResponseEntity<HelperAssignment> assign(@RequestBody AssignRequest request) {
        StaffUser user = StaffUser.require();
        if (request.driverId() == null || request.helperId() == null) {
            throw InvalidInputException.of(request.driverId() == null ? "driverId" : "helperId", "validation.required");
        }
        AuditWriteFilter.target("driver", request.driverId());
        long id = assignments.assign(
                user.scope(),
                request.driverId(),
                request.helperId(),
                request.startsOn(),
                request.reason(),
                user.username());
        AuditWriteFilter.target("care assignment", id);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(assignments.current(request.driverId()).orElseThrow());
    }

    @GetMapping("/packages/coverage")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(summary = "Care-package coverage of a quarter", description = "Per enterprise and village.")
    PackageCoverage coverage(@RequestParam int year, @RequestParam int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw InvalidInputException.of("quarter", "validation.range");
        }
        return packages.coverage(StaffUser.require().scope(), year, quarter);
    }

    @GetMapping("/talk-corners/statistics")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(
            summary = "Talk-corner statistics of a year",
            description = "Sessions, attendees and the number of counselling records per month (never their content).")
    Statistics statistics(@RequestParam(required = false) Integer year) {
        return corners.statistics(
                year == null ? new ThreeOnesCompliance(clock).today().getYear() : year);
    }

    @GetMapping("/my/drivers")
    @PreAuthorize("hasAuthority('CARE_HELPER')")
    @Operation(summary = "The helper's own drivers", description = "With what is due this week and month.")
    List<MyDriver> myDrivers() {
        Helper helper = myHelper();
        HelperCompliance compliance = threeOnes.of(helper.id());
        return drivers.byIds(assignments.driversOf(helper.id())).values().stream()
                .map(d -> new MyDriver(
                        d.id(),
                        d.name(),
                        d.phone(),
                        d.villageName(),
                        d.enterpriseName(),
                        !compliance.dueThisWeek().contains(d.id()),
                        !compliance.dueThisMonth().contains(d.id())))
                .toList();
    }

    @PostMapping("/my/contacts")
    @PreAuthorize("hasAuthority('CARE_HELPER')")
    @Operation(
            summary = "Log a contact with one of the helper's drivers",
            description = "contactedAt defaults to now; another helper's driver is 404.")
    ResponseEntity<Logged> contact(@RequestBody ContactRequest request) {
        Helper helper = myHelper();
        if (request.driverId() == null) {
            throw InvalidInputException.of("driverId", "validation.required");
        }
        if (!assignments.caresFor(helper.id(), request.driverId())) {
            throw new RecordNotFoundException("driver", request.driverId());
        }
        AuditWriteFilter.target("driver", request.driverId());
        long id = threeOnes.logContact(
                helper.id(),
                request.driverId(),
                request.kind(),
                request.contactedAt(),
                request.note(),
                StaffUser.require().username());
        AuditWriteFilter.target("care contact", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Logged(id));
    }

    private Helper myHelper() {
        long account = StaffUser.require().accountId();
        return helpers.ofAccount(account)
                .filter(Helper::active)
                .orElseThrow(() -> new RecordNotFoundException("helper of account", account));
    }

    /** A pairing to make. */
    record AssignRequest(Long driverId, Long helperId, LocalDate startsOn, String reason) {}

    /** A contact to log. */
    record ContactRequest(Long driverId, ContactKind kind, Instant contactedAt, String note) {}

    /** The id of what was logged. */
    record Logged(long id) {}

    /** One of the helper's drivers, with his full phone number. */
    record MyDriver(
            long driverId,
            String name,
            String phone,
            String village,
            String enterprise,
            boolean contactedThisWeek,
            boolean visitedThisMonth) {}
}
