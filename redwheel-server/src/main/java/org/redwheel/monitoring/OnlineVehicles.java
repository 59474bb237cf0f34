package org.redwheel.monitoring;

import java.util.Set;
import java.util.stream.Collectors;
import org.redwheel.fleet.TerminalPresence;
import org.springframework.stereotype.Component;

/** Answers the fleet's survey which vehicles have their terminal online, from the terminals' live state. */
@Component
class OnlineVehicles implements TerminalPresence {

    private final TerminalStates states;

    OnlineVehicles(TerminalStates states) {
        this.states = states;
    }

    @Override
    public Set<Long> onlineVehicleIds() {
        return states.all().stream()
                .filter(TerminalState::online)
                .map(TerminalState::vehicleId)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
    }
}
