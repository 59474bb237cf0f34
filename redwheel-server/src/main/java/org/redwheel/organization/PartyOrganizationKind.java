package org.redwheel.organization;

import java.util.Set;

/** Levels of the Party organisation tree and which level may sit under which. */
public enum PartyOrganizationKind {
    /** The industry Party committee (行业党委): the root. */
    COMMITTEE,
    /** A general branch (党总支). */
    GENERAL_BRANCH,
    /** A branch (党支部), in an enterprise or a village. */
    BRANCH,
    /** A Party group (党小组) inside a branch. */
    GROUP;

    /** Whether a node of this kind may be created under a parent of the given kind. */
    public boolean mayBeUnder(PartyOrganizationKind parent) {
        return switch (this) {
            case COMMITTEE -> false;
            case GENERAL_BRANCH -> parent == COMMITTEE;
            case BRANCH -> parent == COMMITTEE || parent == GENERAL_BRANCH;
            case GROUP -> parent == BRANCH;
        };
    }

    /** The kind a new child of this node usually has; null when nothing may sit under it. */
    PartyOrganizationKind usualChild() {
        return switch (this) {
            case COMMITTEE, GENERAL_BRANCH -> BRANCH;
            case BRANCH -> GROUP;
            case GROUP -> null;
        };
    }

    static final Set<PartyOrganizationKind> HOSTS_ENTERPRISES = Set.of(GENERAL_BRANCH, BRANCH);

    public String messageKey() {
        return "partyOrg.kind." + name();
    }
}
