package org.redwheel.monitoring;

import java.time.Instant;

/**
 * A spot-check (查岗): the county's monitoring staff ask an enterprise's monitoring post a question
 * that it must answer from the console by the deadline.
 *
 * @param enterpriseName resolved for display; null when the enterprise is out of the reader's scope
 */
public record SpotCheck(
        long id,
        long enterpriseId,
        String enterpriseName,
        String question,
        String sentBy,
        Instant sentAt,
        Instant dueAt,
        Instant answeredAt,
        String answeredBy,
        String answer) {

    public boolean answered() {
        return answeredAt != null;
    }

    /** Answered by the deadline. */
    public boolean answeredInTime() {
        return answeredAt != null && !answeredAt.isAfter(dueAt);
    }

    /** Not answered, or answered after the deadline, as of {@code now}. */
    public boolean late(Instant now) {
        return answeredAt != null ? answeredAt.isAfter(dueAt) : now.isAfter(dueAt);
    }

    /** The message key of its state. */
    public String stateKey(Instant now) {
        if (answeredInTime()) {
            return "spotCheck.state.answered";
        }
        if (answered()) {
            return "spotCheck.state.answeredLate";
        }
        return now.isAfter(dueAt) ? "spotCheck.state.overdue" : "spotCheck.state.waiting";
    }
}
