package org.redwheel.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.fleet.Vehicle;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.StaffUser;
import org.redwheel.monitoring.Track.TrackAlarm;
import org.redwheel.monitoring.Track.TrackPoint;
import org.redwheel.monitoring.Track.TrackVehicle;
import org.redwheel.safety.RuleSet;
import org.redwheel.safety.VehicleClass;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Track playback (轨迹回放): a vehicle's stored fixes for a period with its alarms, within the
 * caller's data scope. Fixes are read through the vehicle's terminal (the key of the daily position
 * partitions) and streamed through a cursor, so a long period is summed up and thinned without
 * holding every fix in memory.
 */
@Service
class Tracks {

    /** Beyond this many fixes the points are thinned (see {@link TrackSampler}). */
    static final int MAX_POINTS = 5_000;

    static final int MAX_ALARMS = 1_000;

    private static final String FIX_COLUMNS =
            "fix_time, received_at, latitude, longitude, altitude_m, speed_kmh, direction";

    /**
     * Stored fixes, and the outliers kept beside the partitions (dated far in the past or the future).
     * The terminal's fixes of the time it was bound to another vehicle are not this vehicle's track.
     */
    private static final String FIXES = "select " + FIX_COLUMNS + " from monitoring_position"
            + " where terminal_id = :terminal and vehicle_id = :vehicle and fix_time >= :from and fix_time < :to"
            + " union all select " + FIX_COLUMNS + " from monitoring_position_outlier"
            + " where terminal_id = :terminal and vehicle_id = :vehicle and fix_time >= :from and fix_time < :to";

    private final FleetRegistry fleet;
    private final Alarms alarms;
    private final SafetyMonitor safety;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Tracks(FleetRegistry fleet, Alarms alarms, SafetyMonitor safety, DataSource dataSource, AuditLog audit) {
        this.audit = audit;
        this.fleet = fleet;
        this.alarms = alarms;
        this.safety = safety;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // Inside a transaction PostgreSQL then reads through a cursor instead of the whole result at once.
        template.setFetchSize(2_000);
        this.jdbc = JdbcClient.create(template);
    }

    /**
     * The vehicle's track for the period, read by a staff member: a location track is personal
     * information (PIPL art. 28), so every read is written to the audit log with its period.
     */
    @Transactional(readOnly = true)
    public Track readFor(StaffUser reader, long vehicleId, TrackRange range, String remoteAddress) {
        Track track = read(reader.scope(), vehicleId, range);
        audit.record(
                reader.username(),
                "VIEW_TRACK",
                "vehicle",
                Long.toString(vehicleId),
                "OK",
                range.from() + " / " + range.to() + ", " + track.fixCount() + " fixes",
                remoteAddress);
        return track;
    }

    /**
     * The vehicle's track for the period.
     *
     * @throws org.redwheel.RecordNotFoundException when the vehicle does not exist or lies outside the
     *     scope
     */
    @Transactional(readOnly = true)
    public Track read(DataScope scope, long vehicleId, TrackRange range) {
        Vehicle vehicle = fleet.requireVehicle(scope, vehicleId);
        RuleSet rules = safety.rules();
        List<TrackAlarm> alarmMarks = alarms.ofVehicle(scope, vehicleId, range.from(), range.to(), MAX_ALARMS).stream()
                .map(TrackAlarm::of)
                .toList();
        List<Instant> boundaries = new ArrayList<>();
        for (TrackAlarm alarm : alarmMarks) {
            boundaries.add(alarm.start());
            if (alarm.end() != null) {
                boundaries.add(alarm.end());
            }
        }
        FixValidity validity = FixValidity.of(rules);
        TrackStatistics statistics = new TrackStatistics(rules);
        long total = 0;
        List<TrackPoint> points = List.of();
        boolean thinned = false;
        if (vehicle.terminalId() != null) {
            total = jdbc.sql("select count(*) from (" + FIXES + ") f")
                    .param("terminal", vehicle.terminalId())
                    .param("vehicle", vehicleId)
                    .param("from", Timestamp.from(range.from()))
                    .param("to", Timestamp.from(range.to()))
                    .query(Long.class)
                    .single();
            TrackSampler sampler =
                    new TrackSampler(total, Math.max(MAX_POINTS - boundaries.size(), MAX_POINTS / 2), boundaries);
            jdbc.sql(FIXES + " order by fix_time")
                    .param("terminal", vehicle.terminalId())
                    .param("vehicle", vehicleId)
                    .param("from", Timestamp.from(range.from()))
                    .param("to", Timestamp.from(range.to()))
                    .query(rs -> {
                        Instant time = rs.getTimestamp("fix_time").toInstant();
                        double lat = rs.getDouble("latitude");
                        double lon = rs.getDouble("longitude");
                        float speed = rs.getFloat("speed_kmh");
                        boolean valid = validity.valid(
                                lat,
                                lon,
                                speed,
                                rs.getInt("altitude_m"),
                                time,
                                rs.getTimestamp("received_at").toInstant());
                        if (valid) {
                            statistics.add(time, lat, lon, speed);
                        } else {
                            statistics.addInvalid();
                        }
                        sampler.add(new TrackPoint(time, lat, lon, speed, rs.getInt("direction"), valid));
                    });
            points = sampler.points();
            thinned = sampler.thinned();
        }
        // Every vehicle is fed to the engine as a heavy truck (SafetyMonitor).
        double classLimit = FixValidity.number(rules, "speed.vehicle." + VehicleClass.HEAVY_TRUCK.name());
        return new Track(
                new TrackVehicle(vehicle.id(), vehicle.plate(), vehicle.enterpriseId()),
                range.from(),
                range.to(),
                points,
                alarmMarks,
                statistics.distanceKm(),
                statistics.maxSpeedKmh(),
                statistics.drivingS(),
                classLimit > 0 ? (int) classLimit : null,
                (int) total,
                statistics.invalidCount(),
                thinned);
    }
}
