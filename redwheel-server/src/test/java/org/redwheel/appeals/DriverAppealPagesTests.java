package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.redwheel.appeals.AppealFixture.OFFICE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.DriverUser;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The driver's appeal pages ({@code /m/appeals}) with a signed-in driver as their principal (the
 * drivers' sign-in belongs to the mobile pages): "I need help" with a photo and his location, his
 * list with the status messages, confirming with a rating; another driver's appeal is not found.
 */
@RedWheelTest
class DriverAppealPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Appeals appeals;

    @Autowired
    Drivers drivers;

    @Autowired
    GovernmentUnits units;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Townships townships;

    @Autowired
    AuditLog audit;

    AppealFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new AppealFixture(drivers, units, accounts, townships);
    }

    RequestPostProcessor signedIn(long driverId) {
        DriverUser driver = new DriverUser(driverId, fixture.driverName(driverId), fixture.driverPhone(driverId));
        return authentication(new UsernamePasswordAuthenticationToken(
                driver, null, List.of(new SimpleGrantedAuthority(DriverUser.AUTHORITY))));
    }

    @Test
    void aDriverAsksForHelpWithAPhotoAndHisLocationAndFollowsItToHisRating() throws Exception {
        long driver = fixture.driver("手机求助");
        var me = signedIn(driver);

        String form = mvc.perform(get("/m/appeals/new").with(me))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("停车难").contains("附上我的位置").contains("name=\"_csrf\"");
        assertThat(page("/m/appeals/new?lang=en", me))
                .contains("What do you need help with?")
                .contains("Attach my location")
                .doesNotContain("??");
        page("/m/appeals?lang=zh_CN", me);

        MockMultipartFile photo =
                new MockMultipartFile("photo", "parking.png", "image/png", AppealLifecycleTests.png(1024));
        MvcResult sent = mvc.perform(multipart("/m/appeals")
                        .file(photo)
                        .param("category", "PARKING")
                        .param("description", "物流园东门晚上没地方停车")
                        .param("latitude", "34.906000")
                        .param("longitude", "118.690000")
                        .with(me)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/m/appeals/*"))
                .andReturn();
        String location = sent.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Appeal appeal = appeals.get(AppealActor.driver(driver), id);
        assertThat(appeal.channel()).isEqualTo(AppealChannel.MOBILE);
        assertThat(appeal.hasPhoto()).isTrue();
        assertThat(appeal.latitude()).isEqualByComparingTo("34.906");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                audit.search(new AuditLog.AuditQuery(null, "POST /m/appeals", null, null, null), 0, 50))
                        .anySatisfy(e -> {
                            assertThat(e.targetType()).isEqualTo("appeal");
                            assertThat(e.targetId()).isEqualTo(Long.toString(id));
                        }));

        String page = page("/m/appeals/" + id, me);
        assertThat(page).contains("物流园东门晚上没地方停车").contains("诉求已提交，将由“交警大队”受理").contains("待受理");
        mvc.perform(get("/m/appeals/" + id + "/photo").with(me))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));

        AppealActor police = fixture.department("交警大队");
        appeals.accept(police, id);
        appeals.start(police, id);
        appeals.resolve(police, id, "已为您预留物流园东临时停车区车位");
        String list = page("/m/appeals", me);
        assertThat(list).contains("已办结，请确认并评价").contains("data-testid=\"m-unread\"");
        String resolved = page("/m/appeals/" + id, me);
        assertThat(resolved).contains("已为您预留物流园东临时停车区车位").contains("data-testid=\"m-confirm-form\"");
        assertThat(page("/m/appeals", me)).as("read once he opened it").doesNotContain("data-testid=\"m-unread\"");

        mvc.perform(post("/m/appeals/" + id + "/confirm")
                        .param("rating", "4")
                        .param("feedback", "谢谢交警")
                        .with(me)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(appeals.get(OFFICE, id).rating()).isEqualTo(4);
        assertThat(page("/m/appeals/" + id, me)).contains("您已确认办结").contains("★★★★");
    }

    @Test
    void badInputIsShownBesideTheFieldsAndAnotherDriversAppealIsNotFound() throws Exception {
        long driver = fixture.driver("手机校验");
        long other = fixture.driver("别人");
        var me = signedIn(driver);

        String refused = mvc.perform(multipart("/m/appeals")
                        .file(new MockMultipartFile("photo", "x.gif", "image/gif", "GIF89a".getBytes()))
                        .param("description", " ")
                        .with(me)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused)
                .contains("data-error-for=\"category\"")
                .contains("data-error-for=\"description\"")
                .contains("data-error-for=\"photo\"")
                .contains("照片须为 JPEG 或 PNG 图片");
        assertThat(appeals.mine(AppealActor.driver(driver))).isEmpty();

        long his = appeals.submit(
                AppealActor.driver(other),
                AppealFixture.appeal(other, AppealCategory.POLICY, AppealChannel.MOBILE, "别人的诉求"));
        mvc.perform(get("/m/appeals/" + his).with(me)).andExpect(status().isNotFound());
        mvc.perform(get("/m/appeals/" + his + "/photo").with(me)).andExpect(status().isNotFound());
        mvc.perform(post("/m/appeals/" + his + "/reopen")
                        .param("reason", "x")
                        .with(me)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(page("/m/appeals", me)).doesNotContain("别人的诉求");
    }

    @Test
    void theDriversPagesAreNotForStaff() throws Exception {
        var staff = authentication(new UsernamePasswordAuthenticationToken(
                new org.redwheel.identity.StaffUser(
                        1L,
                        "county.admin",
                        "县级管理员",
                        org.redwheel.identity.Role.COUNTY_ADMIN,
                        org.redwheel.identity.DataScope.county(),
                        false,
                        false),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_COUNTY_ADMIN"))));
        mvc.perform(get("/m/appeals").with(staff)).andExpect(status().isForbidden());
    }

    String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
