package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redwheel.appeals.AppealFixture.DESK;
import static org.redwheel.appeals.AppealFixture.OFFICE;
import static org.redwheel.appeals.AppealFixture.appeal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.HelperDirectory;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.notification.Notifications;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;

/**
 * Routing per category: a department's field goes to that alliance department, personal matters
 * to the driver's helper when he has one (else the office), anything else to the office; the
 * department is configured by short name, name or id, and an unknown one falls back to the office.
 */
@RedWheelTest
class AppealRoutingTests {

    @Autowired
    Appeals appeals;

    @Autowired
    AppealsProperties properties;

    @Autowired
    Drivers drivers;

    @Autowired
    GovernmentUnits units;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Townships townships;

    @Autowired
    Notifications notifications;

    AppealFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new AppealFixture(drivers, units, accounts, townships);
    }

    @Test
    void eachCategoryGoesWhereTheConfigurationSends() {
        long driver = fixture.driver("分派");
        Map<AppealCategory, AppealHandler> expected = Map.of(
                AppealCategory.PARKING, AppealHandler.department(fixture.unit("交警大队")),
                AppealCategory.UNPAID_FREIGHT, AppealHandler.department(fixture.unit("县司法局")),
                AppealCategory.VEHICLE_LOAN, AppealHandler.department(fixture.unit("县金融中心")),
                AppealCategory.POLICY, AppealHandler.department(fixture.unit("县交通运输局")),
                AppealCategory.VEHICLE_CERTIFICATES, AppealHandler.department(fixture.unit("县交通运输局")),
                // Personal matters: this driver has no helper (no care module here), so the office.
                AppealCategory.ORDER_TAKING, AppealHandler.office(),
                AppealCategory.CHILD_CARE, AppealHandler.office(),
                AppealCategory.HEALTH, AppealHandler.office(),
                AppealCategory.OTHER, AppealHandler.office());
        assertThat(expected).hasSize(AppealCategory.values().length);
        expected.forEach((category, handler) -> {
            long id = appeals.submit(DESK, appeal(driver, category, AppealChannel.HOTLINE, "分派测试"));
            Appeal appeal = appeals.get(OFFICE, id);
            assertThat(appeal.route()).as(category.name()).isEqualTo(handler);
            assertThat(appeal.handler())
                    .as("nobody handles it before it is accepted")
                    .isNull();
        });

        long certificates =
                appeals.submit(DESK, appeal(driver, AppealCategory.VEHICLE_CERTIFICATES, AppealChannel.HOTLINE, "证照"));
        Appeal c = appeals.get(OFFICE, certificates);
        assertThat(Duration.between(c.submittedAt(), c.resolveDueAt()))
                .as("the category's own service level from application.yml")
                .isEqualTo(Duration.ofHours(72));
    }

    @Test
    void theDepartmentsOfficersAreToldOfANewAppealRoutedToIt() {
        long driver = fixture.driver("部门通知");
        long unit = fixture.unit("县金融中心");
        long officer = fixture.accountId(fixture.account(
                org.redwheel.identity.Role.DEPARTMENT_OFFICER, org.redwheel.identity.DataScope.department(unit)));

        long id = appeals.submit(
                AppealActor.driver(driver),
                appeal(driver, AppealCategory.VEHICLE_LOAN, AppealChannel.MOBILE, "车贷想延期三个月"));

        assertThat(notifications.inbox(officer, 5)).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("新诉求待受理：车贷");
            assertThat(n.body()).contains("车贷想延期三个月").contains("60分钟内受理");
            assertThat(n.link()).isEqualTo("/console/appeals/" + id);
        });
    }

    @Test
    void personalMattersGoToTheDriversHelperWhenHeHasOne() {
        long helperAccount = 4242L;
        HelperDirectory directory = driverId -> driverId == 7L ? Optional.of(helperAccount) : Optional.empty();
        AppealRouting routing = new AppealRouting(properties, units, provider(directory));

        for (AppealCategory personal :
                new AppealCategory[] {AppealCategory.ORDER_TAKING, AppealCategory.CHILD_CARE, AppealCategory.HEALTH}) {
            assertThat(routing.route(personal, 7L)).isEqualTo(AppealHandler.helper(helperAccount));
            assertThat(routing.route(personal, 8L)).as("no helper").isEqualTo(AppealHandler.office());
        }
        assertThat(routing.route(AppealCategory.PARKING, 7L))
                .as("a department's field stays with the department")
                .isEqualTo(AppealHandler.department(fixture.unit("交警大队")));
        assertThat(routing.route(AppealCategory.OTHER, 7L)).isEqualTo(AppealHandler.office());

        AppealRouting withoutCare = new AppealRouting(properties, units, provider(null));
        assertThat(withoutCare.route(AppealCategory.CHILD_CARE, 7L)).isEqualTo(AppealHandler.office());
    }

    @Test
    void aDepartmentIsFoundByIdOrNameAndAnUnknownOneFallsBackToTheOffice() {
        long bank = fixture.unit("临沭农商行");
        AppealsProperties configured = new AppealsProperties(
                null,
                null,
                null,
                DataSize.ofMegabytes(5),
                Map.of(
                        AppealCategory.VEHICLE_LOAN,
                        new AppealsProperties.CategorySettings(null, null, null, Long.toString(bank)),
                        AppealCategory.UNPAID_FREIGHT,
                        new AppealsProperties.CategorySettings(null, null, null, "临沭县司法局"),
                        AppealCategory.PARKING,
                        new AppealsProperties.CategorySettings(null, null, null, "不存在的单位")));
        AppealRouting routing = new AppealRouting(configured, units, provider(null));

        assertThat(routing.route(AppealCategory.VEHICLE_LOAN, 1L)).isEqualTo(AppealHandler.department(bank));
        assertThat(routing.route(AppealCategory.UNPAID_FREIGHT, 1L))
                .isEqualTo(AppealHandler.department(fixture.unit("县司法局")));
        assertThat(routing.route(AppealCategory.PARKING, 1L)).isEqualTo(AppealHandler.office());
        assertThat(routing.route(AppealCategory.POLICY, 1L))
                .as("nothing configured")
                .isEqualTo(AppealHandler.office());
        assertThat(configured.acceptWithin()).isEqualTo(Duration.ofHours(1));
        assertThat(configured.resolveWithin()).isEqualTo(Duration.ofHours(24));
    }

    static ObjectProvider<HelperDirectory> provider(HelperDirectory directory) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (directory != null) {
            beans.addBean("helperDirectory", directory);
        }
        return beans.getBeanProvider(HelperDirectory.class);
    }
}
