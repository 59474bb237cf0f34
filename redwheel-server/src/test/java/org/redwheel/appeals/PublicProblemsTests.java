package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redwheel.appeals.AppealFixture.DESK;
import static org.redwheel.appeals.AppealFixture.OFFICE;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public page of solved hard problems: open without signing in, starting no session, showing
 * what the alliance solved (the demo's two temporary parking areas among them) and nothing
 * personal: no driver's name, phone, ID number or plate, not even those the drivers wrote in their
 * appeals.
 */
@RedWheelTest
class PublicProblemsTests {

    static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    static final Pattern PLATE = Pattern.compile("鲁[A-Z][A-Z0-9]{5,6}");

    @LocalServerPort
    int port;

    @Autowired
    Appeals appeals;

    @Autowired
    AllianceBoard board;

    @Autowired
    Drivers drivers;

    @Autowired
    GovernmentUnits units;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Townships townships;

    @Autowired
    JdbcClient jdbc;

    AppealFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new AppealFixture(drivers, units, accounts, townships);
    }

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void anybodySeesTheSolvedProblemsWithoutSigningInAndNothingPersonal() throws Exception {
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (String prefix : List.of("公开甲", "公开乙")) {
            long driver = fixture.driver(prefix);
            names.add(fixture.driverName(driver));
            phones.add(fixture.driverPhone(driver));
            long id = appeals.submit(
                    DESK,
                    AppealFixture.appeal(
                            driver,
                            AppealCategory.UNPAID_FREIGHT,
                            AppealChannel.HOTLINE,
                            "我是" + fixture.driverName(driver) + "，车牌鲁QB7788，电话" + fixture.driverPhone(driver)
                                    + "，货主欠运费八千元"));
            appeals.accept(OFFICE, id);
            ids.add(id);
        }
        long problem = board.post(OFFICE, ids, "公开页测试：运费拖欠", "两名司机反映运费被拖欠");
        AppealActor justice = fixture.department("县司法局");
        board.claim(justice, problem);
        board.start(justice, problem);
        board.solve(justice, problem, "法律援助律师代理追讨，运费已全部追回");

        var response = get("/public/solved-problems");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie"))
                .as("no session for the public")
                .isEmpty();
        String page = response.body();
        assertThat(page)
                .contains("公开页测试：运费拖欠")
                .contains("法律援助律师代理追讨，运费已全部追回")
                .contains("县司法局认领")
                .contains("涉及 2 件司机诉求")
                .contains("两处临时停车区");
        for (String name : names) {
            assertThat(page).doesNotContain(name);
        }
        for (String phone : phones) {
            assertThat(page).doesNotContain(phone);
        }
        assertThat(page).doesNotContain("鲁QB7788").doesNotContain("货主欠运费八千元");
        assertThat(MOBILE.matcher(page).find()).as("no mobile number at all").isFalse();
        assertThat(PLATE.matcher(page).find()).as("no plate at all").isFalse();

        // Every demo driver's name is absent too (the demo's problems link dozens of them).
        List<String> linkedNames = jdbc.sql(
                        "select distinct driver_name from appeals_appeal where problem_id is not null")
                .query(String.class)
                .list();
        assertThat(linkedNames).hasSizeGreaterThan(40);
        assertThat(linkedNames).allSatisfy(name -> assertThat(page).doesNotContain(name));
        assertThat(page).doesNotContain("county.admin").doesNotContain("dept.police");

        assertThat(get("/public/solved-problems?lang=en").body()).contains("Claimed by 县司法局");
    }

    @Test
    void thePublicPageIsReadOnlyAndOpensNothingElse() throws Exception {
        var post = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/solved-problems"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(403);
        var console = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/appeals/board"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).as("the console still wants a sign-in").isEqualTo(302);
        assertThat(console.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
    }

    @Test
    void anythingLookingLikePersonalDataIsBlankedOnThePublicPageToo() {
        assertThat(PublicText.redact("请致电13905391234或0539-6212345，车牌鲁Q·A1234，身份证371329198001011234"))
                .isEqualTo("请致电***或***，车牌***，身份证***");
        assertThat(PublicText.carriesPersonalData("G205县城北划设两处临时停车区", List.of("王建国")))
                .isFalse();
        assertThat(PublicText.carriesPersonalData("为王建国追回运费", List.of("王建国"))).isTrue();
    }
}
