package org.redwheel.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.UnaryOperator;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Replaces the signed-in staff member in the session after a change of their account state. */
final class SessionUsers {

    private static final HttpSessionSecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

    private SessionUsers() {}

    static void update(HttpServletRequest request, HttpServletResponse response, UnaryOperator<StaffUser> change) {
        StaffUser user = change.apply(StaffUser.require());
        var authentication = new UsernamePasswordAuthenticationToken(
                user, null, StaffAuthenticationProvider.authorities(user.role()));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        REPOSITORY.saveContext(context, request, response);
    }
}
