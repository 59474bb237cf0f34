package org.redwheel.organization;

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
import org.redwheel.RecordParameters;
import org.redwheel.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The government units of the joint meeting and the escort alliance. */
@Service
public class GovernmentUnits {

    private final JdbcClient jdbc;
    private final Clock clock;

    GovernmentUnits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Units within the scope.
     *
     * @param membership {@code "jointMeeting"}, {@code "escortAlliance"} or null for all
     */
    public List<GovernmentUnit> list(DataScope scope, String q, String membership, boolean includeInactive) {
        Map<String, Object> params = new HashMap<>(ScopeFilter.params(scope));
        List<String> clauses = new ArrayList<>();
        clauses.add(ScopeFilter.units(scope, "id"));
        if (q != null && !q.isBlank()) {
            clauses.add("(name ilike :q or short_name ilike :q)");
            params.put(
                    "q",
                    "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if ("jointMeeting".equals(membership)) {
            clauses.add("joint_meeting");
        } else if ("escortAlliance".equals(membership)) {
            clauses.add("escort_alliance");
        }
        if (!includeInactive) {
            clauses.add("active");
        }
        return jdbc.sql("select * from organization_government_unit where " + String.join(" and ", clauses)
                        + " order by joint_meeting_lead desc, id")
                .params(params)
                .query(GovernmentUnits::map)
                .list();
    }

    public Optional<GovernmentUnit> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>(ScopeFilter.params(scope));
        params.put("id", id);
        return jdbc.sql("select * from organization_government_unit where id = :id and "
                        + ScopeFilter.units(scope, "id"))
                .params(params)
                .query(GovernmentUnits::map)
                .optional();
    }

    public GovernmentUnit get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new RecordNotFoundException("government unit", id));
    }

    @Transactional
    public long create(GovernmentUnitData data) {
        GovernmentUnitData clean = normalize(data);
        validate(clean, null);
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        insert into organization_government_unit
                            (name, short_name, duties, contact_name, contact_phone, joint_meeting, joint_meeting_lead,
                             escort_alliance, created_at, updated_at)
                        values (:name, :shortName, :duties, :contactName, :contactPhone, :jointMeeting, :jointMeetingLead,
                                :escortAlliance, :now, :now)
                        returning id
                        """)
                .paramSource(RecordParameters.of(clean).addValue("now", now))
                .query(Long.class)
                .single();
    }

    @Transactional
    public void update(DataScope scope, long id, GovernmentUnitData data) {
        get(scope, id);
        GovernmentUnitData clean = normalize(data);
        validate(clean, id);
        jdbc.sql("""
                        update organization_government_unit set name = :name, short_name = :shortName, duties = :duties,
                            contact_name = :contactName, contact_phone = :contactPhone, joint_meeting = :jointMeeting,
                            joint_meeting_lead = :jointMeetingLead, escort_alliance = :escortAlliance, updated_at = :now
                        where id = :id
                        """)
                .paramSource(RecordParameters.of(clean)
                        .addValue("now", Timestamp.from(clock.instant()))
                        .addValue("id", id))
                .update();
    }

    @Transactional
    public void setActive(DataScope scope, long id, boolean active) {
        get(scope, id);
        jdbc.sql("update organization_government_unit set active = :active, updated_at = :now where id = :id")
                .param("active", active)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    private void validate(GovernmentUnitData d, Long id) {
        List<Violation> v = new ArrayList<>();
        if (d.name() == null) {
            v.add(new Violation("name", "validation.required"));
        } else if (d.name().length() > 100) {
            v.add(new Violation("name", "validation.tooLong"));
        } else if (jdbc.sql("select count(*) from organization_government_unit where name = :name and id <> :id")
                        .param("name", d.name())
                        .param("id", id == null ? -1L : id)
                        .query(Long.class)
                        .single()
                > 0) {
            v.add(new Violation("name", "unit.name.taken"));
        }
        if (d.contactPhone() != null && !PhoneNumbers.isValid(d.contactPhone())) {
            v.add(new Violation("contactPhone", "validation.phone"));
        }
        if (d.isJointMeetingLead() && !d.isJointMeeting()) {
            v.add(new Violation("jointMeetingLead", "unit.lead.needsMembership"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private static GovernmentUnitData normalize(GovernmentUnitData d) {
        return new GovernmentUnitData(
                trim(d.name()),
                trim(d.shortName()),
                trim(d.duties()),
                trim(d.contactName()),
                trim(d.contactPhone()),
                d.isJointMeeting(),
                d.isJointMeetingLead(),
                d.isEscortAlliance());
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static GovernmentUnit map(ResultSet rs, int row) throws SQLException {
        return new GovernmentUnit(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("short_name"),
                rs.getString("duties"),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getBoolean("joint_meeting"),
                rs.getBoolean("joint_meeting_lead"),
                rs.getBoolean("escort_alliance"),
                rs.getBoolean("active"));
    }
}
