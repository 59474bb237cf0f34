package org.redwheel.monitoring;

import java.time.Instant;
import java.util.List;
import org.redwheel.safety.GeoPoint;
import org.redwheel.safety.SpeedZone;

/**
 * A speed zone drawn on the map (school, town centre, work zone), as stored.
 *
 * @param widthM the corridor's total width in metres; null for a polygon
 * @param active whether the engine applies it
 */
record DrawnSpeedZone(
        long id,
        String name,
        int limitKmh,
        SpeedZoneKind kind,
        List<SpeedZoneData.Vertex> vertices,
        Double widthM,
        boolean active,
        String note,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    DrawnSpeedZone {
        vertices = List.copyOf(vertices);
    }

    /** The zone as the safety engine tests positions against it. */
    SpeedZone toEngine() {
        List<GeoPoint> points =
                vertices.stream().map(v -> new GeoPoint(v.lat(), v.lon())).toList();
        return kind == SpeedZoneKind.CORRIDOR
                ? SpeedZone.corridor(name, limitKmh, points, widthM)
                : SpeedZone.polygon(name, limitKmh, points);
    }
}
