package org.redwheel.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.Page;
import org.redwheel.PageRequest;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.identity.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The JT/T 808 terminals of the registry: their numbers, device ids, models, protocol versions,
 * SIM cards and the vehicles they are fitted to. A terminal follows its vehicle's scope; one in
 * stock (no vehicle) only the county sees. A changed number or a deactivation forgets the
 * authentication code, so the terminal must register again.
 */
@Service
public class Terminals {

    public static final Map<String, String> SORTS = Map.of(
            "phone", "t.phone",
            "plate", "v.plate",
            "protocolVersion", "t.protocol_version",
            "registeredAt", "t.registered_at",
            "createdAt", "t.created_at");

    public static final List<String> PROTOCOL_VERSIONS = List.of("V2011", "V2013", "V2019");

    /** Rows of one multi-row insert, and values of one {@code in} list. */
    private static final int INSERT_ROWS = 500;

    private static final int CHUNK = 1000;

    private static final String SELECT = """
            select t.*, v.plate, v.enterprise_id
            from fleet_terminal t left join fleet_vehicle v on v.id = t.vehicle_id
            """;

    private final JdbcClient jdbc;
    private final FleetScopes scopes;
    private final Clock clock;

    Terminals(JdbcClient jdbc, FleetScopes scopes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
    }

    /**
     * Terminals within the scope.
     *
     * @param q part of the number, device id or plate
     * @param bound fitted to a vehicle (true) or in stock (false); null for both
     * @param active active (true), deactivated (false) or both (null)
     */
    public Page<TerminalDetails> search(DataScope scope, String q, Boolean bound, Boolean active, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        List<String> clauses = new ArrayList<>();
        FleetScopes.Condition condition = scopes.vehicles(scope, "v");
        clauses.add(condition.sql());
        params.putAll(condition.params());
        if (q != null && !q.isBlank()) {
            clauses.add("(t.phone like :q or t.device_id ilike :q or v.plate ilike :q)");
            params.put(
                    "q",
                    "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (bound != null) {
            clauses.add(bound ? "t.vehicle_id is not null" : "t.vehicle_id is null");
        }
        if (active != null) {
            clauses.add(active ? "t.active" : "not t.active");
        }
        String where = " where " + String.join(" and ", clauses);
        long total = jdbc.sql("select count(*) from fleet_terminal t left join fleet_vehicle v on v.id = t.vehicle_id"
                        + where)
                .params(params)
                .query(Long.class)
                .single();
        List<TerminalDetails> content = jdbc.sql(
                        SELECT + where + page.orderBy(SORTS, "phone", "t.id") + " offset :offset limit :limit")
                .params(params)
                .param("offset", page.offset())
                .param("limit", page.size())
                .query(Terminals::map)
                .list();
        return new Page<>(content, page.page(), page.size(), total);
    }

    public Optional<TerminalDetails> find(DataScope scope, long id) {
        FleetScopes.Condition condition = scopes.vehicles(scope, "v");
        return jdbc.sql(SELECT + " where t.id = :id and " + condition.sql())
                .params(condition.params())
                .param("id", id)
                .query(Terminals::map)
                .optional();
    }

    public TerminalDetails get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new RecordNotFoundException("terminal", id));
    }

    /** Every violation of the terminal's data, for a new one ({@code id} null) or a change. */
    public List<Violation> check(DataScope scope, TerminalData data, Long id) {
        return violations(scope, clean(data), id);
    }

    /**
     * Registers a terminal; the gateway accepts its registration from then on.
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    @Transactional
    public long create(DataScope scope, TerminalData data) {
        TerminalData d = clean(data);
        List<Violation> v = violations(scope, d, null);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return jdbc.sql("""
                        insert into fleet_terminal (phone, device_id, model, protocol_version, sim, vehicle_id,
                                                    created_at, updated_at)
                        values (:phone, :device, :model, :version, :sim, :vehicle, :now, :now) returning id
                        """)
                .params(columns(d))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** Changes a terminal; a new number forgets the authentication code (the terminal registers anew). */
    @Transactional
    public void update(DataScope scope, long id, TerminalData data) {
        TerminalDetails before = get(scope, id);
        TerminalData d = clean(data);
        List<Violation> v = violations(scope, d, id);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        boolean newNumber = !d.phone().equals(before.phone());
        jdbc.sql("""
                        update fleet_terminal set phone = :phone, device_id = :device, model = :model,
                            protocol_version = :version, sim = :sim, vehicle_id = :vehicle, updated_at = :now
                        """ + (newNumber ? ", auth_code = null, registered_at = null" : "") + " where id = :id")
                .params(columns(d))
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Deactivates a terminal: the gateway refuses it from now on, and it is taken off its vehicle
     * (which can then be fitted with another). Reactivating puts it back in stock.
     */
    @Transactional
    public void setActive(DataScope scope, long id, boolean active) {
        get(scope, id);
        jdbc.sql("update fleet_terminal set active = :active, updated_at = :now"
                        + (active ? "" : ", auth_code = null, vehicle_id = null") + " where id = :id")
                .param("active", active)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /**
     * Checks terminals to be fitted to vehicles registered with them (an import of vehicles with
     * their terminals), for a whole batch at once: the terminal's own rules, its number against the
     * registered ones and, as the import asks, its device id against the registered ones. The
     * vehicle is not checked (it does not exist yet). Duplicates inside the batch are the caller's
     * to find.
     *
     * @return the violations of each terminal, in order (empty for a good one)
     */
    public List<List<Violation>> checkNewOnNewVehicles(List<TerminalData> batch) {
        List<TerminalData> clean = batch.stream().map(Terminals::clean).toList();
        Set<String> takenPhones =
                existing("phone", clean.stream().map(TerminalData::phone).toList());
        Set<String> takenDevices =
                existing("device_id", clean.stream().map(TerminalData::deviceId).toList());
        List<List<Violation>> result = new ArrayList<>(clean.size());
        for (TerminalData d : clean) {
            List<Violation> v = violations(d, takenPhones::contains);
            if (d.deviceId() != null
                    && v.stream().noneMatch(x -> x.field().equals("deviceId"))
                    && takenDevices.contains(d.deviceId())) {
                v.add(new Violation("deviceId", "fleetImport.deviceIdTaken"));
            }
            result.add(v);
        }
        return result;
    }

    /**
     * Inserts terminals that {@link #checkNewOnNewVehicles} found good, each fitted to its vehicle,
     * with multi-row inserts. Only for a caller that checked them in the same transaction.
     */
    void insertAll(List<TerminalData> batch) {
        List<TerminalData> clean = batch.stream().map(Terminals::clean).toList();
        var now = Timestamp.from(clock.instant());
        for (int from = 0; from < clean.size(); from += INSERT_ROWS) {
            List<TerminalData> chunk = clean.subList(from, Math.min(from + INSERT_ROWS, clean.size()));
            var sql = new StringBuilder(
                    "insert into fleet_terminal (phone, device_id, model, protocol_version, sim, vehicle_id,"
                            + " created_at, updated_at) values ");
            var params = new MapSqlParameterSource("now", now);
            for (int i = 0; i < chunk.size(); i++) {
                TerminalData d = chunk.get(i);
                String p = "r" + i + "_";
                sql.append(i == 0 ? "(" : ", (");
                bind(sql, params, p + "phone", d.phone(), Types.VARCHAR);
                bind(sql, params, p + "device", d.deviceId(), Types.VARCHAR);
                bind(sql, params, p + "model", d.model(), Types.VARCHAR);
                bind(sql, params, p + "version", d.protocolVersion(), Types.VARCHAR);
                bind(sql, params, p + "sim", d.sim(), Types.VARCHAR);
                bind(sql, params, p + "vehicle", d.vehicleId(), Types.BIGINT);
                sql.append(":now, :now)");
            }
            jdbc.sql(sql.toString()).paramSource(params).update();
        }
    }

    /** The terminals fitted to these vehicles, by vehicle id (the caller has the vehicles from a scoped read). */
    public Map<Long, TerminalDetails> ofVehicles(Collection<Long> vehicleIds) {
        List<Long> ids = vehicleIds.stream().distinct().toList();
        Map<Long, TerminalDetails> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql(SELECT + " where t.vehicle_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
                    .query(Terminals::map)
                    .list()
                    .forEach(t -> found.put(t.vehicleId(), t));
        }
        return found;
    }

    private static void bind(StringBuilder sql, MapSqlParameterSource params, String name, Object value, int type) {
        sql.append(':').append(name).append(", ");
        params.addValue(name, value, type);
    }

    private static TerminalData clean(TerminalData d) {
        return new TerminalData(
                FleetRegistry.normalizePhone(
                        d.phone() == null ? null : d.phone().replaceAll("\\s", "")),
                trim(d.deviceId()) == null ? null : d.deviceId().trim().toUpperCase(),
                trim(d.model()),
                trim(d.protocolVersion()),
                trim(d.sim()) == null ? null : d.sim().replaceAll("\\s", "").toUpperCase(),
                d.vehicleId());
    }

    private List<Violation> violations(DataScope scope, TerminalData d, Long id) {
        List<Violation> v = violations(
                d,
                phone ->
                        count("select count(*) from fleet_terminal where phone = :value and id <> :id", phone, id) > 0);
        if (d.vehicleId() == null) {
            if (!scope.isCounty()) {
                v.add(new Violation("vehicleId", "terminal.vehicle.required"));
            }
        } else {
            FleetScopes.Condition condition = scopes.vehicles(scope, "v");
            boolean visible = jdbc.sql("select count(*) from fleet_vehicle v where v.id = :vehicle and v.active and "
                                    + condition.sql())
                            .params(condition.params())
                            .param("vehicle", d.vehicleId())
                            .query(Long.class)
                            .single()
                    > 0;
            if (!visible) {
                v.add(new Violation("vehicleId", "validation.unknownReference"));
            } else if (count(
                            "select count(*) from fleet_terminal where vehicle_id = :value and id <> :id",
                            d.vehicleId(),
                            id)
                    > 0) {
                v.add(new Violation("vehicleId", "terminal.vehicle.hasTerminal"));
            }
        }
        return v;
    }

    /** The rules of the terminal itself: its number (and whether another terminal has it), id, model, SIM. */
    private static List<Violation> violations(TerminalData d, Predicate<String> phoneTaken) {
        List<Violation> v = new ArrayList<>();
        boolean v2019 = "V2019".equals(d.protocolVersion());
        if (d.protocolVersion() == null || !PROTOCOL_VERSIONS.contains(d.protocolVersion())) {
            v.add(new Violation("protocolVersion", "terminal.protocolVersion.invalid"));
        }
        if (d.phone() == null) {
            v.add(new Violation("phone", "terminal.phone.format"));
        } else if (d.phone().length() > (v2019 ? 20 : 12)) {
            v.add(new Violation("phone", "terminal.phone.tooLong"));
        } else if (phoneTaken.test(d.phone())) {
            v.add(new Violation("phone", "terminal.phone.taken"));
        }
        if (d.deviceId() != null && !d.deviceId().matches(v2019 ? "[0-9A-Z]{1,30}" : "[0-9A-Z]{1,7}")) {
            v.add(new Violation("deviceId", "terminal.deviceId.format"));
        }
        if (d.model() != null && d.model().length() > (v2019 ? 30 : 20)) {
            v.add(new Violation("model", "validation.tooLong"));
        }
        if (d.sim() != null && !d.sim().matches("[0-9A-F]{11,20}")) {
            v.add(new Violation("sim", "terminal.sim.format"));
        }
        return v;
    }

    /** Which of the values a column of fleet_terminal already holds, asked in chunks. */
    private Set<String> existing(String column, List<String> values) {
        List<String> wanted =
                values.stream().filter(Objects::nonNull).distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            found.addAll(jdbc.sql("select " + column + " from fleet_terminal where " + column + " in (:values)")
                    .param("values", wanted.subList(from, Math.min(from + CHUNK, wanted.size())))
                    .query(String.class)
                    .list());
        }
        return found;
    }

    private long count(String sql, Object value, Long id) {
        return jdbc.sql(sql)
                .param("value", value)
                .param("id", id == null ? -1L : id)
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> columns(TerminalData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("phone", d.phone());
        p.put("device", d.deviceId());
        p.put("model", d.model());
        p.put("version", d.protocolVersion());
        p.put("sim", d.sim());
        p.put("vehicle", d.vehicleId());
        return p;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static TerminalDetails map(ResultSet rs, int row) throws SQLException {
        return new TerminalDetails(
                rs.getLong("id"),
                rs.getString("phone"),
                rs.getString("device_id"),
                rs.getString("model"),
                rs.getString("protocol_version"),
                rs.getString("sim"),
                SqlRows.nullableLong(rs, "vehicle_id"),
                rs.getString("plate"),
                SqlRows.nullableLong(rs, "enterprise_id"),
                SqlRows.instant(rs, "registered_at"),
                rs.getBoolean("active"),
                SqlRows.instant(rs, "created_at"),
                SqlRows.instant(rs, "updated_at"));
    }
}
