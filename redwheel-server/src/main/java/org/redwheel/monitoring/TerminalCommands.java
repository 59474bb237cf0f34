package org.redwheel.monitoring;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.SetTerminalParameters;
import org.redwheel.jt808.message.TerminalParameter;
import org.redwheel.jt808.message.TextMessage;
import org.springframework.stereotype.Service;

/**
 * Sends commands to terminals and waits for their 0x0001 answer, matched by serial number, up to
 * {@code redwheel.gateway.command-timeout}.
 */
@Service
public class TerminalCommands {

    private final TerminalSessions sessions;
    private final GatewayProperties properties;

    TerminalCommands(TerminalSessions sessions, GatewayProperties properties) {
        this.sessions = sessions;
        this.properties = properties;
    }

    /** 0x8300: a text the terminal shows and speaks (TTS). */
    public CompletableFuture<CommandResult> sendText(long terminalId, String text) {
        return send(terminalId, TextMessage.spokenAndShown(text), null);
    }

    /**
     * 0x8300, telling {@code written} the {@link System#nanoTime()} at which the frame has been
     * written to the terminal's socket (not called when it could not be).
     */
    CompletableFuture<CommandResult> sendText(long terminalId, String text, LongConsumer written) {
        return send(terminalId, TextMessage.spokenAndShown(text), written);
    }

    /** 0x8103: sets terminal parameters (e.g. 0x0055 speed limit, 0x0057 continuous-driving limit). */
    public CompletableFuture<CommandResult> setParameters(long terminalId, List<TerminalParameter> parameters) {
        return send(terminalId, new SetTerminalParameters(parameters), null);
    }

    /** Whether the terminal has an authenticated connection now. */
    public boolean online(long terminalId) {
        return sessions.of(terminalId).isPresent();
    }

    private CompletableFuture<CommandResult> send(long terminalId, Jt808Message message, LongConsumer written) {
        return sessions.of(terminalId)
                .map(connection -> connection.command(message, properties.commandTimeout(), written))
                .orElseGet(() -> CompletableFuture.completedFuture(CommandResult.offline()));
    }
}
