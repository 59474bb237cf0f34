package org.redwheel.mobile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.redwheel.identity.DriverUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Where a signed-in driver is kept: in the HTTP session under an attribute of its own, which only
 * the mobile chain reads. The console chain reads the default attribute, so a staff sign-in never
 * counts on {@code /m} and a driver's never counts on the console, even in one browser.
 */
@Component
class DriverSessions {

    static final String CONTEXT_ATTRIBUTE = "REDWHEEL_DRIVER_SECURITY_CONTEXT";

    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    DriverSessions() {
        repository.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
    }

    SecurityContextRepository repository() {
        return repository;
    }

    /** Puts the driver in the session, under a new session id (no fixation). */
    void signIn(DriverUser driver, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        var authentication = new UsernamePasswordAuthenticationToken(
                driver, null, List.of(new SimpleGrantedAuthority(DriverUser.AUTHORITY)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
