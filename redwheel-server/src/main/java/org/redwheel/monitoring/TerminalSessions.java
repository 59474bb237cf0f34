package org.redwheel.monitoring;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The authenticated connections by terminal id: where downlink commands go. */
@Component
class TerminalSessions {

    private final Map<Long, TerminalConnection> byTerminal = new ConcurrentHashMap<>();

    /** Registers the connection; a terminal that reconnects replaces (and closes) its old connection. */
    void authenticated(long terminalId, TerminalConnection connection) {
        TerminalConnection previous = byTerminal.put(terminalId, connection);
        if (previous != null && previous != connection) {
            previous.close();
        }
    }

    void closed(long terminalId, TerminalConnection connection) {
        byTerminal.remove(terminalId, connection);
    }

    Optional<TerminalConnection> of(long terminalId) {
        return Optional.ofNullable(byTerminal.get(terminalId));
    }

    int size() {
        return byTerminal.size();
    }
}
