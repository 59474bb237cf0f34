package org.redwheel.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the stateless REST API with bearer tokens, and the console with a session and
 * form login. Static assets, the login page and health are the only public paths.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(StaffAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /**
     * The field encryption key. Production must configure it (the start-up check refuses
     * otherwise); elsewhere a random key is created once and kept beside the embedded database, so
     * a demo install works without set-up and still has no shared default key.
     */
    @Bean
    FieldEncryptor fieldEncryptor(SecurityProperties properties, Environment environment) throws IOException {
        if (properties.encryptionKey() != null && !properties.encryptionKey().isBlank()) {
            return FieldEncryptor.fromBase64(properties.encryptionKey());
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("redwheel.security.encryption-key (REDWHEEL_ENCRYPTION_KEY) is required");
        }
        Path keyFile = Path.of(environment.getProperty("redwheel.security.generated-key-file", "data/encryption.key"));
        if (!Files.exists(keyFile)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.debug("No POSIX permissions on {}", keyFile);
            }
            log.warn(
                    "No REDWHEEL_ENCRYPTION_KEY: generated a key for this installation in {}",
                    keyFile.toAbsolutePath());
        }
        return FieldEncryptor.fromBase64(Files.readString(keyFile));
    }

    /**
     * The OpenAPI document: read by Swagger UI in a signed-in console session and by API clients
     * with a bearer token. Read-only, so the session cookie carries no CSRF risk here.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiDocsChain(HttpSecurity http, ApiTokens tokens, StaffAuthenticationProvider provider)
            throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
                .securityContext(c -> c.securityContextRepository(sessionReadOnly()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .addFilterBefore(new BearerTokenFilter(tokens, provider), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET)
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                        problem(response, HttpStatus.UNAUTHORIZED, "authentication required")));
        return http.build();
    }

    /**
     * Metrics for a Prometheus scraper (or a load run) with a system administrator's bearer token, or
     * for a signed-in system administrator. Read-only.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(HttpSecurity http, ApiTokens tokens, StaffAuthenticationProvider provider)
            throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .securityContext(c -> c.securityContextRepository(sessionReadOnly()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .addFilterBefore(new BearerTokenFilter(tokens, provider), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET)
                        .hasAuthority(Permission.SYSTEM_ADMIN.name())
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                problem(response, HttpStatus.UNAUTHORIZED, "authentication required"))
                        .accessDeniedHandler(
                                (request, response, ex) -> problem(response, HttpStatus.FORBIDDEN, "access denied")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, StaffAuthenticationProvider provider)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, provider), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/auth/token")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                problem(response, HttpStatus.UNAUTHORIZED, "authentication required"))
                        .accessDeniedHandler(
                                (request, response, ex) -> problem(response, HttpStatus.FORBIDDEN, "access denied")));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain consoleChain(HttpSecurity http, AuditLog audit) throws Exception {
        LogoutHandler auditLogout = (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof StaffUser user) {
                audit.record(
                        user.username(),
                        "LOGOUT",
                        "account",
                        String.valueOf(user.accountId()),
                        AuditLog.SUCCESS,
                        null,
                        request.getRemoteAddr());
            }
        };
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/console/login", "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAuthority(Permission.SYSTEM_ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/console/login")
                        .authenticationDetailsSource(LoginDetails.SOURCE)
                        .defaultSuccessUrl("/console", true)
                        .failureHandler((request, response, ex) -> response.sendRedirect(request.getContextPath()
                                + "/console/login?error=" + (ex instanceof LockedException ? "locked" : "bad")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout")
                        .addLogoutHandler(auditLogout)
                        .logoutSuccessUrl("/console/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.newSession()).maximumSessions(3))
                .headers(
                        h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                                .contentSecurityPolicy(
                                        csp -> csp.policyDirectives(
                                                "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .addFilterAfter(new AccountSetupFilter(), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    FilterRegistrationBean<AuditWriteFilter> auditWriteFilter(AuditLog audit) {
        var registration = new FilterRegistrationBean<>(new AuditWriteFilter(audit));
        // After Spring Security's chain (-100): the signed-in user is known by then.
        registration.setOrder(0);
        return registration;
    }

    /**
     * Reads a console session's sign-in but never starts a session: a bearer token must not turn
     * into a session cookie.
     */
    private static HttpSessionSecurityContextRepository sessionReadOnly() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setAllowSessionCreation(false);
        return repository;
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
