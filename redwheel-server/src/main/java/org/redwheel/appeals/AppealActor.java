package org.redwheel.appeals;

import java.util.Objects;
import org.redwheel.identity.DriverUser;
import org.redwheel.identity.Role;
import org.redwheel.identity.ScopeKind;
import org.redwheel.identity.StaffUser;

/**
 * Who acts on appeals, and so what he may see and do: the industry committee's office (county
 * administrators), the monitoring desk (the county's operators: intake, accepting and dispatching
 * at any hour), a department (its officers), a helper Party member, or a driver. Anybody else
 * reaches nothing.
 *
 * @param name recorded in the steps: the staff username, or {@code driver:<id>}
 * @param accountId the staff account, for helpers and notifications
 * @param unitId the department's government unit
 * @param driverId the driver's id in the fleet registry
 */
public record AppealActor(Kind kind, String name, Long accountId, Long unitId, Long driverId) {

    /** The reach of an actor. */
    public enum Kind {
        OFFICE,
        DESK,
        DEPARTMENT,
        HELPER,
        DRIVER,
        NONE
    }

    public AppealActor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if ((kind == Kind.DEPARTMENT) != (unitId != null)
                || (kind == Kind.HELPER && accountId == null)
                || (kind == Kind.DRIVER) != (driverId != null)) {
            throw new IllegalArgumentException("actor " + kind + " without its reference");
        }
    }

    /** The signed-in staff member as an actor on appeals. */
    public static AppealActor of(StaffUser user) {
        boolean county = user.scope().kind() == ScopeKind.COUNTY;
        Kind kind;
        if (user.role() == Role.COUNTY_ADMIN && county) {
            kind = Kind.OFFICE;
        } else if (user.role() == Role.MONITORING_OPERATOR && county) {
            kind = Kind.DESK;
        } else if (user.role() == Role.DEPARTMENT_OFFICER && user.scope().kind() == ScopeKind.DEPARTMENT) {
            kind = Kind.DEPARTMENT;
        } else if (user.role() == Role.HELPER) {
            kind = Kind.HELPER;
        } else {
            kind = Kind.NONE;
        }
        return new AppealActor(
                kind,
                user.username(),
                user.accountId(),
                kind == Kind.DEPARTMENT ? user.scope().targetId() : null,
                null);
    }

    /** The signed-in driver of the mobile pages. */
    public static AppealActor of(DriverUser driver) {
        return driver(driver.driverId());
    }

    public static AppealActor office(String username) {
        return new AppealActor(Kind.OFFICE, username, null, null, null);
    }

    public static AppealActor desk(String username) {
        return new AppealActor(Kind.DESK, username, null, null, null);
    }

    public static AppealActor department(long unitId, String username) {
        return new AppealActor(Kind.DEPARTMENT, username, null, unitId, null);
    }

    public static AppealActor helper(long accountId, String username) {
        return new AppealActor(Kind.HELPER, username, accountId, null, null);
    }

    public static AppealActor driver(long driverId) {
        return new AppealActor(Kind.DRIVER, "driver:" + driverId, null, null, driverId);
    }

    /** The office or the desk: the county's own staff, who see every appeal. */
    public boolean county() {
        return kind == Kind.OFFICE || kind == Kind.DESK;
    }

    /** Only the office posts hard problems to the board and links appeals to them. */
    public boolean office() {
        return kind == Kind.OFFICE;
    }

    /** Whether this actor is the handler (or the route) of that kind and reference. */
    boolean is(AppealHandler handler) {
        if (handler == null) {
            return false;
        }
        return switch (handler.kind()) {
            case OFFICE -> county();
            case DEPARTMENT -> kind == Kind.DEPARTMENT && unitId.equals(handler.unitId());
            case HELPER -> kind == Kind.HELPER && accountId.equals(handler.accountId());
        };
    }
}
