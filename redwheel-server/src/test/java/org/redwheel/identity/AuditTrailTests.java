package org.redwheel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Logins, logouts, failures and every write land in the audit log; nobody can change it. */
@RedWheelTest
class AuditTrailTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsLoginWriteAndLogoutWithWhoWhatWhichAndResult() {
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(username, "Wrong-Passw0rd");
        web.login(username, TestAccounts.PASSWORD);
        var created = web.postForm(
                "/console/enterprises/new",
                "/console/enterprises",
                Map.of(
                        "name",
                        "审计测试物流有限公司" + System.nanoTime(),
                        "creditCode",
                        org.redwheel.TestEnterprises.valid("x").creditCode(),
                        "address",
                        "临沭县审计路1号",
                        "legalRepresentative",
                        "审计"));
        assertThat(created.statusCode()).isEqualTo(302);
        String enterpriseId =
                created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        web.postForm("/console", "/console/logout", Map.of());

        var events = audit.search(new AuditLog.AuditQuery(username, null, null, null, null), 0, 10);
        assertThat(events)
                .extracting(AuditEvent::action, AuditEvent::result)
                .containsSubsequence(
                        org.assertj.core.groups.Tuple.tuple("LOGOUT", "SUCCESS"),
                        org.assertj.core.groups.Tuple.tuple("POST /console/enterprises", "SUCCESS"),
                        org.assertj.core.groups.Tuple.tuple("LOGIN", "SUCCESS"),
                        org.assertj.core.groups.Tuple.tuple("LOGIN", "FAILURE"));
        var write = events.stream()
                .filter(e -> e.action().equals("POST /console/enterprises"))
                .findFirst()
                .orElseThrow();
        assertThat(write.targetType()).isEqualTo("enterprise");
        assertThat(write.targetId()).isEqualTo(enterpriseId);
        assertThat(write.occurredAt()).isNotNull();
    }

    @Test
    void recordsAFailedWriteAsAFailure() {
        String username = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(username, TestAccounts.PASSWORD);
        var rejected = web.postForm("/console/enterprises/new", "/console/enterprises", Map.of("name", ""));
        assertThat(rejected.statusCode()).isEqualTo(400);
        var events =
                audit.search(new AuditLog.AuditQuery(username, "POST /console/enterprises", null, null, null), 0, 10);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.result()).isEqualTo(AuditLog.FAILURE);
            assertThat(e.detail()).contains("400");
        });
    }

    @Test
    void theDatabaseRefusesToEditOrDeleteAuditEvents() {
        audit.record("tester", "TEST", null, null, AuditLog.SUCCESS, null, null);
        assertThatThrownBy(() -> jdbc.sql("update identity_audit_event set actor = 'someone else'")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from identity_audit_event").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void theAuditorSearchesAndExportsButOthersCannot() {
        String auditor = new TestAccounts(staffAccounts).create(Role.AUDITOR, DataScope.county());
        String countyAdmin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var admin = new WebClient(port);
        admin.login(countyAdmin, TestAccounts.PASSWORD);
        assertThat(admin.get("/console/audit").statusCode()).isEqualTo(403);
        assertThat(admin.get("/console/audit/export.csv").statusCode()).isEqualTo(403);

        var web = new WebClient(port);
        web.login(auditor, TestAccounts.PASSWORD);
        var page = web.get("/console/audit?actor=" + countyAdmin);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(countyAdmin).contains("LOGIN");

        var csv = web.get("/console/audit/export.csv?actor=" + countyAdmin);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("audit-log.csv"));
        assertThat(csv.body()).startsWith("\uFEFFid,time,actor,action").contains("\"" + countyAdmin + "\",\"LOGIN\"");
    }
}
