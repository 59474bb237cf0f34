package org.redwheel.care;

import java.time.Instant;
import java.util.List;

/**
 * Drivers' appeals resolved (诉求办结): each counts as a problem solved, the yearly "one", for the
 * helper who had the driver when it was resolved. The appeals module answers it; until an
 * implementation exists only the problems helpers record themselves count.
 */
public interface ResolvedAppeals {

    /** The appeals resolved at or after the instant. */
    List<ResolvedAppeal> resolvedSince(Instant since);

    /** An appeal of a driver, resolved at an instant. */
    record ResolvedAppeal(long appealId, long driverId, Instant resolvedAt) {}
}
