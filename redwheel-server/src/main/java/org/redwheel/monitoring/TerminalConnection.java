package org.redwheel.monitoring;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.fleet.Terminal;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.Jt808Header;
import org.redwheel.jt808.MissingPackets;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.ExtraItem;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.redwheel.jt808.message.RawMessage;
import org.redwheel.jt808.message.RegistrationResponse;
import org.redwheel.jt808.message.Results;
import org.redwheel.jt808.message.SegmentResendRequest;
import org.redwheel.jt808.message.TerminalAuthentication;
import org.redwheel.jt808.message.TerminalGeneralResponse;
import org.redwheel.jt808.message.TerminalRegistration;
import org.redwheel.jt808.message.TerminalUnregister;
import org.redwheel.jt808.netty.Jt808MessageDecoder;
import org.redwheel.jt808.netty.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One terminal's connection. Runs on the connection's event loop, so its messages are handled in
 * order; blocking work (registry look-ups) goes to an executor while the connection is not read, and
 * positions wait for the database in {@link PositionIngestion} before they are acknowledged. Before
 * authentication only registration, authentication and heartbeats are served.
 */
final class TerminalConnection extends SimpleChannelInboundHandler<Object> {

    private static final Logger log = LoggerFactory.getLogger(TerminalConnection.class);
    private static final int MAX_BAD_FRAMES_IN_A_ROW = 20;

    private final Jt808MessageDecoder decoder;
    private final FleetRegistry fleet;
    private final PositionIngestion ingestion;
    private final TerminalStates states;
    private final TerminalSessions sessions;
    private final GatewayMetrics metrics;
    private final Executor lookups;
    private final AtomicInteger connections;
    private final int maxConnections;
    private final Clock clock;
    private final ArrayDeque<PositionBatch> waiting = new ArrayDeque<>();
    private final Map<Integer, CompletableFuture<CommandResult>> commands = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();

    private ChannelHandlerContext context;
    private Terminal terminal;
    private ProtocolVersion version = ProtocolVersion.V2013;
    private String phone;
    private boolean authenticated;
    private boolean counted;
    private int badFramesInARow;

    TerminalConnection(
            Jt808MessageDecoder decoder,
            FleetRegistry fleet,
            PositionIngestion ingestion,
            TerminalStates states,
            TerminalSessions sessions,
            GatewayMetrics metrics,
            Executor lookups,
            AtomicInteger connections,
            int maxConnections,
            Clock clock) {
        this.decoder = decoder;
        this.fleet = fleet;
        this.ingestion = ingestion;
        this.states = states;
        this.sessions = sessions;
        this.metrics = metrics;
        this.lookups = lookups;
        this.connections = connections;
        this.maxConnections = maxConnections;
        this.clock = clock;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        context = ctx;
        if (connections.incrementAndGet() > maxConnections) {
            log.warn(
                    "Connection limit {} reached; refusing {}",
                    maxConnections,
                    ctx.channel().remoteAddress());
            ctx.close();
        }
        counted = true;
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (counted) {
            connections.decrementAndGet();
        }
        if (authenticated) {
            sessions.closed(terminal.id(), this);
            states.disconnected(terminal.id());
        }
        commands.values().forEach(f -> f.complete(CommandResult.offline()));
        metrics.waiting(-waiting.size());
        waiting.clear();
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
        if (message instanceof MissingPackets missing) {
            if (!missing.abandoned()) {
                send(new SegmentResendRequest(missing.firstSerial(), missing.missingIndices()));
            }
            return;
        }
        if (!(message instanceof Jt808Envelope envelope)) {
            return;
        }
        badFramesInARow = 0;
        Jt808Header header = envelope.header();
        metrics.frame(header.messageId());
        version = header.version();
        phone = header.phone();
        Jt808Message body = envelope.message();
        if (body instanceof TerminalRegistration registration) {
            register(header, registration);
        } else if (body instanceof TerminalAuthentication authentication) {
            authenticate(header, authentication);
        } else if (body instanceof Heartbeat) {
            acknowledge(header, Results.SUCCESS);
        } else if (!authenticated) {
            acknowledge(header, Results.FAILURE);
        } else if (body instanceof LocationReport report) {
            store(header, List.of(report.location()), false);
        } else if (body instanceof BatchLocationUpload batch) {
            store(header, batch.locations(), batch.blindArea());
        } else if (body instanceof TerminalGeneralResponse response) {
            Optional.ofNullable(commands.remove(response.responseSerial()))
                    .ifPresent(f -> f.complete(CommandResult.answered(response.result())));
        } else if (body instanceof TerminalUnregister) {
            long id = terminal.id();
            lookup(
                    () -> {
                        fleet.revokeAuthCode(id);
                        return null;
                    },
                    ignored -> {
                        acknowledge(header, Results.SUCCESS);
                        ctx.close();
                    });
        } else if (body instanceof RawMessage) {
            acknowledge(header, Results.UNSUPPORTED);
        } else {
            acknowledge(header, Results.SUCCESS);
        }
    }

    private void register(Jt808Header header, TerminalRegistration registration) {
        String terminalPhone = header.terminalPhone();
        ProtocolVersion frameVersion = header.version();
        lookup(
                () -> fleet.terminalByPhone(terminalPhone)
                        .filter(t -> t.deviceId() == null
                                || t.deviceId()
                                        .equalsIgnoreCase(
                                                registration.terminalId().trim()))
                        .map(t -> new Registered(t, fleet.issueAuthCode(t.id(), frameVersion.name()))),
                result -> {
                    if (result.isEmpty()) {
                        log.info("Registration refused: terminal {} is not in the fleet registry", terminalPhone);
                        send(RegistrationResponse.refused(header.serial(), Results.NO_SUCH_TERMINAL));
                        context.close();
                        return;
                    }
                    send(RegistrationResponse.accepted(
                            header.serial(), result.get().authCode()));
                });
    }

    private void authenticate(Jt808Header header, TerminalAuthentication authentication) {
        String terminalPhone = header.terminalPhone();
        lookup(
                () -> fleet.terminalByPhone(terminalPhone)
                        .filter(t -> fleet.authCodeMatches(
                                t.id(), authentication.authCode().trim())),
                result -> {
                    if (result.isEmpty()) {
                        log.info("Authentication refused for terminal {}", terminalPhone);
                        acknowledge(header, Results.FAILURE);
                        context.close();
                        return;
                    }
                    terminal = result.get();
                    authenticated = true;
                    if (ProtocolVersion.V2011.name().equals(terminal.protocolVersion())) {
                        // 2011 and 2013 frames look alike; the registry remembers which this terminal speaks.
                        decoder.assumeLegacyVersion(ProtocolVersion.V2011);
                    }
                    sessions.authenticated(terminal.id(), this);
                    states.connected(
                            terminal.id(),
                            terminal.vehicleId(),
                            header.version().name());
                    acknowledge(header, Results.SUCCESS);
                });
    }

    /** Turns the fixes into rows and queues them; the 0x8001 goes out once they are committed. */
    private void store(Jt808Header header, List<Location> locations, boolean blindArea) {
        long received = System.nanoTime();
        Instant now = clock.instant();
        List<PositionRow> rows = new ArrayList<>(locations.size());
        for (Location location : locations) {
            rows.add(new PositionRow(
                    terminal.id(),
                    terminal.vehicleId(),
                    location.time().toInstant(),
                    now,
                    location.latitude(),
                    location.longitude(),
                    location.altitudeM(),
                    (float) location.speedKmh(),
                    location.direction(),
                    location.alarmFlags(),
                    location.statusFlags(),
                    mileage(location),
                    blindArea));
        }
        var channel = context.channel();
        PositionBatch batch = new PositionBatch(
                rows,
                received,
                () -> channel.eventLoop().execute(() -> {
                    acknowledge(header, Results.SUCCESS);
                    metrics.acknowledged(received);
                }));
        if (!waiting.isEmpty() || !ingestion.offer(batch)) {
            waiting.add(batch);
            metrics.waiting(1);
            pauseUntilQueued();
        }
    }

    /** Back-pressure: read nothing more from this terminal until its waiting fixes are queued. */
    private void pauseUntilQueued() {
        var channel = context.channel();
        if (!channel.config().isAutoRead()) {
            return;
        }
        channel.config().setAutoRead(false);
        channel.eventLoop().schedule(this::retryWaiting, 20, TimeUnit.MILLISECONDS);
    }

    private void retryWaiting() {
        var channel = context.channel();
        while (!waiting.isEmpty() && ingestion.offer(waiting.peek())) {
            waiting.poll();
            metrics.waiting(-1);
        }
        if (waiting.isEmpty()) {
            channel.config().setAutoRead(true);
        } else if (channel.isActive()) {
            channel.eventLoop().schedule(this::retryWaiting, 20, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs a blocking look-up off the event loop, with the connection paused, then continues on the loop. */
    private <T> void lookup(Supplier<T> work, java.util.function.Consumer<T> then) {
        var channel = context.channel();
        channel.config().setAutoRead(false);
        try {
            lookups.execute(() -> {
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException e) {
                    log.warn("Terminal look-up failed: {}", e.getMessage());
                    channel.eventLoop().execute(channel::close);
                    return;
                }
                channel.eventLoop().execute(() -> {
                    then.accept(result);
                    if (channel.isActive() && waiting.isEmpty()) {
                        channel.config().setAutoRead(true);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            log.warn("Too many terminal look-ups waiting; closing {}", channel.remoteAddress());
            channel.close();
        }
    }

    /**
     * Sends a command and completes with the terminal's answer or a timeout. Any thread. {@code
     * written}, when given, learns the {@link System#nanoTime()} at which the frame left for the socket.
     */
    CompletableFuture<CommandResult> command(Jt808Message message, Duration timeout, LongConsumer written) {
        CompletableFuture<CommandResult> answer = new CompletableFuture<>();
        var channel = context.channel();
        channel.eventLoop().execute(() -> {
            int commandSerial = serial.getAndIncrement() & 0xFFFF;
            ChannelFuture write = context.writeAndFlush(new OutboundMessage(version, phone, commandSerial, message));
            if (written != null) {
                write.addListener(f -> {
                    if (f.isSuccess()) {
                        written.accept(System.nanoTime());
                    }
                });
            }
            commands.put(commandSerial, answer);
            channel.eventLoop()
                    .schedule(
                            () -> {
                                if (commands.remove(commandSerial, answer)) {
                                    answer.complete(CommandResult.timeout());
                                }
                            },
                            timeout.toMillis(),
                            TimeUnit.MILLISECONDS);
        });
        return answer;
    }

    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            log.debug("Closing idle terminal connection {}", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof Jt808DecodeException bad) {
            metrics.badFrame(bad.reason().name());
            bad.header().ifPresent(header -> acknowledge(header, Results.MESSAGE_ERROR));
            if (++badFramesInARow >= MAX_BAD_FRAMES_IN_A_ROW) {
                log.info(
                        "Closing {} after {} bad frames in a row", ctx.channel().remoteAddress(), badFramesInARow);
                ctx.close();
            }
            return;
        }
        log.debug("Terminal connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private void acknowledge(Jt808Header header, int result) {
        send(new PlatformGeneralResponse(header.serial(), header.messageId(), result), header);
    }

    private int send(Jt808Message message) {
        return send(message, null);
    }

    private int send(Jt808Message message, Jt808Header replyTo) {
        int next = serial.getAndIncrement() & 0xFFFF;
        ProtocolVersion v = replyTo != null ? replyTo.version() : version;
        String to = replyTo != null ? replyTo.phone() : phone;
        context.writeAndFlush(new OutboundMessage(v, to, next, message));
        return next;
    }

    private static Float mileage(Location location) {
        for (ExtraItem item : location.extras()) {
            if (item instanceof ExtraItem.Mileage mileage) {
                return (float) mileage.km();
            }
        }
        return null;
    }

    private record Registered(Terminal terminal, String authCode) {}
}
