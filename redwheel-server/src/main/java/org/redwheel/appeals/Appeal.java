package org.redwheel.appeals;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A driver's appeal (诉求) with its route, handler, deadlines and outcome.
 *
 * @param driverName as surveyed when the appeal came in
 * @param villageId the driver's residence village when the appeal came in
 * @param route where intake sent it
 * @param handler who works it now; null while it waits on the board or for acceptance
 * @param problemId the hard problem on the board it is linked to
 * @param resolveDueAt the resolve deadline: from submission, from posting to the board for hard
 *     problems, or from reopening
 * @param acceptEscalatedAt when the overdue acceptance was escalated to the office
 * @param resolveEscalatedAt when the overdue resolution was escalated to the office
 */
public record Appeal(
        long id,
        long driverId,
        String driverName,
        Long enterpriseId,
        Long villageId,
        Long townshipId,
        AppealCategory category,
        AppealChannel channel,
        String description,
        BigDecimal latitude,
        BigDecimal longitude,
        Long sourceAlarmId,
        AppealStatus status,
        AppealHandler route,
        AppealHandler handler,
        Long problemId,
        Instant submittedAt,
        String submittedBy,
        Instant acceptDueAt,
        Instant resolveDueAt,
        Instant acceptedAt,
        Instant resolvedAt,
        String solution,
        Instant confirmedAt,
        Integer rating,
        String feedback,
        int reopenCount,
        Instant acceptEscalatedAt,
        Instant resolveEscalatedAt,
        Instant driverSeenAt,
        boolean hasPhoto) {

    public boolean hasLocation() {
        return latitude != null;
    }

    /** Accepted by its deadline; false while not accepted. */
    public boolean acceptedInTime() {
        return acceptedAt != null && !acceptedAt.isAfter(acceptDueAt);
    }

    /** Resolved by its deadline; false while not resolved. */
    public boolean resolvedInTime() {
        return resolvedAt != null && status.solved() && !resolvedAt.isAfter(resolveDueAt);
    }

    /** Escalated to the office for an overdue acceptance or resolution. */
    public boolean escalated() {
        return acceptEscalatedAt != null || resolveEscalatedAt != null;
    }
}
