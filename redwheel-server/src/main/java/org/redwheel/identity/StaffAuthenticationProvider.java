package org.redwheel.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password (+ TOTP) login for staff with lockout after repeated failures. Every outcome is
 * audited. A locked account is refused before its password is even checked, so guessing goes on
 * being useless while the lock lasts.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final SecurityProperties properties;
    private final FieldEncryptor encryptor;
    private final AuditLog audit;
    private final Clock clock;
    private final String dummyHash;

    StaffAuthenticationProvider(
            Accounts accounts,
            PasswordEncoder passwordEncoder,
            SecurityProperties properties,
            FieldEncryptor encryptor,
            AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.encryptor = encryptor;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode("timing-equaliser-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getPrincipal()).trim().toLowerCase();
        String password = String.valueOf(authentication.getCredentials());
        LoginDetails details = authentication.getDetails() instanceof LoginDetails d ? d : new LoginDetails(null, null);
        Instant now = clock.instant();

        Optional<Account> found = accounts.findByUsername(username);
        if (found.isEmpty()) {
            passwordEncoder.matches(password, dummyHash);
            fail(username, details, "unknown account");
            throw new BadCredentialsException("bad credentials");
        }
        Account account = found.get();
        if (!account.active()) {
            fail(username, details, "account deactivated");
            throw new DisabledException("account deactivated");
        }
        if (account.lockedAt(now)) {
            fail(username, details, "account locked until " + account.lockedUntil());
            throw new LockedException("account locked");
        }
        if (!passwordEncoder.matches(password, account.passwordHash())) {
            countFailure(account, now);
            fail(username, details, "wrong password");
            throw new BadCredentialsException("bad credentials");
        }
        if (account.totpEnabled() && !Totp.verify(encryptor.decrypt(account.totpSecret()), details.totpCode(), now)) {
            countFailure(account, now);
            fail(username, details, "wrong or missing TOTP code");
            throw new BadCredentialsException("bad TOTP code");
        }
        accounts.recordSuccess(account.id(), now);
        audit.record(
                username,
                "LOGIN",
                "account",
                String.valueOf(account.id()),
                AuditLog.SUCCESS,
                null,
                details.remoteAddress());
        StaffUser user = toStaffUser(account);
        var result = new UsernamePasswordAuthenticationToken(user, null, authorities(user.role()));
        result.setDetails(details);
        return result;
    }

    StaffUser toStaffUser(Account account) {
        boolean totpRequired = properties.totpRequiredRoles().contains(account.role()) && !account.totpEnabled();
        return new StaffUser(
                account.id(),
                account.username(),
                account.displayName(),
                account.role(),
                account.scope(),
                account.mustChangePassword(),
                totpRequired);
    }

    static List<GrantedAuthority> authorities(Role role) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
        return authorities;
    }

    private void countFailure(Account account, Instant now) {
        accounts.recordFailure(account.id(), properties.maxFailedLogins(), now.plus(properties.lockoutDuration()), now);
    }

    private void fail(String username, LoginDetails details, String reason) {
        audit.record(username, "LOGIN", "account", null, AuditLog.FAILURE, reason, details.remoteAddress());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
