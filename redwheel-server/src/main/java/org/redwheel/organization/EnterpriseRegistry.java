package org.redwheel.organization;

import java.math.BigDecimal;
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
import org.redwheel.Page;
import org.redwheel.PageRequest;
import org.redwheel.RecordNotFoundException;
import org.redwheel.RecordParameters;
import org.redwheel.SqlRows;
import org.redwheel.identity.DataScope;
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

    private final JdbcClient jdbc;
    private final Clock clock;

    EnterpriseRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        return jdbc.sql("""
                        insert into organization_enterprise
                            (name, credit_code, address, latitude, longitude, legal_representative,
                             safety_officer_name, safety_officer_phone, fleet_size, township_id, party_org_id,
                             has_union, has_youth_league, has_womens_federation, demonstration_site,
                             created_at, updated_at)
                        values (:name, :creditCode, :address, :latitude, :longitude, :legalRepresentative,
                                :safetyOfficerName, :safetyOfficerPhone, :fleetSize, :townshipId, :partyOrgId,
                                :hasUnion, :hasYouthLeague, :hasWomensFederation, :demonstrationSite, :now, :now)
                        returning id
                        """)
                .paramSource(RecordParameters.of(clean).addValue("now", now))
                .query(Long.class)
                .single();
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
        List<Violation> v = new ArrayList<>();
        if (d.name() == null) {
            v.add(new Violation("name", "validation.required"));
        } else if (d.name().length() > 100) {
            v.add(new Violation("name", "validation.tooLong"));
        } else if (exists(
                "select count(*) from organization_enterprise where name = :value and id <> :id", d.name(), id)) {
            v.add(new Violation("name", "enterprise.name.taken"));
        }
        if (d.creditCode() == null) {
            v.add(new Violation("creditCode", "validation.required"));
        } else if (!CreditCode.isValid(d.creditCode())) {
            v.add(new Violation("creditCode", "enterprise.creditCode.invalid"));
        } else if (exists(
                "select count(*) from organization_enterprise where credit_code = :value and id <> :id",
                d.creditCode(),
                id)) {
            v.add(new Violation("creditCode", "enterprise.creditCode.taken"));
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
