package org.redwheel.safety;

/**
 * Which class of road a position is on; the server implements it from its map data. Called on the hot
 * path once per fix without a speed zone, so it must be fast and must not block.
 */
@FunctionalInterface
public interface RoadClassLookup {

    /** Knows no roads. */
    RoadClassLookup NONE = (lat, lon) -> null;

    /** The road class at this position, or {@code null} when unknown. */
    RoadClass roadClassAt(double lat, double lon);
}
