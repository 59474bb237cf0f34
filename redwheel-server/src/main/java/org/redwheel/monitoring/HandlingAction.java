package org.redwheel.monitoring;

/** What an operator did about an alarm. */
public enum HandlingAction {
    /** Sent a text the terminal speaks. */
    TTS,
    /** Called the driver. */
    PHONE_CALL,
    /** Told the enterprise's safety department. */
    ESCALATE_ENTERPRISE,
    /** Reported to the traffic police after the driver refused. */
    REPORT_POLICE,
    /** Checked and found no action needed (e.g. a drifting fix). */
    NO_ACTION_NEEDED;

    public String messageKey() {
        return "alarm.action." + name();
    }
}
