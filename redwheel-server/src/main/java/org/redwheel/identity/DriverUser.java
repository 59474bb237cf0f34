package org.redwheel.identity;

import java.io.Serializable;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in driver of the mobile pages ({@code /m}), as other modules see it: a driver of the
 * survey who signed in with his phone number and a one-time code. Drivers are not staff: they see
 * only their own records, and nothing of the console.
 *
 * @param driverId the driver's id in the fleet registry
 * @param name the driver's name, for greetings
 * @param phone the phone number he signed in with
 */
public record DriverUser(long driverId, String name, String phone) implements Serializable {

    /** The authority every signed-in driver holds, and only drivers. */
    public static final String AUTHORITY = "DRIVER";

    /** The driver of the current request, if one is signed in. */
    public static Optional<DriverUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof DriverUser driver) {
            return Optional.of(driver);
        }
        return Optional.empty();
    }

    /** The driver of the current request; fails when there is none (a programming error). */
    public static DriverUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no driver signed in"));
    }
}
