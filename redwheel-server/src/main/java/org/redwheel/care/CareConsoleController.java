package org.redwheel.care;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.RecordNotFoundException;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.DriverPrivacy;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
import org.redwheel.organization.Townships;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The county office's care pages (within its data scope): three-ones compliance per township,
 * village and helper; the helpers with their accounts; pairing drivers with helpers (suggested by
 * village, confirmed here) and reassigning them; a driver's care record.
 */
@Controller
@RequestMapping("/console/care")
class CareConsoleController {

    private final Helpers helpers;
    private final HelperAssignments assignments;
    private final ThreeOnes threeOnes;
    private final CarePackages packages;
    private final CareDrivers drivers;
    private final Townships townships;
    private final Clock clock;

    CareConsoleController(
            Helpers helpers,
            HelperAssignments assignments,
            ThreeOnes threeOnes,
            CarePackages packages,
            CareDrivers drivers,
            Townships townships,
            Clock clock) {
        this.helpers = helpers;
        this.assignments = assignments;
        this.threeOnes = threeOnes;
        this.packages = packages;
        this.drivers = drivers;
        this.townships = townships;
        this.clock = clock;
    }

    /** The navigation's entry: a helper's own drivers, or the office's compliance view. */
    @GetMapping
    String entry() {
        StaffUser user = StaffUser.require();
        if (user.has(Permission.CARE_HELPER)) {
            return "redirect:/console/care/my";
        }
        if (user.has(Permission.ORGANIZATION_WRITE)) {
            return "redirect:/console/care/compliance";
        }
        throw new AccessDeniedException("care");
    }

    @GetMapping("/compliance")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String compliance(@RequestParam(required = false) Long townshipId, Model model) {
        ComplianceReport report = threeOnes.report(StaffUser.require().scope());
        model.addAttribute("report", report);
        model.addAttribute("townshipId", townshipId);
        model.addAttribute(
                "helperRows",
                report.helpers().stream()
                        .filter(r -> townshipId == null || r.helper().townshipId() == townshipId)
                        .sorted(Comparator.comparing((ComplianceReport.HelperRow r) ->
                                        r.figures().compliance() == null
                                                ? Integer.MAX_VALUE
                                                : r.figures().compliance())
                                .thenComparing(r -> r.helper().name()))
                        .toList());
        model.addAttribute(
                "villageRows",
                report.villages().stream()
                        .filter(r -> townshipId == null
                                || report.helpers().stream()
                                        .anyMatch(h -> h.helper().villageId() == r.id()
                                                && h.helper().townshipId() == townshipId))
                        .toList());
        model.addAttribute("townships", townships.list(false));
        return "care/compliance";
    }

    @GetMapping("/helpers")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String helpers(
            @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Long villageId,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean inactive,
            Model model) {
        model.addAttribute("helpers", helpers.list(StaffUser.require().scope(), townshipId, villageId, q, inactive));
        model.addAttribute("townshipId", townshipId);
        model.addAttribute("villageId", villageId);
        model.addAttribute("q", q);
        model.addAttribute("inactive", inactive);
        model.addAttribute("townships", townships.list(false));
        model.addAttribute("villages", townships.villages(townshipId, false));
        return "care/helpers";
    }

    @GetMapping("/helpers/new")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String newHelper(@RequestParam(required = false) Long villageId, Model model) {
        return helperForm(model, new HelperData(null, null, villageId, null), null, List.of());
    }

    @PostMapping("/helpers")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String createHelper(
            @ModelAttribute HelperData form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        long id;
        try {
            id = helpers.create(StaffUser.require().scope(), form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return helperForm(model, form, null, e.violations());
        }
        AuditWriteFilter.target("helper", id);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/care/helpers/" + id;
    }

    @GetMapping("/helpers/{id}")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String helper(@PathVariable long id, Model model) {
        StaffUser user = StaffUser.require();
        Helper helper = helpers.get(user.scope(), id);
        model.addAttribute("helper", helper);
        model.addAttribute("compliance", threeOnes.of(id));
        model.addAttribute(
                "drivers",
                drivers.byIds(assignments.driversOf(id)).values().stream()
                        .map(d -> DriverPrivacy.forViewer(d, user))
                        .toList());
        model.addAttribute("violations", List.of());
        return "care/helper";
    }

    @GetMapping("/helpers/{id}/edit")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String editHelper(@PathVariable long id, Model model) {
        Helper helper = helpers.get(StaffUser.require().scope(), id);
        return helperForm(model, HelperData.of(helper), helper, List.of());
    }

    @PostMapping("/helpers/{id}")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String updateHelper(
            @PathVariable long id,
            @ModelAttribute HelperData form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        Helper helper = helpers.get(user.scope(), id);
        AuditWriteFilter.target("helper", id);
        try {
            helpers.update(user.scope(), id, form);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return helperForm(model, form, helper, e.violations());
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/care/helpers/" + id;
    }

    @PostMapping("/helpers/{id}/active")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String setHelperActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        AuditWriteFilter.target("helper", id);
        try {
            helpers.setActive(StaffUser.require().scope(), id, active);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", "care.helper.hasDrivers");
            return "redirect:/console/care/helpers/" + id;
        }
        redirect.addFlashAttribute("notice", active ? "reactivated" : "deactivated");
        return "redirect:/console/care/helpers/" + id;
    }

    /** Creates the helper's console account (he must change the password at the first sign-in). */
    @PostMapping("/helpers/{id}/account")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String createAccount(
            @PathVariable long id,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String initialPassword,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("helper", id);
        try {
            helpers.createAccount(user.scope(), id, username, initialPassword);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            String page = helper(id, model);
            model.addAttribute("violations", e.violations());
            model.addAttribute("accountUsername", username);
            return page;
        }
        redirect.addFlashAttribute("notice", "care.account.created");
        return "redirect:/console/care/helpers/" + id;
    }

    /** Links an account with the role HELPER that the security administrator made. */
    @PostMapping("/helpers/{id}/account/link")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String linkAccount(
            @PathVariable long id,
            @RequestParam(required = false) String username,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("helper", id);
        try {
            helpers.linkAccount(user.scope(), id, username);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            String page = helper(id, model);
            model.addAttribute("violations", e.violations());
            model.addAttribute("linkUsername", username);
            return page;
        }
        redirect.addFlashAttribute("notice", "care.account.linked");
        return "redirect:/console/care/helpers/" + id;
    }

    /** Drivers without a helper, each with the one suggested by his village, to confirm. */
    @GetMapping("/assignments")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String unassigned(@RequestParam(required = false) Long villageId, Model model) {
        StaffUser user = StaffUser.require();
        model.addAttribute(
                "unassigned",
                assignments.unassigned(user.scope(), villageId).stream()
                        .map(u -> new HelperAssignments.Unassigned(
                                DriverPrivacy.forViewer(u.driver(), user), u.suggested()))
                        .toList());
        model.addAttribute("villageId", villageId);
        model.addAttribute("villages", townships.villages(null, false));
        return "care/assignments";
    }

    /** Confirms a pairing: the suggested helper or another one chosen. */
    @PostMapping("/assignments")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String confirm(
            @RequestParam long driverId,
            @RequestParam long helperId,
            @RequestParam(required = false) Long villageId,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("driver", driverId);
        try {
            long id = assignments.assign(user.scope(), driverId, helperId, null, null, user.username());
            AuditWriteFilter.target("care assignment", id);
            redirect.addFlashAttribute("notice", "care.assignment.confirmed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", "care.assignment.failed");
        }
        return "redirect:/console/care/assignments" + (villageId == null ? "" : "?villageId=" + villageId);
    }

    /** Confirms every suggestion of a village at once. */
    @PostMapping("/assignments/village")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String confirmVillage(@RequestParam long villageId, RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("village", villageId);
        int confirmed = 0;
        for (var u : assignments.unassigned(user.scope(), villageId)) {
            if (u.suggested() != null) {
                try {
                    assignments.assign(
                            user.scope(), u.driver().id(), u.suggested().id(), null, null, user.username());
                    confirmed++;
                } catch (InvalidInputException e) {
                    // paired meanwhile by somebody else: nothing to confirm for him
                }
            }
        }
        redirect.addFlashAttribute("notice", confirmed > 0 ? "care.assignment.confirmed" : "care.assignment.nothing");
        return "redirect:/console/care/assignments?villageId=" + villageId;
    }

    /** A driver's care: his helper now and before, the logs, the packages he received. */
    @GetMapping("/drivers/{driverId}")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String driver(@PathVariable long driverId, Model model) {
        StaffUser user = StaffUser.require();
        Driver driver =
                drivers.find(user.scope(), driverId).orElseThrow(() -> new RecordNotFoundException("driver", driverId));
        model.addAttribute("driver", DriverPrivacy.forViewer(driver, user));
        model.addAttribute("history", assignments.history(user.scope(), driverId));
        model.addAttribute("current", assignments.current(driverId).orElse(null));
        model.addAttribute("suggested", assignments.suggest(driverId).orElse(null));
        model.addAttribute("candidates", candidates(user, driver));
        model.addAttribute("logs", threeOnes.logsOf(driverId, 30));
        model.addAttribute("packages", packages.receivedBy(driverId));
        model.addAttribute("today", new ThreeOnesCompliance(clock).today());
        if (!model.containsAttribute("violations")) {
            model.addAttribute("violations", List.of());
        }
        return "care/driver";
    }

    /** Pairs the driver with a helper, or reassigns him (a reason required). */
    @PostMapping("/drivers/{driverId}/helper")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String assign(
            @PathVariable long driverId,
            @RequestParam(required = false) Long helperId,
            @RequestParam(required = false) LocalDate startsOn,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("driver", driverId);
        try {
            if (helperId == null) {
                throw InvalidInputException.of("helperId", "validation.required");
            }
            long id = assignments.assign(user.scope(), driverId, helperId, startsOn, reason, user.username());
            AuditWriteFilter.target("care assignment", id);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("violations", e.violations());
            model.addAttribute("reason", reason);
            return driver(driverId, model);
        }
        redirect.addFlashAttribute("notice", "care.assignment.confirmed");
        return "redirect:/console/care/drivers/" + driverId;
    }

    /** Ends the driver's pairing without a successor. */
    @PostMapping("/drivers/{driverId}/release")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String release(
            @PathVariable long driverId,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("driver", driverId);
        try {
            assignments.release(user.scope(), driverId, reason, user.username());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("violations", e.violations());
            return driver(driverId, model);
        }
        redirect.addFlashAttribute("notice", "care.assignment.released");
        return "redirect:/console/care/drivers/" + driverId;
    }

    /** A visit's photo, for the office (the driver within its scope) or the driver's helper. */
    @GetMapping("/visits/{id}/photo")
    @PreAuthorize("hasAnyAuthority('ORGANIZATION_WRITE', 'CARE_HELPER')")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        StaffUser user = StaffUser.require();
        ThreeOnes.VisitPhoto photo =
                threeOnes.photo(id).orElseThrow(() -> new RecordNotFoundException("visit photo", id));
        boolean allowed = user.has(Permission.CARE_HELPER)
                ? helpers.ofAccount(user.accountId())
                        .map(h -> assignments.caresFor(h.id(), photo.driverId()))
                        .orElse(false)
                : drivers.find(user.scope(), photo.driverId()).isPresent();
        if (!allowed) {
            throw new RecordNotFoundException("visit photo", id);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.bytes());
    }

    private List<Helper> candidates(StaffUser user, Driver driver) {
        // The driver's village first, then his township's, then the rest.
        return helpers.list(user.scope(), null, null, null, false).stream()
                .sorted(Comparator.comparingInt(
                                (Helper h) -> driver.villageId() != null && h.villageId() == driver.villageId()
                                        ? 0
                                        : driver.townshipName() != null
                                                        && driver.townshipName().equals(h.townshipName())
                                                ? 1
                                                : 2)
                        .thenComparingInt(Helper::drivers)
                        .thenComparing(Helper::name))
                .toList();
    }

    private String helperForm(
            Model model, HelperData form, Helper helper, List<InvalidInputException.Violation> violations) {
        StaffUser user = StaffUser.require();
        model.addAttribute("form", form);
        model.addAttribute("helper", helper);
        model.addAttribute("violations", violations);
        model.addAttribute("villages", townships.villages(null, false));
        model.addAttribute("organizations", helpers.organizations(user.scope()));
        return "care/helper-form";
    }
}
