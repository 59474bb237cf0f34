package org.redwheel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** First-login password change for administrator-made accounts, and TOTP two-factor login. */
@RedWheelTest
class AccountSetupTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    FieldEncryptor encryptor;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAccountMadeByTheSecurityAdministratorMustChangeItsPasswordFirst() {
        String securityAdmin = new TestAccounts(staffAccounts).create(Role.SECURITY_ADMIN, DataScope.county());
        var admin = new WebClient(port);
        admin.login(securityAdmin, TestAccounts.PASSWORD);
        String username = "new.officer." + System.nanoTime() % 1_000_000;
        var created = admin.postForm(
                "/console/accounts/new",
                "/console/accounts",
                Map.of(
                        "username", username,
                        "displayName", "新值班员",
                        "role", "MONITORING_OPERATOR",
                        "scopeKind", "COUNTY",
                        "initialPassword", "Initial-Pass1"));
        assertThat(created.statusCode()).isEqualTo(302);

        var web = new WebClient(port);
        web.login(username, "Initial-Pass1");
        var home = web.get("/console/enterprises");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/account/password"));
        assertThat(new WebClient(port)
                        .postJson(
                                "/api/v1/auth/token",
                                "{\"username\":\"" + username + "\",\"password\":\"Initial-Pass1\"}",
                                null)
                        .statusCode())
                .as("no API token before the password change")
                .isEqualTo(403);

        var tooWeak = web.postForm(
                "/console/account/password",
                "/console/account/password",
                Map.of("currentPassword", "Initial-Pass1", "newPassword", "short", "confirmPassword", "short"));
        assertThat(tooWeak.statusCode()).isEqualTo(400);
        assertThat(tooWeak.body()).contains("data-error-for=\"newPassword\"");

        var changed = web.postForm(
                "/console/account/password",
                "/console/account/password",
                Map.of(
                        "currentPassword",
                        "Initial-Pass1",
                        "newPassword",
                        "Changed-Pass2",
                        "confirmPassword",
                        "Changed-Pass2"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(web.get("/console/enterprises").statusCode()).isEqualTo(200);
        assertThat(new WebClient(port).token(username, "Changed-Pass2")).isNotNull();
    }

    @Test
    void anAccountCreatedWithAWeakPasswordIsRefusedWithTheField() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.redwheel.InvalidInputException.class,
                () -> staffAccounts.create(new StaffAccounts.NewAccount(
                        "weak.one", "弱密码", null, "password", Role.HELPER, DataScope.assigned(), true)));
        assertThat(e.violations())
                .extracting(org.redwheel.InvalidInputException.Violation::field)
                .containsExactly("initialPassword");
        assertThat(staffAccounts.findByUsername("weak.one")).isEmpty();
    }

    @Test
    void withTwoFactorOnLoginNeedsTheCurrentCode() {
        String username = new TestAccounts(staffAccounts).create(Role.SYSTEM_ADMIN, DataScope.county());
        String secret = Totp.newSecret();
        long id = staffAccounts.findByUsername(username).orElseThrow().id();
        jdbc.sql("update identity_account set totp_secret = :s, totp_enabled = true where id = :id")
                .param("s", encryptor.encrypt(secret))
                .param("id", id)
                .update();

        var withoutCode = new WebClient(port).login(username, TestAccounts.PASSWORD);
        assertThat(withoutCode.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("error"));

        var web = new WebClient(port);
        String code = Totp.codeAt(secret, Instant.now().getEpochSecond() / Totp.STEP_SECONDS);
        var withCode = web.postForm(
                "/console/login",
                "/console/login",
                Map.of("username", username, "password", TestAccounts.PASSWORD, "totpCode", code));
        assertThat(withCode.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
    }

    @Test
    void enrolmentTurnsTwoFactorOnOnlyWithAWorkingCode() {
        String username = new TestAccounts(staffAccounts).create(Role.SECURITY_ADMIN, DataScope.county());
        var web = new WebClient(port);
        web.login(username, TestAccounts.PASSWORD);
        String page = web.get("/console/account/totp").body();
        String secret = page.replaceAll("(?s).*data-testid=\"totp-secret\">([A-Z2-7]+)<.*", "$1");

        var wrong = web.postForm("/console/account/totp", "/console/account/totp", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(staffAccounts.findByUsername(username).orElseThrow().totpEnabled())
                .isFalse();

        String code = Totp.codeAt(secret, Instant.now().getEpochSecond() / Totp.STEP_SECONDS);
        var right = web.postForm("/console/account/totp", "/console/account/totp", Map.of("code", code));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(staffAccounts.findByUsername(username).orElseThrow().totpEnabled())
                .isTrue();
        String stored = jdbc.sql("select totp_secret from identity_account where username = :u")
                .param("u", username)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
    }
}
