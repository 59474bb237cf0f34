package org.redwheel.fleet;

/**
 * A driver's standing towards the Party, as the survey records it; the membership module keeps it
 * in step with the development procedure later (DOMAIN.md §5).
 */
public enum PartyStatus {
    NONE,
    /** 入党申请人 */
    APPLICANT,
    /** 入党积极分子 */
    ACTIVIST,
    /** 发展对象 */
    CANDIDATE,
    /** 预备党员 */
    PROBATIONARY_MEMBER,
    /** 正式党员 */
    FULL_MEMBER;

    /** Probationary and full members are Party members; the earlier stages are not yet. */
    public boolean isMember() {
        return this == PROBATIONARY_MEMBER || this == FULL_MEMBER;
    }

    public String messageKey() {
        return "partyStatus." + name();
    }
}
