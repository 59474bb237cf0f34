package org.redwheel.appeals;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.RecordNotFoundException;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.DriverUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The driver's own appeals on his mobile pages ({@code /m}, behind the drivers' sign-in): "I need
 * help" with a category, text, an optional photo and his location; his appeals with their status
 * messages; and, once resolved, his confirmation with a rating or a reopening. Another driver's
 * appeal is not found.
 */
@Controller
@RequestMapping("/m/appeals")
class DriverAppealController {

    private final Appeals appeals;
    private final AppealsProperties properties;

    DriverAppealController(Appeals appeals, AppealsProperties properties) {
        this.appeals = appeals;
        this.properties = properties;
    }

    @GetMapping
    String list(Model model) {
        AppealActor driver = driver();
        model.addAttribute("lines", appeals.mine(driver));
        return "mobile/appeals";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        driver();
        return form(model, null, null, List.of());
    }

    @PostMapping
    String submit(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) BigDecimal latitude,
            @RequestParam(required = false) BigDecimal longitude,
            @RequestParam(required = false) MultipartFile photo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        AppealActor driver = driver();
        AppealPhoto attached =
                photo == null || photo.isEmpty() ? null : new AppealPhoto(photo.getContentType(), photo.getBytes());
        long id;
        try {
            id = appeals.submit(
                    driver,
                    new NewAppeal(
                            driver.driverId(),
                            AppealConsoleController.parse(AppealCategory.class, category),
                            AppealChannel.MOBILE,
                            description,
                            latitude,
                            longitude,
                            null,
                            attached));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, category, description, e.violations());
        }
        AuditWriteFilter.target("appeal", id);
        redirect.addFlashAttribute("notice", "appealSent");
        return "redirect:/m/appeals/" + id;
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        AppealActor driver = driver();
        Appeal appeal = appeals.get(driver, id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("steps", appeals.steps(driver, id));
        model.addAttribute("actions", AppealActions.of(driver, appeal));
        appeals.markSeen(driver, id);
        return "mobile/appeal";
    }

    @GetMapping("/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        AppealPhoto photo = appeals.photo(driver(), id).orElseThrow(() -> new RecordNotFoundException("photo", id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.content());
    }

    @PostMapping("/{id}/confirm")
    String confirm(
            @PathVariable long id,
            @RequestParam(required = false) Integer rating,
            @RequestParam(required = false) String feedback,
            RedirectAttributes redirect) {
        return act(id, redirect, "appealConfirmed", () -> appeals.confirm(driver(), id, rating, feedback));
    }

    @PostMapping("/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "appealReopened", () -> appeals.reopen(driver(), id, reason));
    }

    /** Not his, or not there: the drivers' pages answer in their own frame (the console's needs staff). */
    @ExceptionHandler(RecordNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "mobile/appeal-not-found";
    }

    private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
        AuditWriteFilter.target("appeal", id);
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        }
        return "redirect:/m/appeals/" + id;
    }

    private String form(Model model, String category, String description, List<InvalidInputException.Violation> v) {
        model.addAttribute("categories", AppealCategory.values());
        model.addAttribute("category", category);
        model.addAttribute("description", description);
        model.addAttribute("violations", v);
        model.addAttribute("maxPhotoMb", properties.maxPhotoSize().toMegabytes());
        return "mobile/appeal-form";
    }

    private static AppealActor driver() {
        return AppealActor.of(DriverUser.current()
                .orElseThrow(() -> new AccessDeniedException("the appeals of /m are for signed-in drivers")));
    }
}
