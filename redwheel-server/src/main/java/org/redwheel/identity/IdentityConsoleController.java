package org.redwheel.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.redwheel.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The login page and the signed-in staff member's own account: password and two-factor login. */
@Controller
class IdentityConsoleController {

    private static final String PENDING_TOTP_SECRET = IdentityConsoleController.class.getName() + ".totpSecret";

    private final StaffAccounts accounts;
    private final TotpEnrolment totp;

    IdentityConsoleController(StaffAccounts accounts, TotpEnrolment totp) {
        this.accounts = accounts;
        this.totp = totp;
    }

    @GetMapping("/console/login")
    String login() {
        return "identity/login";
    }

    @GetMapping(AccountSetupFilter.PASSWORD_PAGE)
    String passwordForm() {
        return "identity/password";
    }

    @PostMapping(AccountSetupFilter.PASSWORD_PAGE)
    String changePassword(
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            @RequestParam String confirmPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw InvalidInputException.of("confirmPassword", "password.confirmMismatch");
            }
            accounts.changeOwnPassword(user.accountId(), currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("violations", e.violations());
            response.setStatus(400);
            return "identity/password";
        }
        AuditWriteFilter.target("account", user.accountId());
        SessionUsers.update(request, response, StaffUser::withPasswordChanged);
        redirect.addFlashAttribute("notice", "password.changed");
        return "redirect:/console";
    }

    @GetMapping(AccountSetupFilter.TOTP_PAGE)
    String totpForm(HttpSession session, Model model) {
        StaffUser user = StaffUser.require();
        boolean enabled = totp.enabled(user.accountId());
        model.addAttribute("totpEnabled", enabled);
        if (!enabled) {
            String secret = (String) session.getAttribute(PENDING_TOTP_SECRET);
            if (secret == null) {
                secret = Totp.newSecret();
                session.setAttribute(PENDING_TOTP_SECRET, secret);
            }
            model.addAttribute("secret", secret);
            model.addAttribute("otpauthUri", Totp.otpauthUri("RedWheel", user.username(), secret));
        }
        return "identity/totp";
    }

    @PostMapping(AccountSetupFilter.TOTP_PAGE)
    String enableTotp(
            @RequestParam String code,
            HttpSession session,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        String secret = (String) session.getAttribute(PENDING_TOTP_SECRET);
        if (secret == null) {
            return "redirect:" + AccountSetupFilter.TOTP_PAGE;
        }
        try {
            totp.enable(user.accountId(), secret, code);
        } catch (InvalidInputException e) {
            model.addAttribute("violations", e.violations());
            model.addAttribute("totpEnabled", false);
            model.addAttribute("secret", secret);
            model.addAttribute("otpauthUri", Totp.otpauthUri("RedWheel", user.username(), secret));
            response.setStatus(400);
            return "identity/totp";
        }
        session.removeAttribute(PENDING_TOTP_SECRET);
        AuditWriteFilter.target("account", user.accountId());
        SessionUsers.update(request, response, StaffUser::withTotpEnrolled);
        redirect.addFlashAttribute("notice", "totp.enabled");
        return "redirect:/console";
    }
}
