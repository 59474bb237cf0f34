package org.redwheel.safety;

import java.util.List;
import java.util.Objects;

/**
 * A speed zone drawn on the map (school, town centre, work zone): inside it, its limit applies before
 * any road or vehicle default. Where zones overlap, the lowest limit wins.
 *
 * @param name shown with the events it causes
 * @param limitKmh the limit inside the zone
 */
public record SpeedZone(String name, int limitKmh, Shape shape) {

    public SpeedZone {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        if (limitKmh <= 0) {
            throw new IllegalArgumentException("limitKmh must be positive: " + limitKmh);
        }
    }

    /** A zone bounded by a polygon (closed implicitly: the last vertex joins the first). */
    public static SpeedZone polygon(String name, int limitKmh, List<GeoPoint> vertices) {
        return new SpeedZone(name, limitKmh, new Polygon(vertices));
    }

    /** A zone along a road: every point within half the width of the centre line. */
    public static SpeedZone corridor(String name, int limitKmh, List<GeoPoint> centreLine, double widthM) {
        return new SpeedZone(name, limitKmh, new Corridor(centreLine, widthM));
    }

    /** The outline of a zone. */
    public sealed interface Shape permits Polygon, Corridor {}

    /** At least three vertices. */
    public record Polygon(List<GeoPoint> vertices) implements Shape {
        public Polygon {
            vertices = List.copyOf(vertices);
            if (vertices.size() < 3) {
                throw new IllegalArgumentException("a polygon needs at least 3 vertices");
            }
        }
    }

    /**
     * A polyline of at least two points and the corridor's total width in metres (half on each side).
     */
    public record Corridor(List<GeoPoint> centreLine, double widthM) implements Shape {
        public Corridor {
            centreLine = List.copyOf(centreLine);
            if (centreLine.size() < 2) {
                throw new IllegalArgumentException("a corridor needs at least 2 points");
            }
            if (!(widthM > 0)) {
                throw new IllegalArgumentException("widthM must be positive: " + widthM);
            }
        }
    }
}
