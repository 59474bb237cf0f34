package org.redwheel.care;

import java.util.concurrent.atomic.AtomicLong;
import org.redwheel.TestAccounts;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.TestDrivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.Townships;

/**
 * Care fixtures on real services: a fresh village of the first demo township (so no demo helper
 * competes in its suggestions), its helpers and drivers, and helpers' accounts with the test
 * password.
 */
final class TestCare {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    static final String NUMERALS = "零一二三四五六七八九";

    private final Townships townships;
    private final Helpers helpers;
    private final Drivers drivers;
    private final StaffAccounts accounts;

    TestCare(Townships townships, Helpers helpers, Drivers drivers, StaffAccounts accounts) {
        this.townships = townships;
        this.helpers = helpers;
        this.drivers = drivers;
        this.accounts = accounts;
    }

    long village(String prefix) {
        long township = townships.list(false).get(0).id();
        return townships.createVillage(township, prefix + numerals(SEQUENCE.incrementAndGet()) + "村");
    }

    long helper(String prefix, long villageId) {
        return helpers.create(
                DataScope.county(),
                new HelperData(
                        prefix + numerals(SEQUENCE.incrementAndGet() % 1000), TestDrivers.phone(), villageId, null));
    }

    /**
     * Links a ready helper account (password {@link TestAccounts#PASSWORD}, no forced change) to the
     * helper; returns its user name.
     */
    String account(long helperId) {
        String username = new TestAccounts(accounts).create(Role.HELPER, DataScope.assigned());
        helpers.linkAccount(DataScope.county(), helperId, username);
        return username;
    }

    long driver(String prefix, long villageId) {
        return drivers.create(DataScope.county(), TestDrivers.valid(prefix, null, villageId));
    }

    static String numerals(long n) {
        StringBuilder s = new StringBuilder();
        for (char digit : Long.toString(n).toCharArray()) {
            s.append(NUMERALS.charAt(digit - '0'));
        }
        return s.toString();
    }
}
