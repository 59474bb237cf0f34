package org.redwheel.appeals;

import java.time.Instant;

/**
 * One step of an appeal's life.
 *
 * @param status the appeal's status after the step
 * @param actor the staff username, or {@code driver:<id>}, or {@code system}
 * @param handlerLabel the handler's display name where the step names one (a department's short
 *     name, the helper, the office)
 * @param note the solution, the reason for reopening, the rating's comment, the problem's title
 * @param driverVisible shown to the driver on his mobile page as a status message
 */
public record AppealStep(
        long id,
        long appealId,
        StepKind kind,
        AppealStatus status,
        Instant at,
        String actor,
        AppealActor.Kind actorKind,
        String handlerLabel,
        String note,
        boolean driverVisible) {

    /** What a step did. */
    public enum StepKind {
        SUBMITTED,
        ACCEPTED,
        ASSIGNED,
        POSTED_TO_BOARD,
        CLAIMED,
        STARTED,
        RESOLVED,
        CONFIRMED,
        REOPENED,
        ACCEPT_ESCALATED,
        RESOLVE_ESCALATED;

        public String messageKey() {
            return "appeals.step." + name();
        }

        /** The driver's status message for this step. */
        public String driverMessageKey() {
            return "appeals.driverStep." + name();
        }
    }
}
