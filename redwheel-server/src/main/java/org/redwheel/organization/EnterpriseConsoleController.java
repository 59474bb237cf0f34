package org.redwheel.organization;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.PageRequest;
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

/** Console pages of the logistics enterprises. The list filters and pages in place with htmx. */
@Controller
@RequestMapping("/console/enterprises")
@PreAuthorize("hasAuthority('ORGANIZATION_READ')")
class EnterpriseConsoleController {

    private final EnterpriseRegistry enterprises;
    private final Townships townships;
    private final PartyOrganizations partyOrganizations;

    EnterpriseConsoleController(
            EnterpriseRegistry enterprises, Townships townships, PartyOrganizations partyOrganizations) {
        this.enterprises = enterprises;
        this.townships = townships;
        this.partyOrganizations = partyOrganizations;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Boolean withPartyOrganization,
            @RequestParam(defaultValue = "true") Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        var filter = new EnterpriseFilter(q, townshipId, withPartyOrganization, null, active);
        var request = new PageRequest(page, 20, sort, !"desc".equals(direction));
        model.addAttribute("result", enterprises.list(StaffUser.require().scope(), filter, request));
        model.addAttribute("filter", filter);
        model.addAttribute("sort", EnterpriseRegistry.SORTS.containsKey(sort) ? sort : "name");
        model.addAttribute("direction", request.ascending() ? "asc" : "desc");
        model.addAttribute("townships", townships.list(false));
        return htmx != null ? "organization/enterprises :: results" : "organization/enterprises";
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        StaffUser user = StaffUser.require();
        Enterprise enterprise = enterprises.get(user.scope(), id);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("canEdit", mayEdit(user));
        model.addAttribute("canDeactivate", user.has(Permission.ORGANIZATION_WRITE));
        return "organization/enterprise";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String newForm(Model model) {
        return form(model, EnterpriseData.empty(), null, List.of());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String create(
            @ModelAttribute EnterpriseData form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        long id;
        try {
            id = enterprises.create(form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, null, e.violations());
        }
        AuditWriteFilter.target("enterprise", id);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/enterprises/" + id;
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        StaffUser user = StaffUser.require();
        Enterprise enterprise = enterprises.get(user.scope(), id);
        requireEdit(user);
        return form(model, EnterpriseData.of(enterprise), enterprise, List.of());
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute EnterpriseData form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        Enterprise enterprise = enterprises.get(user.scope(), id);
        requireEdit(user);
        AuditWriteFilter.target("enterprise", id);
        try {
            enterprises.update(user.scope(), id, form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, enterprise, e.violations());
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/enterprises/" + id;
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        AuditWriteFilter.target("enterprise", id);
        enterprises.setActive(StaffUser.require().scope(), id, active);
        redirect.addFlashAttribute("notice", active ? "reactivated" : "deactivated");
        return "redirect:/console/enterprises/" + id;
    }

    private String form(
            Model model, EnterpriseData form, Enterprise enterprise, List<InvalidInputException.Violation> violations) {
        model.addAttribute("form", form);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("violations", violations);
        model.addAttribute("townships", townships.list(false));
        model.addAttribute(
                "branches",
                partyOrganizations.tree(StaffUser.require().scope(), false).stream()
                        .filter(o -> PartyOrganizationKind.HOSTS_ENTERPRISES.contains(o.kind()))
                        .toList());
        return "organization/enterprise-form";
    }

    private static boolean mayEdit(StaffUser user) {
        return user.has(Permission.ORGANIZATION_WRITE) || user.has(Permission.ENTERPRISE_SELF_WRITE);
    }

    private static void requireEdit(StaffUser user) {
        if (!mayEdit(user)) {
            throw new AccessDeniedException("no right to edit enterprises");
        }
    }
}
