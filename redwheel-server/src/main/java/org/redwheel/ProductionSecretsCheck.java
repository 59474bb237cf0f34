package org.redwheel;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code prod} profile without its secrets: the field encryption key, the
 * database password and the initial administrator's password; and with the demo's drivers' sign-in
 * codes shown on screen. Runs before any bean exists, so
 * nothing (not even an embedded database) is started with a missing secret.
 */
public class ProductionSecretsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> missing = new ArrayList<>();
        String key = environment.getProperty("redwheel.security.encryption-key", "");
        if (!isAes256Key(key)) {
            missing.add("REDWHEEL_ENCRYPTION_KEY (redwheel.security.encryption-key: Base64 of 32 random bytes)");
        }
        if (blank(environment.getProperty("spring.datasource.url"))) {
            missing.add("REDWHEEL_DB_URL (spring.datasource.url: production uses an external PostgreSQL)");
        }
        if (blank(environment.getProperty("spring.datasource.password"))) {
            missing.add("REDWHEEL_DB_PASSWORD (spring.datasource.password)");
        }
        String adminPassword = environment.getProperty("redwheel.initial-admin.password", "");
        if (blank(adminPassword) || adminPassword.length() < 10) {
            missing.add("REDWHEEL_ADMIN_PASSWORD (redwheel.initial-admin.password, at least 10 characters)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "The prod profile refuses to start without these secrets: " + String.join("; ", missing));
        }
        if (environment.getProperty("redwheel.mobile.login.show-code-on-screen", Boolean.class, false)) {
            throw new IllegalStateException("The prod profile refuses to start with "
                    + "redwheel.mobile.login.show-code-on-screen=true: drivers' one-time codes go by SMS only");
        }
    }

    private static boolean isAes256Key(String base64) {
        try {
            return !blank(base64) && Base64.getDecoder().decode(base64.trim()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
