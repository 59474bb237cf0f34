package org.redwheel.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.care.ThreeOnes.ContactEntry;
import org.redwheel.care.ThreeOnes.VisitEntry;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.notification.Notification;
import org.redwheel.notification.Notifications;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;

/** The weekly reminder reaches the helper who fell behind, once a week, and spares the one who kept up. */
@RedWheelTest
class CareRemindersTests {

    @Autowired
    Townships townships;

    @Autowired
    Helpers helpers;

    @Autowired
    Drivers drivers;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    HelperAssignments assignments;

    @Autowired
    ThreeOnes threeOnes;

    @Autowired
    CareReminders reminders;

    @Autowired
    Notifications notifications;

    @Test
    void remindsTheHelperWhoMissedLastWeekOnceAndNotTheOneWhoKeptUp() {
        var care = new TestCare(townships, helpers, drivers, staffAccounts);
        long village = care.village("提醒");
        long behind = care.helper("落后", village);
        long keeping = care.helper("按时", village);
        long neglected = care.driver("未联系", village);
        long cared = care.driver("常联系", village);
        LocalDate since = LocalDate.now(ThreeOnesCompliance.ZONE).minusDays(70);
        assignments.assign(DataScope.county(), neglected, behind, since, null, "office");
        assignments.assign(DataScope.county(), cared, keeping, since, null, "office");
        LocalDate lastWeek = ThreeOnesCompliance.weekOf(LocalDate.now(ThreeOnesCompliance.ZONE))
                .minusWeeks(1);
        threeOnes.logContacts(
                List.of(new ContactEntry(
                        keeping,
                        cared,
                        ContactKind.PHONE,
                        lastWeek.plusDays(2)
                                .atTime(12, 0)
                                .atZone(ThreeOnesCompliance.ZONE)
                                .toInstant(),
                        null)),
                "test");
        threeOnes.logVisits(
                List.of(new VisitEntry(
                        keeping,
                        cared,
                        YearMonth.now(ThreeOnesCompliance.ZONE)
                                .minusMonths(1)
                                .atDay(15)
                                .atTime(10, 0)
                                .atZone(ThreeOnesCompliance.ZONE)
                                .toInstant(),
                        "走访",
                        null,
                        null,
                        null)),
                "test");
        long behindAccount = account(care.account(behind));
        long keepingAccount = account(care.account(keeping));

        assertThat(threeOnes.of(behind).behind()).isTrue();
        assertThat(threeOnes.of(keeping).behind()).isFalse();

        reminders.sendWeekly();
        reminders.sendWeekly();

        List<Notification> inbox = notifications.inbox(behindAccount, 10);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).title()).contains("三个一");
        assertThat(inbox.get(0).body()).contains("上周有1名司机未联系");
        assertThat(inbox.get(0).link()).isEqualTo("/console/care/my");
        assertThat(notifications.inbox(keepingAccount, 10)).isEmpty();
    }

    private long account(String username) {
        return staffAccounts.findByUsername(username).orElseThrow().id();
    }
}
