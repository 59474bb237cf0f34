package org.redwheel.appeals;

import java.util.List;
import org.redwheel.TestAccounts;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.TestDrivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.GovernmentUnit;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;

/** Drivers, departments and staff for appeal tests: real records through the modules' services. */
final class AppealFixture {

    static final AppealActor OFFICE = AppealActor.office("office.test");
    static final AppealActor DESK = AppealActor.desk("desk.test");

    final Drivers drivers;
    final GovernmentUnits units;
    final StaffAccounts accounts;
    final Townships townships;

    AppealFixture(Drivers drivers, GovernmentUnits units, StaffAccounts accounts, Townships townships) {
        this.drivers = drivers;
        this.units = units;
        this.accounts = accounts;
        this.townships = townships;
    }

    /** A new driver of the survey, living in the demo county's first village. */
    long driver(String prefix) {
        long village = townships.villages(null, false).get(0).id();
        return drivers.create(DataScope.county(), TestDrivers.valid(prefix, null, village));
    }

    String driverName(long id) {
        return drivers.get(DataScope.county(), id).name();
    }

    String driverPhone(long id) {
        return drivers.get(DataScope.county(), id).phone();
    }

    /** The demo county's unit with this short name. */
    long unit(String shortName) {
        List<GovernmentUnit> all = units.list(DataScope.county(), null, null, false);
        return all.stream()
                .filter(u -> shortName.equals(u.shortName()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    AppealActor department(String shortName) {
        return AppealActor.department(unit(shortName), "dept.test." + shortName);
    }

    /** A staff account with the test password. */
    String account(Role role, DataScope scope) {
        return new TestAccounts(accounts).create(role, scope);
    }

    long accountId(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    /** A helper with a login, as an actor. */
    AppealActor helper() {
        String username = account(Role.HELPER, DataScope.assigned());
        return AppealActor.helper(accountId(username), username);
    }

    static NewAppeal appeal(long driver, AppealCategory category, AppealChannel channel, String text) {
        return new NewAppeal(driver, category, channel, text, null, null, null, null);
    }
}
