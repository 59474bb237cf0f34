package org.redwheel.monitoring;

import java.util.List;

/**
 * A speed zone as the console's map editor and the API submit it.
 *
 * @param limitKmh the limit inside the zone, 5 to 130 km/h
 * @param kind {@code POLYGON} or {@code CORRIDOR}
 * @param vertices the polygon's vertices, or the corridor's centre line, in WGS-84 degrees
 * @param widthM the corridor's total width in metres (ignored for a polygon)
 */
record SpeedZoneData(String name, Integer limitKmh, String kind, List<Vertex> vertices, Double widthM, String note) {

    /** A point of the outline. */
    record Vertex(Double lat, Double lon) {}
}
