package org.redwheel.fleet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.redwheel.identity.StaffUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the survey's coverage. */
@RestController
@RequestMapping("/api/v1/fleet/survey")
@PreAuthorize("hasAuthority('FLEET_READ')")
@Tag(name = "survey", description = "Coverage of the precise survey (精准摸排)")
@SecurityRequirement(name = "bearer")
class SurveyApi {

    private final Survey survey;

    SurveyApi(Survey survey) {
        this.survey = survey;
    }

    @GetMapping
    @Operation(
            summary = "Survey coverage per enterprise and per village",
            description = "Drivers surveyed, Party members among them, drivers with a helper (null until the care"
                    + " module provides it), vehicles and those with their terminal online; within the caller's scope.")
    Survey.Coverage coverage() {
        return survey.coverage(StaffUser.require().scope());
    }
}
