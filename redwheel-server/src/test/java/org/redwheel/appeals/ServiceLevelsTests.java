package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The service levels of appeals as a pure computation over a fixed clock: accept within the hour,
 * resolve within the day (or the category's own limit), reopening restarts the resolve deadline,
 * and each overdue is escalated once.
 */
class ServiceLevelsTests {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Instant SUBMITTED = Instant.parse("2025-03-03T23:30:00Z");

    final AppealsProperties properties = new AppealsProperties(
            Duration.ofHours(1),
            Duration.ofHours(24),
            Duration.ofDays(30),
            DataSize.ofMegabytes(5),
            Map.of(
                    AppealCategory.VEHICLE_CERTIFICATES,
                    new AppealsProperties.CategorySettings(null, Duration.ofHours(72), null, "县交通运输局"),
                    AppealCategory.PARKING,
                    new AppealsProperties.CategorySettings(Duration.ofMinutes(30), null, null, "交警大队")));

    ServiceLevels at(Duration sinceSubmission) {
        return new ServiceLevels(properties, Clock.fixed(SUBMITTED.plus(sinceSubmission), BEIJING));
    }

    Appeal submitted(AppealCategory category) {
        ServiceLevels levels = at(Duration.ZERO);
        return appeal(
                category,
                AppealStatus.SUBMITTED,
                levels.acceptDue(category, SUBMITTED),
                levels.resolveDue(category, SUBMITTED),
                null,
                null,
                null,
                null);
    }

    static Appeal appeal(
            AppealCategory category,
            AppealStatus status,
            Instant acceptDue,
            Instant resolveDue,
            Instant acceptedAt,
            Instant resolvedAt,
            Instant acceptEscalatedAt,
            Instant resolveEscalatedAt) {
        return new Appeal(
                1,
                2,
                "测试司机",
                null,
                null,
                null,
                category,
                AppealChannel.MOBILE,
                "停车难",
                null,
                null,
                null,
                status,
                AppealHandler.office(),
                null,
                null,
                SUBMITTED,
                "driver:2",
                acceptDue,
                resolveDue,
                acceptedAt,
                resolvedAt,
                null,
                null,
                null,
                null,
                0,
                acceptEscalatedAt,
                resolveEscalatedAt,
                null,
                false);
    }

    @Test
    void anAppealNotAcceptedAfterFiftyNineMinutesIsInTimeAndAfterSixtyOneOverdue() {
        Appeal appeal = submitted(AppealCategory.CHILD_CARE);

        assertThat(appeal.acceptDueAt()).isEqualTo(SUBMITTED.plus(Duration.ofHours(1)));
        assertThat(at(Duration.ofMinutes(59)).acceptOverdue(appeal)).isFalse();
        assertThat(at(Duration.ofMinutes(59)).escalationsDue(appeal)).isEmpty();
        assertThat(at(Duration.ofMinutes(59)).timeLeft(appeal)).isEqualTo(Duration.ofMinutes(1));
        assertThat(at(Duration.ofMinutes(60)).acceptOverdue(appeal))
                .as("the deadline itself is still in time")
                .isFalse();
        assertThat(at(Duration.ofMinutes(61)).acceptOverdue(appeal)).isTrue();
        assertThat(at(Duration.ofMinutes(61)).overdue(appeal)).isTrue();
        assertThat(at(Duration.ofMinutes(61)).escalationsDue(appeal)).containsExactly(ServiceLevels.Escalation.ACCEPT);
        assertThat(at(Duration.ofMinutes(61)).timeLeft(appeal)).isEqualTo(Duration.ofMinutes(-1));
    }

    @Test
    void anAcceptanceAtFiftyNineMinutesCountsInTimeAndAtSixtyOneLate() {
        Appeal base = submitted(AppealCategory.POLICY);
        Appeal inTime = appeal(
                base.category(),
                AppealStatus.ASSIGNED,
                base.acceptDueAt(),
                base.resolveDueAt(),
                SUBMITTED.plus(Duration.ofMinutes(59)),
                null,
                null,
                null);
        Appeal late = appeal(
                base.category(),
                AppealStatus.ASSIGNED,
                base.acceptDueAt(),
                base.resolveDueAt(),
                SUBMITTED.plus(Duration.ofMinutes(61)),
                null,
                null,
                null);

        assertThat(inTime.acceptedInTime()).isTrue();
        assertThat(late.acceptedInTime()).isFalse();
        assertThat(at(Duration.ofHours(2)).acceptOverdue(late))
                .as("accepted: no longer waiting")
                .isFalse();
    }

    @Test
    void theResolveDeadlineIsADayOrTheCategorysOwnLimit() {
        Appeal policy = submitted(AppealCategory.POLICY);
        Appeal certificates = submitted(AppealCategory.VEHICLE_CERTIFICATES);
        Appeal parking = submitted(AppealCategory.PARKING);

        assertThat(policy.resolveDueAt()).isEqualTo(SUBMITTED.plus(Duration.ofHours(24)));
        assertThat(certificates.resolveDueAt()).isEqualTo(SUBMITTED.plus(Duration.ofHours(72)));
        assertThat(certificates.acceptDueAt()).isEqualTo(SUBMITTED.plus(Duration.ofHours(1)));
        assertThat(parking.acceptDueAt()).isEqualTo(SUBMITTED.plus(Duration.ofMinutes(30)));
        assertThat(parking.resolveDueAt()).isEqualTo(SUBMITTED.plus(Duration.ofHours(24)));

        Appeal working = appeal(
                AppealCategory.POLICY,
                AppealStatus.IN_PROGRESS,
                policy.acceptDueAt(),
                policy.resolveDueAt(),
                SUBMITTED.plus(Duration.ofMinutes(10)),
                null,
                null,
                null);
        assertThat(at(Duration.ofHours(23).plusMinutes(59)).resolveOverdue(working))
                .isFalse();
        assertThat(at(Duration.ofHours(24).plusMinutes(1)).resolveOverdue(working))
                .isTrue();
        assertThat(at(Duration.ofHours(24).plusMinutes(1)).escalationsDue(working))
                .containsExactly(ServiceLevels.Escalation.RESOLVE);

        Appeal resolvedInTime = appeal(
                AppealCategory.POLICY,
                AppealStatus.RESOLVED,
                policy.acceptDueAt(),
                policy.resolveDueAt(),
                SUBMITTED.plus(Duration.ofMinutes(10)),
                SUBMITTED.plus(Duration.ofHours(20)),
                null,
                null);
        Appeal resolvedLate = appeal(
                AppealCategory.POLICY,
                AppealStatus.CONFIRMED,
                policy.acceptDueAt(),
                policy.resolveDueAt(),
                SUBMITTED.plus(Duration.ofMinutes(10)),
                SUBMITTED.plus(Duration.ofHours(25)),
                null,
                null);
        assertThat(resolvedInTime.resolvedInTime()).isTrue();
        assertThat(resolvedLate.resolvedInTime()).isFalse();
        assertThat(at(Duration.ofDays(5)).resolveOverdue(resolvedLate))
                .as("solved: nothing runs")
                .isFalse();
        assertThat(at(Duration.ofDays(5)).timeLeft(resolvedLate)).isNull();
        assertThat(at(Duration.ofDays(5)).age(resolvedLate)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void reopeningAndTheBoardSetNewResolveDeadlines() {
        Instant reopened = SUBMITTED.plus(Duration.ofDays(3));
        ServiceLevels levels = at(Duration.ofDays(3));

        assertThat(levels.resolveDue(AppealCategory.POLICY, reopened)).isEqualTo(reopened.plus(Duration.ofHours(24)));
        assertThat(levels.boardResolveDue(reopened)).isEqualTo(reopened.plus(Duration.ofDays(30)));
    }

    @Test
    void anOverdueIsEscalatedOnceAndBothDeadlinesCanBeOverdue() {
        Appeal base = submitted(AppealCategory.CHILD_CARE);
        ServiceLevels twoDaysLater = at(Duration.ofDays(2));

        assertThat(twoDaysLater.escalationsDue(base))
                .as("never accepted, and two days old")
                .containsExactlyInAnyOrder(ServiceLevels.Escalation.ACCEPT, ServiceLevels.Escalation.RESOLVE);

        Appeal acceptEscalated = appeal(
                base.category(),
                AppealStatus.SUBMITTED,
                base.acceptDueAt(),
                base.resolveDueAt(),
                null,
                null,
                SUBMITTED.plus(Duration.ofMinutes(62)),
                null);
        assertThat(twoDaysLater.escalationsDue(acceptEscalated)).containsExactly(ServiceLevels.Escalation.RESOLVE);

        Appeal bothEscalated = appeal(
                base.category(),
                AppealStatus.SUBMITTED,
                base.acceptDueAt(),
                base.resolveDueAt(),
                null,
                null,
                SUBMITTED.plus(Duration.ofMinutes(62)),
                SUBMITTED.plus(Duration.ofHours(25)));
        assertThat(twoDaysLater.escalationsDue(bothEscalated)).isEmpty();
        assertThat(twoDaysLater.overdue(bothEscalated))
                .as("still overdue, only not escalated again")
                .isTrue();
        assertThat(bothEscalated.escalated()).isTrue();
    }
}
