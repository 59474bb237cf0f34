package org.redwheel.care;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.redwheel.InvalidInputException;
import org.redwheel.care.CarePackages.KindData;
import org.redwheel.care.CarePackages.PackageCategory;
import org.redwheel.fleet.Driver;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.StaffUser;
import org.redwheel.organization.Townships;
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
 * Care packages (爱"新"大礼包) in the console: a quarter's kinds and their reach per enterprise and
 * village; a kind's recipients, and recording who received it (one driver, or every driver of a
 * village or an enterprise at once).
 */
@Controller
@RequestMapping("/console/care/packages")
@PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
class CarePackageConsoleController {

    private final CarePackages packages;
    private final CareDrivers drivers;
    private final Townships townships;
    private final Clock clock;

    CarePackageConsoleController(CarePackages packages, CareDrivers drivers, Townships townships, Clock clock) {
        this.packages = packages;
        this.drivers = drivers;
        this.townships = townships;
        this.clock = clock;
    }

    @GetMapping
    String quarter(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer quarter,
            Model model) {
        LocalDate today = new ThreeOnesCompliance(clock).today();
        int y = year == null || year < 2020 || year > 2100 ? today.getYear() : year;
        int q = quarter == null || quarter < 1 || quarter > 4 ? (today.getMonthValue() - 1) / 3 + 1 : quarter;
        return page(model, y, q, new KindData(y, q, null, null, null), List.of());
    }

    @PostMapping("/kinds")
    String defineKind(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer quarter,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String description,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        KindData data = new KindData(year, quarter, name, category(category), description);
        long id;
        try {
            id = packages.defineKind(data);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            LocalDate today = new ThreeOnesCompliance(clock).today();
            return page(
                    model,
                    year == null ? today.getYear() : year,
                    quarter == null || quarter < 1 || quarter > 4 ? 1 : quarter,
                    data,
                    e.violations());
        }
        AuditWriteFilter.target("care package kind", id);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/care/packages/kinds/" + id;
    }

    @GetMapping("/kinds/{id}")
    String kind(@PathVariable long id, Model model) {
        StaffUser user = StaffUser.require();
        var kind = packages.getKind(id);
        model.addAttribute("kind", kind);
        model.addAttribute("distributions", packages.distributions(user.scope(), id));
        List<Driver> visible = drivers.active(user.scope(), null, null);
        model.addAttribute("drivers", visible);
        model.addAttribute("villages", townships.villages(null, false));
        model.addAttribute(
                "enterprises",
                visible.stream()
                        .filter(d -> d.enterpriseId() != null)
                        .collect(Collectors.toMap(
                                Driver::enterpriseId, Driver::enterpriseName, (a, b) -> a, TreeMap::new)));
        model.addAttribute("today", new ThreeOnesCompliance(clock).today());
        if (!model.containsAttribute("violations")) {
            model.addAttribute("violations", List.of());
        }
        return "care/package-kind";
    }

    /** Records the kind for one driver, or for every active driver of a village or an enterprise. */
    @PostMapping("/kinds/{id}/distributions")
    String distribute(
            @PathVariable long id,
            @RequestParam(required = false) Long driverId,
            @RequestParam(required = false) Long villageId,
            @RequestParam(required = false) Long enterpriseId,
            @RequestParam(required = false) LocalDate distributedOn,
            @RequestParam(required = false) String distributedBy,
            @RequestParam(required = false) String note,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("care package kind", id);
        List<Long> recipients = driverId != null
                ? List.of(driverId)
                : villageId != null || enterpriseId != null
                        ? drivers.active(user.scope(), villageId, enterpriseId).stream()
                                .map(Driver::id)
                                .toList()
                        : List.of();
        int recorded;
        try {
            recorded = packages.distribute(
                    user.scope(), id, recipients, distributedOn, distributedBy, note, user.username());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("violations", e.violations());
            return kind(id, model);
        }
        redirect.addFlashAttribute("notice", "care.package.distributed");
        redirect.addFlashAttribute("recorded", recorded);
        return "redirect:/console/care/packages/kinds/" + id;
    }

    private String page(
            Model model, int year, int quarter, KindData form, List<InvalidInputException.Violation> violations) {
        model.addAttribute("year", year);
        model.addAttribute("quarter", quarter);
        model.addAttribute("coverage", packages.coverage(StaffUser.require().scope(), year, quarter));
        model.addAttribute("form", form);
        model.addAttribute("violations", violations);
        model.addAttribute("categories", PackageCategory.values());
        return "care/packages";
    }

    private static PackageCategory category(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return PackageCategory.valueOf(name.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
