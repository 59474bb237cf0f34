package org.redwheel.care;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.redwheel.care.ThreeOnesCompliance.Assessment;
import org.redwheel.care.ThreeOnesCompliance.HelperCompliance;
import org.redwheel.identity.DataScope;
import org.redwheel.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every Monday morning (Beijing time) reminds each helper who fell behind (a contact missed last
 * week, or a visit missed last month) in his console inbox, with what is due now. Once per helper
 * and ISO week, however often it runs.
 */
@Component
public class CareReminders {

    private static final Logger log = LoggerFactory.getLogger(CareReminders.class);

    private final ThreeOnes threeOnes;
    private final Helpers helpers;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final Clock clock;

    CareReminders(ThreeOnes threeOnes, Helpers helpers, Notifications notifications, JdbcClient jdbc, Clock clock) {
        this.threeOnes = threeOnes;
        this.helpers = helpers;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${redwheel.care.reminder-cron:0 0 9 * * MON}", zone = "Asia/Shanghai")
    void weekly() {
        int sent = sendWeekly();
        if (sent > 0) {
            log.info("Reminded {} helpers of the three ones", sent);
        }
    }

    /**
     * Sends this week's reminders not sent yet.
     *
     * @return how many helpers were reminded now
     */
    public int sendWeekly() {
        Assessment assessment = threeOnes.assess();
        int sent = 0;
        for (Helper helper : helpers.list(DataScope.county(), null, null, null, false)) {
            HelperCompliance c = assessment.of(helper.id());
            if (!helper.hasAccount() || !c.behind()) {
                continue;
            }
            List<Long> claimed = jdbc.sql("""
                            insert into care_reminder (helper_id, iso_week, sent_at) values (:helper, :week, :now)
                            on conflict on constraint care_reminder_uk do nothing returning id
                            """)
                    .param("helper", helper.id())
                    .param("week", assessment.isoWeek())
                    .param("now", Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .list();
            if (claimed.isEmpty()) {
                continue;
            }
            notifications.toStaff(helper.accountId(), title(), body(c), "/console/care/my");
            sent++;
        }
        return sent;
    }

    static String title() {
        return "“三个一”提醒：请及时联系、走访您结对的司机";
    }

    static String body(HelperCompliance c) {
        StringBuilder text = new StringBuilder();
        if (!c.missedLastWeek().isEmpty()) {
            text.append("上周有").append(c.missedLastWeek().size()).append("名司机未联系；");
        }
        if (!c.missedLastMonth().isEmpty()) {
            text.append("上月有").append(c.missedLastMonth().size()).append("名司机未走访；");
        }
        text.append("本周待联系")
                .append(c.dueThisWeek().size())
                .append("人，本月待走访")
                .append(c.dueThisMonth().size())
                .append("人");
        if (c.dueThisYear()) {
            text.append("，今年尚未登记为司机解决的实际问题");
        }
        return text.append("。").toString();
    }
}
