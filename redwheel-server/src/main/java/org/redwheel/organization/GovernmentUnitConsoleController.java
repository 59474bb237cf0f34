package org.redwheel.organization;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
import org.springframework.security.access.AccessDeniedException;
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
 * Console pages of the government units (joint meeting and escort alliance). The list searches
 * and filters by membership in place with htmx.
 */
@Controller
@RequestMapping("/console/units")
@PreAuthorize("hasAuthority('ORGANIZATION_READ')")
class GovernmentUnitConsoleController {

    private final GovernmentUnits units;

    GovernmentUnitConsoleController(GovernmentUnits units) {
        this.units = units;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String membership,
            @RequestParam(defaultValue = "false") boolean inactive,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        StaffUser user = StaffUser.require();
        model.addAttribute("units", units.list(user.scope(), q, membership, inactive));
        model.addAttribute("q", q);
        model.addAttribute("membership", membership);
        model.addAttribute("inactive", inactive);
        model.addAttribute("canCreate", mayCreate(user));
        return htmx != null ? "organization/units :: results" : "organization/units";
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        StaffUser user = StaffUser.require();
        model.addAttribute("unit", units.get(user.scope(), id));
        model.addAttribute("canWrite", user.has(Permission.ORGANIZATION_WRITE));
        return "organization/unit";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String newForm(Model model) {
        requireCreate(StaffUser.require());
        return form(model, GovernmentUnitData.empty(), null, List.of());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String create(
            @ModelAttribute GovernmentUnitData form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        requireCreate(StaffUser.require());
        long id;
        try {
            id = units.create(form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, null, e.violations());
        }
        AuditWriteFilter.target("government-unit", id);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/units/" + id;
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String editForm(@PathVariable long id, Model model) {
        GovernmentUnit unit = units.get(StaffUser.require().scope(), id);
        return form(model, GovernmentUnitData.of(unit), unit, List.of());
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String update(
            @PathVariable long id,
            @ModelAttribute GovernmentUnitData form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        GovernmentUnit unit = units.get(user.scope(), id);
        AuditWriteFilter.target("government-unit", id);
        try {
            units.update(user.scope(), id, form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, unit, e.violations());
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/units/" + id;
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        AuditWriteFilter.target("government-unit", id);
        units.setActive(StaffUser.require().scope(), id, active);
        redirect.addFlashAttribute("notice", active ? "reactivated" : "deactivated");
        return "redirect:/console/units/" + id;
    }

    private String form(
            Model model,
            GovernmentUnitData form,
            GovernmentUnit unit,
            List<InvalidInputException.Violation> violations) {
        model.addAttribute("form", form);
        model.addAttribute("unit", unit);
        model.addAttribute("violations", violations);
        return "organization/unit-form";
    }

    private static boolean mayCreate(StaffUser user) {
        return user.has(Permission.ORGANIZATION_WRITE) && user.scope().isCounty();
    }

    /** Only a county-wide scope sees units it did not create itself, so only it may create them. */
    private static void requireCreate(StaffUser user) {
        if (!mayCreate(user)) {
            throw new AccessDeniedException("only a county-wide scope may create government units");
        }
    }
}
