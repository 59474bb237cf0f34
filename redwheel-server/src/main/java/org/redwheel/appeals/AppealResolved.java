package org.redwheel.appeals;

import java.time.Instant;

/**
 * An appeal was resolved (by its handler, or with the hard problem it is linked to): e.g. a helper's
 * "solve at least one problem a year" counts it.
 *
 * @param handlerKind null when nobody was named (cannot happen for a resolution through the board)
 */
public record AppealResolved(
        long appealId,
        long driverId,
        AppealCategory category,
        HandlerKind handlerKind,
        Long handlerUnitId,
        Long handlerAccountId,
        Instant resolvedAt) {}
