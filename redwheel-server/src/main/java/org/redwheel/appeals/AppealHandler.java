package org.redwheel.appeals;

import java.util.Objects;

/**
 * Where an appeal is routed or who works it.
 *
 * @param unitId the department (government unit) for {@link HandlerKind#DEPARTMENT}
 * @param accountId the helper's staff account for {@link HandlerKind#HELPER}
 */
public record AppealHandler(HandlerKind kind, Long unitId, Long accountId) {

    public AppealHandler {
        Objects.requireNonNull(kind, "kind");
        if ((kind == HandlerKind.DEPARTMENT) != (unitId != null)
                || (kind == HandlerKind.HELPER) != (accountId != null)) {
            throw new IllegalArgumentException("handler " + kind + " with unit " + unitId + ", account " + accountId);
        }
    }

    public static AppealHandler office() {
        return new AppealHandler(HandlerKind.OFFICE, null, null);
    }

    public static AppealHandler department(long unitId) {
        return new AppealHandler(HandlerKind.DEPARTMENT, unitId, null);
    }

    public static AppealHandler helper(long accountId) {
        return new AppealHandler(HandlerKind.HELPER, null, accountId);
    }
}
