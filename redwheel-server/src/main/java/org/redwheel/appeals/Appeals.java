package org.redwheel.appeals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redwheel.Page;
import org.redwheel.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Drivers' appeals: intake from every channel and the lifecycle, for the actor who asks. An appeal
 * outside the actor's reach is not found (404), whoever he is: another driver's appeal included.
 * Every write checks everything first and changes nothing when anything is wrong; a transition
 * that is not allowed from the appeal's status is refused naming the status.
 */
@Service
public class Appeals {

    /** Sort keys of the list, mapped to their SQL. */
    public static final Map<String, String> SORTS = Map.of(
            "submittedAt", "a.submitted_at",
            "acceptDue", "a.accept_due_at",
            "resolveDue", "a.resolve_due_at",
            "status", "a.status",
            "category", "a.category");

    private final AppealWorkflow workflow;
    private final JdbcClient jdbc;
    private final AppealsProperties properties;
    private final Clock clock;
    private final boolean notify;

    @Autowired
    Appeals(AppealWorkflow workflow, JdbcClient jdbc, AppealsProperties properties, Clock clock) {
        this(workflow, jdbc, properties, clock, true);
    }

    private Appeals(
            AppealWorkflow workflow, JdbcClient jdbc, AppealsProperties properties, Clock clock, boolean notify) {
        this.workflow = workflow;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.notify = notify;
    }

    /**
     * The same service for importing past records (the demo county's year of appeals, a paper
     * ledger): every rule and step as usual, at the times the given clock tells, and nobody notified.
     */
    public Appeals replaying(Clock past) {
        return new Appeals(workflow, jdbc, properties, past, false);
    }

    /** The service levels as of now. */
    public ServiceLevels serviceLevels() {
        return new ServiceLevels(properties, clock);
    }

    /**
     * Takes in an appeal and routes it. A driver's own appeal is his, through his mobile page; staff
     * record the other channels (a helper only for his own drivers).
     *
     * @throws InvalidInputException naming the fields; nothing is stored
     */
    public long submit(AppealActor actor, NewAppeal appeal) {
        return workflow.submit(actor, appeal, clock.instant(), notify);
    }

    /** Accepts a submitted appeal; its route accepting it (a department, a helper) takes it on at once. */
    public void accept(AppealActor actor, long id) {
        workflow.accept(actor, id, clock.instant(), notify);
    }

    /** The office or the desk sends an accepted appeal to a handler (again). */
    public void assign(AppealActor actor, long id, AppealHandler handler) {
        workflow.assign(actor, id, handler, clock.instant(), notify);
    }

    /** The handler starts work. */
    public void start(AppealActor actor, long id) {
        workflow.start(actor, id, clock.instant());
    }

    /** The handler records the solution; the driver is told and asked to confirm. */
    public void resolve(AppealActor actor, long id, String solution) {
        workflow.resolve(actor, id, solution, clock.instant());
    }

    /** The driver (or the county for him, on the phone) confirms the solution with a rating of 1–5. */
    public void confirm(AppealActor actor, long id, Integer rating, String feedback) {
        workflow.confirm(actor, id, rating, feedback, clock.instant());
    }

    /** The driver (or the county for him) is not satisfied: the appeal goes back to its handler with a new deadline. */
    public void reopen(AppealActor actor, long id, String reason) {
        workflow.reopen(actor, id, reason, clock.instant(), notify);
    }

    public Optional<Appeal> find(AppealActor actor, long id) {
        return workflow.find(actor, id);
    }

    public Appeal get(AppealActor actor, long id) {
        return workflow.get(actor, id);
    }

    /** The steps of an appeal, oldest first; a driver sees his status messages only. */
    public List<AppealStep> steps(AppealActor actor, long id) {
        get(actor, id);
        return jdbc.sql("select * from appeals_step where appeal_id = :id"
                        + (actor.kind() == AppealActor.Kind.DRIVER ? " and driver_visible" : "")
                        + " order by at, id")
                .param("id", id)
                .query(AppealRows::step)
                .list();
    }

    /** The photo of an appeal the actor may see. */
    public Optional<AppealPhoto> photo(AppealActor actor, long id) {
        get(actor, id);
        return jdbc.sql("select content_type, content from appeals_photo where appeal_id = :id")
                .param("id", id)
                .query((rs, n) -> new AppealPhoto(rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    public Page<Appeal> search(AppealActor actor, AppealFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(actor, filter, params);
        long total = jdbc.sql("select count(*) from appeals_appeal a" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Appeal> content = jdbc.sql(AppealRows.SELECT_APPEAL + where + page.orderBy(SORTS, "submittedAt", "a.id")
                        + " offset :offset limit :limit")
                .params(params)
                .param("offset", page.offset())
                .param("limit", page.size())
                .query(AppealRows::appeal)
                .list();
        return new Page<>(content, page.page(), page.size(), total);
    }

    /** A driver's own appeals, newest first, each with his latest status message and whether he has read it. */
    public List<DriverAppeal> mine(AppealActor driver) {
        if (driver.kind() != AppealActor.Kind.DRIVER) {
            return List.of();
        }
        List<Appeal> appeals = search(
                        driver, AppealFilter.all(), new PageRequest(0, PageRequest.MAX_SIZE, "submittedAt", false))
                .content();
        List<DriverAppeal> lines = new ArrayList<>();
        for (Appeal appeal : appeals) {
            AppealStep last = jdbc.sql("""
                            select * from appeals_step where appeal_id = :id and driver_visible
                            order by at desc, id desc limit 1
                            """)
                    .param("id", appeal.id())
                    .query(AppealRows::step)
                    .optional()
                    .orElse(null);
            // His own steps (sending, confirming, reopening) are no news to him.
            boolean unread = last != null
                    && last.actorKind() != AppealActor.Kind.DRIVER
                    && (appeal.driverSeenAt() == null || last.at().isAfter(appeal.driverSeenAt()));
            lines.add(new DriverAppeal(appeal, last, unread));
        }
        return lines;
    }

    /** The driver has read his appeal's messages. */
    public void markSeen(AppealActor driver, long id) {
        if (driver.kind() != AppealActor.Kind.DRIVER) {
            return;
        }
        get(driver, id);
        jdbc.sql("update appeals_appeal set driver_seen_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /** How many appeals of each driver were resolved in the period (e.g. for helpers' "three ones"). */
    public Map<Long, Long> solvedPerDriver(Instant from, Instant to) {
        Map<Long, Long> solved = new HashMap<>();
        jdbc.sql("""
                        select driver_id, count(*) as solved from appeals_appeal
                        where status in ('RESOLVED', 'CONFIRMED') and resolved_at >= :from and resolved_at < :to
                        group by driver_id
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> solved.put(rs.getLong("driver_id"), rs.getLong("solved")))
                .list();
        return solved;
    }

    /** A driver's appeal with his newest status message. */
    public record DriverAppeal(Appeal appeal, AppealStep lastMessage, boolean unread) {}

    private String where(AppealActor actor, AppealFilter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add(AppealRows.reach(actor, params));
        if ("open".equals(filter.state())) {
            clauses.add("a.status not in ('RESOLVED', 'CONFIRMED')");
        } else if ("solved".equals(filter.state())) {
            clauses.add("a.status in ('RESOLVED', 'CONFIRMED')");
        }
        if (filter.status() != null) {
            clauses.add("a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.category() != null) {
            clauses.add("a.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.channel() != null) {
            clauses.add("a.channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.problemId() != null) {
            clauses.add("a.problem_id = :problem");
            params.put("problem", filter.problemId());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            clauses.add(OVERDUE);
            params.put("now", Timestamp.from(clock.instant()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            clauses.add("(a.driver_name ilike :q or a.description ilike :q)");
            params.put(
                    "q",
                    "%"
                            + filter.q()
                                    .strip()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        return " where " + String.join(" and ", clauses);
    }

    static final String OVERDUE = "((a.status = 'SUBMITTED' and a.accept_due_at < :now)"
            + " or (a.status not in ('RESOLVED', 'CONFIRMED') and a.resolve_due_at < :now))";
}
