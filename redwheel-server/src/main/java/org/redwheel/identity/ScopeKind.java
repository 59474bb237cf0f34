package org.redwheel.identity;

/** How far an account's view of business records reaches. */
public enum ScopeKind {
    /** Everything in the county. */
    COUNTY,
    /** A Party organisation and everything below it (its enterprises, branches and groups). */
    ORGANIZATION_SUBTREE,
    /** One logistics enterprise. */
    ENTERPRISE,
    /** One government unit (department). */
    DEPARTMENT,
    /** Only records assigned to the user (e.g. a helper's drivers). */
    ASSIGNED
}
