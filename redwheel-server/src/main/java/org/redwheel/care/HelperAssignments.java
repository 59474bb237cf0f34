package org.redwheel.care;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.fleet.Driver;
import org.redwheel.identity.DataScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which helper cares for which driver (结对帮扶). Each driver has at most one helper at a time. The
 * platform suggests one by village (the helper of the driver's village with the fewest drivers);
 * the village organisation, or the county office, confirms it. A reassignment ends the current
 * pairing and starts a new one that names the previous helper and the reason: the history stays.
 */
@Service
public class HelperAssignments {

    private static final int MAX_REASON = 200;

    private static final String SELECT = """
            select a.*, h.name as helper_name, p.name as previous_helper_name
            from care_assignment a
            join care_helper h on h.id = a.helper_id
            left join care_helper p on p.id = a.previous_helper_id
            """;

    private final JdbcClient jdbc;
    private final Helpers helpers;
    private final CareDrivers drivers;
    private final Clock clock;

    HelperAssignments(JdbcClient jdbc, Helpers helpers, CareDrivers drivers, Clock clock) {
        this.jdbc = jdbc;
        this.helpers = helpers;
        this.drivers = drivers;
        this.clock = clock;
    }

    /** The driver's pairing now, if he has one. */
    public Optional<HelperAssignment> current(long driverId) {
        return jdbc.sql(SELECT + " where a.driver_id = :driver and a.ends_on is null")
                .param("driver", driverId)
                .query(HelperAssignments::map)
                .optional();
    }

    /** The driver's pairings, newest first; the driver must lie within the scope. */
    public List<HelperAssignment> history(DataScope scope, long driverId) {
        drivers.find(scope, driverId).orElseThrow(() -> new RecordNotFoundException("driver", driverId));
        return jdbc.sql(SELECT + " where a.driver_id = :driver order by a.starts_on desc, a.id desc")
                .param("driver", driverId)
                .query(HelperAssignments::map)
                .list();
    }

    /** The drivers a helper cares for now. */
    public List<Long> driversOf(long helperId) {
        return jdbc.sql("""
                        select driver_id from care_assignment where helper_id = :helper and ends_on is null
                        order by starts_on, id
                        """).param("helper", helperId).query(Long.class).list();
    }

    /** Whether the helper cares for the driver now. */
    public boolean caresFor(long helperId, long driverId) {
        return current(driverId).map(a -> a.helperId() == helperId).orElse(false);
    }

    /** Every driver with a helper now, and who. */
    public Map<Long, Long> currentHelpers() {
        Map<Long, Long> helperByDriver = new HashMap<>();
        jdbc.sql("select driver_id, helper_id from care_assignment where ends_on is null")
                .query(rs -> {
                    helperByDriver.put(rs.getLong("driver_id"), rs.getLong("helper_id"));
                });
        return helperByDriver;
    }

    /** The pairings that may still count on or after the day (current ones and those ended since). */
    List<ThreeOnesCompliance.Pairing> pairingsSince(LocalDate day) {
        return jdbc.sql("""
                        select helper_id, driver_id, starts_on, ends_on from care_assignment
                        where ends_on is null or ends_on > :day
                        """)
                .param("day", Date.valueOf(day))
                .query((rs, n) -> new ThreeOnesCompliance.Pairing(
                        rs.getLong("helper_id"),
                        rs.getLong("driver_id"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .list();
    }

    /** The helper the platform suggests for the driver: of his village, the one with the fewest drivers. */
    public Optional<Helper> suggest(long driverId) {
        Driver driver = drivers.any(driverId).orElseThrow(() -> new RecordNotFoundException("driver", driverId));
        if (driver.villageId() == null) {
            return Optional.empty();
        }
        return helpers.list(DataScope.county(), null, driver.villageId(), null, false).stream()
                .min(Comparator.comparingInt(Helper::drivers).thenComparingLong(Helper::id));
    }

    /**
     * The active drivers within the scope who have no helper, each with the suggested one. Within a
     * village the suggestions are spread: each suggestion counts as a driver of that helper for the
     * next.
     */
    public List<Unassigned> unassigned(DataScope scope, Long villageId) {
        Set<Long> paired = currentHelpers().keySet();
        List<Driver> open = drivers.active(scope, villageId, null).stream()
                .filter(d -> !paired.contains(d.id()))
                .toList();
        Map<Long, List<Helper>> byVillage = helpers.list(DataScope.county(), null, villageId, null, false).stream()
                .collect(Collectors.groupingBy(Helper::villageId));
        Map<Long, Integer> load = new HashMap<>();
        List<Unassigned> result = new ArrayList<>();
        for (Driver d : open) {
            Helper best = null;
            for (Helper h :
                    d.villageId() == null ? List.<Helper>of() : byVillage.getOrDefault(d.villageId(), List.of())) {
                int count = load.getOrDefault(h.id(), h.drivers());
                int bestCount = best == null ? Integer.MAX_VALUE : load.getOrDefault(best.id(), best.drivers());
                if (count < bestCount || (count == bestCount && h.id() < best.id())) {
                    best = h;
                }
            }
            if (best != null) {
                load.merge(best.id(), best.drivers() + 1, (old, init) -> old + 1);
            }
            result.add(new Unassigned(d, best));
        }
        return result;
    }

    /**
     * Pairs the driver with the helper from a day on (today when null), or reassigns him: the
     * current pairing then ends that day and the new one names the previous helper and the reason,
     * which a reassignment requires. Both must be active and within the scope (404 otherwise).
     *
     * @param actor who confirmed it (the village organisation's or the office's user)
     * @throws InvalidInputException naming every wrong field; nothing is changed then
     */
    @Transactional
    public long assign(DataScope scope, long driverId, long helperId, LocalDate startsOn, String reason, String actor) {
        Driver driver =
                drivers.find(scope, driverId).orElseThrow(() -> new RecordNotFoundException("driver", driverId));
        Helper helper = helpers.get(scope, helperId);
        LocalDate today = new ThreeOnesCompliance(clock).today();
        LocalDate from = startsOn == null ? today : startsOn;
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        Optional<HelperAssignment> current = current(driverId);
        List<Violation> v = new ArrayList<>();
        if (!driver.active()) {
            v.add(new Violation("driverId", "care.assignment.driverInactive"));
        }
        if (!helper.active()) {
            v.add(new Violation("helperId", "care.assignment.helperInactive"));
        }
        if (from.isAfter(today)) {
            v.add(new Violation("startsOn", "validation.notInFuture"));
        }
        if (current.isPresent()) {
            if (current.get().helperId() == helperId) {
                v.add(new Violation("helperId", "care.assignment.same"));
            }
            if (from.isBefore(current.get().startsOn())) {
                v.add(new Violation("startsOn", "care.assignment.beforeCurrent"));
            }
            if (why == null) {
                v.add(new Violation("reason", "care.assignment.reasonRequired"));
            }
        }
        if (why != null && why.length() > MAX_REASON) {
            v.add(new Violation("reason", "validation.tooLong"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Instant now = clock.instant();
        current.ifPresent(c -> end(c.id(), from, actor, now));
        try {
            return insert(
                    driverId,
                    helperId,
                    from,
                    current.map(HelperAssignment::helperId).orElse(null),
                    why,
                    actor,
                    now);
        } catch (DuplicateKeyException e) {
            // Somebody paired the driver at the same moment: one current pairing per driver holds.
            throw InvalidInputException.of("driverId", "care.assignment.concurrent");
        }
    }

    private long insert(
            long driverId,
            long helperId,
            LocalDate from,
            Long previousHelperId,
            String why,
            String actor,
            Instant now) {
        return jdbc.sql("""
                        insert into care_assignment
                            (driver_id, helper_id, starts_on, previous_helper_id, reason, confirmed_by, confirmed_at)
                        values (:driver, :helper, :from, :previous, :reason, :actor, :now) returning id
                        """)
                .param("driver", driverId)
                .param("helper", helperId)
                .param("from", Date.valueOf(from))
                .param("previous", previousHelperId)
                .param("reason", why)
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /**
     * Ends the driver's pairing today without a successor (he left the county, or stopped driving).
     *
     * @throws InvalidInputException when no reason is given, or he has no helper
     */
    @Transactional
    public void release(DataScope scope, long driverId, String reason, String actor) {
        drivers.find(scope, driverId).orElseThrow(() -> new RecordNotFoundException("driver", driverId));
        HelperAssignment current =
                current(driverId).orElseThrow(() -> InvalidInputException.of("driverId", "care.assignment.none"));
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "care.assignment.reasonRequired");
        }
        if (reason.trim().length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "validation.tooLong");
        }
        LocalDate today = new ThreeOnesCompliance(clock).today();
        LocalDate endsOn = today.isBefore(current.startsOn()) ? current.startsOn() : today;
        jdbc.sql("""
                        update care_assignment set ends_on = :endsOn, ended_by = :actor, ended_at = :now,
                            reason = coalesce(reason || ' / ', '') || :reason
                        where id = :id and ends_on is null
                        """)
                .param("endsOn", Date.valueOf(endsOn))
                .param("actor", actor)
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", reason.trim())
                .param("id", current.id())
                .update();
    }

    private void end(long assignmentId, LocalDate on, String actor, Instant now) {
        jdbc.sql("""
                        update care_assignment set ends_on = :on, ended_by = :actor, ended_at = :now
                        where id = :id and ends_on is null
                        """)
                .param("on", Date.valueOf(on))
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .param("id", assignmentId)
                .update();
    }

    private static HelperAssignment map(ResultSet rs, int row) throws SQLException {
        return new HelperAssignment(
                rs.getLong("id"),
                rs.getLong("driver_id"),
                rs.getLong("helper_id"),
                rs.getString("helper_name"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                SqlRows.nullableLong(rs, "previous_helper_id"),
                rs.getString("previous_helper_name"),
                rs.getString("reason"),
                rs.getString("confirmed_by"),
                SqlRows.instant(rs, "confirmed_at"),
                rs.getString("ended_by"));
    }

    /**
     * A driver's pairing with a helper.
     *
     * @param endsOn the day it ended (the successor's first day); null while it lasts
     * @param previousHelperId the helper he had before, on a reassignment
     * @param reason why he was reassigned (or released)
     */
    public record HelperAssignment(
            long id,
            long driverId,
            long helperId,
            String helperName,
            LocalDate startsOn,
            LocalDate endsOn,
            Long previousHelperId,
            String previousHelperName,
            String reason,
            String confirmedBy,
            Instant confirmedAt,
            String endedBy) {

        public boolean current() {
            return endsOn == null;
        }
    }

    /** A driver without a helper, and the helper suggested for him (null when his village has none). */
    public record Unassigned(Driver driver, Helper suggested) {}
}
