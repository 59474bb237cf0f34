package org.redwheel.organization;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.Page;
import org.redwheel.PageRequest;
import org.redwheel.RecordNotFoundException;
import org.redwheel.RecordParameters;
import org.redwheel.SqlRows;
import org.redwheel.identity.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The logistics enterprises of the county. Reads and writes are always within a data scope;
 * writes validate everything first and change nothing when any field is wrong.
 */
@Service
public class EnterpriseRegistry {

    /** Sort keys the list accepts, mapped to their SQL. Anything else sorts by name. */
    static final Map<String, String> SORTS = Map.of(
            "name", "e.name",
            "creditCode", "e.credit_code",
            "fleetSize", "e.fleet_size",
            "township", "t.name",
            "createdAt", "e.created_at");

    private static final String SELECT = """
            select e.*, t.name as township_name, p.name as party_org_name
            from organization_enterprise e
            left join organization_township t on t.id = e.township_id
            left join organization_party_org p on p.id = e.party_org_id
            """;

    private static final String INSERT = """
            insert into organization_enterprise
                (name, credit_code, address, latitude, longitude, legal_representative,
                 safety_officer_name, safety_officer_phone, fleet_size, township_id, party_org_id,
                 has_union, has_youth_league, has_womens_federation, demonstration_site,
                 created_at, updated_at)
            values (:name, :creditCode, :address, :latitude, :longitude, :legalRepresentative,
                    :safetyOfficerName, :safetyOfficerPhone, :fleetSize, :townshipId, :partyOrgId,
                    :hasUnion, :hasYouthLeague, :hasWomensFederation, :demonstrationSite, :now, :now)
            """;

    /** Values per IN list when many enterprises are checked. */
    private static final int CHUNK = 1000;

    /** Rows per multi-row insert: 15 parameters each, well below PostgreSQL's 32,767 per statement. */
    private static final int INSERT_ROWS = 500;

    private static final List<String> INSERT_COLUMNS = List.of(
            "name",
            "credit_code",
            "address",
            "latitude",
            "longitude",
            "legal_representative",
            "safety_officer_name",
            "safety_officer_phone",
            "fleet_size",
            "township_id",
            "party_org_id",
            "has_union",
            "has_youth_league",
            "has_womens_federation",
            "demonstration_site");

    /** The {@link EnterpriseData} components in the order of {@link #INSERT_COLUMNS}. */
    private static final List<String> INSERT_FIELDS = List.of(
            "name",
            "creditCode",
            "address",
            "latitude",
            "longitude",
            "legalRepresentative",
            "safetyOfficerName",
            "safetyOfficerPhone",
            "fleetSize",
            "townshipId",
            "partyOrgId",
            "hasUnion",
            "hasYouthLeague",
            "hasWomensFederation",
            "demonstrationSite");

    private static final Map<String, Integer> NULLABLE_TYPES = Map.of(
            "latitude", Types.NUMERIC,
            "longitude", Types.NUMERIC,
            "safetyOfficerName", Types.VARCHAR,
            "safetyOfficerPhone", Types.VARCHAR,
            "townshipId", Types.BIGINT,
            "partyOrgId", Types.BIGINT);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batches;
    private final Clock clock;

    EnterpriseRegistry(JdbcClient jdbc, NamedParameterJdbcOperations batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    public Page<Enterprise> list(DataScope scope, EnterpriseFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>(ScopeFilter.params(scope));
        String where = where(scope, filter, params);
        long total = jdbc.sql(
                        "select count(*) from organization_enterprise e left join organization_township t on t.id = e.township_id"
                                + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Enterprise> content = jdbc.sql(
                        SELECT + where + page.orderBy(SORTS, "name", "e.id") + " offset :offset limit :limit")
                .params(params)
                .param("offset", page.offset())
                .param("limit", page.size())
                .query(EnterpriseRegistry::map)
                .list();
        return new Page<>(content, page.page(), page.size(), total);
    }

    /**
     * The ids of every enterprise (active or not) within the scope, for other modules' records that
     * name an enterprise: an organisation subtree covers the enterprises whose Party organisation
     * lies in it.
     */
    public List<Long> idsWithin(DataScope scope) {
        return jdbc.sql("select e.id from organization_enterprise e where "
                        + ScopeFilter.enterprises(scope, "e.id", "e.party_org_id") + " order by e.id")
                .params(ScopeFilter.params(scope))
                .query(Long.class)
                .list();
    }

    /** The enterprise, if it exists and lies within the scope. */
    public Optional<Enterprise> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>(ScopeFilter.params(scope));
        params.put("id", id);
        return jdbc.sql(SELECT + " where e.id = :id and " + ScopeFilter.enterprises(scope, "e.id", "e.party_org_id"))
                .params(params)
                .query(EnterpriseRegistry::map)
                .optional();
    }

    public Enterprise get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new RecordNotFoundException("enterprise", id));
    }

    /**
     * Registers an enterprise (county-level writers only: the caller checks the permission).
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    @Transactional
    public long create(EnterpriseData data) {
        EnterpriseData clean = normalize(data);
        validate(clean, null);
        var now = Timestamp.from(clock.instant());
        return jdbc.sql(INSERT + " returning id")
                .paramSource(RecordParameters.of(clean).addValue("now", now))
                .query(Long.class)
                .single();
    }

    /**
     * Checks new enterprises as {@link #create} would, for a whole batch at once: the database is
     * read once per rule, not once per record. Duplicates inside the batch are the caller's to find.
     *
     * @return the violations of each record, in order (empty for a good one)
     */
    public List<List<Violation>> check(List<EnterpriseData> batch) {
        List<EnterpriseData> clean =
                batch.stream().map(EnterpriseRegistry::normalize).toList();
        Set<String> takenNames = existing("name", clean.stream().map(EnterpriseData::name));
        Set<String> takenCodes = existing(
                "credit_code", clean.stream().map(EnterpriseData::creditCode).filter(CreditCode::isValid));
        Set<Long> townships = new HashSet<>(jdbc.sql("select id from organization_township where active")
                .query(Long.class)
                .list());
        Set<Long> partyOrgs =
                new HashSet<>(jdbc.sql("select id from organization_party_org where kind <> 'COMMITTEE' and active")
                        .query(Long.class)
                        .list());
        List<List<Violation>> result = new ArrayList<>(clean.size());
        for (EnterpriseData d : clean) {
            List<Violation> v = formatViolations(d);
            if (d.name() != null && d.name().length() <= 100 && takenNames.contains(d.name())) {
                v.add(new Violation("name", "enterprise.name.taken"));
            }
            if (CreditCode.isValid(d.creditCode()) && takenCodes.contains(d.creditCode())) {
                v.add(new Violation("creditCode", "enterprise.creditCode.taken"));
            }
            if (d.townshipId() != null && !townships.contains(d.townshipId())) {
                v.add(new Violation("townshipId", "validation.unknownReference"));
            }
            if (d.partyOrgId() != null && !partyOrgs.contains(d.partyOrgId())) {
                v.add(new Violation("partyOrgId", "validation.unknownReference"));
            }
            result.add(v);
        }
        return result;
    }

    /**
     * Registers many enterprises in one transaction, all or nothing (county-level writers only: the
     * caller checks the permission). Everything is checked again inside the transaction.
     *
     * @param stored told how many are stored so far
     * @return how many were stored
     * @throws InvalidInputException when any record is wrong (the first record's violations)
     */
    @Transactional
    public int createAll(List<EnterpriseData> batch, IntConsumer stored) {
        List<EnterpriseData> clean =
                batch.stream().map(EnterpriseRegistry::normalize).toList();
        for (List<Violation> violations : check(clean)) {
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
        }
        var now = Timestamp.from(clock.instant());
        int count = 0;
        for (int from = 0; from < clean.size(); from += INSERT_ROWS) {
            var chunk = clean.subList(from, Math.min(from + INSERT_ROWS, clean.size()));
            insertRows(chunk, now);
            count += chunk.size();
            stored.accept(count);
        }
        return count;
    }

    /**
     * One multi-row insert: far quicker than a row-by-row batch. The SQL types of the columns that
     * may be null are named, or the driver would be asked for them for every null.
     */
    private void insertRows(List<EnterpriseData> rows, Timestamp now) {
        var sql = new StringBuilder("insert into organization_enterprise (" + String.join(", ", INSERT_COLUMNS)
                + ", created_at, updated_at) values ");
        var params = new MapSqlParameterSource("now", now);
        for (int i = 0; i < rows.size(); i++) {
            MapSqlParameterSource row = RecordParameters.of(rows.get(i));
            sql.append(i == 0 ? "(" : ", (");
            for (String field : INSERT_FIELDS) {
                String name = field + i;
                sql.append(':').append(name).append(", ");
                params.addValue(name, row.getValue(field));
                if (NULLABLE_TYPES.containsKey(field)) {
                    params.registerSqlType(name, NULLABLE_TYPES.get(field));
                }
            }
            sql.append(":now, :now)");
        }
        batches.update(sql.toString(), params);
    }

    /**
     * The whole filtered list in the requested order, for an export.
     *
     * @param limit at most this many
     */
    public List<Enterprise> export(
            DataScope scope, EnterpriseFilter filter, String sortKey, boolean ascending, int limit) {
        Map<String, Object> params = new HashMap<>(ScopeFilter.params(scope));
        String where = where(scope, filter, params);
        return jdbc.sql(SELECT + where + new PageRequest(0, 1, sortKey, ascending).orderBy(SORTS, "name", "e.id")
                        + " limit :limit")
                .params(params)
                .param("limit", limit)
                .query(EnterpriseRegistry::map)
                .list();
    }

    /** Which of the values a column of the table already holds, asked in chunks. */
    private Set<String> existing(String column, java.util.stream.Stream<String> values) {
        List<String> wanted =
                values.filter(java.util.Objects::nonNull).distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            found.addAll(jdbc.sql(
                            "select " + column + " from organization_enterprise where " + column + " in (:values)")
                    .param("values", wanted.subList(from, Math.min(from + CHUNK, wanted.size())))
                    .query(String.class)
                    .list());
        }
        return found;
    }

    /** Changes an enterprise within the scope; a record outside it is not found. */
    @Transactional
    public void update(DataScope scope, long id, EnterpriseData data) {
        get(scope, id);
        EnterpriseData clean = normalize(data);
        validate(clean, id);
        jdbc.sql("""
                        update organization_enterprise set
                            name = :name, credit_code = :creditCode, address = :address, latitude = :latitude,
                            longitude = :longitude, legal_representative = :legalRepresentative,
                            safety_officer_name = :safetyOfficerName, safety_officer_phone = :safetyOfficerPhone,
                            fleet_size = :fleetSize, township_id = :townshipId, party_org_id = :partyOrgId,
                            has_union = :hasUnion, has_youth_league = :hasYouthLeague,
                            has_womens_federation = :hasWomensFederation, demonstration_site = :demonstrationSite,
                            updated_at = :now
                        where id = :id
                        """)
                .paramSource(
                        RecordParameters.of(clean).addValue("id", id).addValue("now", Timestamp.from(clock.instant())))
                .update();
    }

    /** Deactivates (or reactivates) an enterprise; its history stays. */
    @Transactional
    public void setActive(DataScope scope, long id, boolean active) {
        get(scope, id);
        jdbc.sql("update organization_enterprise set active = :active, updated_at = :now where id = :id")
                .param("id", id)
                .param("active", active)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Counts for the county overview: all active enterprises and those with a Party organisation. */
    public Coverage coverage(DataScope scope) {
        Map<String, Object> params = new HashMap<>(ScopeFilter.params(scope));
        return jdbc.sql(
                        "select count(*) as total, count(party_org_id) as covered, count(*) filter (where demonstration_site) as demo"
                                + " from organization_enterprise e where e.active and "
                                + ScopeFilter.enterprises(scope, "e.id", "e.party_org_id"))
                .params(params)
                .query((rs, n) -> new Coverage(rs.getLong("total"), rs.getLong("covered"), rs.getLong("demo")))
                .single();
    }

    /** Enterprises and Party-organisation coverage among them. */
    public record Coverage(long enterprises, long withPartyOrganization, long demonstrationSites) {

        public int percent() {
            return enterprises == 0 ? 0 : (int) Math.round(100.0 * withPartyOrganization / enterprises);
        }
    }

    private String where(DataScope scope, EnterpriseFilter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add(ScopeFilter.enterprises(scope, "e.id", "e.party_org_id"));
        if (filter.q() != null && !filter.q().isBlank()) {
            clauses.add("(e.name ilike :q or e.credit_code ilike :q or e.address ilike :q)");
            params.put(
                    "q",
                    "%"
                            + filter.q()
                                    .trim()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        if (filter.townshipId() != null) {
            clauses.add("e.township_id = :townshipId");
            params.put("townshipId", filter.townshipId());
        }
        if (filter.withPartyOrganization() != null) {
            clauses.add(filter.withPartyOrganization() ? "e.party_org_id is not null" : "e.party_org_id is null");
        }
        if (Boolean.TRUE.equals(filter.demonstrationSite())) {
            clauses.add("e.demonstration_site");
        }
        if (filter.active() != null) {
            clauses.add(filter.active() ? "e.active" : "not e.active");
        }
        return " where " + String.join(" and ", clauses);
    }

    private static EnterpriseData normalize(EnterpriseData d) {
        return new EnterpriseData(
                trim(d.name()),
                CreditCode.normalize(trim(d.creditCode())),
                trim(d.address()),
                d.latitude(),
                d.longitude(),
                trim(d.legalRepresentative()),
                trim(d.safetyOfficerName()),
                trim(d.safetyOfficerPhone()),
                d.fleetSize() == null ? 0 : d.fleetSize(),
                d.townshipId(),
                d.partyOrgId(),
                d.union(),
                d.youthLeague(),
                d.womensFederation(),
                d.demonstration());
    }

    private void validate(EnterpriseData d, Long id) {
        List<Violation> v = formatViolations(d);
        if (d.name() != null
                && d.name().length() <= 100
                && exists(
                        "select count(*) from organization_enterprise where name = :value and id <> :id",
                        d.name(),
                        id)) {
            v.add(new Violation("name", "enterprise.name.taken"));
        }
        if (CreditCode.isValid(d.creditCode())
                && exists(
                        "select count(*) from organization_enterprise where credit_code = :value and id <> :id",
                        d.creditCode(),
                        id)) {
            v.add(new Violation("creditCode", "enterprise.creditCode.taken"));
        }
        if (d.townshipId() != null
                && !exists(
                        "select count(*) from organization_township where id = :value and active",
                        d.townshipId(),
                        null)) {
            v.add(new Violation("townshipId", "validation.unknownReference"));
        }
        if (d.partyOrgId() != null
                && !exists(
                        "select count(*) from organization_party_org where id = :value and kind <> 'COMMITTEE' and active",
                        d.partyOrgId(),
                        null)) {
            v.add(new Violation("partyOrgId", "validation.unknownReference"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    /** The rules a record breaks by itself, without looking at the database. */
    private static List<Violation> formatViolations(EnterpriseData d) {
        List<Violation> v = new ArrayList<>();
        if (d.name() == null) {
            v.add(new Violation("name", "validation.required"));
        } else if (d.name().length() > 100) {
            v.add(new Violation("name", "validation.tooLong"));
        }
        if (d.creditCode() == null) {
            v.add(new Violation("creditCode", "validation.required"));
        } else if (!CreditCode.isValid(d.creditCode())) {
            v.add(new Violation("creditCode", "enterprise.creditCode.invalid"));
        }
        if (d.address() == null) {
            v.add(new Violation("address", "validation.required"));
        }
        if (d.legalRepresentative() == null) {
            v.add(new Violation("legalRepresentative", "validation.required"));
        }
        if ((d.latitude() == null) != (d.longitude() == null)) {
            v.add(new Violation(d.latitude() == null ? "latitude" : "longitude", "enterprise.coordinates.pair"));
        }
        if (d.latitude() != null && !within(d.latitude(), "3.85", "53.55")) {
            v.add(new Violation("latitude", "enterprise.latitude.range"));
        }
        if (d.longitude() != null && !within(d.longitude(), "73.55", "135.083")) {
            v.add(new Violation("longitude", "enterprise.longitude.range"));
        }
        if (d.safetyOfficerPhone() != null && !PhoneNumbers.isValid(d.safetyOfficerPhone())) {
            v.add(new Violation("safetyOfficerPhone", "validation.phone"));
        }
        if (d.fleetSize() < 0 || d.fleetSize() > 100_000) {
            v.add(new Violation("fleetSize", "validation.range"));
        }
        return v;
    }

    /** Whether the query counts a row; {@code :id} is the record being edited (-1 when new). */
    private boolean exists(String sql, Object value, Long id) {
        var statement = jdbc.sql(sql).param("value", value);
        if (sql.contains(":id")) {
            statement = statement.param("id", id == null ? -1L : id);
        }
        return statement.query(Long.class).single() > 0;
    }

    private static boolean within(BigDecimal value, String min, String max) {
        return value.compareTo(new BigDecimal(min)) >= 0 && value.compareTo(new BigDecimal(max)) <= 0;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Enterprise map(ResultSet rs, int row) throws SQLException {
        return new Enterprise(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("credit_code"),
                rs.getString("address"),
                rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"),
                rs.getString("legal_representative"),
                rs.getString("safety_officer_name"),
                rs.getString("safety_officer_phone"),
                rs.getInt("fleet_size"),
                SqlRows.nullableLong(rs, "township_id"),
                rs.getString("township_name"),
                SqlRows.nullableLong(rs, "party_org_id"),
                rs.getString("party_org_name"),
                rs.getBoolean("has_union"),
                rs.getBoolean("has_youth_league"),
                rs.getBoolean("has_womens_federation"),
                rs.getBoolean("demonstration_site"),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
