package org.redwheel.care;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.RecordNotFoundException;
import org.redwheel.care.ThreeOnesCompliance.HelperCompliance;
import org.redwheel.fleet.Driver;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The helper's own pages, made for a phone: his drivers with a call button and what is due, a
 * contact logged in one tap, a visit (with a photo and the place) or a problem solved in a few.
 * He sees only the drivers he cares for now: any other driver is not found.
 */
@Controller
@RequestMapping("/console/care/my")
@PreAuthorize("hasAuthority('CARE_HELPER')")
class HelperConsoleController {

    private final Helpers helpers;
    private final HelperAssignments assignments;
    private final ThreeOnes threeOnes;
    private final CarePackages packages;
    private final CareDrivers drivers;

    HelperConsoleController(
            Helpers helpers,
            HelperAssignments assignments,
            ThreeOnes threeOnes,
            CarePackages packages,
            CareDrivers drivers) {
        this.helpers = helpers;
        this.assignments = assignments;
        this.threeOnes = threeOnes;
        this.packages = packages;
        this.drivers = drivers;
    }

    @GetMapping
    String mine(Model model) {
        var helper = helpers.ofAccount(StaffUser.require().accountId());
        model.addAttribute("helper", helper.orElse(null));
        if (helper.isPresent()) {
            HelperCompliance compliance = threeOnes.of(helper.get().id());
            model.addAttribute("compliance", compliance);
            model.addAttribute(
                    "drivers",
                    drivers.byIds(assignments.driversOf(helper.get().id())).values().stream()
                            .map(d -> new MyDriver(
                                    d,
                                    !compliance.dueThisWeek().contains(d.id()),
                                    !compliance.dueThisMonth().contains(d.id())))
                            .toList());
        }
        model.addAttribute("kinds", ContactKind.values());
        return "care/my";
    }

    @GetMapping("/drivers/{driverId}")
    String driver(@PathVariable long driverId, Model model) {
        Helper helper = myHelper();
        Driver driver = myDriver(helper, driverId);
        HelperCompliance compliance = threeOnes.of(helper.id());
        model.addAttribute("helper", helper);
        model.addAttribute(
                "mine",
                new MyDriver(
                        driver,
                        !compliance.dueThisWeek().contains(driverId),
                        !compliance.dueThisMonth().contains(driverId)));
        model.addAttribute("compliance", compliance);
        model.addAttribute("logs", threeOnes.logsOf(driverId, 20));
        model.addAttribute("packages", packages.receivedBy(driverId));
        model.addAttribute("kinds", ContactKind.values());
        if (!model.containsAttribute("violations")) {
            model.addAttribute("violations", List.of());
        }
        return "care/my-driver";
    }

    /** One tap: the contact made just now, by phone, message or in person. */
    @PostMapping("/drivers/{driverId}/contacts")
    String contact(
            @PathVariable long driverId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String from,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Helper helper = myHelper();
        myDriver(helper, driverId);
        AuditWriteFilter.target("driver", driverId);
        try {
            long id = threeOnes.logContact(
                    helper.id(),
                    driverId,
                    kind(kind),
                    null,
                    note,
                    StaffUser.require().username());
            AuditWriteFilter.target("care contact", id);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("violations", e.violations());
            return driver(driverId, model);
        }
        redirect.addFlashAttribute("notice", "care.contact.logged");
        return "driver".equals(from) ? "redirect:/console/care/my/drivers/" + driverId : "redirect:/console/care/my";
    }

    @PostMapping("/drivers/{driverId}/visits")
    String visit(
            @PathVariable long driverId,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Double latitude,
            @RequestParam(required = false) Double longitude,
            @RequestParam(required = false) MultipartFile photo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Helper helper = myHelper();
        myDriver(helper, driverId);
        AuditWriteFilter.target("driver", driverId);
        byte[] bytes;
        try {
            bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            long id = threeOnes.logVisit(
                    new ThreeOnes.VisitEntry(helper.id(), driverId, null, note, latitude, longitude, bytes),
                    StaffUser.require().username());
            AuditWriteFilter.target("care visit", id);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("violations", e.violations());
            model.addAttribute("visitNote", note);
            return driver(driverId, model);
        }
        redirect.addFlashAttribute("notice", "care.visit.logged");
        return "redirect:/console/care/my/drivers/" + driverId;
    }

    @PostMapping("/drivers/{driverId}/problems")
    String problem(
            @PathVariable long driverId,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) LocalDate solvedOn,
            @RequestParam(required = false) Long appealId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Helper helper = myHelper();
        myDriver(helper, driverId);
        AuditWriteFilter.target("driver", driverId);
        try {
            long id = threeOnes.logSolvedProblem(
                    helper.id(),
                    driverId,
                    solvedOn,
                    note,
                    appealId,
                    StaffUser.require().username());
            AuditWriteFilter.target("care problem", id);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("violations", e.violations());
            model.addAttribute("problemNote", note);
            return driver(driverId, model);
        }
        redirect.addFlashAttribute("notice", "care.problem.logged");
        return "redirect:/console/care/my/drivers/" + driverId;
    }

    private Helper myHelper() {
        return helpers.ofAccount(StaffUser.require().accountId())
                .filter(Helper::active)
                .orElseThrow(() -> new RecordNotFoundException(
                        "helper of account", StaffUser.require().accountId()));
    }

    /** The driver, if the helper cares for him now; any other is not found. */
    private Driver myDriver(Helper helper, long driverId) {
        if (!assignments.caresFor(helper.id(), driverId)) {
            throw new RecordNotFoundException("driver", driverId);
        }
        return drivers.any(driverId).orElseThrow(() -> new RecordNotFoundException("driver", driverId));
    }

    private static ContactKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return ContactKind.valueOf(kind.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("kind", "validation.format");
        }
    }

    /**
     * One of the helper's drivers, with his full phone number (the helper calls him).
     *
     * @param contactedThisWeek the weekly contact is done
     * @param visitedThisMonth the monthly visit is done
     */
    record MyDriver(Driver driver, boolean contactedThisWeek, boolean visitedThisMonth) {}
}
