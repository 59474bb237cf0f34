package org.redwheel.identity;

import java.io.Serializable;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in staff member, as other modules see it.
 *
 * @param passwordChangeRequired the account must choose a new password before doing anything else
 * @param totpEnrolmentRequired the role must use two-factor login here and the account has not
 *     enrolled yet
 */
public record StaffUser(
        long accountId,
        String username,
        String displayName,
        Role role,
        DataScope scope,
        boolean passwordChangeRequired,
        boolean totpEnrolmentRequired)
        implements Serializable {

    /** The staff member of the current request, if one is signed in. */
    public static Optional<StaffUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The staff member of the current request; fails when there is none (a programming error). */
    public static StaffUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no staff member signed in"));
    }

    public boolean has(Permission permission) {
        return role.has(permission);
    }

    StaffUser withPasswordChanged() {
        return new StaffUser(accountId, username, displayName, role, scope, false, totpEnrolmentRequired);
    }

    StaffUser withTotpEnrolled() {
        return new StaffUser(accountId, username, displayName, role, scope, passwordChangeRequired, false);
    }
}
