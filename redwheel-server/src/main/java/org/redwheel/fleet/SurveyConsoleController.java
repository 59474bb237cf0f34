package org.redwheel.fleet;

import org.redwheel.identity.StaffUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The survey's coverage (精准摸排) per enterprise and per village. */
@Controller
@RequestMapping("/console/fleet/survey")
@PreAuthorize("hasAuthority('FLEET_READ')")
class SurveyConsoleController {

    private final Survey survey;

    SurveyConsoleController(Survey survey) {
        this.survey = survey;
    }

    @GetMapping
    String coverage(Model model) {
        model.addAttribute("coverage", survey.coverage(StaffUser.require().scope()));
        return "fleet/survey";
    }
}
