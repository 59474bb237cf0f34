package org.redwheel.organization;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.RecordNotFoundException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of the townships and their villages. Both are small reference lists, so each page
 * carries its own short form for adding one.
 */
@Controller
@RequestMapping("/console/townships")
@PreAuthorize("hasAuthority('ORGANIZATION_READ')")
class TownshipConsoleController {

    private final Townships townships;

    TownshipConsoleController(Townships townships) {
        this.townships = townships;
    }

    @GetMapping
    String list(Model model) {
        return list(model, TownshipData.empty(), List.of());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String create(
            @ModelAttribute TownshipData form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        long id;
        try {
            id = townships.createTownship(form.name(), form.code());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return list(model, form, e.violations());
        }
        AuditWriteFilter.target("township", id);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/townships/" + id;
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        return view(model, township(id), new VillageData(null), List.of());
    }

    @PostMapping("/{id}/villages")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String createVillage(
            @PathVariable long id,
            @ModelAttribute VillageData form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Township township = township(id);
        long villageId;
        try {
            villageId = townships.createVillage(id, form.name());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return view(model, township, form, e.violations());
        }
        AuditWriteFilter.target("village", villageId);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/townships/" + id;
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        AuditWriteFilter.target("township", id);
        townships.setTownshipActive(id, active);
        redirect.addFlashAttribute("notice", active ? "reactivated" : "deactivated");
        return "redirect:/console/townships/" + id;
    }

    @PostMapping("/{id}/villages/{villageId}/active")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String setVillageActive(
            @PathVariable long id,
            @PathVariable long villageId,
            @RequestParam boolean active,
            RedirectAttributes redirect) {
        AuditWriteFilter.target("village", villageId);
        townships
                .findVillage(villageId)
                .filter(v -> v.townshipId() == id)
                .orElseThrow(() -> new RecordNotFoundException("village", villageId));
        townships.setVillageActive(villageId, active);
        redirect.addFlashAttribute("notice", active ? "reactivated" : "deactivated");
        return "redirect:/console/townships/" + id;
    }

    private Township township(long id) {
        return townships.find(id).orElseThrow(() -> new RecordNotFoundException("township", id));
    }

    private String list(Model model, TownshipData form, List<InvalidInputException.Violation> violations) {
        model.addAttribute("townships", townships.list(true));
        model.addAttribute("form", form);
        model.addAttribute("violations", violations);
        model.addAttribute("canWrite", StaffUser.require().has(Permission.ORGANIZATION_WRITE));
        return "organization/townships";
    }

    private String view(
            Model model, Township township, VillageData form, List<InvalidInputException.Violation> violations) {
        model.addAttribute("township", township);
        model.addAttribute("villages", townships.villages(township.id(), true));
        model.addAttribute("form", form);
        model.addAttribute("violations", violations);
        model.addAttribute("canWrite", StaffUser.require().has(Permission.ORGANIZATION_WRITE));
        return "organization/township";
    }
}
