package org.redwheel.appeals;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an actor may do with an appeal in its present status: the rules the workflow enforces, for
 * pages to offer only the actions that will be accepted.
 */
public record AppealActions(
        boolean accept,
        boolean assign,
        boolean start,
        boolean resolve,
        boolean confirm,
        boolean reopen,
        boolean post,
        boolean seesPhone) {

    static final Set<AppealStatus> ASSIGNABLE =
            EnumSet.of(AppealStatus.ACCEPTED, AppealStatus.ASSIGNED, AppealStatus.IN_PROGRESS, AppealStatus.REOPENED);
    static final Set<AppealStatus> STARTABLE =
            EnumSet.of(AppealStatus.ASSIGNED, AppealStatus.CLAIMED, AppealStatus.REOPENED);

    public static AppealActions of(AppealActor actor, Appeal appeal) {
        boolean county = actor.county();
        boolean worker = county || actor.is(appeal.handler());
        boolean driverSide = county || actor.kind() == AppealActor.Kind.DRIVER;
        AppealStatus status = appeal.status();
        return new AppealActions(
                status == AppealStatus.SUBMITTED && (county || actor.is(appeal.route())),
                county && appeal.problemId() == null && ASSIGNABLE.contains(status),
                worker && STARTABLE.contains(status),
                worker && status == AppealStatus.IN_PROGRESS,
                driverSide && status == AppealStatus.RESOLVED,
                driverSide && status == AppealStatus.RESOLVED,
                (actor.office() || actor.is(appeal.handler()))
                        && appeal.problemId() == null
                        && ASSIGNABLE.contains(status),
                worker || actor.is(appeal.route()));
    }

    /** Whether any action is open to the actor. */
    public boolean any() {
        return accept || assign || start || resolve || confirm || reopen || post;
    }
}
