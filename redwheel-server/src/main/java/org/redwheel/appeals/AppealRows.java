package org.redwheel.appeals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.redwheel.SqlRows;

/** Reading appeals, steps and problems from rows, and the reach of an actor as SQL. */
final class AppealRows {

    /** Every appeal column, and whether a photo is attached. */
    static final String SELECT_APPEAL = "select a.*, exists(select 1 from appeals_photo p where p.appeal_id = a.id)"
            + " as has_photo from appeals_appeal a";

    private AppealRows() {}

    /**
     * The appeals the actor may see, as a condition over alias {@code a}: the county all; a
     * department what it works, what waits for its acceptance, and the appeals of the problems it
     * claimed; a helper what he works or waits for him; a driver his own.
     */
    static String reach(AppealActor actor, Map<String, Object> params) {
        return switch (actor.kind()) {
            case OFFICE, DESK -> "true";
            case DEPARTMENT -> {
                params.put("reachUnit", actor.unitId());
                yield "(a.handler_unit_id = :reachUnit or (a.status = 'SUBMITTED' and a.route_unit_id = :reachUnit)"
                        + " or a.problem_id in (select id from appeals_problem where claimed_unit_id = :reachUnit))";
            }
            case HELPER -> {
                params.put("reachAccount", actor.accountId());
                yield "(a.handler_account_id = :reachAccount"
                        + " or (a.status = 'SUBMITTED' and a.route_account_id = :reachAccount))";
            }
            case DRIVER -> {
                params.put("reachDriver", actor.driverId());
                yield "a.driver_id = :reachDriver";
            }
            case NONE -> "false";
        };
    }

    /** The problems the actor may see, over alias {@code p}: the county all, a department the open ones and its own. */
    static String problemReach(AppealActor actor, Map<String, Object> params) {
        return switch (actor.kind()) {
            case OFFICE, DESK -> "true";
            case DEPARTMENT -> {
                params.put("reachUnit", actor.unitId());
                yield "(p.status = 'OPEN' or p.claimed_unit_id = :reachUnit)";
            }
            case HELPER, DRIVER, NONE -> "false";
        };
    }

    static Map<String, Object> params() {
        return new HashMap<>();
    }

    static Appeal appeal(ResultSet rs, int row) throws SQLException {
        return new Appeal(
                rs.getLong("id"),
                rs.getLong("driver_id"),
                rs.getString("driver_name"),
                SqlRows.nullableLong(rs, "enterprise_id"),
                SqlRows.nullableLong(rs, "village_id"),
                SqlRows.nullableLong(rs, "township_id"),
                AppealCategory.valueOf(rs.getString("category")),
                AppealChannel.valueOf(rs.getString("channel")),
                rs.getString("description"),
                rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"),
                SqlRows.nullableLong(rs, "source_alarm_id"),
                AppealStatus.valueOf(rs.getString("status")),
                handler(rs, "route"),
                handler(rs, "handler"),
                SqlRows.nullableLong(rs, "problem_id"),
                SqlRows.instant(rs, "submitted_at"),
                rs.getString("submitted_by"),
                SqlRows.instant(rs, "accept_due_at"),
                SqlRows.instant(rs, "resolve_due_at"),
                SqlRows.instant(rs, "accepted_at"),
                SqlRows.instant(rs, "resolved_at"),
                rs.getString("solution"),
                SqlRows.instant(rs, "confirmed_at"),
                (Integer) rs.getObject("rating", Integer.class),
                rs.getString("feedback"),
                rs.getInt("reopen_count"),
                SqlRows.instant(rs, "accept_escalated_at"),
                SqlRows.instant(rs, "resolve_escalated_at"),
                SqlRows.instant(rs, "driver_seen_at"),
                rs.getBoolean("has_photo"));
    }

    private static AppealHandler handler(ResultSet rs, String prefix) throws SQLException {
        String kind = rs.getString(prefix + "_kind");
        if (kind == null) {
            return null;
        }
        return new AppealHandler(
                HandlerKind.valueOf(kind),
                SqlRows.nullableLong(rs, prefix + "_unit_id"),
                SqlRows.nullableLong(rs, prefix + "_account_id"));
    }

    static AppealStep step(ResultSet rs, int row) throws SQLException {
        return new AppealStep(
                rs.getLong("id"),
                rs.getLong("appeal_id"),
                AppealStep.StepKind.valueOf(rs.getString("kind")),
                AppealStatus.valueOf(rs.getString("status")),
                SqlRows.instant(rs, "at"),
                rs.getString("actor"),
                AppealActor.Kind.valueOf(rs.getString("actor_kind")),
                rs.getString("handler_label"),
                rs.getString("note"),
                rs.getBoolean("driver_visible"));
    }

    /** A problem row; its department's name is filled in by the caller. */
    static Problem problem(ResultSet rs, int row) throws SQLException {
        return new Problem(
                rs.getLong("id"),
                AppealCategory.valueOf(rs.getString("category")),
                rs.getString("title"),
                rs.getString("description"),
                ProblemStatus.valueOf(rs.getString("status")),
                SqlRows.instant(rs, "posted_at"),
                rs.getString("posted_by"),
                SqlRows.nullableLong(rs, "claimed_unit_id"),
                null,
                SqlRows.instant(rs, "claimed_at"),
                rs.getString("claimed_by"),
                SqlRows.instant(rs, "started_at"),
                SqlRows.instant(rs, "solved_at"),
                rs.getString("solved_by"),
                rs.getString("solution"),
                rs.getInt("appeals"));
    }

    static final String SELECT_PROBLEM = "select p.*, (select count(*) from appeals_appeal a where a.problem_id = p.id)"
            + " as appeals from appeals_problem p";
}
