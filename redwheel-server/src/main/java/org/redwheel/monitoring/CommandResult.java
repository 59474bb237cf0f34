package org.redwheel.monitoring;

/**
 * How a terminal answered a downlink command.
 *
 * @param outcome what happened
 * @param result the terminal's 0x0001 result code (0 success, 1 failure, 2 message error, 3 not
 *     supported) when it answered
 */
public record CommandResult(Outcome outcome, int result) {

    public enum Outcome {
        /** The terminal answered (see the result code). */
        ANSWERED,
        /** The terminal is not connected. */
        OFFLINE,
        /** No answer within the timeout. */
        TIMEOUT
    }

    public boolean succeeded() {
        return outcome == Outcome.ANSWERED && result == 0;
    }

    static CommandResult answered(int result) {
        return new CommandResult(Outcome.ANSWERED, result);
    }

    static CommandResult offline() {
        return new CommandResult(Outcome.OFFLINE, -1);
    }

    static CommandResult timeout() {
        return new CommandResult(Outcome.TIMEOUT, -1);
    }
}
