package org.redwheel.appeals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Supervision (督办) of appeals for the industry committee's office: overdue acceptances and
 * resolutions are escalated to it (an in-app message and a flag on the appeal), the open and
 * overdue appeals by category, handler, village and age, monthly statistics (received, accepted in
 * time, resolved in time, satisfaction), and the county's figures for the console home.
 */
@Service
public class AppealSupervision {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(AppealSupervision.class);

    /** The dimensions of the supervision view, mapped to their SQL: never taken from a request. */
    private static final Map<String, String> DIMENSIONS = Map.of(
            "category", "a.category",
            "handler", """
                    case when a.handler_kind = 'DEPARTMENT' then 'D' || a.handler_unit_id
                         when a.handler_kind is not null then a.handler_kind
                         when a.problem_id is not null then 'BOARD'
                         when a.route_kind = 'DEPARTMENT' then 'D' || a.route_unit_id
                         else a.route_kind end""",
            "village", "coalesce(cast(a.village_id as text), '')");

    private static final String SOLVED = "a.status in ('RESOLVED', 'CONFIRMED')";

    private final JdbcClient jdbc;
    private final AppealWorkflow workflow;
    private final AppealNotices notices;
    private final Townships townships;
    private final AppealsProperties properties;
    private final Clock clock;

    AppealSupervision(
            JdbcClient jdbc,
            AppealWorkflow workflow,
            AppealNotices notices,
            Townships townships,
            AppealsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.notices = notices;
        this.townships = townships;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Escalates every overdue acceptance and resolution not escalated yet: flags the appeal, records
     * a step and tells the office.
     *
     * @return how many escalations were made
     */
    public int escalateOverdue() {
        Instant now = clock.instant();
        ServiceLevels levels = new ServiceLevels(properties, clock);
        List<Appeal> candidates = jdbc.sql(AppealRows.SELECT_APPEAL + """
                         where (a.status = 'SUBMITTED' and a.accept_due_at < :now and a.accept_escalated_at is null)
                            or (a.status not in ('RESOLVED', 'CONFIRMED') and a.resolve_due_at < :now
                                and a.resolve_escalated_at is null)
                        order by a.submitted_at limit 500
                        """)
                .param("now", Timestamp.from(now))
                .query(AppealRows::appeal)
                .list();
        int made = 0;
        for (Appeal appeal : candidates) {
            for (ServiceLevels.Escalation escalation : levels.escalationsDue(appeal)) {
                try {
                    if (workflow.escalate(appeal.id(), escalation, now, true)) {
                        made++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Appeal {} could not be escalated: {}", appeal.id(), e.toString());
                }
            }
        }
        return made;
    }

    /** The county's figures: all appeals received and solved, open and overdue now, hard problems solved. */
    public Summary summary() {
        return jdbc.sql("""
                        select count(*) as received,
                               count(*) filter (where %s) as solved,
                               count(*) filter (where not %s) as open,
                               count(*) filter (where %s) as overdue,
                               cast(avg(a.rating) as double precision) as rating,
                               (select count(*) from appeals_problem where status = 'SOLVED') as problems_solved
                        from appeals_appeal a
                        """.formatted(SOLVED, SOLVED, Appeals.OVERDUE))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Summary(
                        rs.getLong("received"),
                        rs.getLong("solved"),
                        rs.getLong("open"),
                        rs.getLong("overdue"),
                        (Double) rs.getObject("rating", Double.class),
                        rs.getLong("problems_solved")))
                .single();
    }

    /**
     * One dimension of the supervision view over the period: appeals received and solved in it, in
     * time, with their rating; and those open and overdue now.
     *
     * @param dimension {@code category}, {@code handler} or {@code village}; anything else by category
     */
    public List<Row> by(String dimension, Instant from) {
        String key = DIMENSIONS.getOrDefault(dimension, DIMENSIONS.get("category"));
        List<Row> rows = jdbc.sql("""
                        select %s as k,
                               count(*) filter (where a.submitted_at >= :from) as received,
                               count(*) filter (where %s and a.resolved_at >= :from) as solved,
                               count(*) filter (where %s and a.resolved_at >= :from
                                                and a.resolved_at <= a.resolve_due_at) as solved_in_time,
                               count(*) filter (where not %s) as open,
                               count(*) filter (where %s) as overdue,
                               count(*) filter (where not %s and (a.accept_escalated_at is not null
                                                or a.resolve_escalated_at is not null)) as escalated,
                               cast(avg(a.rating) filter (where a.confirmed_at >= :from) as double precision) as rating
                        from appeals_appeal a
                        group by 1
                        having count(*) filter (where a.submitted_at >= :from) > 0 or count(*) filter (where not %s) > 0
                        order by 5 desc, 2 desc, 1
                        """.formatted(key, SOLVED, SOLVED, SOLVED, Appeals.OVERDUE, SOLVED, SOLVED))
                .param("from", Timestamp.from(from))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> row(rs))
                .list();
        Map<Long, Village> villages = new LinkedHashMap<>();
        if ("village".equals(dimension)) {
            townships.villages(null, true).forEach(v -> villages.put(v.id(), v));
        }
        List<Row> labelled = new ArrayList<>();
        for (Row row : rows) {
            labelled.add(row.withLabel(label(dimension, row.key(), villages)));
        }
        return labelled;
    }

    /** Open appeals by how long they have been in. */
    public List<AgeBand> ages() {
        Instant now = clock.instant();
        List<Instant> submitted = jdbc.sql(
                        "select a.submitted_at from appeals_appeal a where not " + SOLVED + " order by 1")
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
        List<AgeBand> bands = new ArrayList<>();
        Duration[] limits = {
            Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(30), null
        };
        String[] keys = {"lt1h", "lt24h", "lt3d", "lt7d", "lt30d", "ge30d"};
        Duration lower = Duration.ZERO;
        for (int i = 0; i < limits.length; i++) {
            Duration low = lower;
            Duration high = limits[i];
            long count = submitted.stream()
                    .map(s -> Duration.between(s, now))
                    .filter(age -> age.compareTo(low) >= 0 && (high == null || age.compareTo(high) < 0))
                    .count();
            bands.add(new AgeBand(keys[i], count));
            lower = high;
        }
        return bands;
    }

    /** The last months (the current one last) by month of submission, Beijing time. */
    public List<Month> monthly(int months) {
        YearMonth current = YearMonth.now(clock.withZone(BEIJING));
        YearMonth first = current.minusMonths(Math.max(1, months) - 1L);
        Instant from = first.atDay(1).atStartOfDay(BEIJING).toInstant();
        Map<String, Month> byMonth = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
            byMonth.put(m.toString(), new Month(m, 0, 0, 0, 0, 0, 0, null));
        }
        jdbc.sql("""
                        select to_char(a.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
                               count(*) as received,
                               count(*) filter (where a.accepted_at is not null
                                                and a.accepted_at <= a.accept_due_at) as accepted_in_time,
                               count(*) filter (where %s) as resolved,
                               count(*) filter (where %s and a.resolved_at <= a.resolve_due_at) as resolved_in_time,
                               count(a.rating) as rated,
                               count(*) filter (where a.rating >= 4) as satisfied,
                               cast(avg(a.rating) as double precision) as rating
                        from appeals_appeal a where a.submitted_at >= :from
                        group by 1
                        """.formatted(SOLVED, SOLVED))
                .param("from", Timestamp.from(from))
                .query((rs, n) -> month(rs))
                .list()
                .forEach(m -> byMonth.replace(m.month().toString(), m));
        return List.copyOf(byMonth.values());
    }

    private String label(String dimension, String key, Map<Long, Village> villages) {
        if ("village".equals(dimension)) {
            if (key == null || key.isEmpty()) {
                return null;
            }
            Village village = villages.get(Long.parseLong(key));
            return village == null ? "#" + key : village.townshipName() + " · " + village.name();
        }
        if ("handler".equals(dimension)) {
            return switch (key) {
                case "OFFICE" -> AppealNotices.OFFICE_LABEL;
                case "HELPER" -> "帮扶党员";
                case "BOARD" -> "领题攻坚（待认领）";
                default -> key.startsWith("D") ? notices.unitName(Long.parseLong(key.substring(1))) : key;
            };
        }
        return workflow.categoryName(AppealCategory.valueOf(key));
    }

    private static Month month(ResultSet rs) throws SQLException {
        return new Month(
                YearMonth.parse(rs.getString("month")),
                rs.getLong("received"),
                rs.getLong("accepted_in_time"),
                rs.getLong("resolved"),
                rs.getLong("resolved_in_time"),
                rs.getLong("rated"),
                rs.getLong("satisfied"),
                (Double) rs.getObject("rating", Double.class));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("k"),
                null,
                rs.getLong("received"),
                rs.getLong("solved"),
                rs.getLong("solved_in_time"),
                rs.getLong("open"),
                rs.getLong("overdue"),
                rs.getLong("escalated"),
                (Double) rs.getObject("rating", Double.class));
    }

    /** The county's appeal figures. */
    public record Summary(long received, long solved, long open, long overdue, Double rating, long problemsSolved) {}

    /**
     * One line of the supervision view.
     *
     * @param key the category, the handler ({@code D<unit id>}, {@code OFFICE}, {@code HELPER},
     *     {@code BOARD}) or the village id
     * @param label what people read; null for appeals of drivers without a village
     */
    public record Row(
            String key,
            String label,
            long received,
            long solved,
            long solvedInTime,
            long open,
            long overdue,
            long escalated,
            Double rating) {

        Row withLabel(String label) {
            return new Row(key, label, received, solved, solvedInTime, open, overdue, escalated, rating);
        }

        /** Share solved in time, 0–100, or null when nothing was solved. */
        public Integer inTimePercent() {
            return solved == 0 ? null : (int) Math.round(100.0 * solvedInTime / solved);
        }
    }

    /** Open appeals of an age band ({@code lt1h}, {@code lt24h}, … {@code ge30d}). */
    public record AgeBand(String key, long count) {}

    /** A month's figures, by month of submission. */
    public record Month(
            YearMonth month,
            long received,
            long acceptedInTime,
            long resolved,
            long resolvedInTime,
            long rated,
            long satisfied,
            Double rating) {

        public Integer acceptedInTimePercent() {
            return received == 0 ? null : (int) Math.round(100.0 * acceptedInTime / received);
        }

        public Integer resolvedInTimePercent() {
            return resolved == 0 ? null : (int) Math.round(100.0 * resolvedInTime / resolved);
        }

        /** Share of ratings of 4 or 5 stars. */
        public Integer satisfactionPercent() {
            return rated == 0 ? null : (int) Math.round(100.0 * satisfied / rated);
        }
    }
}
