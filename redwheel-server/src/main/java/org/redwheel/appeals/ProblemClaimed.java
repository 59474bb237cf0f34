package org.redwheel.appeals;

import java.time.Instant;

/** A department of the escort alliance claimed a hard problem on the board. */
public record ProblemClaimed(long problemId, long unitId, Instant claimedAt) {}
