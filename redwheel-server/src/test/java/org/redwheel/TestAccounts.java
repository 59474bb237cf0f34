package org.redwheel;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;

/** Creates staff accounts with known passwords for tests; names are unique per call. */
public class TestAccounts {

    /** A random password per test run that satisfies the policy (upper, lower, digits, symbols). */
    public static final String PASSWORD = "Tt-" + UUID.randomUUID() + "-9";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final StaffAccounts accounts;

    public TestAccounts(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** A ready account (no forced password change) with the role and scope. */
    public String create(Role role, DataScope scope) {
        String username = role.name().toLowerCase().replace('_', '.') + "." + System.nanoTime() % 100_000 + "."
                + SEQUENCE.incrementAndGet();
        accounts.create(new StaffAccounts.NewAccount(username, "测试" + role.name(), null, PASSWORD, role, scope, false));
        return username;
    }
}
