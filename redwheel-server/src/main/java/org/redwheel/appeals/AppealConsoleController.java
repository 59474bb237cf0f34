package org.redwheel.appeals;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.redwheel.InvalidInputException;
import org.redwheel.PageRequest;
import org.redwheel.RecordNotFoundException;
import org.redwheel.fleet.Assignments;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.identity.StaffUser;
import org.redwheel.organization.GovernmentUnit;
import org.redwheel.organization.GovernmentUnits;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Appeals in the console: the list within the actor's reach, intake of the hotline, talk corner,
 * helper's visit and monitoring desk channels, and each appeal with its steps and the actions its
 * status allows (accept, assign, post to the board, start, resolve, confirm or reopen for the
 * driver).
 */
@Controller
@RequestMapping("/console/appeals")
@PreAuthorize(AppealConsoleController.STAFF)
class AppealConsoleController {

    static final String STAFF =
            "hasAnyRole('COUNTY_ADMIN', 'MONITORING_OPERATOR') or hasAnyAuthority('APPEALS_DEPARTMENT', 'CARE_HELPER')";

    private final Appeals appeals;
    private final AllianceBoard board;
    private final Drivers drivers;
    private final Assignments assignments;
    private final GovernmentUnits units;
    private final StaffAccounts accounts;
    private final AppealNotices notices;
    private final AppealRouting routing;

    AppealConsoleController(
            Appeals appeals,
            AllianceBoard board,
            Drivers drivers,
            Assignments assignments,
            GovernmentUnits units,
            StaffAccounts accounts,
            AppealNotices notices,
            AppealRouting routing) {
        this.appeals = appeals;
        this.board = board;
        this.drivers = drivers;
        this.assignments = assignments;
        this.units = units;
        this.accounts = accounts;
        this.notices = notices;
        this.routing = routing;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "submittedAt") String sort,
            @RequestParam(defaultValue = "false") boolean asc,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        AppealActor actor = actor();
        String view = state == null ? "open" : state;
        AppealFilter filter = new AppealFilter(
                "all".equals(view) ? null : view,
                null,
                parse(AppealCategory.class, category),
                parse(AppealChannel.class, channel),
                overdue ? Boolean.TRUE : null,
                null,
                q);
        var result = appeals.search(actor, filter, new PageRequest(page, 20, sort, asc));
        model.addAttribute("result", result);
        model.addAttribute("labels", labels(result.content()));
        model.addAttribute("levels", appeals.serviceLevels());
        model.addAttribute("state", view);
        model.addAttribute("category", filter.category());
        model.addAttribute("channel", filter.channel());
        model.addAttribute("overdue", overdue);
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("asc", asc);
        model.addAttribute("categories", AppealCategory.values());
        model.addAttribute("channels", AppealChannel.values());
        model.addAttribute("actor", actor);
        return htmx != null ? "appeals/list :: results" : "appeals/list";
    }

    @GetMapping("/new")
    String newForm(
            @RequestParam(required = false) Long driverId,
            @RequestParam(required = false) Long vehicleId,
            @RequestParam(required = false) Long alarmId,
            @RequestParam(required = false) String channel,
            Model model) {
        AppealActor actor = requireIntake();
        Long driver = driverId;
        if (driver == null && vehicleId != null) {
            driver = assignments
                    .currentPrimary(vehicleId)
                    .map(Assignments.Assignment::driverId)
                    .orElse(null);
        }
        AppealChannel preset = parse(AppealChannel.class, channel);
        if (preset == null) {
            preset = actor.kind() == AppealActor.Kind.HELPER
                    ? AppealChannel.HELPER_VISIT
                    : (alarmId != null ? AppealChannel.MONITORING_DESK : AppealChannel.HOTLINE);
        }
        return form(model, actor, new IntakeForm(driver, null, preset.name(), null, alarmId), List.of());
    }

    @PostMapping
    String submit(IntakeForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        AppealActor actor = requireIntake();
        long id;
        try {
            id = appeals.submit(
                    actor,
                    new NewAppeal(
                            form.driverId(),
                            parse(AppealCategory.class, form.category()),
                            parse(AppealChannel.class, form.channel()),
                            form.description(),
                            null,
                            null,
                            form.alarmId(),
                            null));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, actor, form, e.violations());
        }
        AuditWriteFilter.target("appeal", id);
        redirect.addFlashAttribute("notice", "appealSubmitted");
        return "redirect:/console/appeals/" + id;
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        AppealActor actor = actor();
        Appeal appeal = appeals.get(actor, id);
        AppealActions actions = AppealActions.of(actor, appeal);
        model.addAttribute("appeal", appeal);
        model.addAttribute("actions", actions);
        model.addAttribute("steps", appeals.steps(actor, id));
        model.addAttribute("levels", appeals.serviceLevels());
        model.addAttribute("routeLabel", notices.label(appeal.route()));
        model.addAttribute("handlerLabel", notices.label(appeal.handler()));
        Optional<Driver> driver = drivers.find(DataScope.county(), appeal.driverId());
        model.addAttribute("driverPhone", driver.map(Driver::phone).orElse(null));
        model.addAttribute("driverVillage", driver.map(Driver::villageName).orElse(null));
        model.addAttribute(
                "driverEnterprise", driver.map(Driver::enterpriseName).orElse(null));
        if (appeal.problemId() != null) {
            board.find(actor, appeal.problemId()).ifPresent(p -> model.addAttribute("problem", p));
        }
        if (actions.assign()) {
            model.addAttribute("departments", departments());
            model.addAttribute("helpers", accounts.activeInScope(Role.HELPER, DataScope.assigned()));
            model.addAttribute(
                    "driversHelper", routing.helperOf(appeal.driverId()).orElse(null));
        }
        if (actions.post()) {
            model.addAttribute(
                    "similar",
                    appeals
                            .search(
                                    actor,
                                    new AppealFilter("open", null, appeal.category(), null, null, null, null),
                                    new PageRequest(0, 50, "submittedAt", false))
                            .content()
                            .stream()
                            .filter(a -> a.id() != appeal.id()
                                    && a.problemId() == null
                                    && AppealActions.ASSIGNABLE.contains(a.status()))
                            .toList());
            model.addAttribute("openProblems", openProblems(actor, appeal.category()));
        }
        return "appeals/appeal";
    }

    @GetMapping("/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        AppealPhoto photo = appeals.photo(actor(), id).orElseThrow(() -> new RecordNotFoundException("photo", id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.content());
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "appealAccepted", () -> appeals.accept(actor(), id));
    }

    /** @param handler {@code OFFICE}, {@code D<unit id>} or {@code H<account id>} */
    @PostMapping("/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) String handler, RedirectAttributes redirect) {
        return act(id, redirect, "appealAssigned", () -> appeals.assign(actor(), id, handler(handler)));
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "appealStarted", () -> appeals.start(actor(), id));
    }

    @PostMapping("/{id}/resolve")
    String resolve(
            @PathVariable long id, @RequestParam(required = false) String solution, RedirectAttributes redirect) {
        return act(id, redirect, "appealResolved", () -> appeals.resolve(actor(), id, solution));
    }

    @PostMapping("/{id}/confirm")
    String confirm(
            @PathVariable long id,
            @RequestParam(required = false) Integer rating,
            @RequestParam(required = false) String feedback,
            RedirectAttributes redirect) {
        return act(id, redirect, "appealConfirmed", () -> appeals.confirm(actor(), id, rating, feedback));
    }

    @PostMapping("/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "appealReopened", () -> appeals.reopen(actor(), id, reason));
    }

    /** Posts the appeal, and the similar ones ticked, to the board as one hard problem. */
    @PostMapping("/{id}/board")
    String post(
            @PathVariable long id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) Long[] similar,
            RedirectAttributes redirect) {
        AuditWriteFilter.target("appeal", id);
        List<Long> ids = new ArrayList<>();
        ids.add(id);
        if (similar != null) {
            ids.addAll(Arrays.asList(similar));
        }
        try {
            AppealActor actor = actor();
            long problemId = board.post(actor, ids, title, description);
            AuditWriteFilter.target("appeal-problem", problemId);
            redirect.addFlashAttribute("notice", "problemPosted");
            // The office follows the problem on the board; a helper who escalated it has handed it over.
            return actor.office() ? "redirect:/console/appeals/board/" + problemId : "redirect:/console/appeals";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
            redirect.addFlashAttribute("postTitle", title);
            redirect.addFlashAttribute("postDescription", description);
            return "redirect:/console/appeals/" + id + "#post";
        }
    }

    @PostMapping("/{id}/link")
    String link(@PathVariable long id, @RequestParam(required = false) Long problemId, RedirectAttributes redirect) {
        if (problemId == null) {
            AuditWriteFilter.target("appeal", id);
            redirect.addFlashAttribute(
                    "violations", List.of(new InvalidInputException.Violation("problemId", "validation.required")));
            return "redirect:/console/appeals/" + id;
        }
        return act(id, redirect, "appealLinked", () -> board.link(actor(), problemId, id));
    }

    private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
        AuditWriteFilter.target("appeal", id);
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        }
        return "redirect:/console/appeals/" + id;
    }

    private String form(Model model, AppealActor actor, IntakeForm form, List<InvalidInputException.Violation> v) {
        model.addAttribute("form", form);
        model.addAttribute("violations", v);
        model.addAttribute("categories", AppealCategory.values());
        model.addAttribute(
                "channels",
                Arrays.stream(AppealChannel.values())
                        .filter(c -> actor.kind() == AppealActor.Kind.HELPER
                                ? c == AppealChannel.HELPER_VISIT
                                : c != AppealChannel.MOBILE)
                        .toList());
        if (actor.county()) {
            model.addAttribute("drivers", drivers.choices(DataScope.county(), null));
        } else if (form.driverId() != null) {
            drivers.find(DataScope.county(), form.driverId())
                    .filter(d -> routing.helperOf(d.id()).equals(Optional.ofNullable(actor.accountId())))
                    .ifPresent(d -> model.addAttribute("fixedDriver", d));
        }
        return "appeals/form";
    }

    /** Who handles each appeal (or where it waits), by appeal id; none while it waits on the board. */
    private java.util.Map<Long, String> labels(List<Appeal> list) {
        java.util.Map<AppealHandler, String> known = new java.util.HashMap<>();
        java.util.Map<Long, String> labels = new java.util.HashMap<>();
        for (Appeal a : list) {
            AppealHandler h = a.handler() != null ? a.handler() : (a.problemId() != null ? null : a.route());
            if (h != null) {
                labels.put(a.id(), known.computeIfAbsent(h, notices::label));
            }
        }
        return labels;
    }

    private List<GovernmentUnit> departments() {
        return units.list(DataScope.county(), null, null, false).stream()
                .sorted((a, b) -> Boolean.compare(b.escortAlliance(), a.escortAlliance()))
                .toList();
    }

    private List<Problem> openProblems(AppealActor actor, AppealCategory category) {
        List<Problem> open = new ArrayList<>();
        for (ProblemStatus status : List.of(ProblemStatus.OPEN, ProblemStatus.CLAIMED, ProblemStatus.IN_PROGRESS)) {
            board.list(actor, status).stream()
                    .filter(p -> p.category() == category)
                    .forEach(open::add);
        }
        return open;
    }

    private static AppealHandler handler(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.equals("OFFICE")) {
                return AppealHandler.office();
            }
            if (value.startsWith("D")) {
                return AppealHandler.department(Long.parseLong(value.substring(1)));
            }
            if (value.startsWith("H")) {
                return AppealHandler.helper(Long.parseLong(value.substring(1)));
            }
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("handler", "validation.unknownReference");
        }
        throw InvalidInputException.of("handler", "validation.unknownReference");
    }

    private static AppealActor actor() {
        return AppealActor.of(StaffUser.require());
    }

    private static AppealActor requireIntake() {
        AppealActor actor = actor();
        if (!actor.county() && actor.kind() != AppealActor.Kind.HELPER) {
            throw new AccessDeniedException("only the office, the desk and helpers record appeals");
        }
        return actor;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The console's intake form. */
    record IntakeForm(Long driverId, String category, String channel, String description, Long alarmId) {}
}
