package org.redwheel.sim;

/**
 * A point on the ground in WGS-84 degrees. Distances use the haversine formula; interpolation is
 * linear in degrees, close enough over the few tens of kilometres of a county leg.
 */
public record GeoPoint(double latitude, double longitude) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    public GeoPoint {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("no such place: " + latitude + ", " + longitude);
        }
    }

    public double distanceMetersTo(GeoPoint other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Initial bearing towards {@code other}, degrees clockwise from north, 0 to 359. */
    public int bearingTo(GeoPoint other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double y = Math.sin(dLon) * Math.cos(lat2);
        double x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
        int degrees = (int) Math.round(Math.toDegrees(Math.atan2(y, x)));
        return Math.floorMod(degrees, 360);
    }

    /** The point a {@code fraction} (0 to 1) of the way towards {@code other}. */
    public GeoPoint towards(GeoPoint other, double fraction) {
        return new GeoPoint(
                latitude + (other.latitude - latitude) * fraction,
                longitude + (other.longitude - longitude) * fraction);
    }
}
