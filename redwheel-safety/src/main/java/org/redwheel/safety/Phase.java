package org.redwheel.safety;

/**
 * Where an episode stands: a consumer raises an alarm on {@link #OPENED}, refreshes it on {@link
 * #UPDATED} and clears it on {@link #CLOSED}. All events of one episode share its {@link
 * SafetyEvent#id()}.
 */
public enum Phase {
    OPENED,
    /** Grade escalated, a terminal alarm bit attached, or an episode first reported late became current. */
    UPDATED,
    CLOSED
}
