package org.redwheel.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Sends and keeps messages: in-app to staff accounts, SMS to phones. */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final SmsGateway sms;
    private final Clock clock;

    Notifications(JdbcClient jdbc, SmsGateway sms, Clock clock) {
        this.jdbc = jdbc;
        this.sms = sms;
        this.clock = clock;
    }

    /** Puts a message in a staff member's in-app inbox. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long toStaff(long accountId, String title, String body, String link) {
        return jdbc.sql("""
                        insert into notification_message (channel, recipient_account_id, title, body, link, created_at)
                        values ('IN_APP', :account, :title, :body, :link, :now) returning id
                        """)
                .param("account", accountId)
                .param("title", title)
                .param("body", body)
                .param("link", link)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** Sends an SMS through the provider and records whether it was accepted. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean sms(String phone, String title, String body) {
        boolean accepted;
        try {
            accepted = sms.send(phone, body);
        } catch (RuntimeException e) {
            accepted = false;
        }
        jdbc.sql("""
                        insert into notification_message (channel, recipient_phone, title, body, created_at, delivery)
                        values ('SMS', :phone, :title, :body, :now, :delivery)
                        """)
                .param("phone", phone)
                .param("title", title)
                .param("body", body)
                .param("now", Timestamp.from(clock.instant()))
                .param("delivery", accepted ? "DELIVERED" : "FAILED")
                .update();
        return accepted;
    }

    /** The newest in-app messages of a staff member. */
    public List<Notification> inbox(long accountId, int limit) {
        return jdbc.sql("""
                        select * from notification_message where channel = 'IN_APP' and recipient_account_id = :account
                        order by created_at desc, id desc limit :limit
                        """)
                .param("account", accountId)
                .param("limit", limit)
                .query((rs, n) -> new Notification(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null
                                ? null
                                : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    public long unreadCount(long accountId) {
        return jdbc.sql("""
                        select count(*) from notification_message
                        where channel = 'IN_APP' and recipient_account_id = :account and read_at is null
                        """).param("account", accountId).query(Long.class).single();
    }

    /** Marks the recipient's messages read (only his own). */
    @Transactional
    public void markAllRead(long accountId) {
        jdbc.sql("""
                        update notification_message set read_at = :now
                        where channel = 'IN_APP' and recipient_account_id = :account and read_at is null
                        """)
                .param("account", accountId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
