package org.redwheel.jt808.message;

import java.util.List;

/** 0x8103: the platform sets terminal parameters, e.g. the overspeed and fatigue thresholds. */
public record SetTerminalParameters(List<TerminalParameter> parameters) implements Jt808Message {

    public SetTerminalParameters {
        parameters = List.copyOf(parameters);
    }

    @Override
    public int messageId() {
        return MessageIds.SET_TERMINAL_PARAMETERS;
    }
}
