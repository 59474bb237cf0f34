package org.redwheel.places;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of places. Reminders look places up on the monitoring hot path, so the active ones
 * are kept in memory and reloaded after every change.
 */
@Service
public class Places {

    /** Places further than this are not worth naming in a reminder. */
    static final double MAX_DISTANCE_KM = 80;
    /** "Ahead" means within this angle either side of the heading. */
    static final double AHEAD_HALF_ANGLE_DEGREES = 60;

    private final JdbcClient jdbc;
    private final AtomicReference<List<Place>> active = new AtomicReference<>();

    Places(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Place> list(PlaceKind kind, boolean includeInactive) {
        return jdbc.sql("select * from places_place where (cast(:kind as text) is null or kind = :kind)"
                        + (includeInactive ? "" : " and active") + " order by kind, name")
                .param("kind", kind == null ? null : kind.name())
                .query(Places::map)
                .list();
    }

    public Optional<Place> find(long id) {
        return jdbc.sql("select * from places_place where id = :id")
                .param("id", id)
                .query(Places::map)
                .optional();
    }

    @Transactional
    public long create(PlaceData data) {
        List<Violation> v = new ArrayList<>();
        String name = data.name() == null ? "" : data.name().trim();
        if (data.kind() == null) {
            v.add(new Violation("kind", "validation.required"));
        }
        if (name.isEmpty()) {
            v.add(new Violation("name", "validation.required"));
        } else if (jdbc.sql("select count(*) from places_place where name = :n")
                        .param("n", name)
                        .query(Long.class)
                        .single()
                > 0) {
            v.add(new Violation("name", "place.name.taken"));
        }
        if (data.latitude() == null || data.latitude() < 3.85 || data.latitude() > 53.55) {
            v.add(new Violation("latitude", "enterprise.latitude.range"));
        }
        if (data.longitude() == null || data.longitude() < 73.55 || data.longitude() > 135.083) {
            v.add(new Violation("longitude", "enterprise.longitude.range"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        long id = jdbc.sql("""
                        insert into places_place (kind, name, address, latitude, longitude, services, opening_hours, phone)
                        values (:kind, :name, :address, :lat, :lon, :services, :hours, :phone) returning id
                        """)
                .param("kind", data.kind().name())
                .param("name", name)
                .param("address", data.address())
                .param("lat", data.latitude())
                .param("lon", data.longitude())
                .param("services", data.services())
                .param("hours", data.openingHours())
                .param("phone", data.phone())
                .query(Long.class)
                .single();
        active.set(null);
        return id;
    }

    /**
     * The rest place a truck at this position, heading this way, should be told about: the nearest
     * one ahead (within ±60° of the heading and 80 km), else the nearest one at all.
     *
     * @param heading degrees clockwise from north, or a negative number when unknown
     */
    public Optional<RestPlaceAhead> restPlaceAhead(double latitude, double longitude, double heading) {
        List<Place> candidates = activeRestPlaces();
        RestPlaceAhead best = null;
        RestPlaceAhead nearest = null;
        for (Place place : candidates) {
            double distance = distanceKm(latitude, longitude, place.latitude(), place.longitude());
            if (distance > MAX_DISTANCE_KM) {
                continue;
            }
            boolean ahead = heading >= 0
                    && angleBetween(heading, bearing(latitude, longitude, place.latitude(), place.longitude()))
                            <= AHEAD_HALF_ANGLE_DEGREES;
            if (ahead && (best == null || distance < best.distanceKm())) {
                best = new RestPlaceAhead(place, distance, true);
            }
            if (nearest == null || distance < nearest.distanceKm()) {
                nearest = new RestPlaceAhead(place, distance, false);
            }
        }
        return Optional.ofNullable(best != null ? best : nearest);
    }

    private List<Place> activeRestPlaces() {
        List<Place> cached = active.get();
        if (cached == null) {
            cached =
                    list(null, false).stream().filter(p -> p.kind().restPlace()).toList();
            active.set(cached);
        }
        return cached;
    }

    /** Great-circle distance (haversine), km. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** Initial bearing from the first point to the second, degrees clockwise from north. */
    static double bearing(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dLon = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dLon) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLon);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }

    static double angleBetween(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }

    private static Place map(ResultSet rs, int row) throws SQLException {
        return new Place(
                rs.getLong("id"),
                PlaceKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("address"),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                rs.getString("services"),
                rs.getString("opening_hours"),
                rs.getString("phone"),
                rs.getBoolean("active"));
    }
}
