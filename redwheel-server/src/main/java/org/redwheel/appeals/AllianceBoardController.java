package org.redwheel.appeals;

import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.PageRequest;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.StaffUser;
import org.springframework.security.access.AccessDeniedException;
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
 * The claim-and-solve board (领题攻坚) in the console: the office and the desk follow every hard
 * problem; a department sees the open ones, claims one, works it and records the solution.
 */
@Controller
@RequestMapping("/console/appeals/board")
@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'MONITORING_OPERATOR') or hasAuthority('APPEALS_DEPARTMENT')")
class AllianceBoardController {

    private final AllianceBoard board;
    private final Appeals appeals;

    AllianceBoardController(AllianceBoard board, Appeals appeals) {
        this.board = board;
        this.appeals = appeals;
    }

    @GetMapping
    String list(Model model) {
        AppealActor actor = actor();
        model.addAttribute("open", board.list(actor, ProblemStatus.OPEN));
        List<Problem> working = new java.util.ArrayList<>(board.list(actor, ProblemStatus.CLAIMED));
        working.addAll(board.list(actor, ProblemStatus.IN_PROGRESS));
        model.addAttribute("working", working);
        model.addAttribute("solved", board.list(actor, ProblemStatus.SOLVED));
        model.addAttribute("actor", actor);
        return "appeals/board";
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        AppealActor actor = actor();
        Problem problem = board.get(actor, id);
        model.addAttribute("problem", problem);
        model.addAttribute("actor", actor);
        boolean claimant =
                actor.kind() == AppealActor.Kind.DEPARTMENT && actor.unitId().equals(problem.claimedUnitId());
        model.addAttribute("claimant", claimant);
        model.addAttribute(
                "canClaim", actor.kind() == AppealActor.Kind.DEPARTMENT && problem.status() == ProblemStatus.OPEN);
        if (actor.county() || claimant) {
            model.addAttribute(
                    "appeals",
                    appeals.search(
                                    actor,
                                    new AppealFilter(null, null, null, null, null, id, null),
                                    new PageRequest(0, PageRequest.MAX_SIZE, "submittedAt", true))
                            .content());
        }
        return "appeals/problem";
    }

    /** A department that was not first is sent back to the board: the problem is no longer on its board. */
    @PostMapping("/{id}/claim")
    String claim(@PathVariable long id, RedirectAttributes redirect) {
        AuditWriteFilter.target("appeal-problem", id);
        try {
            board.claim(actor(), id);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
            return "redirect:/console/appeals/board";
        }
        redirect.addFlashAttribute("notice", "problemClaimed");
        return "redirect:/console/appeals/board/" + id;
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "problemStarted", () -> board.start(actor(), id));
    }

    @PostMapping("/{id}/solve")
    String solve(@PathVariable long id, @RequestParam(required = false) String solution, RedirectAttributes redirect) {
        redirect.addFlashAttribute("solutionText", solution);
        return act(id, redirect, "problemSolved", () -> board.solve(actor(), id, solution));
    }

    private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
        AuditWriteFilter.target("appeal-problem", id);
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        }
        return "redirect:/console/appeals/board/" + id;
    }

    private static AppealActor actor() {
        AppealActor actor = AppealActor.of(StaffUser.require());
        if (!actor.county() && actor.kind() != AppealActor.Kind.DEPARTMENT) {
            throw new AccessDeniedException("the board is for the county and the alliance's departments");
        }
        return actor;
    }
}
