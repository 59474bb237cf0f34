package org.redwheel.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
import org.redwheel.identity.Role;
import org.redwheel.identity.ScopeKind;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.notification.Notifications;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spot-checks (查岗): the county's monitoring staff send one to an enterprise, whose administrators
 * get an in-app message (and its safety officer an SMS); the enterprise answers from the console
 * within {@code redwheel.assessment.spot-check-deadline} (10 min). A late answer is kept and shown
 * as late; only answers by the deadline count for the assessment.
 */
@Service
public class SpotChecks {

    static final String DEFAULT_QUESTION = "县监控中心查岗：请在规定时限内回复当前值班人员姓名及车辆动态监控在岗情况。";
    static final int MAX_QUESTION = 200;
    static final int MAX_ANSWER = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcClient jdbc;
    private final EnterpriseRegistry enterprises;
    private final StaffAccounts accounts;
    private final Notifications notifications;
    private final AssessmentProperties properties;
    private final Clock clock;

    SpotChecks(
            JdbcClient jdbc,
            EnterpriseRegistry enterprises,
            StaffAccounts accounts,
            Notifications notifications,
            AssessmentProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends a spot-check to an active enterprise. Only the county's monitoring staff send them: the
     * caller checks the permission, this checks the county scope.
     *
     * @param question blank for the standard question
     * @throws InvalidInputException naming {@code enterpriseId} or {@code question}; nothing is sent
     */
    @Transactional
    public long send(DataScope scope, Long enterpriseId, String question, String actor) {
        List<Violation> violations = new ArrayList<>();
        if (!scope.isCounty()) {
            violations.add(new Violation("enterpriseId", "spotCheck.countyOnly"));
        }
        Optional<Enterprise> enterprise = enterpriseId == null
                ? Optional.empty()
                : enterprises.find(DataScope.county(), enterpriseId).filter(Enterprise::active);
        if (enterpriseId == null) {
            violations.add(new Violation("enterpriseId", "validation.required"));
        } else if (enterprise.isEmpty()) {
            violations.add(new Violation("enterpriseId", "validation.unknownReference"));
        }
        String text = question == null || question.isBlank() ? DEFAULT_QUESTION : question.strip();
        if (text.length() > MAX_QUESTION) {
            violations.add(new Violation("question", "validation.tooLong"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Instant now = clock.instant();
        Instant due = now.plus(properties.spotCheckDeadline());
        long id = jdbc.sql("""
                        insert into monitoring_spot_check (enterprise_id, question, sent_by, sent_at, due_at)
                        values (:enterprise, :question, :actor, :now, :due) returning id
                        """)
                .param("enterprise", enterpriseId)
                .param("question", text)
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .param("due", Timestamp.from(due))
                .query(Long.class)
                .single();
        String deadline = TIME.format(due.atZone(Assessments.BEIJING));
        String title = "查岗通知：请于" + deadline + "前回复";
        String body = text + "（请在" + deadline + "前于平台“查岗”页面回复，逾期计为未响应。）";
        for (var admin : accounts.activeInScope(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterpriseId))) {
            notifications.toStaff(admin.id(), title, body, "/console/spot-checks#spot-check-" + id);
        }
        String officerPhone = enterprise.get().safetyOfficerPhone();
        if (officerPhone != null && !officerPhone.isBlank()) {
            notifications.sms(officerPhone, title, body);
        }
        return id;
    }

    /**
     * Records the enterprise's answer. Only the enterprise itself answers; an answer after the
     * deadline is kept and marked late.
     *
     * @throws RecordNotFoundException when the spot-check lies outside the scope
     * @throws InvalidInputException naming {@code answer}; nothing is changed
     */
    @Transactional
    public SpotCheck answer(DataScope scope, long id, String actor, String answer) {
        SpotCheck check = get(scope, id);
        List<Violation> violations = new ArrayList<>();
        String text = answer == null ? "" : answer.strip();
        if (scope.kind() != ScopeKind.ENTERPRISE) {
            violations.add(new Violation("answer", "spotCheck.enterpriseOnly"));
        } else if (check.answered()) {
            violations.add(new Violation("answer", "spotCheck.alreadyAnswered"));
        } else if (text.isEmpty()) {
            violations.add(new Violation("answer", "validation.required"));
        } else if (text.length() > MAX_ANSWER) {
            violations.add(new Violation("answer", "validation.tooLong"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        int updated = jdbc.sql("""
                        update monitoring_spot_check set answered_at = :now, answered_by = :actor, answer = :answer
                        where id = :id and answered_at is null
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("answer", text)
                .param("id", id)
                .update();
        if (updated == 0) {
            throw InvalidInputException.of("answer", "spotCheck.alreadyAnswered");
        }
        return get(scope, id);
    }

    public Optional<SpotCheck> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        return jdbc.sql("select * from monitoring_spot_check s where s.id = :id and " + scopeCondition(scope, params))
                .params(params)
                .query(SpotChecks::map)
                .optional()
                .map(this::named);
    }

    public SpotCheck get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new RecordNotFoundException("spot-check", id));
    }

    /** The newest spot-checks within the scope. */
    public List<SpotCheck> recent(DataScope scope, int limit) {
        Map<String, Object> params = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        return jdbc
                .sql("select * from monitoring_spot_check s where " + scopeCondition(scope, params)
                        + " order by s.sent_at desc, s.id desc limit :limit")
                .params(params)
                .param("limit", limit)
                .query(SpotChecks::map)
                .list()
                .stream()
                .map(s -> withName(s, names.computeIfAbsent(s.enterpriseId(), this::name)))
                .toList();
    }

    private SpotCheck named(SpotCheck s) {
        return withName(s, name(s.enterpriseId()));
    }

    private String name(long enterpriseId) {
        return enterprises
                .find(DataScope.county(), enterpriseId)
                .map(Enterprise::name)
                .orElse("#" + enterpriseId);
    }

    private static SpotCheck withName(SpotCheck s, String name) {
        return new SpotCheck(
                s.id(),
                s.enterpriseId(),
                name,
                s.question(),
                s.sentBy(),
                s.sentAt(),
                s.dueAt(),
                s.answeredAt(),
                s.answeredBy(),
                s.answer());
    }

    private static String scopeCondition(DataScope scope, Map<String, Object> params) {
        return switch (scope.kind()) {
            case COUNTY -> "true";
            case ENTERPRISE -> {
                params.put("scopeId", scope.targetId());
                yield "s.enterprise_id = :scopeId";
            }
            case ORGANIZATION_SUBTREE, DEPARTMENT, ASSIGNED -> "false";
        };
    }

    private static SpotCheck map(ResultSet rs, int row) throws SQLException {
        return new SpotCheck(
                rs.getLong("id"),
                rs.getLong("enterprise_id"),
                null,
                rs.getString("question"),
                rs.getString("sent_by"),
                SqlRows.instant(rs, "sent_at"),
                SqlRows.instant(rs, "due_at"),
                SqlRows.instant(rs, "answered_at"),
                rs.getString("answered_by"),
                rs.getString("answer"));
    }
}
