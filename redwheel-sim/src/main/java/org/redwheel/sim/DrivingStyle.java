package org.redwheel.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated driver drives a route.
 *
 * @param speedingShare the share of road segments (about 2 km each) driven 10–30 % over the road's
 *     limit, 0 to 1
 * @param stopsAtWaypoints whether the truck stops at the route's stops for their dwell; without,
 *     it drives through every waypoint
 * @param restAfter continuous driving after which the driver pulls over and rests in place; zero
 *     for never
 * @param restLength how long that rest lasts
 * @param startsMoving whether the first fix is already at cruising speed (the truck joins the road
 *     moving) rather than pulling away from standstill
 */
public record DrivingStyle(
        double speedingShare, boolean stopsAtWaypoints, Duration restAfter, Duration restLength, boolean startsMoving) {

    public DrivingStyle {
        if (speedingShare < 0 || speedingShare > 1) {
            throw new IllegalArgumentException("speedingShare must be 0..1: " + speedingShare);
        }
        Objects.requireNonNull(restAfter, "restAfter");
        Objects.requireNonNull(restLength, "restLength");
        if (restAfter.isNegative() || restLength.isNegative()) {
            throw new IllegalArgumentException("negative rest: " + restAfter + ", " + restLength);
        }
    }

    /** Everyday hauling: stops and rests where the route says, 5 % of segments speeding. */
    public static DrivingStyle everyday() {
        return new DrivingStyle(0.05, true, Duration.ZERO, Duration.ZERO, false);
    }
}
