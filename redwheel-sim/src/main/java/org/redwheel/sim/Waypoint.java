package org.redwheel.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * A named point of a route. A stop (logistics park, town, driver home, red post station) holds the
 * truck for a time drawn between {@code minDwell} and {@code maxDwell}; a passing point only shapes
 * the road and has zero dwell.
 */
public record Waypoint(String name, GeoPoint position, Duration minDwell, Duration maxDwell) {

    public Waypoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        if (minDwell.isNegative() || maxDwell.compareTo(minDwell) < 0) {
            throw new IllegalArgumentException("dwell " + minDwell + ".." + maxDwell + " at " + name);
        }
    }

    /** A point the truck drives through without stopping. */
    public static Waypoint passing(String name, double latitude, double longitude) {
        return new Waypoint(name, new GeoPoint(latitude, longitude), Duration.ZERO, Duration.ZERO);
    }

    /** A point where the truck stops for between {@code min} and {@code max}. */
    public static Waypoint stop(String name, double latitude, double longitude, Duration min, Duration max) {
        if (max.isZero()) {
            throw new IllegalArgumentException("a stop needs a dwell: " + name);
        }
        return new Waypoint(name, new GeoPoint(latitude, longitude), min, max);
    }

    public boolean isStop() {
        return !maxDwell.isZero();
    }
}
