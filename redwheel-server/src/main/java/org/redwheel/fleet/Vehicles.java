package org.redwheel.fleet;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.Page;
import org.redwheel.PageRequest;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.ScopeKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vehicle registry: plates, types, masses and lengths, permits and inspections, within a data
 * scope. {@link #check} validates one vehicle without changing anything, for importers.
 */
@Service
public class Vehicles {

    /** Sort keys the list accepts, mapped to their SQL. Anything else sorts by plate. */
    public static final Map<String, String> SORTS = Map.of(
            "plate", "v.plate",
            "enterprise", "v.enterprise_id",
            "vehicleType", "v.vehicle_type",
            "totalMass", "v.total_mass_kg",
            "length", "v.length_m",
            "inspectionExpiry", "v.inspection_expiry",
            "createdAt", "v.created_at");

    /** Common cargo body lengths (m) that loads ask for (DOMAIN.md §6). */
    public static final List<String> COMMON_LENGTHS = List.of("4.2", "5.2", "6.8", "7.6", "9.6", "13", "13.7", "17.5");

    /** Rows of one multi-row insert, and values of one {@code in} list. */
    private static final int INSERT_ROWS = 500;

    private static final int CHUNK = 1000;

    private static final BigDecimal MIN_LENGTH = new BigDecimal("1.0");
    private static final BigDecimal MAX_LENGTH = new BigDecimal("30.0");

    private static final String SELECT = """
            select v.*, t.id as terminal_id, t.phone as terminal_phone,
                   a.driver_id as primary_driver_id, d.name as primary_driver_name
            from fleet_vehicle v
            left join fleet_terminal t on t.vehicle_id = v.id
            left join fleet_assignment a on a.vehicle_id = v.id and a.primary_driver and a.ends_on is null
            left join fleet_driver d on d.id = a.driver_id
            """;

    private final JdbcClient jdbc;
    private final FleetScopes scopes;
    private final FleetReferences references;
    private final FleetProperties properties;
    private final Clock clock;

    Vehicles(JdbcClient jdbc, FleetScopes scopes, FleetReferences references, FleetProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.references = references;
        this.properties = properties;
        this.clock = clock;
    }

    public Page<VehicleDetails> search(DataScope scope, VehicleFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, params);
        long total = jdbc.sql("select count(*) from (" + SELECT + where + ") counted")
                .params(params)
                .query(Long.class)
                .single();
        var names = references.names();
        List<VehicleDetails> content = jdbc.sql(
                        SELECT + where + page.orderBy(SORTS, "plate", "v.id") + " offset :offset limit :limit")
                .params(params)
                .param("offset", page.offset())
                .param("limit", page.size())
                .query((rs, n) -> map(rs, names))
                .list();
        return new Page<>(content, page.page(), page.size(), total);
    }

    public Optional<VehicleDetails> find(DataScope scope, long id) {
        FleetScopes.Condition condition = scopes.vehicles(scope, "v");
        var names = references.names();
        return jdbc.sql(SELECT + " where v.id = :id and " + condition.sql())
                .params(condition.params())
                .param("id", id)
                .query((rs, n) -> map(rs, names))
                .optional();
    }

    public VehicleDetails get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new RecordNotFoundException("vehicle", id));
    }

    public Optional<VehicleDetails> findByPlate(DataScope scope, String plate) {
        FleetScopes.Condition condition = scopes.vehicles(scope, "v");
        var names = references.names();
        return jdbc.sql(SELECT + " where v.plate = :plate and " + condition.sql())
                .params(condition.params())
                .param("plate", Plates.normalize(plate))
                .query((rs, n) -> map(rs, names))
                .optional();
    }

    /** Every violation of the vehicle's data, for a new one ({@code id} null) or a change. */
    public List<Violation> check(DataScope scope, VehicleData data, Long id) {
        return violations(scope, clean(scope, data), id);
    }

    /**
     * Registers a vehicle within the scope.
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    @Transactional
    public long create(DataScope scope, VehicleData data) {
        VehicleData d = clean(scope, data);
        List<Violation> v = violations(scope, d, null);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return jdbc.sql("""
                        insert into fleet_vehicle
                            (plate, plate_color, vehicle_type, total_mass_kg, length_m, enterprise_id,
                             transport_permit, inspection_expiry, created_at, updated_at)
                        values (:plate, :color, :type, :mass, :length, :enterprise, :permit, :inspection, :now, :now)
                        returning id
                        """)
                .params(columns(d))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    @Transactional
    public void update(DataScope scope, long id, VehicleData data) {
        get(scope, id);
        VehicleData d = clean(scope, data);
        List<Violation> v = violations(scope, d, id);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        jdbc.sql("""
                        update fleet_vehicle set plate = :plate, plate_color = :color, vehicle_type = :type,
                            total_mass_kg = :mass, length_m = :length, enterprise_id = :enterprise,
                            transport_permit = :permit, inspection_expiry = :inspection, updated_at = :now
                        where id = :id
                        """)
                .params(columns(d))
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Deactivates (or reactivates) a vehicle; deactivation ends its open assignments. */
    @Transactional
    public void setActive(DataScope scope, long id, boolean active) {
        get(scope, id);
        jdbc.sql("update fleet_vehicle set active = :active, updated_at = :now where id = :id")
                .param("active", active)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (!active) {
            jdbc.sql("""
                            update fleet_assignment set ends_on = greatest(starts_on, :today)
                            where vehicle_id = :id and ends_on is null
                            """)
                    .param("today", Date.valueOf(LocalDate.now(clock)))
                    .param("id", id)
                    .update();
        }
    }

    /** Active vehicles within the scope for pick lists, by plate. */
    public List<VehicleChoice> choices(DataScope scope) {
        FleetScopes.Condition condition = scopes.vehicles(scope, "v");
        return jdbc.sql("select v.id, v.plate from fleet_vehicle v where v.active and " + condition.sql()
                        + " order by v.plate limit 5000")
                .params(condition.params())
                .query((rs, n) -> new VehicleChoice(rs.getLong("id"), rs.getString("plate")))
                .list();
    }

    /** A vehicle in a pick list. */
    public record VehicleChoice(long id, String plate) {}

    /**
     * Checks new vehicles as {@link #create} would, for a whole batch at once (an import): the
     * database is read once for the plates and once per enterprise, not once per vehicle.
     * Duplicates inside the batch are the caller's to find.
     *
     * @return the violations of each vehicle, in order (empty for a good one)
     */
    public List<List<Violation>> checkNew(DataScope scope, List<VehicleData> batch) {
        List<VehicleData> clean = batch.stream().map(d -> clean(scope, d)).toList();
        Set<String> taken = takenPlates(clean);
        Map<Long, Boolean> active = new HashMap<>();
        Map<Long, Boolean> covered = new HashMap<>();
        Predicate<Long> activeEnterprise = id -> active.computeIfAbsent(id, references::activeEnterprise);
        Predicate<Long> covers = id -> id == null
                ? scopes.covers(scope, null, null)
                : covered.computeIfAbsent(id, key -> scopes.covers(scope, key, null));
        return clean.stream()
                .map(d -> violations(d, taken::contains, activeEnterprise, covers))
                .toList();
    }

    /**
     * Inserts new vehicles that {@link #checkNew} found good, with multi-row inserts. Only for a
     * caller that checked them in the same transaction.
     *
     * @return the new vehicles' ids, in order
     */
    List<Long> insertAll(DataScope scope, List<VehicleData> batch, IntConsumer stored) {
        List<VehicleData> clean = batch.stream().map(d -> clean(scope, d)).toList();
        var now = Timestamp.from(clock.instant());
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < clean.size(); from += INSERT_ROWS) {
            List<VehicleData> chunk = clean.subList(from, Math.min(from + INSERT_ROWS, clean.size()));
            var sql = new StringBuilder("""
                    insert into fleet_vehicle
                        (plate, plate_color, vehicle_type, total_mass_kg, length_m, enterprise_id, transport_permit,
                         inspection_expiry, created_at, updated_at)
                    values\s""");
            var params = new MapSqlParameterSource("now", now);
            for (int i = 0; i < chunk.size(); i++) {
                VehicleData d = chunk.get(i);
                String p = "r" + i + "_";
                sql.append(i == 0 ? "(" : ", (");
                bind(sql, params, p + "plate", d.plate(), Types.VARCHAR);
                bind(sql, params, p + "color", d.plateColor(), Types.SMALLINT);
                bind(sql, params, p + "type", d.vehicleType(), Types.VARCHAR);
                bind(sql, params, p + "mass", d.totalMassKg(), Types.INTEGER);
                bind(sql, params, p + "length", d.lengthM(), Types.NUMERIC);
                bind(sql, params, p + "enterprise", d.enterpriseId(), Types.BIGINT);
                bind(sql, params, p + "permit", d.transportPermit(), Types.VARCHAR);
                bind(
                        sql,
                        params,
                        p + "inspection",
                        d.inspectionExpiry() == null ? null : Date.valueOf(d.inspectionExpiry()),
                        Types.DATE);
                sql.append(":now, :now)");
            }
            jdbc.sql(sql + " returning id, plate")
                    .paramSource(params)
                    .query((rs, n) -> Map.entry(rs.getString("plate"), rs.getLong("id")))
                    .list()
                    .forEach(e -> ids.put(e.getKey(), e.getValue()));
            stored.accept(from + chunk.size());
        }
        return clean.stream().map(d -> ids.get(d.plate())).toList();
    }

    /**
     * The whole filtered list in the requested order, for an export.
     *
     * @param limit at most this many
     */
    public List<VehicleDetails> export(
            DataScope scope, VehicleFilter filter, String sortKey, boolean ascending, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, params);
        var names = references.names();
        return jdbc.sql(SELECT + where + new PageRequest(0, 1, sortKey, ascending).orderBy(SORTS, "plate", "v.id")
                        + " limit :limit")
                .params(params)
                .param("limit", limit)
                .query((rs, n) -> map(rs, names))
                .list();
    }

    private Set<String> takenPlates(List<VehicleData> batch) {
        List<String> plates = batch.stream()
                .map(VehicleData::plate)
                .filter(Plates::isValid)
                .distinct()
                .toList();
        Set<String> taken = new HashSet<>();
        for (int from = 0; from < plates.size(); from += CHUNK) {
            taken.addAll(jdbc.sql("select plate from fleet_vehicle where plate in (:plates)")
                    .param("plates", plates.subList(from, Math.min(from + CHUNK, plates.size())))
                    .query(String.class)
                    .list());
        }
        return taken;
    }

    private static void bind(StringBuilder sql, MapSqlParameterSource params, String name, Object value, int type) {
        sql.append(':').append(name).append(", ");
        params.addValue(name, value, type);
    }

    public LocalDate dueLimit() {
        return LocalDate.now(clock).plusDays(properties.expiryWarningDays());
    }

    private String where(DataScope scope, VehicleFilter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        FleetScopes.Condition condition = scopes.vehicles(scope, "v");
        clauses.add(condition.sql());
        params.putAll(condition.params());
        if (filter.q() != null && !filter.q().isBlank()) {
            clauses.add("(v.plate ilike :q or t.phone like :q or d.name ilike :q)");
            params.put(
                    "q",
                    "%"
                            + filter.q()
                                    .trim()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        if (filter.enterpriseId() != null) {
            clauses.add("v.enterprise_id = :enterpriseId");
            params.put("enterpriseId", filter.enterpriseId());
        }
        if (filter.independent() != null) {
            clauses.add(filter.independent() ? "v.enterprise_id is null" : "v.enterprise_id is not null");
        }
        if (Boolean.TRUE.equals(filter.expiring())) {
            clauses.add("v.inspection_expiry <= :dueLimit");
            params.put("dueLimit", Date.valueOf(dueLimit()));
        }
        if (filter.withTerminal() != null) {
            clauses.add(filter.withTerminal() ? "t.id is not null" : "t.id is null");
        }
        if (filter.active() != null) {
            clauses.add(filter.active() ? "v.active" : "not v.active");
        }
        return " where " + String.join(" and ", clauses);
    }

    private static VehicleData clean(DataScope scope, VehicleData d) {
        Long enterpriseId = d.enterpriseId();
        if (enterpriseId == null && scope.kind() == ScopeKind.ENTERPRISE) {
            enterpriseId = scope.targetId();
        }
        return new VehicleData(
                Plates.normalize(trim(d.plate())),
                d.plateColor(),
                trim(d.vehicleType()),
                d.totalMassKg(),
                plain(d.lengthM()),
                enterpriseId,
                trim(d.transportPermit()) == null
                        ? null
                        : d.transportPermit().replaceAll("\\s", "").toUpperCase(),
                d.inspectionExpiry());
    }

    private List<Violation> violations(DataScope scope, VehicleData d, Long id) {
        return violations(
                d,
                plate -> jdbc.sql("select count(*) from fleet_vehicle where plate = :plate and id <> :id")
                                .param("plate", plate)
                                .param("id", id == null ? -1L : id)
                                .query(Long.class)
                                .single()
                        > 0,
                references::activeEnterprise,
                enterpriseId -> scopes.covers(scope, enterpriseId, null));
    }

    private List<Violation> violations(
            VehicleData d, Predicate<String> plateTaken, Predicate<Long> activeEnterprise, Predicate<Long> covers) {
        List<Violation> v = new ArrayList<>();
        Optional<String> plate = Plates.violation(d.plate());
        if (plate.isPresent()) {
            v.add(new Violation("plate", plate.get()));
        } else if (plateTaken.test(d.plate())) {
            v.add(new Violation("plate", "vehicle.plate.taken"));
        }
        if (!Plates.isColour(d.plateColor())) {
            v.add(new Violation("plateColor", "vehicle.plateColor.invalid"));
        }
        if (d.vehicleType() != null && d.vehicleType().length() > 30) {
            v.add(new Violation("vehicleType", "validation.tooLong"));
        }
        if (d.totalMassKg() != null && (d.totalMassKg() < 1 || d.totalMassKg() > 100_000)) {
            v.add(new Violation("totalMassKg", "vehicle.totalMass.range"));
        }
        if (d.lengthM() != null
                && (d.lengthM().compareTo(MIN_LENGTH) < 0
                        || d.lengthM().compareTo(MAX_LENGTH) > 0
                        || d.lengthM().scale() > 1)) {
            v.add(new Violation("lengthM", "vehicle.length.range"));
        }
        if (d.transportPermit() != null && !d.transportPermit().matches("[0-9A-Z\\u4e00-\\u9fa5]{6,30}")) {
            v.add(new Violation("transportPermit", "vehicle.transportPermit.format"));
        }
        if (d.enterpriseId() != null && !activeEnterprise.test(d.enterpriseId())) {
            v.add(new Violation("enterpriseId", "validation.unknownReference"));
        } else if (!covers.test(d.enterpriseId())) {
            v.add(new Violation("enterpriseId", "fleet.outOfScope"));
        }
        return v;
    }

    private static Map<String, Object> columns(VehicleData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("plate", d.plate());
        p.put("color", d.plateColor());
        p.put("type", d.vehicleType());
        p.put("mass", d.totalMassKg());
        p.put("length", d.lengthM());
        p.put("enterprise", d.enterpriseId());
        p.put("permit", d.transportPermit());
        p.put("inspection", d.inspectionExpiry() == null ? null : Date.valueOf(d.inspectionExpiry()));
        return p;
    }

    /** 13.0 as 13 and 17.50 as 17.5 (never 1E+1). */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static VehicleDetails map(ResultSet rs, FleetReferences.Names names) throws SQLException {
        Long enterpriseId = SqlRows.nullableLong(rs, "enterprise_id");
        int mass = rs.getInt("total_mass_kg");
        Integer totalMass = rs.wasNull() ? null : mass;
        return new VehicleDetails(
                rs.getLong("id"),
                rs.getString("plate"),
                rs.getInt("plate_color"),
                rs.getString("vehicle_type"),
                totalMass,
                plain(rs.getBigDecimal("length_m")),
                enterpriseId,
                names.enterprise(enterpriseId),
                rs.getString("transport_permit"),
                rs.getObject("inspection_expiry", LocalDate.class),
                SqlRows.nullableLong(rs, "terminal_id"),
                rs.getString("terminal_phone"),
                SqlRows.nullableLong(rs, "primary_driver_id"),
                rs.getString("primary_driver_name"),
                rs.getBoolean("active"),
                SqlRows.instant(rs, "created_at"),
                SqlRows.instant(rs, "updated_at"));
    }
}
