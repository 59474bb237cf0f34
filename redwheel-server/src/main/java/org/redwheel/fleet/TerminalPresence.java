package org.redwheel.fleet;

import java.util.Set;

/**
 * Which vehicles have a terminal online right now. The fleet owns this question and the monitoring
 * module, which holds the terminals' live state, answers it, so the dependency points one way.
 */
public interface TerminalPresence {

    /** The ids of the vehicles whose terminal is connected now. */
    Set<Long> onlineVehicleIds();
}
