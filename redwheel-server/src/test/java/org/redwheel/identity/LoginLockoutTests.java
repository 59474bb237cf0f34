package org.redwheel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Five failed logins lock an account for the configured time, in the console and the API. */
@RedWheelTest
class LoginLockoutTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        for (int i = 0; i < 4; i++) {
            assertThat(web.login(username, "Wrong-Passw0rd").headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/console/login?error=bad"));
        }
        assertThat(staffAccounts.findByUsername(username).orElseThrow().locked())
                .isFalse();
        web.login(username, "Wrong-Passw0rd");
        assertThat(staffAccounts.findByUsername(username).orElseThrow().locked())
                .isTrue();

        var locked = web.login(username, TestAccounts.PASSWORD);
        assertThat(locked.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("error=locked"));
        assertThat(new WebClient(port).token(username, TestAccounts.PASSWORD))
                .as("API token while locked")
                .isNull();

        var failures = audit.search(new AuditLog.AuditQuery(username, "LOGIN", AuditLog.FAILURE, null, null), 0, 20);
        assertThat(failures).hasSize(7);
        assertThat(failures.get(0).detail()).contains("locked");
    }

    @Test
    void theLockEndsAfterItsDurationAndASuccessResetsTheCount() {
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        for (int i = 0; i < 5; i++) {
            web.login(username, "Wrong-Passw0rd");
        }
        assertThat(staffAccounts.findByUsername(username).orElseThrow().locked())
                .isTrue();

        // The lock's 15 minutes pass.
        jdbc.sql("update identity_account set locked_until = :past where username = :u")
                .param("past", Timestamp.from(Instant.now().minusSeconds(1)))
                .param("u", username)
                .update();

        var response = web.login(username, TestAccounts.PASSWORD);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
        assertThat(web.get("/console").statusCode()).isEqualTo(200);
        Integer failures = jdbc.sql("select failed_attempts from identity_account where username = :u")
                .param("u", username)
                .query(Integer.class)
                .single();
        assertThat(failures).isZero();
    }

    @Test
    void aSecurityAdministratorCanUnlock() {
        String username = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        for (int i = 0; i < 5; i++) {
            new WebClient(port).login(username, "Wrong-Passw0rd");
        }
        var account = staffAccounts.findByUsername(username).orElseThrow();
        assertThat(account.locked()).isTrue();

        String securityAdmin = new TestAccounts(staffAccounts).create(Role.SECURITY_ADMIN, DataScope.county());
        var admin = new WebClient(port);
        admin.login(securityAdmin, TestAccounts.PASSWORD);
        var unlock = admin.postForm(
                "/console/accounts/" + account.id(),
                "/console/accounts/" + account.id() + "/unlock",
                java.util.Map.of());
        assertThat(unlock.statusCode()).isEqualTo(302);
        assertThat(staffAccounts.findByUsername(username).orElseThrow().locked())
                .isFalse();
    }
}
