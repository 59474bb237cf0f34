package org.redwheel.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redwheel.fleet.Assignments;
import org.redwheel.fleet.HelperDirectory;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.notification.Notifications;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the enterprise when its driver drives on after a fatigue reminder (DOMAIN.md §2: remind,
 * then escalate to the enterprise's safety department, then report to the police): an in-app
 * message to its administrators and an SMS to its safety officer; and the vehicle's driver's helper
 * Party member, who knows him and can call him (an in-app message).
 */
@Component
class AlarmEscalation {

    private final StaffAccounts accounts;
    private final EnterpriseRegistry enterprises;
    private final Notifications notifications;
    private final Assignments assignments;
    private final ObjectProvider<HelperDirectory> helpers;

    AlarmEscalation(
            StaffAccounts accounts,
            EnterpriseRegistry enterprises,
            Notifications notifications,
            Assignments assignments,
            ObjectProvider<HelperDirectory> helpers) {
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.notifications = notifications;
        this.assignments = assignments;
        this.helpers = helpers;
    }

    /** Notifies and returns who was told. */
    String escalate(Alarm alarm) {
        String title = "疲劳驾驶升级提醒：" + (alarm.plate() == null ? "车辆" : alarm.plate());
        String body = (alarm.plate() == null ? "车辆" : alarm.plate()) + " 的驾驶员已连续驾驶"
                + ReminderTexts.duration(alarm.continuousDrivingS()) + "，经语音提醒后仍在继续行驶，请企业安全员立即联系驾驶员停车休息。";
        List<String> told = new ArrayList<>();
        if (alarm.enterpriseId() != null) {
            for (var admin :
                    accounts.activeInScope(Role.ENTERPRISE_ADMIN, DataScope.enterprise(alarm.enterpriseId()))) {
                notifications.toStaff(admin.id(), title, body, "/console/alarms/" + alarm.id());
                told.add(admin.username());
            }
            enterprises
                    .find(DataScope.county(), alarm.enterpriseId())
                    .filter(e -> e.safetyOfficerPhone() != null)
                    .ifPresent(e -> {
                        notifications.sms(e.safetyOfficerPhone(), title, body);
                        told.add("SMS " + e.safetyOfficerName());
                    });
        }
        helperOfTheDriver(alarm).ifPresent(helper -> {
            notifications.toStaff(
                    helper.accountId(),
                    title,
                    "您帮扶的司机" + helper.driverName() + "驾驶" + (alarm.plate() == null ? "车辆" : alarm.plate())
                            + "已连续驾驶" + ReminderTexts.duration(alarm.continuousDrivingS())
                            + "，经语音提醒后仍在继续行驶，请立即电话提醒他就近停车休息。",
                    "/console/care/my/drivers/" + helper.driverId());
            told.add("helper of " + helper.driverName());
        });
        return told.isEmpty() ? "no enterprise contact on record" : String.join(", ", told);
    }

    /** The staff account of the helper of the vehicle's current primary driver, if he has one. */
    private Optional<DriversHelper> helperOfTheDriver(Alarm alarm) {
        HelperDirectory directory = helpers.getIfAvailable();
        if (directory == null || alarm.vehicleId() == null) {
            return Optional.empty();
        }
        return assignments
                .currentPrimary(alarm.vehicleId())
                .flatMap(driver -> directory
                        .helperAccountOf(driver.driverId())
                        .map(account -> new DriversHelper(account, driver.driverId(), driver.driverName())));
    }

    private record DriversHelper(long accountId, long driverId, String driverName) {}
}
