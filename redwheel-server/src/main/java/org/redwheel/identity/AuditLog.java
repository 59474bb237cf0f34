package org.redwheel.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log. Entries are written in their own transaction so that a failed
 * business write is still recorded as a failure. There is deliberately no update or delete method.
 */
@Service
public class AuditLog {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(
            String actor,
            String action,
            String targetType,
            String targetId,
            String result,
            String detail,
            String remoteAddress) {
        jdbc.sql("""
                        insert into identity_audit_event
                            (occurred_at, actor, action, target_type, target_id, result, detail, remote_address)
                        values (:at, :actor, :action, :targetType, :targetId, :result, :detail, :remote)
                        """)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("actor", actor == null ? "anonymous" : actor)
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("result", result)
                .param("detail", truncate(detail))
                .param("remote", remoteAddress)
                .update();
    }

    /**
     * Searches the log, newest first.
     *
     * @param query filters; blank fields do not filter
     */
    public List<AuditEvent> search(AuditQuery query, int offset, int limit) {
        var where = where(query);
        return jdbc.sql("select * from identity_audit_event" + where.sql()
                        + " order by occurred_at desc, id desc offset :offset limit :limit")
                .params(where.params())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new AuditEvent(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("target_type"),
                        rs.getString("target_id"),
                        rs.getString("result"),
                        rs.getString("detail"),
                        rs.getString("remote_address")))
                .list();
    }

    public long count(AuditQuery query) {
        var where = where(query);
        return jdbc.sql("select count(*) from identity_audit_event" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    private static Where where(AuditQuery query) {
        List<String> clauses = new ArrayList<>();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (query.actor() != null && !query.actor().isBlank()) {
            clauses.add("actor = :actor");
            params.put("actor", query.actor().trim());
        }
        if (query.action() != null && !query.action().isBlank()) {
            clauses.add("action ilike :action");
            params.put("action", "%" + escapeLike(query.action().trim()) + "%");
        }
        if (query.result() != null && !query.result().isBlank()) {
            clauses.add("result = :result");
            params.put("result", query.result().trim());
        }
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        if (query.from() != null) {
            clauses.add("occurred_at >= :from");
            params.put(
                    "from",
                    java.sql.Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.to() != null) {
            clauses.add("occurred_at < :to");
            params.put(
                    "to",
                    java.sql.Timestamp.from(
                            query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        String sql = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        return new Where(sql, params);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    private record Where(String sql, java.util.Map<String, Object> params) {}

    /** Filters of an audit search; null or blank fields do not filter. */
    public record AuditQuery(String actor, String action, String result, LocalDate from, LocalDate to) {

        public static AuditQuery all() {
            return new AuditQuery(null, null, null, null, null);
        }
    }
}
