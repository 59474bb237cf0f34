package org.redwheel.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** In-app messages reach only their recipient; SMS go through the provider and are kept with their outcome. */
@RedWheelTest
class NotificationsTests {

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStaffMemberSeesHisOwnMessagesAndTheBellCountsTheUnread() {
        long enterprise = jdbc.sql("select min(id) from organization_enterprise")
                .query(Long.class)
                .single();
        String officer =
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterprise));
        String other = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        long officerId = staffAccounts.findByUsername(officer).orElseThrow().id();
        notifications.toStaff(officerId, "疲劳驾驶升级提醒", "鲁QA0001 提醒后仍继续驾驶", "/console/vehicles");

        var web = new WebClient(port);
        web.login(officer, TestAccounts.PASSWORD);
        assertThat(web.get("/console/notifications/unread").body()).isEqualTo("1");
        assertThat(web.get("/console/notifications").body())
                .contains("疲劳驾驶升级提醒")
                .contains("鲁QA0001 提醒后仍继续驾驶");

        var stranger = new WebClient(port);
        stranger.login(other, TestAccounts.PASSWORD);
        assertThat(stranger.get("/console/notifications/unread").body()).isEmpty();
        assertThat(stranger.get("/console/notifications").body()).doesNotContain("疲劳驾驶升级提醒");

        web.postForm("/console/notifications", "/console/notifications/read", java.util.Map.of());
        assertThat(notifications.unreadCount(officerId)).isZero();
    }

    @Test
    void smsGoesThroughTheProviderAndAFailureIsRecorded() {
        assertThat(notifications.sms("13905391234", "升级提醒", "请联系驾驶员")).isTrue();
        var failing = new Notifications(
                jdbc,
                (phone, text) -> {
                    throw new IllegalStateException("provider down");
                },
                Clock.systemUTC());
        assertThat(failing.sms("13905395678", "升级提醒", "请联系驾驶员")).isFalse();
        assertThat(jdbc.sql("select delivery from notification_message where recipient_phone = '13905395678'")
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED");
        assertThat(LoggingSmsGateway.mask("13905391234")).isEqualTo("139****1234");
    }
}
