package org.redwheel.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every write request of the console, the API and the drivers' mobile pages (who, when,
 * what, which record, result) in the audit log, whether it succeeded or not; a driver is named
 * {@code driver:<id>}. Controllers name the record they touched with
 * {@link #target}; logins are audited by the authentication provider instead.
 */
public class AuditWriteFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String TARGET_TYPE = AuditWriteFilter.class.getName() + ".type";
    private static final String TARGET_ID = AuditWriteFilter.class.getName() + ".id";
    private static final Set<String> SELF_AUDITED =
            Set.of("/console/login", "/api/v1/auth/token", "/console/logout", "/m/login", "/m/login/code", "/m/logout");

    private final AuditLog audit;

    AuditWriteFilter(AuditLog audit) {
        this.audit = audit;
    }

    /** Names the record that the current write request created or changed. */
    public static void target(String type, Object id) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(TARGET_TYPE, type, RequestAttributes.SCOPE_REQUEST);
            attributes.setAttribute(TARGET_ID, String.valueOf(id), RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !WRITES.contains(request.getMethod())
                || SELF_AUDITED.contains(path)
                || !(path.startsWith("/console/") || path.startsWith("/api/") || path.startsWith("/m/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Read the actor before the chain: a logout or session change must not lose it.
        String actor = StaffUser.current()
                .map(StaffUser::username)
                .or(() -> DriverUser.current().map(driver -> "driver:" + driver.driverId()))
                .orElse(null);
        Throwable failure = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            int status = failure == null ? response.getStatus() : 500;
            boolean ok = status < 400;
            String action = request.getMethod() + " " + request.getRequestURI();
            String detail = ok
                    ? "HTTP " + status
                    : "HTTP " + status
                            + (failure == null ? "" : " " + failure.getClass().getSimpleName());
            audit.record(
                    actor,
                    action,
                    (String) request.getAttribute(TARGET_TYPE),
                    (String) request.getAttribute(TARGET_ID),
                    ok ? AuditLog.SUCCESS : AuditLog.FAILURE,
                    detail,
                    request.getRemoteAddr());
        }
    }
}
