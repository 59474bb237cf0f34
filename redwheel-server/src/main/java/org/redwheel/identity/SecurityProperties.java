package org.redwheel.identity;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login and token settings ({@code redwheel.security.*}).
 *
 * @param encryptionKey Base64 AES-256 key for sensitive fields; from the environment only
 * @param maxFailedLogins failures in a row that lock an account
 * @param lockoutDuration how long a locked account stays locked
 * @param apiTokenLifetime how long a REST API bearer token is valid
 * @param totpRequiredRoles roles that must use TOTP two-factor login
 */
@ConfigurationProperties("redwheel.security")
record SecurityProperties(
        String encryptionKey,
        int maxFailedLogins,
        Duration lockoutDuration,
        Duration apiTokenLifetime,
        Set<Role> totpRequiredRoles) {

    SecurityProperties {
        maxFailedLogins = maxFailedLogins > 0 ? maxFailedLogins : 5;
        lockoutDuration = lockoutDuration != null ? lockoutDuration : Duration.ofMinutes(15);
        apiTokenLifetime = apiTokenLifetime != null ? apiTokenLifetime : Duration.ofMinutes(30);
        totpRequiredRoles = totpRequiredRoles != null ? Set.copyOf(totpRequiredRoles) : Set.of();
    }
}
