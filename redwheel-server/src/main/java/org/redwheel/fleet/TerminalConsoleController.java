package org.redwheel.fleet;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.PageRequest;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
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

/** Console pages of the JT/T 808 terminals: list, and one form to view, register and edit. */
@Controller
@RequestMapping("/console/fleet/terminals")
@PreAuthorize("hasAuthority('FLEET_READ')")
class TerminalConsoleController {

    private final Terminals terminals;
    private final Vehicles vehicles;

    TerminalConsoleController(Terminals terminals, Vehicles vehicles) {
        this.terminals = terminals;
        this.vehicles = vehicles;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean bound,
            @RequestParam(defaultValue = "true") Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "phone") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        var request = new PageRequest(page, 20, sort, !"desc".equals(direction));
        model.addAttribute("result", terminals.search(StaffUser.require().scope(), q, bound, active, request));
        model.addAttribute("q", q);
        model.addAttribute("bound", bound);
        model.addAttribute("active", active);
        model.addAttribute("sort", Terminals.SORTS.containsKey(sort) ? sort : "phone");
        model.addAttribute("direction", request.ascending() ? "asc" : "desc");
        return htmx != null ? "fleet/terminals :: results" : "fleet/terminals";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String newForm(@RequestParam(required = false) Long vehicleId, Model model) {
        return form(model, TerminalData.empty(vehicleId), null, List.of());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String create(
            @ModelAttribute TerminalData form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        long id;
        try {
            id = terminals.create(StaffUser.require().scope(), form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, null, e.violations());
        }
        AuditWriteFilter.target("terminal", id);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/fleet/terminals/" + id;
    }

    /** The terminal's form: editable for writers, read-only for everybody else. */
    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        TerminalDetails terminal = terminals.get(StaffUser.require().scope(), id);
        return form(model, TerminalData.of(terminal), terminal, List.of());
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String update(
            @PathVariable long id,
            @ModelAttribute TerminalData form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        TerminalDetails terminal = terminals.get(user.scope(), id);
        AuditWriteFilter.target("terminal", id);
        try {
            terminals.update(user.scope(), id, form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, terminal, e.violations());
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/fleet/terminals/" + id;
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("terminal", id);
        terminals.setActive(user.scope(), id, active);
        redirect.addFlashAttribute("notice", active ? "reactivated" : "deactivated");
        // A deactivated terminal leaves its vehicle, and with it an enterprise's scope.
        return terminals.find(user.scope(), id).isPresent()
                ? "redirect:/console/fleet/terminals/" + id
                : "redirect:/console/fleet/terminals";
    }

    private String form(
            Model model,
            TerminalData form,
            TerminalDetails terminal,
            List<InvalidInputException.Violation> violations) {
        StaffUser user = StaffUser.require();
        model.addAttribute("form", form);
        model.addAttribute("terminal", terminal);
        model.addAttribute("violations", violations);
        model.addAttribute("versions", Terminals.PROTOCOL_VERSIONS);
        model.addAttribute("vehicleChoices", vehicles.choices(user.scope()));
        model.addAttribute("canEdit", user.has(Permission.FLEET_WRITE));
        return "fleet/terminal-form";
    }
}
