package org.redwheel.fleet;

import jakarta.servlet.http.HttpServletRequest;
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
import org.redwheel.organization.Townships;
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
 * Console pages of the driver survey: the list with search and filters (in place with htmx), a
 * driver's page with his assignments and consents, the form, deactivation, and the audited "show"
 * of the full ID number.
 */
@Controller
@RequestMapping("/console/fleet/drivers")
@PreAuthorize("hasAuthority('FLEET_READ')")
class DriverConsoleController {

    static final String INDEPENDENT = "independent";

    private final Drivers drivers;
    private final Assignments assignments;
    private final FleetScopes scopes;
    private final Townships townships;
    private final FleetProperties properties;
    private final Clock clock;

    DriverConsoleController(
            Drivers drivers,
            Assignments assignments,
            FleetScopes scopes,
            Townships townships,
            FleetProperties properties,
            Clock clock) {
        this.drivers = drivers;
        this.assignments = assignments;
        this.scopes = scopes;
        this.townships = townships;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Long villageId,
            @RequestParam(required = false) String partyStatus,
            @RequestParam(required = false) Boolean expiring,
            @RequestParam(defaultValue = "true") Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        StaffUser user = StaffUser.require();
        boolean independent = INDEPENDENT.equals(enterprise);
        Long enterpriseId = independent ? null : FleetForms.id(enterprise);
        PartyStatus status = FleetForms.enumOrNull(PartyStatus.class, partyStatus);
        var filter = new DriverFilter(
                q, enterpriseId, independent ? Boolean.TRUE : null, townshipId, villageId, status, expiring, active);
        var request = new PageRequest(page, 20, sort, !"desc".equals(direction));
        model.addAttribute(
                "result",
                FleetForms.map(drivers.search(user.scope(), filter, request), d -> DriverPrivacy.forViewer(d, user)));
        model.addAttribute("filter", filter);
        model.addAttribute(
                "enterprise", independent ? INDEPENDENT : enterpriseId == null ? "" : enterpriseId.toString());
        model.addAttribute("partyStatus", status == null ? "" : status.name());
        model.addAttribute("sort", Drivers.SORTS.containsKey(sort) ? sort : "name");
        model.addAttribute("direction", request.ascending() ? "asc" : "desc");
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("dueLimit", drivers.dueLimit());
        addChoices(model, user);
        return htmx != null ? "fleet/drivers :: results" : "fleet/drivers";
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        StaffUser user = StaffUser.require();
        Driver driver = drivers.get(user.scope(), id);
        model.addAttribute("driver", DriverPrivacy.forViewer(driver, user));
        model.addAttribute("assignments", assignments.ofDriver(user.scope(), id));
        model.addAttribute("consents", drivers.consentHistory(user.scope(), id));
        model.addAttribute("canEdit", user.has(Permission.FLEET_WRITE));
        model.addAttribute("canReveal", DriverPrivacy.mayRevealIdNumber(user));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("dueLimit", drivers.dueLimit());
        return "fleet/driver";
    }

    /** Shows the full ID number in place of the masked one; the view is audited. */
    @PostMapping("/{id}/id-number")
    @PreAuthorize("hasAuthority('DRIVER_PERSONAL_DATA')")
    String revealIdNumber(@PathVariable long id, HttpServletRequest request, Model model) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("driver", id);
        model.addAttribute(
                "idNumber", drivers.revealIdNumber(user.scope(), id, user.username(), request.getRemoteAddr()));
        return "fleet/driver :: revealed";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String newForm(Model model) {
        StaffUser user = StaffUser.require();
        Long own = user.scope().kind() == ScopeKind.ENTERPRISE ? user.scope().targetId() : null;
        return form(model, DriverData.empty(own, properties.consentVersion()), null, List.of());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String create(
            @ModelAttribute DriverData form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        long id;
        try {
            id = drivers.create(StaffUser.require().scope(), form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, null, e.violations());
        }
        AuditWriteFilter.target("driver", id);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/fleet/drivers/" + id;
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String editForm(@PathVariable long id, Model model) {
        Driver driver = drivers.get(StaffUser.require().scope(), id);
        return form(model, DriverData.of(driver), driver, List.of());
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String update(
            @PathVariable long id,
            @ModelAttribute DriverData form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        Driver driver = drivers.get(user.scope(), id);
        AuditWriteFilter.target("driver", id);
        try {
            drivers.update(user.scope(), id, form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, driver, e.violations());
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/fleet/drivers/" + id;
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        AuditWriteFilter.target("driver", id);
        drivers.setActive(StaffUser.require().scope(), id, active);
        redirect.addFlashAttribute("notice", active ? "reactivated" : "deactivated");
        return "redirect:/console/fleet/drivers/" + id;
    }

    private String form(Model model, DriverData form, Driver driver, List<InvalidInputException.Violation> violations) {
        StaffUser user = StaffUser.require();
        model.addAttribute("form", form);
        model.addAttribute("driver", driver == null ? null : DriverPrivacy.forViewer(driver, user));
        model.addAttribute("violations", violations);
        model.addAttribute("licenceClasses", LicenceClass.values());
        model.addAttribute("enterpriseFixed", user.scope().kind() == ScopeKind.ENTERPRISE);
        addChoices(model, user);
        return "fleet/driver-form";
    }

    private void addChoices(Model model, StaffUser user) {
        model.addAttribute(
                "enterprises",
                scopes.enterprisesWithin(user.scope()).stream()
                        .filter(e -> e.active())
                        .toList());
        model.addAttribute("townships", townships.list(false));
        model.addAttribute("villages", townships.villages(null, false));
        model.addAttribute("partyStatuses", PartyStatus.values());
    }
}
