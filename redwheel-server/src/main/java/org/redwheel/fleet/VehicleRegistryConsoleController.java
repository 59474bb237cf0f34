package org.redwheel.fleet;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.PageRequest;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.Permission;
import org.redwheel.identity.ScopeKind;
import org.redwheel.identity.StaffUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of the vehicle registry: list, form, a vehicle's page with its terminal and its
 * drivers over time, assigning and releasing drivers. (The live monitoring of a vehicle is the
 * monitoring module's page.)
 */
@Controller
@RequestMapping("/console/fleet/vehicles")
@PreAuthorize("hasAuthority('FLEET_READ')")
class VehicleRegistryConsoleController {

    private final Vehicles vehicles;
    private final Drivers drivers;
    private final Assignments assignments;
    private final FleetScopes scopes;
    private final Clock clock;

    VehicleRegistryConsoleController(
            Vehicles vehicles, Drivers drivers, Assignments assignments, FleetScopes scopes, Clock clock) {
        this.vehicles = vehicles;
        this.drivers = drivers;
        this.assignments = assignments;
        this.scopes = scopes;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) Boolean expiring,
            @RequestParam(required = false) Boolean withTerminal,
            @RequestParam(defaultValue = "true") Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "plate") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        StaffUser user = StaffUser.require();
        boolean independent = DriverConsoleController.INDEPENDENT.equals(enterprise);
        Long enterpriseId = independent ? null : FleetForms.id(enterprise);
        var filter =
                new VehicleFilter(q, enterpriseId, independent ? Boolean.TRUE : null, expiring, withTerminal, active);
        var request = new PageRequest(page, 20, sort, !"desc".equals(direction));
        model.addAttribute("result", vehicles.search(user.scope(), filter, request));
        model.addAttribute("filter", filter);
        model.addAttribute(
                "enterprise",
                independent
                        ? DriverConsoleController.INDEPENDENT
                        : enterpriseId == null ? "" : enterpriseId.toString());
        model.addAttribute("sort", Vehicles.SORTS.containsKey(sort) ? sort : "plate");
        model.addAttribute("direction", request.ascending() ? "asc" : "desc");
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("dueLimit", vehicles.dueLimit());
        model.addAttribute("enterprises", enterprises(user));
        return htmx != null ? "fleet/vehicles :: results" : "fleet/vehicles";
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        StaffUser user = StaffUser.require();
        VehicleDetails vehicle = vehicles.get(user.scope(), id);
        model.addAttribute("vehicle", vehicle);
        model.addAttribute("assignments", assignments.ofVehicle(user.scope(), id));
        boolean canEdit = user.has(Permission.FLEET_WRITE);
        model.addAttribute("canEdit", canEdit);
        if (canEdit) {
            model.addAttribute("driverChoices", drivers.choices(user.scope(), null));
        }
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("dueLimit", vehicles.dueLimit());
        return "fleet/vehicle";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String newForm(Model model) {
        StaffUser user = StaffUser.require();
        Long own = user.scope().kind() == ScopeKind.ENTERPRISE ? user.scope().targetId() : null;
        return form(model, VehicleData.empty(own), null, List.of());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String create(
            @ModelAttribute VehicleData form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        long id;
        try {
            id = vehicles.create(StaffUser.require().scope(), form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, null, e.violations());
        }
        AuditWriteFilter.target("vehicle", id);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/fleet/vehicles/" + id;
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String editForm(@PathVariable long id, Model model) {
        VehicleDetails vehicle = vehicles.get(StaffUser.require().scope(), id);
        return form(model, VehicleData.of(vehicle), vehicle, List.of());
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String update(
            @PathVariable long id,
            @ModelAttribute VehicleData form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        VehicleDetails vehicle = vehicles.get(user.scope(), id);
        AuditWriteFilter.target("vehicle", id);
        try {
            vehicles.update(user.scope(), id, form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, vehicle, e.violations());
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/fleet/vehicles/" + id;
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        AuditWriteFilter.target("vehicle", id);
        vehicles.setActive(StaffUser.require().scope(), id, active);
        redirect.addFlashAttribute("notice", active ? "reactivated" : "deactivated");
        return "redirect:/console/fleet/vehicles/" + id;
    }

    @PostMapping("/{id}/assignments")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String assign(
            @PathVariable long id,
            @RequestParam(required = false) Long driverId,
            @RequestParam(defaultValue = "false") boolean primary,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        vehicles.get(user.scope(), id);
        if (driverId == null) {
            redirect.addFlashAttribute("assignmentError", "validation.required");
            return "redirect:/console/fleet/vehicles/" + id;
        }
        try {
            long assignment = assignments.assign(user.scope(), driverId, id, primary, startsOn);
            AuditWriteFilter.target("assignment", assignment);
            redirect.addFlashAttribute("notice", "saved");
        } catch (InvalidInputException e) {
            AuditWriteFilter.target("vehicle", id);
            redirect.addFlashAttribute("assignmentError", e.violations().get(0).messageKey());
        }
        return "redirect:/console/fleet/vehicles/" + id;
    }

    @PostMapping("/{id}/assignments/{assignmentId}/end")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String endAssignment(
            @PathVariable long id,
            @PathVariable long assignmentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("assignment", assignmentId);
        var assignment = assignments.get(user.scope(), assignmentId);
        if (assignment.vehicleId() != id) {
            throw new org.redwheel.RecordNotFoundException("assignment", assignmentId);
        }
        try {
            assignments.end(user.scope(), assignmentId, endsOn);
            redirect.addFlashAttribute("notice", "saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("assignmentError", e.violations().get(0).messageKey());
        }
        return "redirect:/console/fleet/vehicles/" + id;
    }

    private String form(
            Model model, VehicleData form, VehicleDetails vehicle, List<InvalidInputException.Violation> violations) {
        StaffUser user = StaffUser.require();
        model.addAttribute("form", form);
        model.addAttribute("vehicle", vehicle);
        model.addAttribute("violations", violations);
        model.addAttribute("colours", Plates.COLOURS);
        model.addAttribute("lengths", Vehicles.COMMON_LENGTHS);
        model.addAttribute("vehicleTypes", VEHICLE_TYPES);
        model.addAttribute("enterpriseFixed", user.scope().kind() == ScopeKind.ENTERPRISE);
        model.addAttribute("enterprises", enterprises(user));
        return "fleet/vehicle-form";
    }

    private List<org.redwheel.organization.Enterprise> enterprises(StaffUser user) {
        return scopes.enterprisesWithin(user.scope()).stream()
                .filter(e -> e.active())
                .toList();
    }

    /** Goods-vehicle types of GA 802 that the county's fleet mostly has; any other may be typed. */
    static final List<String> VEHICLE_TYPES = List.of(
            "重型半挂牵引车", "重型厢式货车", "重型仓栅式货车", "重型普通货车", "重型自卸货车", "重型罐式货车", "重型平板货车", "中型厢式货车", "中型普通货车", "轻型厢式货车",
            "轻型普通货车", "重型普通半挂车", "重型厢式半挂车");
}
