package org.redwheel.appeals;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The escort alliance's claim-and-solve board (护行联盟 · 领题攻坚): the office posts hard problems,
 * each linking several drivers' similar appeals; one department claims a problem (exactly one, even
 * when two click at once), works it and records the solution, which resolves the linked appeals.
 * Departments see the open problems and their own; solved problems are published, anonymised.
 */
@Service
public class AllianceBoard {

    private final AppealWorkflow workflow;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean notify;

    @Autowired
    AllianceBoard(AppealWorkflow workflow, JdbcClient jdbc, Clock clock) {
        this(workflow, jdbc, clock, true);
    }

    private AllianceBoard(AppealWorkflow workflow, JdbcClient jdbc, Clock clock, boolean notify) {
        this.workflow = workflow;
        this.jdbc = jdbc;
        this.clock = clock;
        this.notify = notify;
    }

    /** The same board for importing past records: the given clock's times, nobody notified. */
    public AllianceBoard replaying(Clock past) {
        return new AllianceBoard(workflow, jdbc, past, false);
    }

    /**
     * Posts a hard problem linking accepted appeals (office only). Title and description are public
     * once the problem is solved: they must not name drivers, phones, ID numbers or plates.
     *
     * @throws InvalidInputException naming {@code appealIds}, {@code title} or {@code description}
     */
    public long post(AppealActor actor, List<Long> appealIds, String title, String description) {
        return workflow.post(actor, appealIds, title, description, clock.instant(), notify);
    }

    /** Links one more accepted appeal to a problem not yet solved (office only). */
    public void link(AppealActor actor, long problemId, long appealId) {
        workflow.link(actor, problemId, appealId, clock.instant());
    }

    /**
     * Claims an open problem for the actor's department.
     *
     * @throws InvalidInputException naming {@code problem} when another department was first
     */
    public void claim(AppealActor actor, long problemId) {
        workflow.claim(actor, problemId, clock.instant(), notify);
    }

    /** The claiming department starts work; the linked appeals are in progress. */
    public void start(AppealActor actor, long problemId) {
        workflow.startProblem(actor, problemId, clock.instant());
    }

    /** The claiming department records the solution; the linked appeals are resolved with it. */
    public void solve(AppealActor actor, long problemId, String solution) {
        workflow.solveProblem(actor, problemId, solution, clock.instant(), notify);
    }

    public Optional<Problem> find(AppealActor actor, long id) {
        return workflow.findProblem(actor, id);
    }

    public Problem get(AppealActor actor, long id) {
        return workflow.problem(actor, id);
    }

    /** The problems the actor sees, in a status or all, newest first. */
    public List<Problem> list(AppealActor actor, ProblemStatus status) {
        Map<String, Object> params = new HashMap<>();
        String where = " where " + AppealRows.problemReach(actor, params);
        if (status != null) {
            where += " and p.status = :status";
            params.put("status", status.name());
        }
        return jdbc
                .sql(AppealRows.SELECT_PROBLEM + where + " order by p.posted_at desc, p.id desc limit 500")
                .params(params)
                .query(AppealRows::problem)
                .list()
                .stream()
                .map(workflow::named)
                .toList();
    }

    /** Solved problems as the public sees them: no names, phones or plates, newest first. */
    public List<PublicProblem> solved() {
        return jdbc
                .sql(AppealRows.SELECT_PROBLEM + " where p.status = 'SOLVED' order by p.solved_at desc, p.id desc")
                .query(AppealRows::problem)
                .list()
                .stream()
                .map(workflow::named)
                .map(p -> new PublicProblem(
                        p.id(),
                        p.category(),
                        PublicText.redact(p.title()),
                        PublicText.redact(p.description()),
                        PublicText.redact(p.solution()),
                        p.claimedUnitName(),
                        p.postedAt(),
                        p.claimedAt(),
                        p.solvedAt(),
                        p.appeals()))
                .toList();
    }

    /** Counts of the board: problems per status. */
    public Map<ProblemStatus, Long> counts() {
        Map<ProblemStatus, Long> counts = new HashMap<>();
        for (ProblemStatus status : ProblemStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) as n from appeals_problem group by status")
                .query((rs, n) -> counts.put(ProblemStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    /** A solved hard problem on the public page. */
    public record PublicProblem(
            long id,
            AppealCategory category,
            String title,
            String description,
            String solution,
            String department,
            Instant postedAt,
            Instant claimedAt,
            Instant solvedAt,
            int drivers) {}
}
