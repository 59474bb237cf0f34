package org.redwheel.care;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.care.TalkCorners.SessionData;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.StaffUser;
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
 * The talk corners (畅言吧) in the console: the corners with their figures and the year's
 * statistics (counselling only counted), a corner's sessions of questions and answers, and
 * recording one.
 */
@Controller
@RequestMapping("/console/care/corners")
@PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
class TalkCornerConsoleController {

    private final TalkCorners corners;
    private final Clock clock;

    TalkCornerConsoleController(TalkCorners corners, Clock clock) {
        this.corners = corners;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, Model model) {
        LocalDate today = new ThreeOnesCompliance(clock).today();
        int y = year == null || year < 2020 || year > 2100 ? today.getYear() : year;
        model.addAttribute("corners", corners.corners());
        model.addAttribute("statistics", corners.statistics(y));
        model.addAttribute("year", y);
        return "care/corners";
    }

    @GetMapping("/{id}")
    String corner(@PathVariable long id, Model model) {
        model.addAttribute("corner", corners.corner(id));
        model.addAttribute("sessions", corners.sessions(id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SessionData(id, new ThreeOnesCompliance(clock).today(), null, null, null));
        }
        if (!model.containsAttribute("violations")) {
            model.addAttribute("violations", List.of());
        }
        return "care/corner";
    }

    @PostMapping("/{id}/sessions")
    String recordSession(
            @PathVariable long id,
            @RequestParam(required = false) LocalDate heldOn,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String questionsAnswers,
            @RequestParam(required = false) Integer attendees,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        corners.corner(id);
        SessionData data = new SessionData(id, heldOn, topic, questionsAnswers, attendees);
        AuditWriteFilter.target("talk corner", id);
        try {
            long session = corners.recordSession(data, StaffUser.require().username());
            AuditWriteFilter.target("talk session", session);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("form", data);
            model.addAttribute("violations", e.violations());
            return corner(id, model);
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/care/corners/" + id;
    }
}
