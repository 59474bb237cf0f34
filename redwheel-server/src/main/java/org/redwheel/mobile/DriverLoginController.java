package org.redwheel.mobile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.format.DateTimeFormatter;
import org.redwheel.InvalidInputException;
import org.redwheel.identity.DriverUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The drivers' sign-in pages: the phone number, then the code. The number typed waits in the
 * session between the two; the answers never say whether it is a driver's.
 */
@Controller
class DriverLoginController {

    static final String PENDING_PHONE = DriverLoginController.class.getName() + ".phone";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(DriverHome.BEIJING);

    private final DriverLogins logins;
    private final DriverSessions sessions;

    DriverLoginController(DriverLogins logins, DriverSessions sessions) {
        this.logins = logins;
        this.sessions = sessions;
    }

    @GetMapping("/m/login")
    String phonePage(Model model) {
        if (DriverUser.current().isPresent()) {
            return "redirect:/m";
        }
        model.addAttribute("demoPhones", logins.demoPhones());
        return "mobile/login";
    }

    @PostMapping("/m/login/code")
    String requestCode(
            @RequestParam(required = false) String phone,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        DriverLogins.CodeRequest answer;
        try {
            answer = logins.requestCode(phone, request.getRemoteAddr());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return phoneForm(model, phone, e.violations().get(0), null, null);
        }
        if (answer.outcome() != DriverLogins.CodeRequest.Outcome.SENT) {
            response.setStatus(429);
            return phoneForm(
                    model, phone, null, "mobile.login.refused." + answer.outcome(), TIME.format(answer.retryAt()));
        }
        request.getSession().setAttribute(PENDING_PHONE, DriverLogins.phone(phone));
        redirect.addFlashAttribute("maskedPhone", answer.maskedPhone());
        redirect.addFlashAttribute("shownCode", answer.shownCode());
        redirect.addFlashAttribute("sent", true);
        return "redirect:/m/login/code";
    }

    @GetMapping("/m/login/code")
    String codePage(HttpSession session, Model model) {
        if (DriverUser.current().isPresent()) {
            return "redirect:/m";
        }
        String phone = (String) session.getAttribute(PENDING_PHONE);
        if (phone == null) {
            return "redirect:/m/login";
        }
        model.addAttribute("phone", phone);
        if (!model.containsAttribute("maskedPhone")) {
            model.addAttribute("maskedPhone", org.redwheel.organization.PhoneNumbers.masked(phone));
        }
        return "mobile/login-code";
    }

    /** Signs in with the code sent to the phone of the form (the one the code page was shown for). */
    @PostMapping("/m/login")
    String signIn(
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (phone == null || phone.isBlank()) {
            return "redirect:/m/login";
        }
        request.getSession().setAttribute(PENDING_PHONE, DriverLogins.phoneOrNull(phone));
        DriverLogins.SignIn result;
        try {
            result = logins.signIn(phone, code, request.getRemoteAddr());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("fieldError", e.violations().get(0));
            return "redirect:/m/login/code";
        }
        if (result.succeeded()) {
            request.getSession().removeAttribute(PENDING_PHONE);
            sessions.signIn(result.driver(), request, response);
            return "redirect:/m";
        }
        if (result.locked()) {
            redirect.addFlashAttribute("lockedUntil", TIME.format(result.lockedUntil()));
        } else {
            redirect.addFlashAttribute("attemptsLeft", result.attemptsLeft());
        }
        return "redirect:/m/login/code";
    }

    private String phoneForm(
            Model model, String phone, InvalidInputException.Violation error, String refusalKey, String retryAt) {
        model.addAttribute("phone", phone);
        model.addAttribute("fieldError", error);
        model.addAttribute("refusalKey", refusalKey);
        model.addAttribute("retryAt", retryAt);
        model.addAttribute("demoPhones", logins.demoPhones());
        return "mobile/login";
    }
}
