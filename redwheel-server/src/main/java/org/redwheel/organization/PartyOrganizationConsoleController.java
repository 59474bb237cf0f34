package org.redwheel.organization;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.redwheel.InvalidInputException;
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

/** Console pages of the Party organisation tree: the indented tree, one node with its children, the forms. */
@Controller
@RequestMapping("/console/party-organizations")
@PreAuthorize("hasAuthority('ORGANIZATION_READ')")
class PartyOrganizationConsoleController {

    private final PartyOrganizations organizations;
    private final Townships townships;

    PartyOrganizationConsoleController(PartyOrganizations organizations, Townships townships) {
        this.organizations = organizations;
        this.townships = townships;
    }

    @GetMapping
    String tree(
            @RequestParam(defaultValue = "false") boolean inactive,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute(
                "organizations", organizations.tree(StaffUser.require().scope(), inactive));
        model.addAttribute("inactive", inactive);
        return htmx != null ? "organization/party-organizations :: results" : "organization/party-organizations";
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        return view(model, organizations.get(StaffUser.require().scope(), id), List.of());
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String newForm(@RequestParam(required = false) Long parentId, Model model) {
        PartyOrganizationKind kind = PartyOrganizationKind.BRANCH;
        if (parentId != null) {
            PartyOrganization parent = organizations.get(StaffUser.require().scope(), parentId);
            kind = parent.kind().usualChild();
        }
        return form(model, PartyOrganizationData.under(parentId, kind), null, List.of());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String create(
            @ModelAttribute PartyOrganizationData form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        long id;
        try {
            id = organizations.create(StaffUser.require().scope(), form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, null, e.violations());
        }
        AuditWriteFilter.target("party-organization", id);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/party-organizations/" + id;
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String editForm(@PathVariable long id, Model model) {
        PartyOrganization organization = organizations.get(StaffUser.require().scope(), id);
        return form(model, PartyOrganizationData.of(organization), organization, List.of());
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String update(
            @PathVariable long id,
            @ModelAttribute PartyOrganizationData form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        PartyOrganization organization = organizations.get(user.scope(), id);
        AuditWriteFilter.target("party-organization", id);
        try {
            organizations.update(user.scope(), id, form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            // The place in the tree cannot change: show the stored one, not what was posted.
            var shown = new PartyOrganizationData(
                    organization.parentId(),
                    organization.kind(),
                    form.name(),
                    form.secretary(),
                    form.membersCount(),
                    form.foundedOn(),
                    form.villageId());
            return form(model, shown, organization, e.violations());
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/party-organizations/" + id;
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String setActive(
            @PathVariable long id,
            @RequestParam boolean active,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("party-organization", id);
        try {
            organizations.setActive(user.scope(), id, active);
        } catch (InvalidInputException e) {
            // Refused while active children remain: say so on the node's page.
            response.setStatus(400);
            return view(model, organizations.get(user.scope(), id), e.violations());
        }
        redirect.addFlashAttribute("notice", active ? "reactivated" : "deactivated");
        return "redirect:/console/party-organizations/" + id;
    }

    private String view(Model model, PartyOrganization organization, List<InvalidInputException.Violation> violations) {
        StaffUser user = StaffUser.require();
        model.addAttribute("organization", organization);
        model.addAttribute("children", organizations.children(user.scope(), organization.id()));
        model.addAttribute(
                "parent",
                organization.parentId() == null
                        ? null
                        : organizations
                                .find(user.scope(), organization.parentId())
                                .orElse(null));
        model.addAttribute("canWrite", user.has(Permission.ORGANIZATION_WRITE));
        model.addAttribute(
                "mayHaveChildren", organization.active() && organization.kind().usualChild() != null);
        model.addAttribute("violations", violations);
        return "organization/party-organization";
    }

    private String form(
            Model model,
            PartyOrganizationData form,
            PartyOrganization organization,
            List<InvalidInputException.Violation> violations) {
        StaffUser user = StaffUser.require();
        model.addAttribute("form", form);
        model.addAttribute("organization", organization);
        model.addAttribute("violations", violations);
        model.addAttribute("kinds", PartyOrganizationKind.values());
        model.addAttribute(
                "parents",
                organizations.tree(user.scope(), false).stream()
                        .filter(o -> o.kind().usualChild() != null)
                        .toList());
        model.addAttribute(
                "parent",
                form.parentId() == null
                        ? null
                        : organizations.find(user.scope(), form.parentId()).orElse(null));
        model.addAttribute("villages", townships.villages(null, false));
        return "organization/party-organization-form";
    }
}
