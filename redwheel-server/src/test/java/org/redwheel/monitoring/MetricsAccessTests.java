package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Prometheus scrape (which a load run reads the reminder latency from) is for system
 * administrators only, with a bearer token as a scraper would send it.
 */
@RedWheelTest
class MetricsAccessTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Test
    void aSystemAdministratorsTokenReadsTheReminderLatencyHistogram() {
        WebClient web = new WebClient(port);
        String admin = new TestAccounts(staffAccounts).create(Role.SYSTEM_ADMIN, DataScope.county());
        var response = web.get("/actuator/prometheus", web.token(admin, TestAccounts.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("redwheel_reminder_latency_seconds_bucket{")
                .contains("le=\"0.2\"")
                .contains("redwheel_gateway_ack_latency_seconds");
    }

    @Test
    void otherRolesAndStrangersAreRefused() {
        WebClient web = new WebClient(port);
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());

        assertThat(web.get("/actuator/prometheus", web.token(operator, TestAccounts.PASSWORD))
                        .statusCode())
                .isEqualTo(403);
        // the same client: the operator's token must not have left a session behind
        var stranger = web.get("/actuator/prometheus", "not-a-token");
        assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(401);
    }
}
