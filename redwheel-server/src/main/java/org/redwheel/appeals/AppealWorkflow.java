package org.redwheel.appeals;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.appeals.AppealStep.StepKind;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.GovernmentUnit;
import org.redwheel.organization.GovernmentUnits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of appeals and hard problems: the rules of who may do what in which status, the
 * conditional updates that make concurrent changes safe (one claimant per problem, one transition
 * per status), the steps, and the notices. Time and whether to notify are given by the caller: the
 * live services pass the clock's now and notify; an import of past records passes the record's
 * times and tells nobody.
 */
@Component
class AppealWorkflow {

    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_SOLUTION = 1000;
    static final int MAX_NOTE = 500;
    static final int MAX_TITLE = 60;

    private static final Set<AppealStatus> ASSIGNABLE =
            EnumSet.of(AppealStatus.ACCEPTED, AppealStatus.ASSIGNED, AppealStatus.IN_PROGRESS, AppealStatus.REOPENED);
    private static final Set<AppealStatus> STARTABLE =
            EnumSet.of(AppealStatus.ASSIGNED, AppealStatus.CLAIMED, AppealStatus.REOPENED);

    private final JdbcClient jdbc;
    private final AppealsProperties properties;
    private final AppealRouting routing;
    private final AppealNotices notices;
    private final Drivers drivers;
    private final GovernmentUnits units;
    private final StaffAccounts accounts;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    AppealWorkflow(
            JdbcClient jdbc,
            AppealsProperties properties,
            AppealRouting routing,
            AppealNotices notices,
            Drivers drivers,
            GovernmentUnits units,
            StaffAccounts accounts,
            MessageSource messages,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.routing = routing;
        this.notices = notices;
        this.drivers = drivers;
        this.units = units;
        this.accounts = accounts;
        this.messages = messages;
        this.events = events;
    }

    ServiceLevels levels(Instant now) {
        return new ServiceLevels(properties, Clock.fixed(now, ZoneOffset.UTC));
    }

    // ---- appeals ----

    @Transactional
    long submit(AppealActor actor, NewAppeal data, Instant now, boolean notify) {
        List<Violation> v = new ArrayList<>();
        Long driverId = actor.kind() == AppealActor.Kind.DRIVER ? actor.driverId() : data.driverId();
        Optional<Driver> driver = driverId == null
                ? Optional.empty()
                : drivers.find(DataScope.county(), driverId).filter(Driver::active);
        if (driverId == null) {
            v.add(new Violation("driverId", "validation.required"));
        } else if (driver.isEmpty()) {
            v.add(new Violation("driverId", "validation.unknownReference"));
        }
        if (data.category() == null) {
            v.add(new Violation("category", "appeals.category.required"));
        }
        AppealChannel channel = actor.kind() == AppealActor.Kind.DRIVER ? AppealChannel.MOBILE : data.channel();
        if (channel == null) {
            v.add(new Violation("channel", "validation.required"));
        } else if (!channelAllowed(actor, channel)) {
            v.add(new Violation("channel", "appeals.channel.notAllowed"));
        } else if (actor.kind() == AppealActor.Kind.HELPER
                && driver.isPresent()
                && !routing.helperOf(driverId).equals(Optional.of(actor.accountId()))) {
            v.add(new Violation("driverId", "appeals.driver.notAssigned"));
        }
        String description = strip(data.description());
        if (description == null) {
            v.add(new Violation("description", "validation.required"));
        } else if (description.length() > MAX_DESCRIPTION) {
            v.add(new Violation("description", "validation.tooLong"));
        }
        checkLocation(data.latitude(), data.longitude(), v);
        AppealPhoto photo = data.photo() == null
                        || data.photo().content() == null
                        || data.photo().content().length == 0
                ? null
                : data.photo();
        String photoType = null;
        if (photo != null) {
            photoType = AppealPhoto.detectedType(photo.content());
            if (photo.content().length > properties.maxPhotoSize().toBytes()) {
                v.add(new Violation("photo", "appeals.photo.tooLarge"));
            } else if (photoType == null) {
                v.add(new Violation("photo", "appeals.photo.type"));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Driver d = driver.orElseThrow();
        AppealHandler route = routing.route(data.category(), d.id());
        ServiceLevels levels = levels(now);
        boolean fromDesk = actor.county() && channel == AppealChannel.MONITORING_DESK;
        long id = jdbc.sql("""
                        insert into appeals_appeal
                            (driver_id, driver_name, enterprise_id, village_id, township_id, category, channel,
                             description, latitude, longitude, source_alarm_id, status, route_kind, route_unit_id,
                             route_account_id, submitted_at, submitted_by, accept_due_at, resolve_due_at, updated_at)
                        values (:driver, :driverName, :enterprise, :village, :township, :category, :channel,
                                :description, :latitude, :longitude, :alarm, 'SUBMITTED', :routeKind, :routeUnit,
                                :routeAccount, :now, :actor, :acceptDue, :resolveDue, :now)
                        returning id
                        """)
                .param("driver", d.id())
                .param("driverName", d.name())
                .param("enterprise", d.enterpriseId())
                .param("village", d.villageId())
                .param("township", d.townshipId())
                .param("category", data.category().name())
                .param("channel", channel.name())
                .param("description", description)
                .param("latitude", data.latitude())
                .param("longitude", data.longitude())
                .param("alarm", fromDesk ? data.sourceAlarmId() : null)
                .param("routeKind", route.kind().name())
                .param("routeUnit", route.unitId())
                .param("routeAccount", route.accountId())
                .param("now", Timestamp.from(now))
                .param("actor", actor.name())
                .param("acceptDue", Timestamp.from(levels.acceptDue(data.category(), now)))
                .param("resolveDue", Timestamp.from(levels.resolveDue(data.category(), now)))
                .query(Long.class)
                .single();
        if (photo != null) {
            jdbc.sql("""
                            insert into appeals_photo (appeal_id, content_type, content, uploaded_at)
                            values (:id, :type, :content, :now)
                            """)
                    .param("id", id)
                    .param("type", photoType)
                    .param("content", photo.content())
                    .param("now", Timestamp.from(now))
                    .update();
        }
        step(id, StepKind.SUBMITTED, AppealStatus.SUBMITTED, now, actor, notices.label(route), null, true);
        if (notify) {
            notices.toHandler(
                    route,
                    id,
                    "新诉求待受理：" + categoryName(data.category()),
                    d.name() + "（" + channelName(channel) + "）：" + abbreviate(description) + "（请在"
                            + properties.acceptWithin(data.category()).toMinutes() + "分钟内受理）");
        }
        return id;
    }

    @Transactional
    void accept(AppealActor actor, long id, Instant now, boolean notify) {
        Appeal appeal = get(actor, id);
        boolean own = !actor.county() && actor.is(appeal.route());
        if (!actor.county() && !own) {
            throw new AccessDeniedException("only the office or the appeal's route accepts it");
        }
        require(appeal, EnumSet.of(AppealStatus.SUBMITTED), "accept");
        update(appeal, EnumSet.of(AppealStatus.SUBMITTED), "accept", "status = 'ACCEPTED', accepted_at = :now", now);
        step(id, StepKind.ACCEPTED, AppealStatus.ACCEPTED, now, actor, notices.label(appeal.route()), null, true);
        if (appeal.route().kind() != HandlerKind.OFFICE) {
            setHandler(appeal.id(), appeal.route(), EnumSet.of(AppealStatus.ACCEPTED), now);
            step(id, StepKind.ASSIGNED, AppealStatus.ASSIGNED, now, actor, notices.label(appeal.route()), null, true);
            if (notify && !own) {
                notices.toHandler(
                        appeal.route(),
                        id,
                        "诉求已交办：" + categoryName(appeal.category()),
                        appeal.driverName() + "：" + abbreviate(appeal.description()));
            }
        }
    }

    @Transactional
    void assign(AppealActor actor, long id, AppealHandler handler, Instant now, boolean notify) {
        Appeal appeal = get(actor, id);
        if (!actor.county()) {
            throw new AccessDeniedException("only the office and the desk assign appeals");
        }
        List<Violation> v = new ArrayList<>();
        if (handler == null) {
            v.add(new Violation("handler", "validation.required"));
        } else if (!handlerExists(handler)) {
            v.add(new Violation("handler", "validation.unknownReference"));
        }
        if (appeal.problemId() != null) {
            v.add(new Violation("handler", "appeals.assign.onBoard"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        require(appeal, ASSIGNABLE, "assign");
        setHandler(id, handler, ASSIGNABLE, now);
        step(id, StepKind.ASSIGNED, AppealStatus.ASSIGNED, now, actor, notices.label(handler), null, true);
        if (notify && !actor.is(handler)) {
            notices.toHandler(
                    handler,
                    id,
                    "诉求已交办：" + categoryName(appeal.category()),
                    appeal.driverName() + "：" + abbreviate(appeal.description()) + "（请在"
                            + timeText(appeal.resolveDueAt()) + "前办结）");
        }
    }

    @Transactional
    void start(AppealActor actor, long id, Instant now) {
        Appeal appeal = get(actor, id);
        requireWorker(actor, appeal);
        require(appeal, STARTABLE, "start");
        update(appeal, STARTABLE, "start", "status = 'IN_PROGRESS'", now);
        step(id, StepKind.STARTED, AppealStatus.IN_PROGRESS, now, actor, notices.label(appeal.handler()), null, true);
    }

    @Transactional
    void resolve(AppealActor actor, long id, String solution, Instant now) {
        Appeal appeal = get(actor, id);
        requireWorker(actor, appeal);
        String text = strip(solution);
        if (text == null) {
            throw InvalidInputException.of("solution", "validation.required");
        }
        if (text.length() > MAX_SOLUTION) {
            throw InvalidInputException.of("solution", "validation.tooLong");
        }
        require(appeal, EnumSet.of(AppealStatus.IN_PROGRESS), "resolve");
        markResolved(appeal, actor, text, now);
    }

    @Transactional
    void confirm(AppealActor actor, long id, Integer rating, String feedback, Instant now) {
        Appeal appeal = get(actor, id);
        requireDriverSide(actor);
        List<Violation> v = new ArrayList<>();
        if (rating == null || rating < 1 || rating > 5) {
            v.add(new Violation("rating", "appeals.rating.range"));
        }
        String text = strip(feedback);
        if (text != null && text.length() > MAX_NOTE) {
            v.add(new Violation("feedback", "validation.tooLong"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        require(appeal, EnumSet.of(AppealStatus.RESOLVED), "confirm");
        jdbc.sql("""
                        update appeals_appeal set status = 'CONFIRMED', confirmed_at = :now, rating = :rating,
                            feedback = :feedback, updated_at = :now
                        where id = :id and status = 'RESOLVED'
                        """)
                .param("now", Timestamp.from(now))
                .param("rating", rating)
                .param("feedback", text)
                .param("id", id)
                .update();
        step(id, StepKind.CONFIRMED, AppealStatus.CONFIRMED, now, actor, null, ratingNote(rating, text), true);
    }

    @Transactional
    void reopen(AppealActor actor, long id, String reason, Instant now, boolean notify) {
        Appeal appeal = get(actor, id);
        requireDriverSide(actor);
        String text = strip(reason);
        if (text == null) {
            throw InvalidInputException.of("reason", "validation.required");
        }
        if (text.length() > MAX_NOTE) {
            throw InvalidInputException.of("reason", "validation.tooLong");
        }
        require(appeal, EnumSet.of(AppealStatus.RESOLVED), "reopen");
        int updated = jdbc.sql("""
                        update appeals_appeal set status = 'REOPENED', reopen_count = reopen_count + 1,
                            resolve_due_at = :due, resolve_escalated_at = null, updated_at = :now
                        where id = :id and status = 'RESOLVED'
                        """)
                .param("due", Timestamp.from(levels(now).resolveDue(appeal.category(), now)))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        if (updated == 0) {
            throw InvalidInputException.of("status", "appeals.transition.reopen");
        }
        step(id, StepKind.REOPENED, AppealStatus.REOPENED, now, actor, notices.label(appeal.handler()), text, true);
        if (notify && appeal.handler() != null) {
            notices.toHandler(
                    appeal.handler(),
                    id,
                    "诉求被重新打开：" + categoryName(appeal.category()),
                    appeal.driverName() + "：" + abbreviate(text));
        }
    }

    /** Marks an overdue acceptance or resolution escalated and tells the office, once. */
    @Transactional
    boolean escalate(long id, ServiceLevels.Escalation escalation, Instant now, boolean notify) {
        String column = escalation == ServiceLevels.Escalation.ACCEPT ? "accept_escalated_at" : "resolve_escalated_at";
        String condition = escalation == ServiceLevels.Escalation.ACCEPT
                ? "status = 'SUBMITTED' and accept_due_at < :now"
                : "status not in ('RESOLVED', 'CONFIRMED') and resolve_due_at < :now";
        int updated = jdbc.sql("update appeals_appeal set " + column + " = :now where id = :id and " + column
                        + " is null and " + condition)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        if (updated == 0) {
            return false;
        }
        Appeal appeal = find(AppealActor.office("system"), id).orElseThrow();
        StepKind kind =
                escalation == ServiceLevels.Escalation.ACCEPT ? StepKind.ACCEPT_ESCALATED : StepKind.RESOLVE_ESCALATED;
        step(
                id,
                kind,
                appeal.status(),
                now,
                AppealActor.office("system"),
                notices.label(appeal.handler()),
                null,
                false);
        if (notify) {
            String what = escalation == ServiceLevels.Escalation.ACCEPT ? "超时未受理" : "超时未办结";
            notices.toOffice(
                    "诉求督办：" + what,
                    "#" + id + " " + categoryName(appeal.category()) + "，" + appeal.driverName() + "：" + what + "（时限"
                            + timeText(
                                    escalation == ServiceLevels.Escalation.ACCEPT
                                            ? appeal.acceptDueAt()
                                            : appeal.resolveDueAt())
                            + "）",
                    "/console/appeals/" + id);
        }
        return true;
    }

    // ---- hard problems on the board ----

    @Transactional
    long post(AppealActor actor, List<Long> appealIds, String title, String description, Instant now, boolean notify) {
        List<Appeal> linked = new ArrayList<>();
        for (Long appealId : appealIds == null ? List.<Long>of() : appealIds) {
            if (appealId != null && linked.stream().noneMatch(a -> a.id() == appealId)) {
                linked.add(get(actor, appealId));
            }
        }
        // The office posts any appeal; a helper or a department escalates those it handles.
        if (!actor.office() && linked.stream().anyMatch(a -> !actor.is(a.handler()))) {
            throw new AccessDeniedException("only the office, or the handler of every linked appeal, posts it");
        }
        List<Violation> v = new ArrayList<>();
        if (linked.isEmpty()) {
            v.add(new Violation("appealIds", "validation.required"));
        } else if (linked.stream().anyMatch(a -> !postable(a))) {
            v.add(new Violation("appealIds", "appeals.transition.post"));
        }
        List<String> names = linked.stream().map(Appeal::driverName).toList();
        String cleanTitle = publicText(title, MAX_TITLE, "title", names, v);
        String cleanDescription = publicText(description, MAX_DESCRIPTION, "description", names, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        AppealCategory category = linked.get(0).category();
        long problemId = jdbc.sql("""
                        insert into appeals_problem (category, title, description, status, posted_at, posted_by)
                        values (:category, :title, :description, 'OPEN', :now, :actor) returning id
                        """)
                .param("category", category.name())
                .param("title", cleanTitle)
                .param("description", cleanDescription)
                .param("now", Timestamp.from(now))
                .param("actor", actor.name())
                .query(Long.class)
                .single();
        for (Appeal appeal : linked) {
            linkAppeal(actor, appeal, problemId, cleanTitle, now);
        }
        if (notify) {
            notices.toAlliance(
                    "领题攻坚：新难题待认领",
                    categoryName(category) + "：" + cleanTitle + "（涉及" + linked.size() + "件诉求）",
                    "/console/appeals/board/" + problemId);
        }
        return problemId;
    }

    @Transactional
    void link(AppealActor actor, long problemId, long appealId, Instant now) {
        if (!actor.office()) {
            throw new AccessDeniedException("only the office links appeals to hard problems");
        }
        Problem problem = problem(actor, problemId);
        Appeal appeal = get(actor, appealId);
        if (problem.status() == ProblemStatus.SOLVED) {
            throw InvalidInputException.of("problemId", "appeals.problem.solvedAlready");
        }
        if (!postable(appeal)) {
            throw InvalidInputException.of("problemId", "appeals.transition.post");
        }
        if (PublicText.carriesPersonalData(
                problem.title() + " " + problem.description(), List.of(appeal.driverName()))) {
            throw InvalidInputException.of("problemId", "appeals.publicText.personalData");
        }
        linkAppeal(actor, appeal, problemId, problem.title(), now);
        if (problem.claimed()) {
            AppealHandler claimant = AppealHandler.department(problem.claimedUnitId());
            setHandler(appealId, claimant, EnumSet.of(AppealStatus.ACCEPTED), now, AppealStatus.CLAIMED);
            step(appealId, StepKind.CLAIMED, AppealStatus.CLAIMED, now, actor, notices.label(claimant), null, true);
            if (problem.status() == ProblemStatus.IN_PROGRESS) {
                update(get(actor, appealId), EnumSet.of(AppealStatus.CLAIMED), "start", "status = 'IN_PROGRESS'", now);
                step(
                        appealId,
                        StepKind.STARTED,
                        AppealStatus.IN_PROGRESS,
                        now,
                        actor,
                        notices.label(claimant),
                        null,
                        true);
            }
        }
    }

    /**
     * Claims an open problem for the actor's department. Exactly one department wins, however many
     * click at once: the update only succeeds while nobody has claimed it.
     */
    @Transactional
    void claim(AppealActor actor, long problemId, Instant now, boolean notify) {
        if (actor.kind() != AppealActor.Kind.DEPARTMENT) {
            throw new AccessDeniedException("only departments claim hard problems");
        }
        // Every department sees the open board, so whoever was second is told it was claimed (even
        // when it no longer lies in his reach by the time he asks) rather than that it does not exist.
        Problem problem = problem(AppealActor.office(actor.name()), problemId);
        int updated = jdbc.sql("""
                        update appeals_problem set status = 'CLAIMED', claimed_unit_id = :unit, claimed_at = :now,
                            claimed_by = :actor
                        where id = :id and claimed_unit_id is null and status = 'OPEN'
                        """)
                .param("unit", actor.unitId())
                .param("now", Timestamp.from(now))
                .param("actor", actor.name())
                .param("id", problemId)
                .update();
        if (updated == 0) {
            throw InvalidInputException.of("problem", "appeals.problem.alreadyClaimed");
        }
        AppealHandler claimant = AppealHandler.department(actor.unitId());
        String label = notices.label(claimant);
        List<Long> claimed = jdbc.sql("""
                        update appeals_appeal set status = 'CLAIMED', handler_kind = 'DEPARTMENT',
                            handler_unit_id = :unit, handler_account_id = null, updated_at = :now
                        where problem_id = :id and status = 'ACCEPTED' returning id
                        """)
                .param("unit", actor.unitId())
                .param("now", Timestamp.from(now))
                .param("id", problemId)
                .query(Long.class)
                .list();
        for (long appealId : claimed) {
            step(appealId, StepKind.CLAIMED, AppealStatus.CLAIMED, now, actor, label, null, true);
        }
        events.publishEvent(new ProblemClaimed(problemId, actor.unitId(), now));
        if (notify) {
            notices.toOffice("领题攻坚：难题已被认领", label + "认领了难题：" + problem.title(), "/console/appeals/board/" + problemId);
        }
    }

    @Transactional
    void startProblem(AppealActor actor, long problemId, Instant now) {
        Problem problem = problem(actor, problemId);
        requireClaimant(actor, problem);
        int updated = jdbc.sql("""
                        update appeals_problem set status = 'IN_PROGRESS', started_at = :now
                        where id = :id and status = 'CLAIMED'
                        """)
                .param("now", Timestamp.from(now))
                .param("id", problemId)
                .update();
        if (updated == 0) {
            throw InvalidInputException.of("status", "appeals.transition.startProblem");
        }
        String label = notices.label(AppealHandler.department(actor.unitId()));
        for (long appealId : appealsOf(problemId, AppealStatus.CLAIMED)) {
            update(get(actor, appealId), EnumSet.of(AppealStatus.CLAIMED), "start", "status = 'IN_PROGRESS'", now);
            step(appealId, StepKind.STARTED, AppealStatus.IN_PROGRESS, now, actor, label, null, true);
        }
    }

    @Transactional
    void solveProblem(AppealActor actor, long problemId, String solution, Instant now, boolean notify) {
        Problem problem = problem(actor, problemId);
        requireClaimant(actor, problem);
        List<Violation> v = new ArrayList<>();
        List<String> names = jdbc.sql("select distinct driver_name from appeals_appeal where problem_id = :id")
                .param("id", problemId)
                .query(String.class)
                .list();
        String text = publicText(solution, MAX_SOLUTION, "solution", names, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        int updated = jdbc.sql("""
                        update appeals_problem set status = 'SOLVED', solved_at = :now, solved_by = :actor,
                            solution = :solution
                        where id = :id and status = 'IN_PROGRESS'
                        """)
                .param("now", Timestamp.from(now))
                .param("actor", actor.name())
                .param("solution", text)
                .param("id", problemId)
                .update();
        if (updated == 0) {
            throw InvalidInputException.of("status", "appeals.transition.solveProblem");
        }
        for (long appealId : appealsOf(problemId, AppealStatus.IN_PROGRESS)) {
            markResolved(get(actor, appealId), actor, text, now);
        }
        if (notify) {
            notices.toOffice(
                    "领题攻坚：难题已解决",
                    notices.label(AppealHandler.department(actor.unitId())) + "解决了难题：" + problem.title(),
                    "/console/appeals/board/" + problemId);
        }
    }

    // ---- reads used by the writes ----

    Optional<Appeal> find(AppealActor actor, long id) {
        Map<String, Object> params = AppealRows.params();
        return jdbc.sql(AppealRows.SELECT_APPEAL + " where a.id = :id and " + AppealRows.reach(actor, params))
                .params(params)
                .param("id", id)
                .query(AppealRows::appeal)
                .optional();
    }

    Appeal get(AppealActor actor, long id) {
        return find(actor, id).orElseThrow(() -> new RecordNotFoundException("appeal", id));
    }

    Optional<Problem> findProblem(AppealActor actor, long id) {
        Map<String, Object> params = AppealRows.params();
        return jdbc.sql(AppealRows.SELECT_PROBLEM + " where p.id = :id and " + AppealRows.problemReach(actor, params))
                .params(params)
                .param("id", id)
                .query(AppealRows::problem)
                .optional()
                .map(this::named);
    }

    Problem problem(AppealActor actor, long id) {
        return findProblem(actor, id).orElseThrow(() -> new RecordNotFoundException("problem", id));
    }

    Problem named(Problem p) {
        if (p.claimedUnitId() == null) {
            return p;
        }
        return new Problem(
                p.id(),
                p.category(),
                p.title(),
                p.description(),
                p.status(),
                p.postedAt(),
                p.postedBy(),
                p.claimedUnitId(),
                notices.unitName(p.claimedUnitId()),
                p.claimedAt(),
                p.claimedBy(),
                p.startedAt(),
                p.solvedAt(),
                p.solvedBy(),
                p.solution(),
                p.appeals());
    }

    String categoryName(AppealCategory category) {
        return messages.getMessage(category.messageKey(), null, category.name(), Locale.SIMPLIFIED_CHINESE);
    }

    // ---- internals ----

    private void linkAppeal(AppealActor actor, Appeal appeal, long problemId, String title, Instant now) {
        Set<AppealStatus> from = ASSIGNABLE;
        int updated = jdbc.sql("""
                        update appeals_appeal set problem_id = :problem, status = 'ACCEPTED', handler_kind = null,
                            handler_unit_id = null, handler_account_id = null, resolve_due_at = :due,
                            resolve_escalated_at = null, updated_at = :now
                        where id = :id and problem_id is null and status in (:from)
                        """)
                .param("problem", problemId)
                .param("due", Timestamp.from(levels(now).boardResolveDue(now)))
                .param("now", Timestamp.from(now))
                .param("id", appeal.id())
                .param("from", from.stream().map(Enum::name).toList())
                .update();
        if (updated == 0) {
            throw InvalidInputException.of("appealIds", "appeals.transition.post");
        }
        step(appeal.id(), StepKind.POSTED_TO_BOARD, AppealStatus.ACCEPTED, now, actor, null, title, true);
    }

    private void markResolved(Appeal appeal, AppealActor actor, String solution, Instant now) {
        int updated = jdbc.sql("""
                        update appeals_appeal set status = 'RESOLVED', resolved_at = :now, solution = :solution,
                            updated_at = :now
                        where id = :id and status = 'IN_PROGRESS'
                        """)
                .param("now", Timestamp.from(now))
                .param("solution", solution)
                .param("id", appeal.id())
                .update();
        if (updated == 0) {
            throw InvalidInputException.of("status", "appeals.transition.resolve");
        }
        step(
                appeal.id(),
                StepKind.RESOLVED,
                AppealStatus.RESOLVED,
                now,
                actor,
                notices.label(appeal.handler()),
                solution,
                true);
        AppealHandler handler = appeal.handler();
        events.publishEvent(new AppealResolved(
                appeal.id(),
                appeal.driverId(),
                appeal.category(),
                handler == null ? null : handler.kind(),
                handler == null ? null : handler.unitId(),
                handler == null ? null : handler.accountId(),
                now));
    }

    private void setHandler(long id, AppealHandler handler, Set<AppealStatus> from, Instant now) {
        setHandler(id, handler, from, now, AppealStatus.ASSIGNED);
    }

    private void setHandler(long id, AppealHandler handler, Set<AppealStatus> from, Instant now, AppealStatus to) {
        int updated = jdbc.sql("""
                        update appeals_appeal set status = :to, handler_kind = :kind, handler_unit_id = :unit,
                            handler_account_id = :account, updated_at = :now
                        where id = :id and status in (:from)
                        """)
                .param("to", to.name())
                .param("kind", handler.kind().name())
                .param("unit", handler.unitId())
                .param("account", handler.accountId())
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("from", from.stream().map(Enum::name).toList())
                .update();
        if (updated == 0) {
            throw InvalidInputException.of("status", "appeals.transition.assign");
        }
    }

    /** A conditional status change: fails, changing nothing, when somebody changed the status first. */
    private void update(Appeal appeal, Set<AppealStatus> from, String action, String set, Instant now) {
        int updated = jdbc.sql(
                        "update appeals_appeal set " + set + ", updated_at = :now where id = :id and status in (:from)")
                .param("now", Timestamp.from(now))
                .param("id", appeal.id())
                .param("from", from.stream().map(Enum::name).toList())
                .update();
        if (updated == 0) {
            throw InvalidInputException.of("status", "appeals.transition." + action);
        }
    }

    private static void require(Appeal appeal, Set<AppealStatus> from, String action) {
        if (!from.contains(appeal.status())) {
            throw InvalidInputException.of("status", "appeals.transition." + action);
        }
    }

    /** The office, the handler, or (before anybody handles it) where it was routed. */
    private static void requireWorker(AppealActor actor, Appeal appeal) {
        AppealHandler worker = appeal.handler() != null ? appeal.handler() : appeal.route();
        if (!actor.county() && !actor.is(worker)) {
            throw new AccessDeniedException("only the appeal's handler or the office works it");
        }
    }

    private static void requireDriverSide(AppealActor actor) {
        if (actor.kind() != AppealActor.Kind.DRIVER && !actor.county()) {
            throw new AccessDeniedException("only the driver, or the county on his behalf, confirms or reopens");
        }
    }

    private static void requireClaimant(AppealActor actor, Problem problem) {
        if (actor.kind() != AppealActor.Kind.DEPARTMENT || !actor.unitId().equals(problem.claimedUnitId())) {
            throw new AccessDeniedException("only the claiming department works a hard problem");
        }
    }

    private static boolean postable(Appeal appeal) {
        return appeal.problemId() == null && ASSIGNABLE.contains(appeal.status());
    }

    private static boolean channelAllowed(AppealActor actor, AppealChannel channel) {
        return switch (actor.kind()) {
            case DRIVER -> channel == AppealChannel.MOBILE;
            case OFFICE, DESK -> channel != AppealChannel.MOBILE;
            case HELPER -> channel == AppealChannel.HELPER_VISIT;
            case DEPARTMENT, NONE -> false;
        };
    }

    private boolean handlerExists(AppealHandler handler) {
        return switch (handler.kind()) {
            case OFFICE -> true;
            case DEPARTMENT ->
                units.find(DataScope.county(), handler.unitId())
                        .filter(GovernmentUnit::active)
                        .isPresent();
            case HELPER ->
                accounts.find(handler.accountId())
                        .filter(a -> a.active() && a.role() == Role.HELPER)
                        .isPresent();
        };
    }

    private List<Long> appealsOf(long problemId, AppealStatus status) {
        return jdbc.sql("select id from appeals_appeal where problem_id = :id and status = :status order by id")
                .param("id", problemId)
                .param("status", status.name())
                .query(Long.class)
                .list();
    }

    private void step(
            long appealId,
            StepKind kind,
            AppealStatus status,
            Instant at,
            AppealActor actor,
            String handlerLabel,
            String note,
            boolean driverVisible) {
        jdbc.sql("""
                        insert into appeals_step (appeal_id, kind, status, at, actor, actor_kind, handler_label, note,
                                                  driver_visible)
                        values (:appeal, :kind, :status, :at, :actor, :actorKind, :label, :note, :visible)
                        """)
                .param("appeal", appealId)
                .param("kind", kind.name())
                .param("status", status.name())
                .param("at", Timestamp.from(at))
                .param("actor", actor.name())
                .param("actorKind", actor.kind().name())
                .param("label", handlerLabel)
                .param("note", note)
                .param("visible", driverVisible)
                .update();
    }

    private static void checkLocation(BigDecimal latitude, BigDecimal longitude, List<Violation> v) {
        if ((latitude == null) != (longitude == null)) {
            v.add(new Violation("latitude", "appeals.location.incomplete"));
        } else if (latitude != null
                && (latitude.doubleValue() < 3.85
                        || latitude.doubleValue() > 53.55
                        || longitude.doubleValue() < 73.55
                        || longitude.doubleValue() > 135.083)) {
            v.add(new Violation("latitude", "appeals.location.outside"));
        }
    }

    private static String publicText(String value, int max, String field, List<String> names, List<Violation> v) {
        String text = strip(value);
        if (text == null) {
            v.add(new Violation(field, "validation.required"));
        } else if (text.length() > max) {
            v.add(new Violation(field, "validation.tooLong"));
        } else if (PublicText.carriesPersonalData(text, names)) {
            v.add(new Violation(field, "appeals.publicText.personalData"));
        }
        return text;
    }

    private String channelName(AppealChannel channel) {
        return messages.getMessage(channel.messageKey(), null, channel.name(), Locale.SIMPLIFIED_CHINESE);
    }

    private static String ratingNote(int rating, String feedback) {
        return "★".repeat(rating) + (feedback == null ? "" : " " + feedback);
    }

    private static String timeText(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm")
                .format(instant.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
