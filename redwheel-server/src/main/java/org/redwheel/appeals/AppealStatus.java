package org.redwheel.appeals;

/**
 * Where an appeal is in its lifecycle: submitted → accepted → assigned (to a helper, a department
 * or the office) or claimed (through a hard problem on the board) → in progress → resolved →
 * confirmed by the driver with a rating, or reopened.
 */
public enum AppealStatus {
    SUBMITTED,
    ACCEPTED,
    ASSIGNED,
    CLAIMED,
    IN_PROGRESS,
    RESOLVED,
    CONFIRMED,
    REOPENED;

    /** Still waiting for a solution: the resolve deadline runs. */
    public boolean open() {
        return this != RESOLVED && this != CONFIRMED;
    }

    /** Solved, whether the driver has confirmed it yet or not. */
    public boolean solved() {
        return !open();
    }

    public String messageKey() {
        return "appeals.status." + name();
    }
}
