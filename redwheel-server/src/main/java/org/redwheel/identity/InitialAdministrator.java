package org.redwheel.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the first security administrator of an empty installation from
 * {@code redwheel.initial-admin.*} (the prod profile requires the password). The account must change
 * its password, and enrol two-factor login, at first sign-in.
 */
@Component
class InitialAdministrator {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final StaffAccounts accounts;
    private final String username;
    private final String password;

    InitialAdministrator(
            StaffAccounts accounts,
            @Value("${redwheel.initial-admin.username:secadmin}") String username,
            @Value("${redwheel.initial-admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createWhenEmpty() {
        if (password.isBlank() || accounts.count(null) > 0) {
            return;
        }
        accounts.create(new StaffAccounts.NewAccount(
                username, "安全管理员", null, password, Role.SECURITY_ADMIN, DataScope.county(), true));
        log.info("Created the initial security administrator '{}'", username);
    }
}
