package org.redwheel.care;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.care.Counselling.CounsellingData;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.StaffUser;
import org.redwheel.places.PlaceKind;
import org.redwheel.places.Places;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counsellor's own counselling records (confidential): his list, a new record, one of his
 * records. Nobody sees another counsellor's record: it is not found.
 */
@Controller
@RequestMapping("/console/care/counselling")
@PreAuthorize("hasAnyAuthority('ORGANIZATION_WRITE', 'CARE_HELPER')")
class CounsellingConsoleController {

    private final Counselling counselling;
    private final Places places;
    private final Clock clock;

    CounsellingConsoleController(Counselling counselling, Places places, Clock clock) {
        this.counselling = counselling;
        this.places = places;
        this.clock = clock;
    }

    @GetMapping
    String mine(@RequestParam(required = false) Long driverId, Model model) {
        return page(
                model, new CounsellingData(null, driverId, new ThreeOnesCompliance(clock).today(), null), List.of());
    }

    @PostMapping
    String record(
            @RequestParam(required = false) Long cornerId,
            @RequestParam(required = false) Long driverId,
            @RequestParam(required = false) LocalDate heldOn,
            @RequestParam(required = false) String content,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CounsellingData data = new CounsellingData(cornerId, driverId, heldOn, content);
        long id;
        try {
            id = counselling.record(StaffUser.require(), data);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return page(model, data, e.violations());
        }
        AuditWriteFilter.target("counselling", id);
        redirect.addFlashAttribute("notice", "care.counselling.saved");
        return "redirect:/console/care/counselling/" + id;
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        model.addAttribute("record", counselling.get(StaffUser.require(), id));
        return "care/counselling-record";
    }

    private String page(Model model, CounsellingData form, List<InvalidInputException.Violation> violations) {
        StaffUser user = StaffUser.require();
        model.addAttribute("records", counselling.mine(user));
        model.addAttribute("drivers", counselling.counselled(user));
        model.addAttribute("corners", places.list(PlaceKind.TALK_CORNER, false));
        model.addAttribute("form", form);
        model.addAttribute("violations", violations);
        return "care/counselling";
    }
}
