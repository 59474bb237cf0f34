package org.redwheel.safety;

/** What a {@link SafetyEvent} is about. */
public enum EventType {
    /** Continuous driving beyond the day limit (4 h) without the minimum rest. */
    FATIGUE,
    /** Continuous driving is within the pre-warning margin of its limit (day or night). */
    FATIGUE_PRE_WARNING,
    /** Continuous driving beyond the night limit (2 h) inside the night window. */
    NIGHT_FATIGUE,
    /** More driving than the daily limit (8 h) in a rolling 24 h window. */
    DAILY_DRIVING_EXCEEDED,
    /** Speed over the applicable limit for at least the minimum duration. */
    OVERSPEED,
    /** Speed within the pre-warning margin below the limit for at least the minimum duration. */
    OVERSPEED_PRE_WARNING,
    /** Driving inside the optional local night-driving window (e.g. 02:00–05:00). */
    NIGHT_DRIVING,
    /** No fix received for longer than the vehicle should stay silent. */
    OFFLINE,
    /** Fixes outside the valid ranges (position, speed, altitude, time in the future). */
    INVALID_FIX,
    /** Fixes whose implied speed from the previous position is impossible. */
    DRIFT,
    /** Stopped for longer than the parking limit. */
    LONG_PARKING,
    /** An alarm bit raised by the terminal itself with no computed episode to attach it to. */
    TERMINAL_ALARM;

    /** Fatigue and night fatigue are one family: a late fix may move a crossing over 22:00. */
    boolean sameFamily(EventType other) {
        return this == other || (isFatigue() && other.isFatigue());
    }

    private boolean isFatigue() {
        return this == FATIGUE || this == NIGHT_FATIGUE;
    }
}
