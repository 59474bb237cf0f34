package org.redwheel.appeals;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redwheel.PageRequest;
import org.redwheel.identity.StaffUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Supervision (督办) of appeals for the county: the overdue ones, open and overdue appeals by
 * category, handler, village and age, and the monthly statistics.
 */
@Controller
@RequestMapping("/console/appeals")
@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'MONITORING_OPERATOR')")
class SupervisionController {

    private final AppealSupervision supervision;
    private final Appeals appeals;
    private final AllianceBoard board;
    private final java.time.Clock clock;

    SupervisionController(AppealSupervision supervision, Appeals appeals, AllianceBoard board, java.time.Clock clock) {
        this.supervision = supervision;
        this.appeals = appeals;
        this.board = board;
        this.clock = clock;
    }

    @GetMapping("/supervision")
    String supervision(@RequestParam(defaultValue = "12") int months, Model model) {
        AppealActor actor = county();
        int period = List.of(1, 3, 12).contains(months) ? months : 12;
        Instant from = ZonedDateTime.now(clock.withZone(AppealSupervision.BEIJING))
                .minusMonths(period)
                .toInstant();
        Map<String, List<AppealSupervision.Row>> dimensions = new LinkedHashMap<>();
        for (String dimension : List.of("category", "handler", "village")) {
            dimensions.put(dimension, supervision.by(dimension, from));
        }
        model.addAttribute("dimensions", dimensions);
        model.addAttribute("ages", supervision.ages());
        model.addAttribute("summary", supervision.summary());
        model.addAttribute("months", period);
        model.addAttribute(
                "overdue",
                appeals.search(
                                actor,
                                new AppealFilter("open", null, null, null, true, null, null),
                                new PageRequest(0, 50, "resolveDue", true))
                        .content());
        model.addAttribute("levels", appeals.serviceLevels());
        model.addAttribute("boardCounts", board.counts());
        return "appeals/supervision";
    }

    @GetMapping("/statistics")
    String statistics(Model model) {
        county();
        model.addAttribute("months", supervision.monthly(12));
        model.addAttribute("summary", supervision.summary());
        return "appeals/statistics";
    }

    private static AppealActor county() {
        AppealActor actor = AppealActor.of(StaffUser.require());
        if (!actor.county()) {
            throw new AccessDeniedException("supervision is the county's");
        }
        return actor;
    }
}
