package org.redwheel.safety;

/** A WGS-84 position in signed degrees (north and east positive). */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a position: " + lat + "," + lon);
        }
    }
}
