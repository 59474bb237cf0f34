package org.redwheel.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in staff member on the password-change page (first login, or after a reset) and
 * then on the two-factor enrolment page (roles that require it) until done.
 */
class AccountSetupFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/console/account/password";
    static final String TOTP_PAGE = "/console/account/totp";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var user = StaffUser.current();
        if (user.isPresent() && path.startsWith("/console") && !path.equals("/console/logout")) {
            if (user.get().passwordChangeRequired() && !path.equals(PASSWORD_PAGE)) {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                return;
            }
            if (!user.get().passwordChangeRequired()
                    && user.get().totpEnrolmentRequired()
                    && !path.startsWith(TOTP_PAGE)) {
                response.sendRedirect(request.getContextPath() + TOTP_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
