package org.redwheel.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.WebClient;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.TestDrivers;
import org.redwheel.identity.AuditEvent;
import org.redwheel.identity.AuditLog;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.PhoneNumbers;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drivers' sign-in over real HTTP: the code from the SMS (shown on the page as in the demo) signs
 * in once and not after five minutes; a number outside the survey gets the same answer and no SMS;
 * five wrong codes lock the number; sending is limited per phone and per network address; every
 * step is audited.
 */
@RedWheelTest
class DriverLoginTests {

    @LocalServerPort
    int port;

    @Autowired
    Drivers drivers;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    private final ListAppender<ILoggingEvent> sms = new ListAppender<>();
    private final Logger smsLog = (Logger) LoggerFactory.getLogger("org.redwheel.notification.LoggingSmsGateway");

    @BeforeEach
    void listenToTheSmsGateway() {
        sms.start();
        smsLog.addAppender(sms);
    }

    @AfterEach
    void stopListening() {
        smsLog.detachAppender(sms);
    }

    @Test
    void signsInWithThePhoneNumberAndTheCodeItWasSent() {
        var driver = DriverSignIn.register(drivers, enterprises, "登录");
        var web = new WebClient(port);
        assertThat(web.get("/m").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/m/login"));

        var request = DriverSignIn.requestCode(web, driver.phone());
        assertThat(request.statusCode()).isEqualTo(302);
        String page = web.get("/m/login/code").body();
        assertThat(page).contains(PhoneNumbers.masked(driver.phone())).contains("data-testid=\"demo-code\"");
        String code = page.replaceAll("(?s).*data-testid=\"demo-code\">(\\d{6})<.*", "$1");
        assertThat(smsTo(driver.phone()))
                .singleElement()
                .satisfies(text -> assertThat(text).contains("验证码是" + code).contains("5分钟内有效"));
        assertThat(storedCodes(driver.phone()))
                .as("the code is stored only as a keyed hash")
                .singleElement()
                .satisfies(hash -> assertThat(hash).hasSize(64).doesNotContain(code));

        var signIn = DriverSignIn.submit(web, driver.phone(), code);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/m"));
        var home = web.get("/m");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(driver.data().name()).contains(driver.enterpriseName());

        List<AuditEvent> events = audit.search(new AuditLog.AuditQuery(null, null, null, null, null), 0, 200).stream()
                .filter(e -> "driver".equals(e.targetType())
                        && String.valueOf(driver.id()).equals(e.targetId()))
                .toList();
        assertThat(events)
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("LOGIN_CODE"))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("LOGIN");
                    assertThat(e.result()).isEqualTo(AuditLog.SUCCESS);
                    assertThat(e.actor()).isEqualTo("driver:" + driver.id());
                });
    }

    @Test
    void aCodeSignsInOnceOnly() {
        var driver = DriverSignIn.register(drivers, enterprises, "一次");
        var first = new WebClient(port);
        String code = DriverSignIn.code(first, driver.phone());
        assertThat(DriverSignIn.submit(first, driver.phone(), code).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/m"));

        var second = new WebClient(port);
        var replay = DriverSignIn.submit(second, driver.phone(), code);
        assertThat(replay.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/m/login/code"));
        assertThat(second.get("/m/login/code").body()).contains("data-testid=\"wrong-code\"");
        assertThat(second.get("/m").statusCode()).as("still signed out").isEqualTo(302);
        assertThat(audit.search(new AuditLog.AuditQuery(null, "LOGIN", AuditLog.FAILURE, null, null), 0, 50))
                .anySatisfy(e -> {
                    assertThat(e.targetId()).isEqualTo(String.valueOf(driver.id()));
                    assertThat(e.detail()).contains("already used");
                });
    }

    @Test
    void aCodeOlderThanFiveMinutesIsRefused() {
        var driver = DriverSignIn.register(drivers, enterprises, "过期");
        var web = new WebClient(port);
        String code = DriverSignIn.code(web, driver.phone());
        // Five minutes and a second pass (the boundaries themselves are CodeExpiryTests').
        jdbc.sql("update mobile_login_code set requested_at = requested_at - interval '5 minutes 1 second'"
                        + " where phone = :phone")
                .param("phone", driver.phone())
                .update();

        var late = DriverSignIn.submit(web, driver.phone(), code);
        assertThat(late.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/m/login/code"));
        assertThat(web.get("/m").statusCode()).isEqualTo(302);
        assertThat(audit.search(new AuditLog.AuditQuery(null, "LOGIN", AuditLog.FAILURE, null, null), 0, 50))
                .anySatisfy(e -> {
                    assertThat(e.targetId()).isEqualTo(String.valueOf(driver.id()));
                    assertThat(e.detail()).isEqualTo("code expired");
                });
    }

    @Test
    void aNumberOutsideTheSurveyGetsTheSameAnswerButNoSms() {
        var driver = DriverSignIn.register(drivers, enterprises, "对照");
        String stranger = TestDrivers.phone();
        var known = new WebClient(port);
        var unknown = new WebClient(port);

        var knownAnswer = DriverSignIn.requestCode(known, driver.phone());
        var unknownAnswer = DriverSignIn.requestCode(unknown, stranger);
        assertThat(unknownAnswer.statusCode())
                .isEqualTo(knownAnswer.statusCode())
                .isEqualTo(302);
        assertThat(unknownAnswer.headers().firstValue("Location"))
                .isEqualTo(knownAnswer.headers().firstValue("Location"));
        String knownPage = withoutDemoBox(known.get("/m/login/code").body());
        String unknownPage = withoutDemoBox(unknown.get("/m/login/code").body());
        assertThat(unknownPage.replace(PhoneNumbers.masked(stranger), "#").replaceAll("value=\"[^\"]*\"", ""))
                .as("the same page but for the number")
                .isEqualTo(knownPage
                        .replace(PhoneNumbers.masked(driver.phone()), "#")
                        .replaceAll("value=\"[^\"]*\"", ""));
        assertThat(smsTo(stranger)).isEmpty();
        assertThat(smsTo(driver.phone())).hasSize(1);

        // A code for the stranger is as wrong as a wrong code for a driver, with the same attempts left.
        DriverSignIn.submit(known, driver.phone(), "000000".equals(lastCode(driver.phone())) ? "111111" : "000000");
        DriverSignIn.submit(unknown, stranger, "000000");
        assertThat(withoutDemoBox(unknown.get("/m/login/code").body()).replace(PhoneNumbers.masked(stranger), "#"))
                .contains("data-testid=\"wrong-code\"")
                .contains("还可再试 4 次");
        assertThat(known.get("/m/login/code").body()).contains("还可再试 4 次");
        assertThat(audit.search(
                        new AuditLog.AuditQuery("phone:" + PhoneNumbers.masked(stranger), null, null, null, null),
                        0,
                        10))
                .extracting(AuditEvent::action)
                .contains("LOGIN_CODE", "LOGIN");
    }

    @Test
    void fiveWrongCodesLockTheNumberEvenForTheRightCode() {
        var driver = DriverSignIn.register(drivers, enterprises, "锁定");
        var web = new WebClient(port);
        String code = DriverSignIn.code(web, driver.phone());
        String wrong = code.equals("123456") ? "654321" : "123456";
        for (int attempt = 1; attempt <= 4; attempt++) {
            DriverSignIn.submit(web, driver.phone(), wrong);
            assertThat(web.get("/m/login/code").body()).contains("还可再试 " + (5 - attempt) + " 次");
        }
        DriverSignIn.submit(web, driver.phone(), wrong);
        assertThat(web.get("/m/login/code").body()).contains("data-testid=\"locked\"");

        var right = DriverSignIn.submit(web, driver.phone(), code);
        assertThat(right.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/m/login/code"));
        assertThat(web.get("/m").statusCode())
                .as("the right code is refused while locked")
                .isEqualTo(302);
        var again = DriverSignIn.requestCode(new WebClient(port), driver.phone());
        assertThat(again.statusCode()).as("no new code while locked").isEqualTo(429);
        assertThat(again.body()).contains("data-testid=\"refused\"").contains("已锁定至");
        assertThat(smsTo(driver.phone())).hasSize(1);
        assertThat(audit.search(new AuditLog.AuditQuery(null, "LOCKOUT", AuditLog.FAILURE, null, null), 0, 50))
                .anySatisfy(e -> {
                    assertThat(e.targetId()).isEqualTo(String.valueOf(driver.id()));
                    assertThat(e.detail()).startsWith("5 wrong codes in a row: locked until");
                });

        // The lock's 15 minutes pass: a new code signs in.
        jdbc.sql("update mobile_login_lock set locked_until = now() - interval '1 second' where phone = :phone")
                .param("phone", driver.phone())
                .update();
        jdbc.sql("update mobile_login_code set requested_at = requested_at - interval '2 minutes' where phone = :phone")
                .param("phone", driver.phone())
                .update();
        DriverSignIn.signIn(web, driver.phone());
        assertThat(web.get("/m").statusCode()).isEqualTo(200);
    }

    @Test
    void codesToOneNumberAreLimitedToOneAMinuteAndFiveAnHour() {
        var driver = DriverSignIn.register(drivers, enterprises, "频率");
        var web = new WebClient(port);
        assertThat(DriverSignIn.requestCode(web, driver.phone()).statusCode()).isEqualTo(302);
        var tooSoon = DriverSignIn.requestCode(web, driver.phone());
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(tooSoon.body()).contains("data-testid=\"refused\"").contains("获取验证码过于频繁");

        for (int sent = 2; sent <= 5; sent++) {
            olderByMinutes(driver.phone(), 2);
            assertThat(DriverSignIn.requestCode(web, driver.phone()).statusCode())
                    .as("code %d of the hour", sent)
                    .isEqualTo(302);
        }
        olderByMinutes(driver.phone(), 2);
        assertThat(DriverSignIn.requestCode(web, driver.phone()).statusCode())
                .as("a sixth code within the hour")
                .isEqualTo(429);
        assertThat(smsTo(driver.phone())).hasSize(5);
        assertThat(audit.search(new AuditLog.AuditQuery(null, "LOGIN_CODE", AuditLog.FAILURE, null, null), 0, 50))
                .filteredOn(e -> String.valueOf(driver.id()).equals(e.targetId()))
                .extracting(AuditEvent::detail)
                .containsExactlyInAnyOrder("rate limited: PHONE_HOURLY", "rate limited: PHONE_TOO_SOON");
    }

    @Test
    void codeRequestsFromOneNetworkAddressAreLimitedWhateverTheNumber() {
        // The test profile allows 100 an hour per address (every test signs in from 127.0.0.1).
        var other = new LoopbackHttp("127.0.0.2", port);
        String firstStranger = null;
        for (int i = 0; i < 100; i++) {
            String stranger = TestDrivers.phone();
            firstStranger = firstStranger == null ? stranger : firstStranger;
            var answer = other.postForm("/m/login", "/m/login/code", Map.of("phone", stranger));
            assertThat(answer.status()).as("request %d", i + 1).isEqualTo(302);
        }
        var refused = other.postForm("/m/login", "/m/login/code", Map.of("phone", TestDrivers.phone()));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("当前网络获取验证码过于频繁");

        var driver = DriverSignIn.register(drivers, enterprises, "地址");
        assertThat(other.postForm("/m/login", "/m/login/code", Map.of("phone", driver.phone()))
                        .status())
                .as("a driver's number from that address too")
                .isEqualTo(429);
        assertThat(smsTo(driver.phone())).isEmpty();
        DriverSignIn.signIn(new WebClient(port), driver.phone());
        assertThat(audit.search(new AuditLog.AuditQuery(null, "LOGIN_CODE", AuditLog.FAILURE, null, null), 0, 50))
                .anySatisfy(e -> {
                    assertThat(e.remoteAddress()).isEqualTo("127.0.0.2");
                    assertThat(e.detail()).isEqualTo("rate limited: ADDRESS_HOURLY");
                });
        assertThat(storedCodes(firstStranger)).as("strangers get no code").containsOnlyNulls();
    }

    @Test
    void aMalformedNumberOrCodeNamesTheFieldAndChangesNothing() {
        var web = new WebClient(port);
        var letters = DriverSignIn.requestCode(web, "1390000abcd");
        assertThat(letters.statusCode()).isEqualTo(400);
        assertThat(letters.body()).contains("data-error-for=\"phone\"").contains("请输入11位手机号码");
        assertThat(DriverSignIn.requestCode(web, "").body()).contains("data-error-for=\"phone\"");

        var driver = DriverSignIn.register(drivers, enterprises, "格式");
        DriverSignIn.code(web, driver.phone());
        DriverSignIn.submit(web, driver.phone(), "12ab");
        String page = web.get("/m/login/code").body();
        assertThat(page).contains("data-error-for=\"code\"").contains("验证码为6位数字");
        Integer failures = jdbc.sql("select count(*) from mobile_login_lock where phone = :phone")
                .param("phone", driver.phone())
                .query(Integer.class)
                .single();
        assertThat(failures).as("a malformed code counts no attempt").isZero();
    }

    @Test
    void signingOutEndsTheSessionAndIsAudited() {
        var driver = DriverSignIn.register(drivers, enterprises, "退出");
        var web = new WebClient(port);
        DriverSignIn.signIn(web, driver.phone());
        var out = web.postForm("/m/profile", "/m/logout", Map.of());
        assertThat(out.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/m/login?logout"));
        assertThat(web.get("/m").statusCode()).isEqualTo(302);
        assertThat(audit.search(new AuditLog.AuditQuery("driver:" + driver.id(), "LOGOUT", null, null, null), 0, 5))
                .hasSize(1);
    }

    private List<String> smsTo(String phone) {
        String masked = PhoneNumbers.masked(phone);
        return sms.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("SMS to " + masked + ":"))
                .toList();
    }

    private List<String> storedCodes(String phone) {
        return jdbc.sql("select code_hash from mobile_login_code where phone = :phone order by id")
                .param("phone", phone)
                .query(String.class)
                .list();
    }

    private String lastCode(String phone) {
        return smsTo(phone).stream()
                .reduce((a, b) -> b)
                .map(m -> m.replaceAll(".*验证码是(\\d{6}).*", "$1"))
                .orElse("");
    }

    private void olderByMinutes(String phone, int minutes) {
        jdbc.sql(
                        "update mobile_login_code set requested_at = requested_at - make_interval(mins => :m) where phone = :phone")
                .param("m", minutes)
                .param("phone", phone)
                .update();
    }

    private static String withoutDemoBox(String html) {
        return html.replaceAll("(?s)<div class=\"rw-m-demo.*?</div>", "")
                .replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }
}
