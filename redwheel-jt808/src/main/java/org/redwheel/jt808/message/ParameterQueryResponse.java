package org.redwheel.jt808.message;

import java.util.List;

/** 0x0104: the terminal answers 0x8104 with its parameters. */
public record ParameterQueryResponse(int responseSerial, List<TerminalParameter> parameters) implements Jt808Message {

    public ParameterQueryResponse {
        parameters = List.copyOf(parameters);
    }

    @Override
    public int messageId() {
        return MessageIds.PARAMETER_QUERY_RESPONSE;
    }
}
