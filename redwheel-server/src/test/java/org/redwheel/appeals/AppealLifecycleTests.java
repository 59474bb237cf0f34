package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.redwheel.appeals.AppealFixture.DESK;
import static org.redwheel.appeals.AppealFixture.OFFICE;
import static org.redwheel.appeals.AppealFixture.appeal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RedWheelTest;
import org.redwheel.appeals.AppealStep.StepKind;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.Townships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The lifecycle of an appeal: submitted → accepted → assigned → in progress → resolved →
 * confirmed with a rating, or reopened; every step timestamped with its actor; the driver's status
 * messages; transitions that the status does not allow refused with a clear error and nothing
 * changed; bad input refused naming the field.
 */
@RedWheelTest
class AppealLifecycleTests {

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
    JdbcClient jdbc;

    AppealFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new AppealFixture(drivers, units, accounts, townships);
    }

    @Test
    void aDriversAppealGoesFromSubmissionToHisConfirmationWithEveryStepTimestamped() {
        long driver = fixture.driver("诉求流程");
        AppealActor me = AppealActor.driver(driver);
        AppealActor police = fixture.department("交警大队");

        long id = appeals.submit(
                me,
                new NewAppeal(
                        null,
                        AppealCategory.PARKING,
                        null,
                        "  晚上在物流园东门找不到停车位  ",
                        new BigDecimal("34.906000"),
                        new BigDecimal("118.690000"),
                        null,
                        null));
        Appeal submitted = appeals.get(me, id);
        assertThat(submitted.driverId()).isEqualTo(driver);
        assertThat(submitted.channel())
                .as("a driver's own appeal comes from his phone")
                .isEqualTo(AppealChannel.MOBILE);
        assertThat(submitted.description()).isEqualTo("晚上在物流园东门找不到停车位");
        assertThat(submitted.status()).isEqualTo(AppealStatus.SUBMITTED);
        assertThat(submitted.route()).isEqualTo(AppealHandler.department(fixture.unit("交警大队")));
        assertThat(submitted.acceptDueAt()).isEqualTo(submitted.submittedAt().plus(Duration.ofHours(1)));
        assertThat(submitted.resolveDueAt()).isEqualTo(submitted.submittedAt().plus(Duration.ofHours(24)));
        assertThat(submitted.villageId())
                .isEqualTo(drivers.get(org.redwheel.identity.DataScope.county(), driver)
                        .villageId());

        appeals.accept(police, id);
        Appeal accepted = appeals.get(OFFICE, id);
        assertThat(accepted.status())
                .as("the department it was routed to takes it on when it accepts it")
                .isEqualTo(AppealStatus.ASSIGNED);
        assertThat(accepted.handler()).isEqualTo(accepted.route());
        assertThat(accepted.acceptedInTime()).isTrue();

        appeals.start(police, id);
        appeals.resolve(police, id, "已告知物流园东临时停车区位置");
        // His status messages: the news is marked until he opens the appeal.
        assertThat(appeals.mine(me)).singleElement().satisfies(line -> {
            assertThat(line.appeal().id()).isEqualTo(id);
            assertThat(line.lastMessage().kind()).isEqualTo(StepKind.RESOLVED);
            assertThat(line.unread()).isTrue();
        });
        appeals.markSeen(me, id);
        assertThat(appeals.mine(me).get(0).unread()).isFalse();
        Appeal resolved = appeals.get(me, id);
        assertThat(resolved.status()).isEqualTo(AppealStatus.RESOLVED);
        assertThat(resolved.solution()).isEqualTo("已告知物流园东临时停车区位置");
        assertThat(resolved.resolvedInTime()).isTrue();

        appeals.confirm(me, id, 5, "很快");
        Appeal confirmed = appeals.get(me, id);
        assertThat(confirmed.status()).isEqualTo(AppealStatus.CONFIRMED);
        assertThat(confirmed.rating()).isEqualTo(5);
        assertThat(confirmed.feedback()).isEqualTo("很快");

        var steps = appeals.steps(OFFICE, id);
        assertThat(steps)
                .extracting(AppealStep::kind)
                .containsExactly(
                        StepKind.SUBMITTED,
                        StepKind.ACCEPTED,
                        StepKind.ASSIGNED,
                        StepKind.STARTED,
                        StepKind.RESOLVED,
                        StepKind.CONFIRMED);
        assertThat(steps)
                .extracting(AppealStep::status)
                .containsExactly(
                        AppealStatus.SUBMITTED,
                        AppealStatus.ACCEPTED,
                        AppealStatus.ASSIGNED,
                        AppealStatus.IN_PROGRESS,
                        AppealStatus.RESOLVED,
                        AppealStatus.CONFIRMED);
        assertThat(steps)
                .extracting(AppealStep::actor)
                .containsExactly(me.name(), police.name(), police.name(), police.name(), police.name(), me.name());
        assertThat(steps).allSatisfy(s -> assertThat(s.at()).isNotNull());
        assertThat(steps).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        assertThat(steps.get(2).handlerLabel()).isEqualTo("交警大队");
        assertThat(steps.get(4).note()).isEqualTo("已告知物流园东临时停车区位置");

        assertThat(appeals.steps(me, id)).allMatch(AppealStep::driverVisible).hasSize(6);
        assertThat(appeals.mine(me).get(0).lastMessage().kind()).isEqualTo(StepKind.CONFIRMED);
        assertThat(appeals.mine(me).get(0).unread())
                .as("his own confirmation is no news")
                .isFalse();
    }

    @Test
    void theOfficeAcceptsAndAssignsAndAReopenedAppealGoesBackToItsHandlerWithANewDeadline() {
        long driver = fixture.driver("重新打开");
        AppealActor justice = fixture.department("县司法局");
        long id = appeals.submit(DESK, appeal(driver, AppealCategory.OTHER, AppealChannel.HOTLINE, "家里老人住院需要救助"));
        assertThat(appeals.get(OFFICE, id).route()).isEqualTo(AppealHandler.office());

        appeals.accept(OFFICE, id);
        assertThat(appeals.get(OFFICE, id).status())
                .as("the office keeps what was routed to it until it decides")
                .isEqualTo(AppealStatus.ACCEPTED);
        appeals.assign(OFFICE, id, AppealHandler.department(justice.unitId()));
        assertThat(appeals.get(justice, id).handler()).isEqualTo(AppealHandler.department(justice.unitId()));
        appeals.start(justice, id);
        appeals.resolve(justice, id, "已协调办理临时救助");
        var firstDeadline = appeals.get(OFFICE, id).resolveDueAt();

        appeals.reopen(AppealActor.driver(driver), id, "救助金还没到账");
        Appeal reopened = appeals.get(OFFICE, id);
        assertThat(reopened.status()).isEqualTo(AppealStatus.REOPENED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.handler()).isEqualTo(AppealHandler.department(justice.unitId()));
        assertThat(reopened.resolveDueAt()).isAfter(firstDeadline);
        assertThat(reopened.resolvedInTime()).as("not solved while reopened").isFalse();

        appeals.start(justice, id);
        appeals.resolve(justice, id, "救助金已到账");
        appeals.confirm(OFFICE, id, 4, "电话回访确认");
        assertThat(appeals.get(OFFICE, id).status()).isEqualTo(AppealStatus.CONFIRMED);
        assertThat(appeals.steps(OFFICE, id))
                .extracting(AppealStep::kind)
                .containsSubsequence(StepKind.REOPENED, StepKind.STARTED, StepKind.RESOLVED, StepKind.CONFIRMED);
    }

    @Test
    void aTransitionTheStatusDoesNotAllowIsRefusedNamingTheStatusAndChangesNothing() {
        long driver = fixture.driver("非法流转");
        AppealActor me = AppealActor.driver(driver);
        AppealActor police = fixture.department("交警大队");
        long id = appeals.submit(me, appeal(driver, AppealCategory.PARKING, AppealChannel.MOBILE, "停车难"));

        assertRefused(() -> appeals.start(police, id), "appeals.transition.start");
        assertRefused(() -> appeals.resolve(police, id, "已解决"), "appeals.transition.resolve");
        assertRefused(() -> appeals.confirm(me, id, 5, null), "appeals.transition.confirm");
        assertRefused(() -> appeals.reopen(me, id, "没解决"), "appeals.transition.reopen");
        assertThat(appeals.get(OFFICE, id).status()).isEqualTo(AppealStatus.SUBMITTED);
        assertThat(appeals.steps(OFFICE, id)).hasSize(1);

        appeals.accept(police, id);
        assertRefused(() -> appeals.accept(OFFICE, id), "appeals.transition.accept");
        assertRefused(() -> appeals.resolve(police, id, "跳过办理"), "appeals.transition.resolve");
        appeals.start(police, id);
        assertRefused(() -> appeals.start(police, id), "appeals.transition.start");
        appeals.resolve(police, id, "已划设临时停车区");
        appeals.confirm(me, id, 3, null);
        assertRefused(() -> appeals.reopen(me, id, "想重新打开"), "appeals.transition.reopen");
        assertRefused(() -> appeals.confirm(me, id, 5, null), "appeals.transition.confirm");
        assertRefused(() -> appeals.assign(OFFICE, id, AppealHandler.office()), "appeals.transition.assign");
        assertThat(appeals.get(OFFICE, id).rating()).isEqualTo(3);

        // Who may act is part of the rules too.
        long other = appeals.submit(me, appeal(driver, AppealCategory.PARKING, AppealChannel.MOBILE, "还是停车难"));
        assertThatThrownBy(() -> appeals.assign(police, other, AppealHandler.office()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> appeals.confirm(police, other, 5, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> appeals.accept(me, other)).isInstanceOf(AccessDeniedException.class);
        assertThat(appeals.get(OFFICE, other).status()).isEqualTo(AppealStatus.SUBMITTED);
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndStoresNothing() {
        long driver = fixture.driver("输入校验");
        long before = count();

        var empty = catchThrowableOfType(
                InvalidInputException.class,
                () -> appeals.submit(DESK, new NewAppeal(null, null, null, "  ", null, null, null, null)));
        assertThat(empty.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("driverId", "category", "channel", "description");

        var wrong = catchThrowableOfType(
                InvalidInputException.class,
                () -> appeals.submit(
                        AppealActor.driver(driver),
                        new NewAppeal(
                                driver,
                                AppealCategory.POLICY,
                                AppealChannel.MOBILE,
                                "x".repeat(1001),
                                new BigDecimal("34.9"),
                                null,
                                null,
                                new AppealPhoto("image/jpeg", "not an image".getBytes()))));
        assertThat(wrong.violations())
                .extracting(Violation::field, Violation::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("description", "validation.tooLong"),
                        org.assertj.core.groups.Tuple.tuple("latitude", "appeals.location.incomplete"),
                        org.assertj.core.groups.Tuple.tuple("photo", "appeals.photo.type"));

        byte[] tooLarge = png(5 * 1024 * 1024 + 1);
        var large = catchThrowableOfType(
                InvalidInputException.class,
                () -> appeals.submit(
                        AppealActor.driver(driver),
                        new NewAppeal(
                                driver,
                                AppealCategory.POLICY,
                                null,
                                "照片太大",
                                new BigDecimal("1.0"),
                                new BigDecimal("2.0"),
                                null,
                                new AppealPhoto("image/png", tooLarge))));
        assertThat(large.violations())
                .extracting(Violation::messageKey)
                .containsExactlyInAnyOrder("appeals.photo.tooLarge", "appeals.location.outside");

        var channels = catchThrowableOfType(
                InvalidInputException.class,
                () -> appeals.submit(DESK, appeal(driver, AppealCategory.POLICY, AppealChannel.MOBILE, "替司机提交")));
        assertThat(channels.violations())
                .extracting(Violation::messageKey)
                .containsExactly("appeals.channel.notAllowed");
        var department = catchThrowableOfType(
                InvalidInputException.class,
                () -> appeals.submit(
                        fixture.department("交警大队"),
                        appeal(driver, AppealCategory.POLICY, AppealChannel.HOTLINE, "部门不登记诉求")));
        assertThat(department.violations()).extracting(Violation::field).containsExactly("channel");
        var notHis = catchThrowableOfType(
                InvalidInputException.class,
                () -> appeals.submit(
                        fixture.helper(),
                        appeal(driver, AppealCategory.CHILD_CARE, AppealChannel.HELPER_VISIT, "走访时反映")));
        assertThat(notHis.violations())
                .as("a helper records visits to his own drivers only")
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("driverId", "appeals.driver.notAssigned"));
        var unknownDriver = catchThrowableOfType(
                InvalidInputException.class,
                () -> appeals.submit(DESK, appeal(-5, AppealCategory.POLICY, AppealChannel.HOTLINE, "查无此人")));
        assertThat(unknownDriver.violations())
                .extracting(Violation::messageKey)
                .containsExactly("validation.unknownReference");

        long resolvable = appeals.submit(DESK, appeal(driver, AppealCategory.OTHER, AppealChannel.HOTLINE, "咨询"));
        appeals.accept(OFFICE, resolvable);
        appeals.assign(OFFICE, resolvable, AppealHandler.office());
        appeals.start(OFFICE, resolvable);
        assertRefusedField(() -> appeals.resolve(OFFICE, resolvable, " "), "solution");
        assertRefusedField(() -> appeals.assign(OFFICE, resolvable, AppealHandler.department(-1)), "handler");
        appeals.resolve(OFFICE, resolvable, "已答复");
        assertRefusedField(() -> appeals.confirm(AppealActor.driver(driver), resolvable, 6, null), "rating");
        assertRefusedField(() -> appeals.confirm(AppealActor.driver(driver), resolvable, null, null), "rating");
        assertRefusedField(() -> appeals.reopen(AppealActor.driver(driver), resolvable, ""), "reason");
        assertThat(appeals.get(OFFICE, resolvable).status()).isEqualTo(AppealStatus.RESOLVED);

        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aPhotoIsKeptAndShownOnlyToThoseWhoSeeTheAppeal() {
        long driver = fixture.driver("照片");
        long stranger = fixture.driver("旁人");
        byte[] photo = png(2048);
        long id = appeals.submit(
                AppealActor.driver(driver),
                new NewAppeal(
                        driver,
                        AppealCategory.VEHICLE_CERTIFICATES,
                        AppealChannel.MOBILE,
                        "行驶证照片",
                        null,
                        null,
                        null,
                        new AppealPhoto("application/octet-stream", photo)));

        assertThat(appeals.get(OFFICE, id).hasPhoto()).isTrue();
        AppealPhoto kept = appeals.photo(AppealActor.driver(driver), id).orElseThrow();
        assertThat(kept.contentType())
                .as("the type the bytes are, not what was claimed")
                .isEqualTo("image/png");
        assertThat(Arrays.equals(kept.content(), photo)).isTrue();
        assertThat(appeals.photo(OFFICE, id)).isPresent();
        assertThatThrownBy(() -> appeals.photo(AppealActor.driver(stranger), id))
                .isInstanceOf(org.redwheel.RecordNotFoundException.class);
        assertThatThrownBy(() -> appeals.photo(fixture.department("县司法局"), id))
                .isInstanceOf(org.redwheel.RecordNotFoundException.class);
    }

    long count() {
        return jdbc.sql("select count(*) from appeals_appeal").query(Long.class).single();
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    static void assertRefused(Runnable action, String messageKey) {
        var refused = catchThrowableOfType(InvalidInputException.class, action::run);
        assertThat(refused).as(messageKey).isNotNull();
        assertThat(refused.violations())
                .extracting(Violation::field, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("status", messageKey));
    }

    static void assertRefusedField(Runnable action, String field) {
        var refused = catchThrowableOfType(InvalidInputException.class, action::run);
        assertThat(refused).as(field).isNotNull();
        assertThat(refused.violations()).extracting(Violation::field).containsExactly(field);
    }
}
