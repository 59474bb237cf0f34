package org.redwheel.fleet;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Vehicles and terminals. Reads for people are scoped; the gateway's look-ups are not. */
@Service
public class FleetRegistry {

    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String VEHICLE_SELECT = """
            select v.*, t.id as terminal_id, t.phone as terminal_phone, t.protocol_version
            from fleet_vehicle v left join fleet_terminal t on t.vehicle_id = v.id
            """;

    private final JdbcClient jdbc;
    private final FleetScopes scopes;
    private final Clock clock;

    FleetRegistry(JdbcClient jdbc, FleetScopes scopes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
    }

    /**
     * Registers a vehicle.
     *
     * @throws InvalidInputException for a malformed or duplicate plate; nothing is stored then
     */
    @Transactional
    public long registerVehicle(String plate, int plateColor, String vehicleType, Long enterpriseId) {
        String clean = plate == null ? "" : Plates.normalize(plate.trim());
        List<Violation> v = new ArrayList<>();
        if (!Plates.isValid(clean)) {
            v.add(new Violation("plate", "vehicle.plate.format"));
        } else if (count("select count(*) from fleet_vehicle where plate = :v", clean) > 0) {
            v.add(new Violation("plate", "vehicle.plate.taken"));
        }
        if (!Plates.isColour(plateColor)) {
            v.add(new Violation("plateColor", "validation.range"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return jdbc.sql("""
                        insert into fleet_vehicle (plate, plate_color, vehicle_type, enterprise_id, created_at, updated_at)
                        values (:plate, :color, :type, :enterprise, :now, :now) returning id
                        """)
                .param("plate", clean)
                .param("color", plateColor)
                .param("type", vehicleType)
                .param("enterprise", enterpriseId)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /**
     * Registers a terminal and binds it to a vehicle.
     *
     * @param phone the terminal's number (leading zeros are dropped, as the gateway compares)
     */
    @Transactional
    public long registerTerminal(String phone, String deviceId, String model, String protocolVersion, long vehicleId) {
        String clean = normalizePhone(phone);
        List<Violation> v = new ArrayList<>();
        if (clean == null) {
            v.add(new Violation("phone", "terminal.phone.format"));
        } else if (count("select count(*) from fleet_terminal where phone = :v", clean) > 0) {
            v.add(new Violation("phone", "terminal.phone.taken"));
        }
        if (!List.of("V2011", "V2013", "V2019").contains(protocolVersion)) {
            v.add(new Violation("protocolVersion", "validation.range"));
        }
        if (jdbc.sql("select count(*) from fleet_vehicle where id = :id")
                        .param("id", vehicleId)
                        .query(Long.class)
                        .single()
                == 0) {
            v.add(new Violation("vehicleId", "validation.unknownReference"));
        } else if (jdbc.sql("select count(*) from fleet_terminal where vehicle_id = :id")
                        .param("id", vehicleId)
                        .query(Long.class)
                        .single()
                > 0) {
            v.add(new Violation("vehicleId", "terminal.vehicle.hasTerminal"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return jdbc.sql("""
                        insert into fleet_terminal (phone, device_id, model, protocol_version, vehicle_id, created_at, updated_at)
                        values (:phone, :device, :model, :version, :vehicle, :now, :now) returning id
                        """)
                .param("phone", clean)
                .param("device", deviceId)
                .param("model", model)
                .param("version", protocolVersion)
                .param("vehicle", vehicleId)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** The active terminal with this number, for the gateway. */
    public Optional<Terminal> terminalByPhone(String phone) {
        String clean = normalizePhone(phone);
        if (clean == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select t.*, v.plate, v.enterprise_id from fleet_terminal t
                        left join fleet_vehicle v on v.id = t.vehicle_id
                        where t.phone = :phone and t.active
                        """)
                .param("phone", clean)
                .query(FleetRegistry::mapTerminal)
                .optional();
    }

    /** Issues a new authentication code at registration (0x8100) and remembers the protocol version. */
    @Transactional
    public String issueAuthCode(long terminalId, String protocolVersion) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            code.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        jdbc.sql("""
                        update fleet_terminal set auth_code = :code, protocol_version = :version,
                            registered_at = :now, updated_at = :now where id = :id
                        """)
                .param("code", code.toString())
                .param("version", protocolVersion)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", terminalId)
                .update();
        return code.toString();
    }

    /** Whether the code is the one issued to the terminal (compared in constant time). */
    public boolean authCodeMatches(long terminalId, String code) {
        String issued = jdbc.sql("select auth_code from fleet_terminal where id = :id and active")
                .param("id", terminalId)
                .query(String.class)
                .optional()
                .orElse(null);
        return issued != null && code != null && MessageDigest.isEqual(issued.getBytes(), code.getBytes());
    }

    /** Forgets the authentication code (0x0003 unregistration). */
    @Transactional
    public void revokeAuthCode(long terminalId) {
        jdbc.sql("update fleet_terminal set auth_code = null, updated_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", terminalId)
                .update();
    }

    /** Vehicles within the scope, by plate; {@code q} matches part of the plate or terminal number. */
    public List<Vehicle> vehicles(DataScope scope, String q, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql(VEHICLE_SELECT + " where " + where(scope, q, params)
                        + " order by v.plate offset :offset limit :limit")
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query(FleetRegistry::mapVehicle)
                .list();
    }

    public long countVehicles(DataScope scope, String q) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from fleet_vehicle v left join fleet_terminal t on t.vehicle_id = v.id where "
                        + where(scope, q, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    private String where(DataScope scope, String q, Map<String, Object> params) {
        String where = scopeCondition(scope, params);
        if (q != null && !q.isBlank()) {
            where += " and (v.plate ilike :q or t.phone like :q)";
            params.put(
                    "q",
                    "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where;
    }

    public Optional<Vehicle> vehicle(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        String where = scopeCondition(scope, params);
        params.put("id", id);
        return jdbc.sql(VEHICLE_SELECT + " where v.id = :id and " + where)
                .params(params)
                .query(FleetRegistry::mapVehicle)
                .optional();
    }

    public Vehicle requireVehicle(DataScope scope, long id) {
        return vehicle(scope, id).orElseThrow(() -> new RecordNotFoundException("vehicle", id));
    }

    /** Numbers as terminals send them, without the BCD zero padding; null when not a number. */
    static String normalizePhone(String phone) {
        if (phone == null || !phone.trim().matches("\\d{1,20}")) {
            return null;
        }
        String digits = phone.trim().replaceFirst("^0+(?=\\d)", "");
        return digits.equals("0") ? null : digits;
    }

    private String scopeCondition(DataScope scope, Map<String, Object> params) {
        FleetScopes.Condition condition = scopes.vehicles(scope, "v");
        params.putAll(condition.params());
        return condition.sql();
    }

    private long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    private static Vehicle mapVehicle(ResultSet rs, int row) throws SQLException {
        return new Vehicle(
                rs.getLong("id"),
                rs.getString("plate"),
                rs.getInt("plate_color"),
                rs.getString("vehicle_type"),
                SqlRows.nullableLong(rs, "enterprise_id"),
                SqlRows.nullableLong(rs, "terminal_id"),
                rs.getString("terminal_phone"),
                rs.getString("protocol_version"),
                rs.getBoolean("active"));
    }

    private static Terminal mapTerminal(ResultSet rs, int row) throws SQLException {
        return new Terminal(
                rs.getLong("id"),
                rs.getString("phone"),
                rs.getString("device_id"),
                rs.getString("model"),
                rs.getString("protocol_version"),
                SqlRows.nullableLong(rs, "vehicle_id"),
                rs.getString("plate"),
                SqlRows.nullableLong(rs, "enterprise_id"),
                rs.getBoolean("active"));
    }
}
