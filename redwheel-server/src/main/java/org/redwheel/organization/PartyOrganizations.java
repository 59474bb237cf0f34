package org.redwheel.organization;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
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

/**
 * The Party organisation tree. Each node keeps its materialised path ({@code /1/7/12/}) so that a
 * subtree is one indexed prefix match, which the data scopes of the other modules rely on.
 */
@Service
public class PartyOrganizations {

    private static final String SELECT = """
            select o.*, v.name as village_name,
                   length(o.path) - length(replace(o.path, '/', '')) - 2 as depth
            from organization_party_org o
            left join organization_village v on v.id = o.village_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    PartyOrganizations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The whole tree within the scope, in depth-first order (parents before their children). */
    public List<PartyOrganization> tree(DataScope scope, boolean includeInactive) {
        Map<String, Object> params = new HashMap<>(ScopeFilter.params(scope));
        return jdbc.sql(SELECT + " where " + ScopeFilter.partyOrganizations(scope, "o.id")
                        + (includeInactive ? "" : " and o.active") + " order by o.path")
                .params(params)
                .query(PartyOrganizations::map)
                .list();
    }

    public Optional<PartyOrganization> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>(ScopeFilter.params(scope));
        params.put("id", id);
        return jdbc.sql(SELECT + " where o.id = :id and " + ScopeFilter.partyOrganizations(scope, "o.id"))
                .params(params)
                .query(PartyOrganizations::map)
                .optional();
    }

    public PartyOrganization get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new RecordNotFoundException("party organization", id));
    }

    /** The direct children of a node. */
    public List<PartyOrganization> children(DataScope scope, long parentId) {
        Map<String, Object> params = new HashMap<>(ScopeFilter.params(scope));
        params.put("parentId", parentId);
        return jdbc.sql(SELECT + " where o.parent_id = :parentId and " + ScopeFilter.partyOrganizations(scope, "o.id")
                        + " order by o.name")
                .params(params)
                .query(PartyOrganizations::map)
                .list();
    }

    /**
     * Creates a node. The committee is the only root; every other node goes under a parent of a
     * level that may hold it.
     */
    @Transactional
    public long create(PartyOrganizationData data) {
        PartyOrganizationData clean = normalize(data);
        String parentPath = validate(clean, null);
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into organization_party_org
                            (parent_id, kind, name, secretary, members_count, founded_on, village_id, created_at, updated_at)
                        values (:parentId, :kind, :name, :secretary, :membersCount, :foundedOn, :villageId, :now, :now)
                        returning id
                        """)
                .param("parentId", clean.parentId())
                .param("kind", clean.kind().name())
                .param("name", clean.name())
                .param("secretary", clean.secretary())
                .param("membersCount", clean.membersCount())
                .param("foundedOn", clean.foundedOn() == null ? null : Date.valueOf(clean.foundedOn()))
                .param("villageId", clean.villageId())
                .param("now", now)
                .query(Long.class)
                .single();
        jdbc.sql("update organization_party_org set path = :path where id = :id")
                .param("path", (parentPath == null ? "/" : parentPath) + id + "/")
                .param("id", id)
                .update();
        return id;
    }

    /**
     * Creates a node on behalf of a staff member: the parent must lie within the scope (otherwise
     * it is reported as unknown, never revealed), and only a county-wide scope may create the
     * committee.
     */
    @Transactional
    public long create(DataScope scope, PartyOrganizationData data) {
        if (data.parentId() != null && find(scope, data.parentId()).isEmpty()) {
            throw InvalidInputException.of("parentId", "validation.unknownReference");
        }
        if (data.parentId() == null && !scope.isCounty()) {
            throw InvalidInputException.of("parentId", "validation.required");
        }
        return create(data);
    }

    /** Changes a node's details. Its place in the tree (parent, kind) stays. */
    @Transactional
    public void update(DataScope scope, long id, PartyOrganizationData data) {
        PartyOrganization current = get(scope, id);
        PartyOrganizationData clean = normalize(new PartyOrganizationData(
                current.parentId(),
                current.kind(),
                data.name(),
                data.secretary(),
                data.membersCount(),
                data.foundedOn(),
                data.villageId()));
        validate(clean, id);
        jdbc.sql("""
                        update organization_party_org set name = :name, secretary = :secretary,
                            members_count = :membersCount, founded_on = :foundedOn, village_id = :villageId,
                            updated_at = :now
                        where id = :id
                        """)
                .param("name", clean.name())
                .param("secretary", clean.secretary())
                .param("membersCount", clean.membersCount())
                .param("foundedOn", clean.foundedOn() == null ? null : Date.valueOf(clean.foundedOn()))
                .param("villageId", clean.villageId())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /** Deactivates a node; refused while it has active children. */
    @Transactional
    public void setActive(DataScope scope, long id, boolean active) {
        get(scope, id);
        if (!active) {
            long activeChildren = jdbc.sql(
                            "select count(*) from organization_party_org where parent_id = :id and active")
                    .param("id", id)
                    .query(Long.class)
                    .single();
            if (activeChildren > 0) {
                throw InvalidInputException.of("active", "partyOrg.hasActiveChildren");
            }
        }
        jdbc.sql("update organization_party_org set active = :active, updated_at = :now where id = :id")
                .param("active", active)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /** Returns the parent's path, for a new node. */
    private String validate(PartyOrganizationData d, Long id) {
        List<Violation> v = new ArrayList<>();
        if (d.name() == null) {
            v.add(new Violation("name", "validation.required"));
        } else if (d.name().length() > 100) {
            v.add(new Violation("name", "validation.tooLong"));
        } else if (jdbc.sql("select count(*) from organization_party_org where name = :name and id <> :id")
                        .param("name", d.name())
                        .param("id", id == null ? -1L : id)
                        .query(Long.class)
                        .single()
                > 0) {
            v.add(new Violation("name", "partyOrg.name.taken"));
        }
        String parentPath = null;
        if (d.kind() == null) {
            v.add(new Violation("kind", "validation.required"));
        } else if (d.kind() == PartyOrganizationKind.COMMITTEE) {
            if (d.parentId() != null) {
                v.add(new Violation("parentId", "partyOrg.parent.notAllowed"));
            } else if (id == null
                    && jdbc.sql("select count(*) from organization_party_org where kind = 'COMMITTEE'")
                                    .query(Long.class)
                                    .single()
                            > 0) {
                v.add(new Violation("kind", "partyOrg.committee.exists"));
            }
        } else if (d.parentId() == null) {
            v.add(new Violation("parentId", "validation.required"));
        } else {
            var parent = jdbc.sql("select kind, path from organization_party_org where id = :id and active")
                    .param("id", d.parentId())
                    .query((rs, n) -> new String[] {rs.getString("kind"), rs.getString("path")})
                    .optional();
            if (parent.isEmpty()) {
                v.add(new Violation("parentId", "validation.unknownReference"));
            } else if (!d.kind().mayBeUnder(PartyOrganizationKind.valueOf(parent.get()[0]))) {
                v.add(new Violation("parentId", "partyOrg.parent.wrongLevel"));
            } else {
                parentPath = parent.get()[1];
            }
        }
        if (d.membersCount() < 0 || d.membersCount() > 100_000) {
            v.add(new Violation("membersCount", "validation.range"));
        }
        if (d.foundedOn() != null && d.foundedOn().isAfter(LocalDate.now(clock))) {
            v.add(new Violation("foundedOn", "validation.notInFuture"));
        }
        if (d.villageId() != null
                && jdbc.sql("select count(*) from organization_village where id = :id and active")
                                .param("id", d.villageId())
                                .query(Long.class)
                                .single()
                        == 0) {
            v.add(new Violation("villageId", "validation.unknownReference"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return parentPath;
    }

    private static PartyOrganizationData normalize(PartyOrganizationData d) {
        return new PartyOrganizationData(
                d.parentId(),
                d.kind(),
                trim(d.name()),
                trim(d.secretary()),
                d.membersCount() == null ? 0 : d.membersCount(),
                d.foundedOn(),
                d.villageId());
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static PartyOrganization map(ResultSet rs, int row) throws SQLException {
        Date founded = rs.getDate("founded_on");
        return new PartyOrganization(
                rs.getLong("id"),
                SqlRows.nullableLong(rs, "parent_id"),
                PartyOrganizationKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("secretary"),
                rs.getInt("members_count"),
                founded == null ? null : founded.toLocalDate(),
                SqlRows.nullableLong(rs, "village_id"),
                rs.getString("village_name"),
                rs.getInt("depth"),
                rs.getBoolean("active"));
    }
}
