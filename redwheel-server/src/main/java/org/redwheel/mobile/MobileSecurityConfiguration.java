package org.redwheel.mobile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redwheel.identity.DriverUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The drivers' own filter chain for {@code /m/**}: sign-in with a one-time code (see {@link
 * DriverLogins}), the driver kept in the session under an attribute of his own ({@link
 * DriverSessions}), forms with CSRF tokens, and nothing but the {@code DRIVER} authority admitted.
 * It comes before the console's catch-all chain, and shares nothing with it: a staff session does
 * not open {@code /m}, a driver's session opens nothing of {@code /console} or {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
class MobileSecurityConfiguration {

    private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/]+)");

    @Bean
    @Order(2)
    SecurityFilterChain driverChain(
            HttpSecurity http, DriverSessions sessions, DriverLogins logins, MobileProperties properties)
            throws Exception {
        HttpSessionCsrfTokenRepository csrf = new HttpSessionCsrfTokenRepository();
        csrf.setSessionAttributeName(HttpSessionCsrfTokenRepository.class.getName() + ".DRIVER_CSRF_TOKEN");
        http.securityMatcher("/m", "/m/**")
                .securityContext(c -> c.securityContextRepository(sessions.repository()))
                .csrf(c -> c.csrfTokenRepository(csrf))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/m/login", "/m/login/**")
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(DriverUser.AUTHORITY))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/m/login")))
                .logout(logout -> logout.logoutUrl("/m/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof DriverUser driver) {
                                logins.signedOut(driver, request.getRemoteAddr());
                            }
                        })
                        // A staff member signed in on the same browser stays signed in to the console.
                        .invalidateHttpSession(false)
                        .logoutSuccessUrl("/m/login?logout"))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: https: " + tileOrigin(properties)
                                        + "; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
    }

    /** The tile server's origin for the images policy ({s} subdomains as a wildcard). */
    static String tileOrigin(MobileProperties properties) {
        Matcher m = ORIGIN.matcher(properties.map().tileUrl().replace("{s}", "*"));
        return m.find() ? m.group(1) : "";
    }
}
