package org.redwheel.safety;

import java.util.List;
import java.util.Objects;

/**
 * The geography of speed limits: zones drawn on the map and the road-class lookup the server provides.
 * The limit for a fix comes from, in order: the zones containing it (the lowest if several), the road
 * class ({@code speed.road.<CLASS>} of the {@link RuleSet}), the vehicle class ({@code
 * speed.vehicle.<CLASS>}), the terminal's own maximum speed (0x0055). With none of these, no limit
 * applies and the fix cannot be over one.
 *
 * <p>Zones are checked by bounding box first, then by shape: fine for the tens of zones a county
 * draws. Immutable; swap the whole set with {@link SafetyEngine#updateSpeedLimits(SpeedLimits)}.
 */
public final class SpeedLimits {

    private static final SpeedLimits NONE = new SpeedLimits(List.of(), RoadClassLookup.NONE);

    private final List<SpeedZone> zones;
    private final RoadClassLookup roads;
    private final CompiledZone[] compiled;

    private SpeedLimits(List<SpeedZone> zones, RoadClassLookup roads) {
        this.zones = List.copyOf(zones);
        this.roads = Objects.requireNonNull(roads, "roads");
        this.compiled = this.zones.stream().map(CompiledZone::new).toArray(CompiledZone[]::new);
    }

    /** No zones, no road classes: only vehicle-class and terminal limits apply. */
    public static SpeedLimits none() {
        return NONE;
    }

    public static SpeedLimits of(List<SpeedZone> zones, RoadClassLookup roads) {
        return new SpeedLimits(zones, roads);
    }

    public static SpeedLimits of(List<SpeedZone> zones) {
        return new SpeedLimits(zones, RoadClassLookup.NONE);
    }

    public List<SpeedZone> zones() {
        return zones;
    }

    public RoadClassLookup roads() {
        return roads;
    }

    /** Fills the context's limit fields for a position. */
    void resolve(
            double lat, double lon, VehicleClass vehicleClass, Integer terminalLimitKmh, RuleSet rules, Context out) {
        CompiledZone zone = null;
        for (CompiledZone candidate : compiled) {
            if (candidate.contains(lat, lon) && (zone == null || candidate.limitKmh < zone.limitKmh)) {
                zone = candidate;
            }
        }
        if (zone != null) {
            set(out, zone.limitKmh, Context.LimitSource.ZONE, zone.name);
            return;
        }
        RoadClass road = roads.roadClassAt(lat, lon);
        if (road != null && rules.roadLimitKmh[road.ordinal()] > 0) {
            set(out, rules.roadLimitKmh[road.ordinal()], Context.LimitSource.ROAD, road);
            return;
        }
        if (vehicleClass != null && rules.vehicleLimitKmh[vehicleClass.ordinal()] > 0) {
            set(out, rules.vehicleLimitKmh[vehicleClass.ordinal()], Context.LimitSource.VEHICLE, vehicleClass);
            return;
        }
        if (terminalLimitKmh != null && terminalLimitKmh > 0) {
            set(out, terminalLimitKmh, Context.LimitSource.TERMINAL, null);
            return;
        }
        set(out, 0, Context.LimitSource.NONE, null);
    }

    private static void set(Context out, int limitKmh, Context.LimitSource source, Object ref) {
        out.limitKmh = limitKmh;
        out.limitSource = source;
        out.limitRef = ref;
    }

    /** A zone flattened to arrays with its bounding box, for the per-fix test. */
    private static final class CompiledZone {

        final String name;
        final int limitKmh;
        final double[] lats;
        final double[] lons;
        /** Half the corridor width in metres; negative for a polygon. */
        final double halfWidthM;

        final double minLat;
        final double maxLat;
        final double minLon;
        final double maxLon;

        CompiledZone(SpeedZone zone) {
            name = zone.name();
            limitKmh = zone.limitKmh();
            List<GeoPoint> points;
            if (zone.shape() instanceof SpeedZone.Corridor corridor) {
                points = corridor.centreLine();
                halfWidthM = corridor.widthM() / 2;
            } else {
                points = ((SpeedZone.Polygon) zone.shape()).vertices();
                halfWidthM = -1;
            }
            lats = points.stream().mapToDouble(GeoPoint::lat).toArray();
            lons = points.stream().mapToDouble(GeoPoint::lon).toArray();
            double marginLat = Math.max(0, halfWidthM) / Geo.METRES_PER_DEGREE;
            double lowLat = min(lats) - marginLat;
            double highLat = max(lats) + marginLat;
            double widestCos = Math.cos(Math.toRadians(Math.max(Math.abs(lowLat), Math.abs(highLat))));
            double marginLon = marginLat / Math.max(widestCos, 1e-6);
            minLat = lowLat;
            maxLat = highLat;
            minLon = min(lons) - marginLon;
            maxLon = max(lons) + marginLon;
        }

        boolean contains(double lat, double lon) {
            if (lat < minLat || lat > maxLat || lon < minLon || lon > maxLon) {
                return false;
            }
            return halfWidthM < 0
                    ? Geo.insidePolygon(lat, lon, lats, lons)
                    : Geo.metresToPolyline(lat, lon, lats, lons) <= halfWidthM;
        }

        private static double min(double[] values) {
            double min = Double.MAX_VALUE;
            for (double value : values) {
                min = Math.min(min, value);
            }
            return min;
        }

        private static double max(double[] values) {
            double max = -Double.MAX_VALUE;
            for (double value : values) {
                max = Math.max(max, value);
            }
            return max;
        }
    }
}
