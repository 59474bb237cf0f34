package org.redwheel.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and administering staff accounts; the public face of the account store. */
@Service
public class StaffAccounts {

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final List<ScopeDirectory> scopeDirectories;
    private final Clock clock;

    StaffAccounts(
            Accounts accounts, PasswordEncoder passwordEncoder, List<ScopeDirectory> scopeDirectories, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.scopeDirectories = scopeDirectories;
        this.clock = clock;
    }

    /**
     * Creates an account. Accounts created by an administrator must change their password at first
     * login.
     *
     * @return the new account's id
     * @throws InvalidInputException naming every field that is wrong; nothing is stored then
     */
    @Transactional
    public long create(NewAccount account) {
        List<Violation> violations = new ArrayList<>();
        String username =
                account.username() == null ? "" : account.username().trim().toLowerCase();
        if (!username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            violations.add(new Violation("username", "account.username.format"));
        } else if (accounts.existsByUsername(username)) {
            violations.add(new Violation("username", "account.username.taken"));
        }
        if (account.displayName() == null || account.displayName().isBlank()) {
            violations.add(new Violation("displayName", "validation.required"));
        }
        PasswordPolicy.violation(username, account.initialPassword())
                .ifPresent(key -> violations.add(new Violation("initialPassword", key)));
        checkRoleAndScope(account.role(), account.scope(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return accounts.insert(
                username,
                account.displayName().trim(),
                blankToNull(account.phone()),
                passwordEncoder.encode(account.initialPassword()),
                account.role(),
                account.scope(),
                account.mustChangePassword(),
                clock.instant());
    }

    @Transactional
    public void update(long id, String displayName, String phone, Role role, DataScope scope) {
        require(id);
        List<Violation> violations = new ArrayList<>();
        if (displayName == null || displayName.isBlank()) {
            violations.add(new Violation("displayName", "validation.required"));
        }
        checkRoleAndScope(role, scope, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        accounts.update(id, displayName.trim(), blankToNull(phone), role, scope, clock.instant());
    }

    /** An administrator sets a new password; the owner must change it at next login. */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        Account account = require(id);
        PasswordPolicy.violation(account.username(), newPassword).ifPresent(key -> {
            throw InvalidInputException.of("newPassword", key);
        });
        accounts.changePassword(id, passwordEncoder.encode(newPassword), true, clock.instant());
        accounts.unlock(id, clock.instant());
    }

    /** The owner changes the password, proving the current one. */
    @Transactional
    public void changeOwnPassword(long id, String currentPassword, String newPassword) {
        Account account = require(id);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw InvalidInputException.of("currentPassword", "password.currentWrong");
        }
        PasswordPolicy.violation(account.username(), newPassword).ifPresent(key -> {
            throw InvalidInputException.of("newPassword", key);
        });
        if (passwordEncoder.matches(newPassword, account.passwordHash())) {
            throw InvalidInputException.of("newPassword", "password.sameAsOld");
        }
        accounts.changePassword(id, passwordEncoder.encode(newPassword), false, clock.instant());
    }

    @Transactional
    public void unlock(long id) {
        require(id);
        accounts.unlock(id, clock.instant());
    }

    @Transactional
    public void setActive(long id, boolean active) {
        require(id);
        accounts.setActive(id, active, clock.instant());
    }

    public Optional<AccountSummary> find(long id) {
        return accounts.findById(id).map(this::summary);
    }

    public Optional<AccountSummary> findByUsername(String username) {
        return accounts.findByUsername(username).map(this::summary);
    }

    public List<AccountSummary> list(String search, int offset, int limit) {
        return accounts.findAll(search, offset, limit).stream()
                .map(this::summary)
                .toList();
    }

    /** Active accounts of a role with exactly this scope, e.g. an enterprise's administrators. */
    public List<AccountSummary> activeInScope(Role role, DataScope scope) {
        return accounts.findActiveInScope(role, scope).stream()
                .map(this::summary)
                .toList();
    }

    public long count(String search) {
        return accounts.count(search);
    }

    private AccountSummary summary(Account a) {
        return new AccountSummary(
                a.id(),
                a.username(),
                a.displayName(),
                a.phone(),
                a.role(),
                a.scope(),
                scopeName(a.scope()).orElse(null),
                a.active(),
                a.lockedAt(clock.instant()),
                a.mustChangePassword(),
                a.totpEnabled(),
                a.lastLoginAt(),
                a.createdAt());
    }

    private Optional<String> scopeName(DataScope scope) {
        if (scope.targetId() == null) {
            return Optional.empty();
        }
        return scopeDirectories.stream()
                .map(directory -> directory.targetName(scope))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private void checkRoleAndScope(Role role, DataScope scope, List<Violation> violations) {
        if (role == null) {
            violations.add(new Violation("role", "validation.required"));
            return;
        }
        if (scope == null || !role.allows(scope.kind())) {
            violations.add(new Violation("scopeKind", "account.scope.notForRole"));
        } else if (scope.targetId() != null && scopeName(scope).isEmpty()) {
            violations.add(new Violation("scopeTargetId", "account.scope.unknownTarget"));
        }
    }

    private Account require(long id) {
        return accounts.findById(id).orElseThrow(() -> new RecordNotFoundException("account", id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The data needed to create an account. */
    public record NewAccount(
            String username,
            String displayName,
            String phone,
            String initialPassword,
            Role role,
            DataScope scope,
            boolean mustChangePassword) {}

    /** An account as administrators see it: never the hash, never the TOTP secret. */
    public record AccountSummary(
            long id,
            String username,
            String displayName,
            String phone,
            Role role,
            DataScope scope,
            String scopeName,
            boolean active,
            boolean locked,
            boolean mustChangePassword,
            boolean totpEnabled,
            java.time.Instant lastLoginAt,
            java.time.Instant createdAt) {}
}
