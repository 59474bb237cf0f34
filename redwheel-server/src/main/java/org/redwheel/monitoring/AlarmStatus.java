package org.redwheel.monitoring;

/** An alarm's handling, in order (DOMAIN.md §2, 动态监督管理办法 art. 25). */
public enum AlarmStatus {
    /** Recorded; nobody has acted yet. */
    RAISED,
    /** The terminal spoke the reminder (0x8300 answered). */
    REMINDED,
    /** An operator has seen it. */
    ACKNOWLEDGED,
    /** An operator acted (text, phone call, escalation, report to police) and wrote it down. */
    HANDLED,
    /** Handled and over. */
    CLOSED;

    public boolean open() {
        return this == RAISED || this == REMINDED || this == ACKNOWLEDGED;
    }

    public String messageKey() {
        return "alarm.status." + name();
    }
}
