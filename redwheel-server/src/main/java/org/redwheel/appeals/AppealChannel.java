package org.redwheel.appeals;

/** How an appeal reached the platform. */
public enum AppealChannel {
    /** The driver's own "I need help" page. */
    MOBILE,
    /** A call to the hotline, recorded by the office or the monitoring desk. */
    HOTLINE,
    /** A helper Party member's visit or contact. */
    HELPER_VISIT,
    /** A talk corner (畅言吧) session. */
    TALK_CORNER,
    /** The 24-hour monitoring desk, e.g. from an alarm. */
    MONITORING_DESK;

    public String messageKey() {
        return "appeals.channel." + name();
    }
}
