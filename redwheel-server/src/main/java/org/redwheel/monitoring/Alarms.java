package org.redwheel.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redwheel.InvalidInputException;
import org.redwheel.Page;
import org.redwheel.PageRequest;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.identity.DataScope;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.safety.SafetyEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring ledger (动态监控台账): every alarm and each step of its handling. Reads are limited to
 * the data scope (an enterprise sees its own vehicles' alarms); the raising side is the safety
 * pipeline's.
 */
@Service
public class Alarms {

    static final Map<String, String> SORTS =
            Map.of("start", "a.start_time", "type", "a.type", "status", "a.status", "plate", "a.plate");

    private final JdbcClient jdbc;
    private final EnterpriseRegistry enterprises;
    private final Clock clock;

    Alarms(JdbcClient jdbc, EnterpriseRegistry enterprises, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    /** The vehicle facts an alarm is filed under. */
    record Subject(Long vehicleId, Long terminalId, Long enterpriseId, String plate) {}

    /** Records a new episode once (the episode id makes a repeated event harmless); returns its id. */
    @Transactional
    Optional<Long> raise(SafetyEvent event, Subject subject, Duration deadline) {
        Instant now = clock.instant();
        Optional<Long> id = jdbc.sql("""
                        insert into monitoring_alarm
                            (episode_id, type, status, vehicle_id, terminal_id, enterprise_id, plate, driver_id, realtime,
                             start_time, end_time, latitude, longitude, limit_kmh, max_speed_kmh, grade, limit_source,
                             continuous_driving_s, daily_driving_s, terminal_alarm_bit, rule_set_version, raised_at, due_at)
                        values (:episode, :type, 'RAISED', :vehicle, :terminal, :enterprise, :plate, :driver, :realtime,
                                :start, :end, :lat, :lon, :limit, :maxSpeed, :grade, :limitSource,
                                :continuous, :daily, :bit, :rules, :now, :due)
                        on conflict (episode_id) do nothing
                        returning id
                        """)
                .param("episode", event.id())
                .param("type", event.type().name())
                .param("vehicle", subject.vehicleId())
                .param("terminal", subject.terminalId())
                .param("enterprise", subject.enterpriseId())
                .param("plate", subject.plate())
                .param("driver", event.driverId())
                .param("realtime", event.realtime())
                .param("start", Timestamp.from(event.start()))
                .param("end", event.end() == null ? null : Timestamp.from(event.end()))
                .param("lat", event.lat())
                .param("lon", event.lon())
                .param("limit", event.limitKmh())
                .param(
                        "maxSpeed",
                        event.maxSpeedKmh() == null ? null : event.maxSpeedKmh().floatValue())
                .param("grade", event.grade() == null ? null : event.grade().name())
                .param("limitSource", event.limitSource())
                .param("continuous", event.continuousDrivingS())
                .param("daily", event.dailyDrivingS())
                .param("bit", event.terminalAlarmBit())
                .param("rules", event.ruleSetVersion())
                .param("now", Timestamp.from(now))
                .param("due", Timestamp.from(now.plus(deadline)))
                .query(Long.class)
                .optional();
        id.ifPresent(alarm -> step(alarm, "system", "RAISED", event.realtime() ? null : "late fix"));
        return id;
    }

    /** Brings an alarm up to date with a later event of its episode; returns its id. */
    @Transactional
    Optional<Long> update(SafetyEvent event) {
        Optional<Long> id = jdbc.sql("""
                        update monitoring_alarm set
                            end_time = cast(:end as timestamptz),
                            limit_kmh = coalesce(:limit, limit_kmh),
                            max_speed_kmh = coalesce(:maxSpeed, max_speed_kmh),
                            grade = coalesce(:grade, grade),
                            continuous_driving_s = coalesce(:continuous, continuous_driving_s),
                            daily_driving_s = coalesce(:daily, daily_driving_s),
                            terminal_alarm_bit = coalesce(:bit, terminal_alarm_bit),
                            status = case when cast(:end as timestamptz) is not null and status = 'HANDLED'
                                          then 'CLOSED' else status end,
                            closed_at = case when cast(:end as timestamptz) is not null and status = 'HANDLED'
                                             then cast(:now as timestamptz) else closed_at end
                        where episode_id = :episode
                        returning id
                        """)
                .param("episode", event.id())
                .param("end", event.end() == null ? null : Timestamp.from(event.end()))
                .param("limit", event.limitKmh())
                .param(
                        "maxSpeed",
                        event.maxSpeedKmh() == null ? null : event.maxSpeedKmh().floatValue())
                .param("grade", event.grade() == null ? null : event.grade().name())
                .param("continuous", event.continuousDrivingS())
                .param("daily", event.dailyDrivingS())
                .param("bit", event.terminalAlarmBit())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
        if (event.end() != null) {
            id.ifPresent(alarm -> step(alarm, "system", "EPISODE_ENDED", null));
        }
        return id;
    }

    @Transactional
    void reminderSent(long id, String text) {
        jdbc.sql(
                        "update monitoring_alarm set reminder_count = reminder_count + 1, last_reminder_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        step(id, "system", "REMINDER_SENT", text);
    }

    @Transactional
    void reminderAnswered(long id, CommandResult result) {
        if (result.succeeded()) {
            jdbc.sql("""
                            update monitoring_alarm set reminded_at = coalesce(reminded_at, :now),
                                status = case when status = 'RAISED' then 'REMINDED' else status end
                            where id = :id
                            """)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", id)
                    .update();
        }
        step(
                id,
                "system",
                result.succeeded() ? "REMINDER_ANSWERED" : "REMINDER_FAILED",
                result.outcome() + " " + result.result());
    }

    @Transactional
    void escalated(long id, String detail) {
        jdbc.sql("update monitoring_alarm set escalated_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        step(id, "system", "ESCALATED", detail);
    }

    /** An operator has seen the alarm. */
    @Transactional
    public Alarm acknowledge(DataScope scope, long id, String actor) {
        Alarm alarm = get(scope, id);
        if (alarm.acknowledgedAt() == null) {
            jdbc.sql("""
                            update monitoring_alarm set acknowledged_at = :now, acknowledged_by = :actor,
                                status = case when status in ('RAISED', 'REMINDED') then 'ACKNOWLEDGED' else status end
                            where id = :id
                            """)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("actor", actor)
                    .param("id", id)
                    .update();
            step(id, actor, "ACKNOWLEDGED", null);
        }
        return get(scope, id);
    }

    /**
     * Records what an operator did. An alarm whose episode is over is closed by it; an ongoing one
     * is closed when the episode ends.
     */
    @Transactional
    public Alarm handle(DataScope scope, long id, String actor, HandlingAction action, String note) {
        Alarm alarm = get(scope, id);
        if (action == null) {
            throw InvalidInputException.of("action", "validation.required");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 500) {
            throw InvalidInputException.of("note", "validation.tooLong");
        }
        if (alarm.status() == AlarmStatus.CLOSED) {
            throw InvalidInputException.of("action", "alarm.alreadyClosed");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        update monitoring_alarm set handled_at = :now, handled_by = :actor, handling_action = :action,
                            handling_note = :note, acknowledged_at = coalesce(acknowledged_at, :now),
                            acknowledged_by = coalesce(acknowledged_by, :actor),
                            status = case when end_time is null then 'HANDLED' else 'CLOSED' end,
                            closed_at = case when end_time is null then null else cast(:now as timestamptz) end
                        where id = :id
                        """)
                .param("now", Timestamp.from(now))
                .param("actor", actor)
                .param("action", action.name())
                .param("note", cleanNote)
                .param("id", id)
                .update();
        step(id, actor, "HANDLED", action + (cleanNote == null ? "" : ": " + cleanNote));
        return get(scope, id);
    }

    public Optional<Alarm> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        return jdbc.sql("select a.* from monitoring_alarm a where a.id = :id and " + scopeCondition(scope, params))
                .params(params)
                .query(Alarms::map)
                .optional();
    }

    public Alarm get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new RecordNotFoundException("alarm", id));
    }

    Optional<Alarm> byEpisode(String episodeId) {
        return jdbc.sql("select a.* from monitoring_alarm a where episode_id = :e")
                .param("e", episodeId)
                .query(Alarms::map)
                .optional();
    }

    /** Filters of the ledger; null fields do not filter. */
    public record Filter(
            String type, AlarmStatus status, String plate, Instant from, Instant to, boolean overdueOnly) {}

    public Page<Alarm> search(DataScope scope, Filter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, params);
        long total = jdbc.sql("select count(*) from monitoring_alarm a where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Alarm> content = jdbc.sql("select a.* from monitoring_alarm a where " + where
                        + page.orderBy(SORTS, "start", "a.id") + " offset :offset limit :limit")
                .params(params)
                .param("offset", page.offset())
                .param("limit", page.size())
                .query(Alarms::map)
                .list();
        return new Page<>(content, page.page(), page.size(), total);
    }

    /**
     * Every alarm the filter selects, newest first, up to {@code limit}: for the ledger's export,
     * which is not paged.
     */
    public List<Alarm> export(DataScope scope, Filter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, params);
        return jdbc.sql("select a.* from monitoring_alarm a where " + where
                        + " order by a.start_time desc, a.id desc limit :limit")
                .params(params)
                .param("limit", limit)
                .query(Alarms::map)
                .list();
    }

    /** Alarms still waiting for an operator, newest first. */
    public List<Alarm> open(DataScope scope, int limit) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql(
                        "select a.* from monitoring_alarm a where a.status in ('RAISED', 'REMINDED', 'ACKNOWLEDGED') and "
                                + scopeCondition(scope, params) + " order by a.raised_at desc limit :limit")
                .params(params)
                .param("limit", limit)
                .query(Alarms::map)
                .list();
    }

    /**
     * The vehicle's alarms whose episode overlaps the period (an ongoing one overlaps everything after
     * its start), by start time; at most {@code limit}.
     */
    public List<Alarm> ofVehicle(DataScope scope, long vehicleId, Instant from, Instant to, int limit) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select a.* from monitoring_alarm a where a.vehicle_id = :vehicle and a.start_time < :to"
                        + " and (a.end_time is null or a.end_time >= :from) and " + scopeCondition(scope, params)
                        + " order by a.start_time, a.id limit :limit")
                .params(params)
                .param("vehicle", vehicleId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query(Alarms::map)
                .list();
    }

    /** Fatigue alarms reminded long enough ago whose driver drives on, not yet escalated. */
    List<Alarm> dueForEscalation(Duration after) {
        return jdbc.sql("""
                        select a.* from monitoring_alarm a
                        where a.type in ('FATIGUE', 'NIGHT_FATIGUE') and a.end_time is null and a.escalated_at is null
                          and a.realtime and a.last_reminder_at is not null and a.last_reminder_at <= :limit
                          and a.status <> 'CLOSED'
                        """)
                .param("limit", Timestamp.from(clock.instant().minus(after)))
                .query(Alarms::map)
                .list();
    }

    /** One step of an alarm's handling trail. */
    public record Step(Instant at, String actor, String step, String detail) {}

    public List<Step> steps(long alarmId) {
        return jdbc.sql("select * from monitoring_alarm_step where alarm_id = :id order by at, id")
                .param("id", alarmId)
                .query((rs, n) -> new Step(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("step"),
                        rs.getString("detail")))
                .list();
    }

    /**
     * Handling rate: alarms handled by their deadline among alarms due in the period (DOMAIN.md §2:
     * below 90 % is penalised), per handler.
     */
    public record HandlingRate(String who, long due, long handledInTime) {

        public double rate() {
            return due == 0 ? 1.0 : (double) handledInTime / due;
        }
    }

    public HandlingRate handlingRate(DataScope scope, Instant from, Instant to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));
        return jdbc.sql(
                        "select count(*) as due, count(*) filter (where a.handled_at is not null and a.handled_at <= a.due_at) as ok"
                                + " from monitoring_alarm a where a.due_at >= :from and a.due_at < :to and a.due_at <= now() and "
                                + scopeCondition(scope, params))
                .params(params)
                .query((rs, n) -> new HandlingRate("scope", rs.getLong("due"), rs.getLong("ok")))
                .single();
    }

    public List<HandlingRate> handlingRateByOperator(DataScope scope, Instant from, Instant to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));
        return jdbc.sql("select a.handled_by as who, count(*) as due,"
                        + " count(*) filter (where a.handled_at <= a.due_at) as ok from monitoring_alarm a"
                        + " where a.handled_by is not null and a.due_at >= :from and a.due_at < :to and "
                        + scopeCondition(scope, params) + " group by a.handled_by order by a.handled_by")
                .params(params)
                .query((rs, n) -> new HandlingRate(rs.getString("who"), rs.getLong("due"), rs.getLong("ok")))
                .list();
    }

    private void step(long alarmId, String actor, String step, String detail) {
        jdbc.sql(
                        "insert into monitoring_alarm_step (alarm_id, at, actor, step, detail) values (:id, :at, :actor, :step, :detail)")
                .param("id", alarmId)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("step", step)
                .param("detail", detail)
                .update();
    }

    private String where(DataScope scope, Filter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add(scopeCondition(scope, params));
        if (filter.type() != null && !filter.type().isBlank()) {
            clauses.add("a.type = :type");
            params.put("type", filter.type());
        }
        if (filter.status() != null) {
            clauses.add("a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.plate() != null && !filter.plate().isBlank()) {
            clauses.add("a.plate ilike :plate");
            params.put(
                    "plate",
                    "%"
                            + filter.plate()
                                    .trim()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            clauses.add("a.start_time >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            clauses.add("a.start_time < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.overdueOnly()) {
            clauses.add("a.status in ('RAISED', 'REMINDED', 'ACKNOWLEDGED') and a.due_at < :now");
            params.put("now", Timestamp.from(clock.instant()));
        }
        return String.join(" and ", clauses);
    }

    private String scopeCondition(DataScope scope, Map<String, Object> params) {
        return switch (scope.kind()) {
            case COUNTY -> "true";
            case ENTERPRISE -> {
                params.put("scopeId", scope.targetId());
                yield "a.enterprise_id = :scopeId";
            }
            case ORGANIZATION_SUBTREE -> {
                List<Long> ids = enterprises.idsWithin(scope);
                if (ids.isEmpty()) {
                    yield "false";
                }
                params.put("scopeEnterprises", ids);
                yield "a.enterprise_id in (:scopeEnterprises)";
            }
            case DEPARTMENT, ASSIGNED -> "false";
        };
    }

    private static Alarm map(ResultSet rs, int row) throws SQLException {
        String action = rs.getString("handling_action");
        return new Alarm(
                rs.getLong("id"),
                rs.getString("episode_id"),
                rs.getString("type"),
                AlarmStatus.valueOf(rs.getString("status")),
                SqlRows.nullableLong(rs, "vehicle_id"),
                SqlRows.nullableLong(rs, "terminal_id"),
                SqlRows.nullableLong(rs, "enterprise_id"),
                rs.getString("plate"),
                rs.getString("driver_id"),
                rs.getBoolean("realtime"),
                SqlRows.instant(rs, "start_time"),
                SqlRows.instant(rs, "end_time"),
                (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"),
                (Integer) rs.getObject("limit_kmh"),
                (Float) rs.getObject("max_speed_kmh"),
                rs.getString("grade"),
                SqlRows.nullableLong(rs, "continuous_driving_s"),
                SqlRows.nullableLong(rs, "daily_driving_s"),
                (Integer) rs.getObject("terminal_alarm_bit"),
                rs.getString("rule_set_version"),
                SqlRows.instant(rs, "raised_at"),
                SqlRows.instant(rs, "due_at"),
                rs.getInt("reminder_count"),
                SqlRows.instant(rs, "last_reminder_at"),
                SqlRows.instant(rs, "reminded_at"),
                SqlRows.instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"),
                SqlRows.instant(rs, "handled_at"),
                rs.getString("handled_by"),
                action == null ? null : HandlingAction.valueOf(action),
                rs.getString("handling_note"),
                SqlRows.instant(rs, "escalated_at"),
                SqlRows.instant(rs, "closed_at"));
    }
}
