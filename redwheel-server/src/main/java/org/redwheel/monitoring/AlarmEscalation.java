package org.redwheel.monitoring;

import java.util.ArrayList;
import java.util.List;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.notification.Notifications;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.stereotype.Component;

/**
 * Tells the enterprise when its driver drives on after a fatigue reminder (DOMAIN.md §2: remind,
 * then escalate to the enterprise's safety department, then report to the police): an in-app
 * message to its administrators and an SMS to its safety officer.
 */
@Component
class AlarmEscalation {

    private final StaffAccounts accounts;
    private final EnterpriseRegistry enterprises;
    private final Notifications notifications;

    AlarmEscalation(StaffAccounts accounts, EnterpriseRegistry enterprises, Notifications notifications) {
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.notifications = notifications;
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
        return told.isEmpty() ? "no enterprise contact on record" : String.join(", ", told);
    }
}
