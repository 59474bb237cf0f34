package org.redwheel.fleet;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.identity.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which drivers drive which vehicles, over time. A vehicle has at most one current primary driver
 * (主驾): assigning a new one ends the previous one's assignment on the new one's first day.
 * Assignments are ended, never deleted, so the history stays.
 */
@Service
public class Assignments {

    private static final String SELECT = """
            select a.*, d.name as driver_name, v.plate
            from fleet_assignment a
            join fleet_driver d on d.id = a.driver_id
            join fleet_vehicle v on v.id = a.vehicle_id
            """;

    private final JdbcClient jdbc;
    private final Drivers drivers;
    private final Vehicles vehicles;
    private final Clock clock;

    Assignments(JdbcClient jdbc, Drivers drivers, Vehicles vehicles, Clock clock) {
        this.jdbc = jdbc;
        this.drivers = drivers;
        this.vehicles = vehicles;
        this.clock = clock;
    }

    /**
     * Assigns a driver to a vehicle from a day on (today when null). Both must be active and within
     * the scope (404 otherwise). A new primary driver ends the previous one's assignment the day
     * before; changing a driver between primary and co-driver ends his old assignment likewise.
     *
     * @throws InvalidInputException when the pair is already assigned, or the day lies before the
     *     current primary driver's first day
     */
    @Transactional
    public long assign(DataScope scope, long driverId, long vehicleId, boolean primary, LocalDate startsOn) {
        Driver driver = drivers.get(scope, driverId);
        VehicleDetails vehicle = vehicles.get(scope, vehicleId);
        LocalDate from = startsOn == null ? LocalDate.now(clock) : startsOn;
        List<Violation> v = new ArrayList<>();
        if (!driver.active()) {
            v.add(new Violation("driverId", "assignment.driver.inactive"));
        }
        if (!vehicle.active()) {
            v.add(new Violation("vehicleId", "assignment.vehicle.inactive"));
        }
        Optional<Assignment> open = current(vehicleId).stream()
                .filter(a -> a.driverId() == driverId)
                .findFirst();
        if (open.isPresent() && open.get().primary() == primary) {
            v.add(new Violation("driverId", "assignment.exists"));
        }
        Optional<Assignment> currentPrimary = primary ? currentPrimary(vehicleId) : Optional.empty();
        if (currentPrimary.isPresent() && from.isBefore(currentPrimary.get().startsOn())) {
            v.add(new Violation("startsOn", "assignment.startsBeforeCurrent"));
        }
        if (open.isPresent() && from.isBefore(open.get().startsOn())) {
            v.add(new Violation("startsOn", "assignment.startsBeforeCurrent"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        // The replaced assignments end the day before (or on their first day, if that is the same).
        LocalDate lastDay = from.minusDays(1);
        open.ifPresent(a -> close(a.id(), lastDay));
        currentPrimary.filter(a -> a.driverId() != driverId).ifPresent(a -> close(a.id(), lastDay));
        return jdbc.sql("""
                        insert into fleet_assignment (driver_id, vehicle_id, primary_driver, starts_on, created_at)
                        values (:driver, :vehicle, :primary, :from, now()) returning id
                        """)
                .param("driver", driverId)
                .param("vehicle", vehicleId)
                .param("primary", primary)
                .param("from", Date.valueOf(from))
                .query(Long.class)
                .single();
    }

    /**
     * Makes each driver the primary driver of a vehicle registered in the same transaction (an
     * import of vehicles), from a day on. New vehicles have no assignments to end; the caller checked
     * that the drivers exist, are active and lie within its scope.
     *
     * @param driverOfVehicle the driver's id by the new vehicle's id
     */
    void assignPrimariesOfNewVehicles(Map<Long, Long> driverOfVehicle, LocalDate startsOn) {
        List<Map.Entry<Long, Long>> pairs = List.copyOf(driverOfVehicle.entrySet());
        for (int from = 0; from < pairs.size(); from += 500) {
            List<Map.Entry<Long, Long>> chunk = pairs.subList(from, Math.min(from + 500, pairs.size()));
            var sql = new StringBuilder(
                    "insert into fleet_assignment (driver_id, vehicle_id, primary_driver, starts_on, created_at) values ");
            var params = new MapSqlParameterSource("from", Date.valueOf(startsOn));
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append("(:driver")
                        .append(i)
                        .append(", :vehicle")
                        .append(i)
                        .append(", true, :from, now())");
                params.addValue("driver" + i, chunk.get(i).getValue());
                params.addValue("vehicle" + i, chunk.get(i).getKey());
            }
            jdbc.sql(sql.toString()).paramSource(params).update();
        }
    }

    /** Ends an open assignment on a day (today when null); the record stays as history. */
    @Transactional
    public void end(DataScope scope, long assignmentId, LocalDate endsOn) {
        Assignment assignment = get(scope, assignmentId);
        LocalDate to = endsOn == null ? LocalDate.now(clock) : endsOn;
        if (assignment.endsOn() != null) {
            throw InvalidInputException.of("endsOn", "assignment.alreadyEnded");
        }
        if (to.isBefore(assignment.startsOn())) {
            throw InvalidInputException.of("endsOn", "assignment.endsBeforeStart");
        }
        close(assignmentId, to);
    }

    /** The assignment, if its vehicle lies within the scope. */
    public Optional<Assignment> find(DataScope scope, long id) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", id)
                .query(Assignments::map)
                .optional()
                .filter(a -> vehicles.find(scope, a.vehicleId()).isPresent());
    }

    public Assignment get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new RecordNotFoundException("assignment", id));
    }

    /** The vehicle's assignments, open ones first, then newest first. */
    public List<Assignment> ofVehicle(DataScope scope, long vehicleId) {
        vehicles.get(scope, vehicleId);
        return jdbc.sql(SELECT + " where a.vehicle_id = :id" + ORDER)
                .param("id", vehicleId)
                .query(Assignments::map)
                .list();
    }

    /** The driver's assignments, open ones first, then newest first. */
    public List<Assignment> ofDriver(DataScope scope, long driverId) {
        drivers.get(scope, driverId);
        return jdbc.sql(SELECT + " where a.driver_id = :id" + ORDER)
                .param("id", driverId)
                .query(Assignments::map)
                .list();
    }

    /** The vehicle's current primary driver's assignment, whoever asks (e.g. to name the driver of an alarm). */
    public Optional<Assignment> currentPrimary(long vehicleId) {
        return current(vehicleId).stream().filter(Assignment::primary).findFirst();
    }

    private List<Assignment> current(long vehicleId) {
        return jdbc.sql(SELECT + " where a.vehicle_id = :id and a.ends_on is null")
                .param("id", vehicleId)
                .query(Assignments::map)
                .list();
    }

    private void close(long id, LocalDate endsOn) {
        jdbc.sql("update fleet_assignment set ends_on = greatest(starts_on, :to) where id = :id")
                .param("to", Date.valueOf(endsOn))
                .param("id", id)
                .update();
    }

    private static final String ORDER = " order by (a.ends_on is null) desc, a.starts_on desc, a.id desc";

    private static Assignment map(ResultSet rs, int row) throws SQLException {
        return new Assignment(
                rs.getLong("id"),
                rs.getLong("driver_id"),
                rs.getString("driver_name"),
                rs.getLong("vehicle_id"),
                rs.getString("plate"),
                rs.getBoolean("primary_driver"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class));
    }

    /**
     * A driver on a vehicle from a day, until a day (inclusive) or open.
     *
     * @param primary the vehicle's primary driver (主驾), not a co-driver
     */
    public record Assignment(
            long id,
            long driverId,
            String driverName,
            long vehicleId,
            String plate,
            boolean primary,
            LocalDate startsOn,
            LocalDate endsOn) {

        public boolean open() {
            return endsOn == null;
        }
    }
}
