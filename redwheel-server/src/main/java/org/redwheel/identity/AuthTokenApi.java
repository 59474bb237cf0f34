package org.redwheel.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges a staff member's credentials for a short-lived bearer token. */
@RestController
@SecurityScheme(
        name = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "Token from POST /api/v1/auth/token")
@Tag(name = "auth", description = "Staff authentication for the REST API")
class AuthTokenApi {

    private final StaffAuthenticationProvider provider;
    private final ApiTokens tokens;

    AuthTokenApi(StaffAuthenticationProvider provider, ApiTokens tokens) {
        this.provider = provider;
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/auth/token")
    @Operation(
            summary = "Issue a bearer token",
            description = "Same lockout and two-factor rules as the console login.")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
        var attempt = new UsernamePasswordAuthenticationToken(body.username(), body.password());
        attempt.setDetails(new LoginDetails(request.getRemoteAddr(), body.totpCode()));
        StaffUser user;
        try {
            user = (StaffUser) provider.authenticate(attempt).getPrincipal();
        } catch (AuthenticationException e) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "bad credentials or account locked");
            problem.setTitle("Unauthorized");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        if (user.passwordChangeRequired() || user.totpEnrolmentRequired()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN,
                    "finish the account set-up (password change, two-factor login) in the console first");
            problem.setTitle("Account set-up required");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
        }
        ApiTokens.IssuedToken issued = tokens.issue(user.accountId());
        return ResponseEntity.ok(new TokenResponse(issued.accessToken(), "Bearer", issued.expiresInSeconds()));
    }

    record TokenRequest(@NotBlank String username, @NotBlank String password, String totpCode) {}

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {}
}
