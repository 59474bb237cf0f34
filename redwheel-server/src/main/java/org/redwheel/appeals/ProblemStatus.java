package org.redwheel.appeals;

/** A hard problem on the board: open for a claim, claimed by a department, being worked, solved. */
public enum ProblemStatus {
    OPEN,
    CLAIMED,
    IN_PROGRESS,
    SOLVED;

    public String messageKey() {
        return "appeals.problemStatus." + name();
    }
}
