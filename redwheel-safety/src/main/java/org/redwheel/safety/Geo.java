package org.redwheel.safety;

/**
 * Plane geometry on a local equirectangular projection: within a few hundred kilometres its error is
 * far below what the rules care about, and it costs one cosine instead of haversine's trigonometry.
 */
final class Geo {

    static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    private Geo() {}

    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double x = (lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = lat2 - lat1;
        return Math.sqrt(x * x + y * y) * METRES_PER_DEGREE;
    }

    /** Ray casting; the polygon's arrays hold its vertices in order. */
    static boolean insidePolygon(double lat, double lon, double[] lats, double[] lons) {
        boolean inside = false;
        for (int i = 0, j = lats.length - 1; i < lats.length; j = i++) {
            if ((lats[i] > lat) != (lats[j] > lat)
                    && lon < (lons[j] - lons[i]) * (lat - lats[i]) / (lats[j] - lats[i]) + lons[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Distance in metres from a point to the nearest segment of a polyline. */
    static double metresToPolyline(double lat, double lon, double[] lats, double[] lons) {
        double cos = Math.cos(Math.toRadians(lat));
        double best = Double.MAX_VALUE;
        for (int i = 1; i < lats.length; i++) {
            double ax = (lons[i - 1] - lon) * cos;
            double ay = lats[i - 1] - lat;
            double bx = (lons[i] - lon) * cos;
            double by = lats[i] - lat;
            double dx = bx - ax;
            double dy = by - ay;
            double lengthSquared = dx * dx + dy * dy;
            double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
            double px = ax + t * dx;
            double py = ay + t * dy;
            best = Math.min(best, px * px + py * py);
        }
        return Math.sqrt(best) * METRES_PER_DEGREE;
    }
}
