package org.redwheel.monitoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.PageRequest;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseFilter;
import org.redwheel.organization.EnterpriseRegistry;
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
 * Spot-checks (查岗) in the console: the county's monitoring staff send them and follow the answers;
 * an enterprise answers its own.
 */
@Controller
@RequestMapping("/console/spot-checks")
@PreAuthorize("hasAnyAuthority('MONITORING', 'ALARM_HANDLE')")
class SpotCheckConsoleController {

    private final SpotChecks spotChecks;
    private final EnterpriseRegistry enterprises;
    private final AssessmentProperties properties;
    private final Clock clock;

    SpotCheckConsoleController(
            SpotChecks spotChecks, EnterpriseRegistry enterprises, AssessmentProperties properties, Clock clock) {
        this.spotChecks = spotChecks;
        this.enterprises = enterprises;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        StaffUser user = StaffUser.require();
        boolean canSend = user.has(Permission.MONITORING) && user.scope().isCounty();
        model.addAttribute("checks", spotChecks.recent(user.scope(), 200));
        model.addAttribute("now", clock.instant());
        model.addAttribute("canSend", canSend);
        model.addAttribute(
                "canAnswer", user.has(Permission.ALARM_HANDLE) && !user.scope().isCounty());
        model.addAttribute("deadlineMinutes", properties.spotCheckDeadline().toMinutes());
        model.addAttribute("defaultQuestion", SpotChecks.DEFAULT_QUESTION);
        if (canSend) {
            List<Enterprise> all = new ArrayList<>();
            for (int page = 0; ; page++) {
                var result = enterprises.list(
                        DataScope.county(),
                        EnterpriseFilter.activeOnes(),
                        new PageRequest(page, PageRequest.MAX_SIZE, "name", true));
                all.addAll(result.content());
                if (!result.hasNext()) {
                    break;
                }
            }
            model.addAttribute("enterprises", all);
        }
        return "monitoring/spot-checks";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('MONITORING')")
    String send(
            @RequestParam(required = false) Long enterpriseId,
            @RequestParam(required = false) String question,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        try {
            long id = spotChecks.send(user.scope(), enterpriseId, question, user.username());
            AuditWriteFilter.target("spot-check", id);
            redirect.addFlashAttribute("notice", "spotCheck.sent");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        }
        return "redirect:/console/spot-checks";
    }

    @PostMapping("/{id}/answer")
    @PreAuthorize("hasAuthority('ALARM_HANDLE')")
    String answer(@PathVariable long id, @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("spot-check", id);
        try {
            spotChecks.answer(user.scope(), id, user.username(), answer);
            redirect.addFlashAttribute("notice", "spotCheck.answered");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        }
        return "redirect:/console/spot-checks#spot-check-" + id;
    }
}
