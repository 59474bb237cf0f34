package org.redwheel.appeals;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public page of hard problems the escort alliance solved (no sign-in): what the problem was,
 * which department claimed it and how it was solved, for how many drivers. Nothing personal: the
 * texts were checked when written and are blanked again where anything looks like a phone, an ID
 * number or a plate.
 */
@Controller
class PublicProblemsController {

    static final String PATH = "/public/solved-problems";

    private final AllianceBoard board;
    private final AppealSupervision supervision;

    PublicProblemsController(AllianceBoard board, AppealSupervision supervision) {
        this.board = board;
        this.supervision = supervision;
    }

    @GetMapping(PATH)
    String solved(Model model) {
        model.addAttribute("problems", board.solved());
        model.addAttribute("summary", supervision.summary());
        return "appeals/public";
    }
}
