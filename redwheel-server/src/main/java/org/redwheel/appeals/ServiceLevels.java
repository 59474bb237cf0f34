package org.redwheel.appeals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The service levels of appeals (DOMAIN.md §6: accept within 1 h, close within 24 h, per category):
 * deadlines, whether an appeal is overdue now, and which escalations are due. Pure: time comes from
 * the clock it is given, state from the appeal.
 */
public final class ServiceLevels {

    /** An overdue that the office is told of, once. */
    public enum Escalation {
        ACCEPT,
        RESOLVE
    }

    private final AppealsProperties properties;
    private final Clock clock;

    public ServiceLevels(AppealsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public Instant acceptDue(AppealCategory category, Instant submittedAt) {
        return submittedAt.plus(properties.acceptWithin(category));
    }

    /** The resolve deadline counted from submission or from reopening. */
    public Instant resolveDue(AppealCategory category, Instant from) {
        return from.plus(properties.resolveWithin(category));
    }

    /** The resolve deadline of an appeal posted to the board as a hard problem at that time. */
    public Instant boardResolveDue(Instant postedAt) {
        return postedAt.plus(properties.boardResolveWithin());
    }

    /** Not accepted and past its acceptance deadline. */
    public boolean acceptOverdue(Appeal appeal) {
        return appeal.status() == AppealStatus.SUBMITTED && now().isAfter(appeal.acceptDueAt());
    }

    /** Not solved and past its resolve deadline. */
    public boolean resolveOverdue(Appeal appeal) {
        return appeal.status().open() && now().isAfter(appeal.resolveDueAt());
    }

    public boolean overdue(Appeal appeal) {
        return acceptOverdue(appeal) || resolveOverdue(appeal);
    }

    /** The escalations due now that have not been made yet. */
    public Set<Escalation> escalationsDue(Appeal appeal) {
        Set<Escalation> due = EnumSet.noneOf(Escalation.class);
        if (acceptOverdue(appeal) && appeal.acceptEscalatedAt() == null) {
            due.add(Escalation.ACCEPT);
        }
        if (resolveOverdue(appeal) && appeal.resolveEscalatedAt() == null) {
            due.add(Escalation.RESOLVE);
        }
        return due;
    }

    /** How long the appeal has been in, until now or until it was resolved. */
    public Duration age(Appeal appeal) {
        Instant end = appeal.status().solved() && appeal.resolvedAt() != null ? appeal.resolvedAt() : now();
        return Duration.between(appeal.submittedAt(), end);
    }

    /** The time left to the next deadline (negative when overdue), or null when none runs. */
    public Duration timeLeft(Appeal appeal) {
        if (appeal.status() == AppealStatus.SUBMITTED) {
            return Duration.between(now(), appeal.acceptDueAt());
        }
        return appeal.status().open() ? Duration.between(now(), appeal.resolveDueAt()) : null;
    }

    private Instant now() {
        return clock.instant();
    }
}
