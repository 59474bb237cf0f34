package org.redwheel.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.RecordNotFoundException;
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

/** The security administrator's account management: create, change role and scope, unlock, reset. */
@Controller
@RequestMapping("/console/accounts")
@PreAuthorize("hasAuthority('ACCOUNT_ADMIN')")
class AccountAdminController {

    private static final int PAGE_SIZE = 20;

    private final StaffAccounts accounts;

    AccountAdminController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        int safePage = Math.max(page, 0);
        model.addAttribute("accounts", accounts.list(q, safePage * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("total", accounts.count(q));
        model.addAttribute("page", safePage);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("q", q);
        return "identity/accounts";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute(
                "form", new AccountForm(null, null, null, Role.ENTERPRISE_ADMIN, ScopeKind.ENTERPRISE, null, null));
        return form(model, null);
    }

    @PostMapping
    String create(
            @ModelAttribute("form") AccountForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        long id;
        try {
            id = accounts.create(new StaffAccounts.NewAccount(
                    form.username(),
                    form.displayName(),
                    form.phone(),
                    form.initialPassword(),
                    form.role(),
                    form.scope(),
                    true));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("violations", e.violations());
            return form(model, null);
        }
        AuditWriteFilter.target("account", id);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/accounts/" + id;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        var account = accounts.find(id).orElseThrow(() -> new RecordNotFoundException("account", id));
        model.addAttribute(
                "form",
                new AccountForm(
                        account.username(),
                        account.displayName(),
                        account.phone(),
                        account.role(),
                        account.scope().kind(),
                        account.scope().targetId(),
                        null));
        model.addAttribute("account", account);
        return form(model, account);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") AccountForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var account = accounts.find(id).orElseThrow(() -> new RecordNotFoundException("account", id));
        AuditWriteFilter.target("account", id);
        try {
            accounts.update(id, form.displayName(), form.phone(), form.role(), form.scope());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("violations", e.violations());
            model.addAttribute("account", account);
            return form(model, account);
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/accounts/" + id;
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        AuditWriteFilter.target("account", id);
        accounts.unlock(id);
        redirect.addFlashAttribute("notice", "account.unlocked");
        return "redirect:/console/accounts/" + id;
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        AuditWriteFilter.target("account", id);
        accounts.setActive(id, active);
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/console/accounts/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String newPassword, RedirectAttributes redirect) {
        AuditWriteFilter.target("account", id);
        try {
            accounts.resetPassword(id, newPassword);
            redirect.addFlashAttribute("notice", "account.passwordReset");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        }
        return "redirect:/console/accounts/" + id;
    }

    private String form(Model model, StaffAccounts.AccountSummary account) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopeKinds", ScopeKind.values());
        if (!model.containsAttribute("violations")) {
            model.addAttribute("violations", List.of());
        }
        return "identity/account-form";
    }

    /** The account form; {@code scopeTargetId} is the enterprise, organisation or department id. */
    record AccountForm(
            String username,
            String displayName,
            String phone,
            Role role,
            ScopeKind scopeKind,
            Long scopeTargetId,
            String initialPassword) {

        DataScope scope() {
            if (scopeKind == null) {
                return null;
            }
            boolean needsTarget = scopeKind == ScopeKind.ENTERPRISE
                    || scopeKind == ScopeKind.DEPARTMENT
                    || scopeKind == ScopeKind.ORGANIZATION_SUBTREE;
            if (needsTarget && scopeTargetId == null) {
                throw InvalidInputException.of("scopeTargetId", "validation.required");
            }
            return new DataScope(scopeKind, needsTarget ? scopeTargetId : null);
        }
    }
}
