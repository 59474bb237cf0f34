package org.redwheel.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.safety.SpeedZone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The speed zones drawn on the map. The limit for a fix comes first from the zones containing it
 * (DOMAIN.md §2), so every change is handed to the listeners, the running {@link SafetyMonitor},
 * once it is committed. Zones are deactivated, never deleted: alarms name them.
 */
@Service
class SpeedZones {

    static final int MIN_LIMIT_KMH = 5;
    static final int MAX_LIMIT_KMH = 130;
    static final double MIN_WIDTH_M = 5;
    static final double MAX_WIDTH_M = 2000;
    static final int MAX_VERTICES = 500;
    // China's range for a valid fix (DOMAIN.md §3).
    static final double LAT_MIN = 3.85;
    static final double LAT_MAX = 53.55;
    static final double LON_MIN = 73.55;
    static final double LON_MAX = 135.083;

    private static final int NAME_LIMIT = 60;
    private static final int NOTE_LIMIT = 500;
    private static final TypeReference<List<SpeedZoneData.Vertex>> VERTICES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    SpeedZones(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Called (on the committing thread) after zones changed. */
    void whenChanged(Runnable listener) {
        listeners.add(listener);
    }

    /** Zones by name; the inactive ones too when asked. */
    List<DrawnSpeedZone> list(boolean includeInactive) {
        return jdbc.sql("select * from monitoring_speed_zone" + (includeInactive ? "" : " where active")
                        + " order by active desc, name, id")
                .query(this::map)
                .list();
    }

    Optional<DrawnSpeedZone> find(long id) {
        return jdbc.sql("select * from monitoring_speed_zone where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    DrawnSpeedZone get(long id) {
        return find(id).orElseThrow(() -> new RecordNotFoundException("speed zone", id));
    }

    /** The active zones as the engine takes them. */
    List<SpeedZone> engineZones() {
        return list(false).stream().map(DrawnSpeedZone::toEngine).toList();
    }

    /** Stores a new zone after checking every field; nothing is stored when any is wrong. */
    @Transactional
    long create(SpeedZoneData data, String actor) {
        Valid zone = validate(data, -1, true);
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into monitoring_speed_zone
                            (name, limit_kmh, kind, vertices, width_m, note, created_by, created_at, updated_by, updated_at)
                        values (:name, :limit, :kind, cast(:vertices as jsonb), :width, :note, :actor, :now, :actor, :now)
                        returning id
                        """)
                .param("name", zone.name)
                .param("limit", zone.limitKmh)
                .param("kind", zone.kind.name())
                .param("vertices", json.writeValueAsString(zone.vertices))
                .param("width", zone.widthM)
                .param("note", zone.note)
                .param("actor", actor)
                .param("now", now)
                .query(Long.class)
                .single();
        changed();
        return id;
    }

    /** Changes a zone's outline, limit, name or note. */
    @Transactional
    void update(long id, SpeedZoneData data, String actor) {
        DrawnSpeedZone existing = get(id);
        Valid zone = validate(data, id, existing.active());
        jdbc.sql("""
                        update monitoring_speed_zone set name = :name, limit_kmh = :limit, kind = :kind,
                            vertices = cast(:vertices as jsonb), width_m = :width, note = :note,
                            updated_by = :actor, updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("name", zone.name)
                .param("limit", zone.limitKmh)
                .param("kind", zone.kind.name())
                .param("vertices", json.writeValueAsString(zone.vertices))
                .param("width", zone.widthM)
                .param("note", zone.note)
                .param("actor", actor)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        changed();
    }

    /** Deactivates a zone (the engine stops applying it) or brings it back. */
    @Transactional
    void setActive(long id, boolean active, String actor) {
        DrawnSpeedZone zone = get(id);
        if (zone.active() == active) {
            return;
        }
        if (active && nameTaken(zone.name(), id)) {
            throw InvalidInputException.of("name", "speedZone.name.taken");
        }
        jdbc.sql("""
                        update monitoring_speed_zone set active = :active, updated_by = :actor, updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("active", active)
                .param("actor", actor)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        changed();
    }

    /** The checked and normalised fields of a zone. */
    private record Valid(
            String name,
            int limitKmh,
            SpeedZoneKind kind,
            List<SpeedZoneData.Vertex> vertices,
            Double widthM,
            String note) {}

    /**
     * @param self the zone being changed (its own name is not taken), -1 for a new one
     * @param uniqueName whether the name must differ from the other active zones' (an inactive zone's
     *     need not)
     */
    private Valid validate(SpeedZoneData data, long self, boolean uniqueName) {
        List<Violation> v = new ArrayList<>();
        String name = data.name() == null ? "" : data.name().strip();
        if (name.isEmpty()) {
            v.add(new Violation("name", "validation.required"));
        } else if (name.length() > NAME_LIMIT) {
            v.add(new Violation("name", "validation.tooLong"));
        } else if (uniqueName && nameTaken(name, self)) {
            v.add(new Violation("name", "speedZone.name.taken"));
        }
        if (data.limitKmh() == null) {
            v.add(new Violation("limitKmh", "validation.required"));
        } else if (data.limitKmh() < MIN_LIMIT_KMH || data.limitKmh() > MAX_LIMIT_KMH) {
            v.add(new Violation("limitKmh", "speedZone.limit.range"));
        }
        SpeedZoneKind kind = null;
        if (data.kind() == null || data.kind().isBlank()) {
            v.add(new Violation("kind", "validation.required"));
        } else {
            try {
                kind = SpeedZoneKind.valueOf(data.kind().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add(new Violation("kind", "speedZone.kind.invalid"));
            }
        }
        List<SpeedZoneData.Vertex> vertices = data.vertices() == null ? List.of() : data.vertices();
        if (kind == SpeedZoneKind.POLYGON && vertices.size() < 3) {
            v.add(new Violation("vertices", "speedZone.vertices.polygon"));
        } else if (kind == SpeedZoneKind.CORRIDOR && vertices.size() < 2) {
            v.add(new Violation("vertices", "speedZone.vertices.corridor"));
        } else if (vertices.size() > MAX_VERTICES) {
            v.add(new Violation("vertices", "speedZone.vertices.tooMany"));
        } else if (vertices.stream().anyMatch(p -> !inChina(p))) {
            v.add(new Violation("vertices", "speedZone.vertices.range"));
        }
        Double width = null;
        if (kind == SpeedZoneKind.CORRIDOR) {
            width = data.widthM();
            if (width == null) {
                v.add(new Violation("widthM", "validation.required"));
            } else if (!(width >= MIN_WIDTH_M && width <= MAX_WIDTH_M)) {
                v.add(new Violation("widthM", "speedZone.width.range"));
            }
        }
        String note = data.note() == null || data.note().isBlank()
                ? null
                : data.note().strip();
        if (note != null && note.length() > NOTE_LIMIT) {
            v.add(new Violation("note", "validation.tooLong"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        List<SpeedZoneData.Vertex> points = vertices.stream()
                .map(p -> new SpeedZoneData.Vertex(round(p.lat()), round(p.lon())))
                .toList();
        Valid valid = new Valid(name, data.limitKmh(), kind, points, width, note);
        try {
            new DrawnSpeedZone(0, name, valid.limitKmh, kind, points, width, true, note, null, null, null, null)
                    .toEngine();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("vertices", "speedZone.vertices.invalid");
        }
        return valid;
    }

    private static boolean inChina(SpeedZoneData.Vertex p) {
        return p != null
                && p.lat() != null
                && p.lon() != null
                && p.lat() >= LAT_MIN
                && p.lat() <= LAT_MAX
                && p.lon() >= LON_MIN
                && p.lon() <= LON_MAX;
    }

    /** Seven decimals: about a centimetre, more than a click on the map can mean. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    private boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("select count(*) from monitoring_speed_zone where active and name = :name and id <> :id")
                        .param("name", name)
                        .param("id", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void changed() {
        Runnable notify = () -> listeners.forEach(Runnable::run);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    notify.run();
                }
            });
        } else {
            notify.run();
        }
    }

    private DrawnSpeedZone map(ResultSet rs, int row) throws SQLException {
        double width = rs.getDouble("width_m");
        Double widthM = rs.wasNull() ? null : width;
        return new DrawnSpeedZone(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getInt("limit_kmh"),
                SpeedZoneKind.valueOf(rs.getString("kind")),
                json.readValue(rs.getString("vertices"), VERTICES),
                widthM,
                rs.getBoolean("active"),
                rs.getString("note"),
                rs.getString("created_by"),
                SqlRows.instant(rs, "created_at"),
                rs.getString("updated_by"),
                SqlRows.instant(rs, "updated_at"));
    }
}
