package org.redwheel.appeals;

import java.util.LinkedHashSet;
import java.util.Set;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.notification.Notifications;
import org.redwheel.organization.GovernmentUnit;
import org.redwheel.organization.GovernmentUnits;
import org.springframework.stereotype.Component;

/**
 * Tells staff what needs them (in-app messages), and names handlers for the steps the driver reads.
 * The driver's own messages are his appeal's visible steps, shown on his mobile page.
 */
@Component
class AppealNotices {

    static final String OFFICE_LABEL = "行业党委办公室";

    private final Notifications notifications;
    private final StaffAccounts accounts;
    private final GovernmentUnits units;

    AppealNotices(Notifications notifications, StaffAccounts accounts, GovernmentUnits units) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.units = units;
    }

    /** The handler's name as staff and the driver read it. */
    String label(AppealHandler handler) {
        if (handler == null) {
            return null;
        }
        return switch (handler.kind()) {
            case OFFICE -> OFFICE_LABEL;
            case DEPARTMENT -> unitName(handler.unitId());
            case HELPER ->
                accounts.find(handler.accountId())
                        .map(StaffAccounts.AccountSummary::displayName)
                        .orElse("帮扶党员");
        };
    }

    String unitName(long unitId) {
        return units.find(DataScope.county(), unitId)
                .map(AppealNotices::shortName)
                .orElse("#" + unitId);
    }

    /** A new or reassigned appeal for its handler (or the queue it was routed to). */
    void toHandler(AppealHandler handler, long appealId, String title, String body) {
        for (long account : accountsOf(handler)) {
            notifications.toStaff(account, title, body, "/console/appeals/" + appealId);
        }
    }

    /** To the industry committee's office: the county administrators. */
    void toOffice(String title, String body, String link) {
        for (var admin : accounts.activeInScope(Role.COUNTY_ADMIN, DataScope.county())) {
            notifications.toStaff(admin.id(), title, body, link);
        }
    }

    /** To the officers of every active escort-alliance department: a new hard problem to claim. */
    void toAlliance(String title, String body, String link) {
        for (GovernmentUnit unit : units.list(DataScope.county(), null, "escortAlliance", false)) {
            for (var officer : accounts.activeInScope(Role.DEPARTMENT_OFFICER, DataScope.department(unit.id()))) {
                notifications.toStaff(officer.id(), title, body, link);
            }
        }
    }

    private Set<Long> accountsOf(AppealHandler handler) {
        Set<Long> ids = new LinkedHashSet<>();
        switch (handler.kind()) {
            case OFFICE -> {
                accounts.activeInScope(Role.COUNTY_ADMIN, DataScope.county()).forEach(a -> ids.add(a.id()));
                accounts.activeInScope(Role.MONITORING_OPERATOR, DataScope.county())
                        .forEach(a -> ids.add(a.id()));
            }
            case DEPARTMENT ->
                accounts.activeInScope(Role.DEPARTMENT_OFFICER, DataScope.department(handler.unitId()))
                        .forEach(a -> ids.add(a.id()));
            case HELPER ->
                accounts.find(handler.accountId())
                        .filter(StaffAccounts.AccountSummary::active)
                        .ifPresent(a -> ids.add(a.id()));
        }
        return ids;
    }

    private static String shortName(GovernmentUnit unit) {
        return unit.shortName() == null || unit.shortName().isBlank() ? unit.name() : unit.shortName();
    }
}
