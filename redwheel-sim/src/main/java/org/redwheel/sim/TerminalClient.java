package org.redwheel.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationQuery;
import org.redwheel.jt808.message.LocationQueryResponse;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.MessageIds;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.redwheel.jt808.message.RegistrationResponse;
import org.redwheel.jt808.message.Results;
import org.redwheel.jt808.message.TerminalAuthentication;
import org.redwheel.jt808.message.TerminalGeneralResponse;
import org.redwheel.jt808.message.TerminalRegistration;
import org.redwheel.jt808.message.TextMessage;
import org.redwheel.jt808.netty.Jt808FrameDecoder;
import org.redwheel.jt808.netty.Jt808MessageDecoder;
import org.redwheel.jt808.netty.Jt808MessageEncoder;
import org.redwheel.jt808.netty.OutboundMessage;

/**
 * One simulated truck's JT/T 808 terminal: a TCP client that connects, registers (0x0100) unless it
 * already holds an auth code, authenticates (0x0102), then reports its {@link Journey} as 0x0200
 * fixes and sends 0x0002 heartbeats. Every fix stays in a bounded outbox until the platform
 * acknowledges its serial with 0x8001; after a reconnect, whatever is left (sent but not
 * acknowledged, or produced while offline) goes out as 0x0704 blind-area batches, and so does a fix
 * left unanswered for the response timeout while online (at most twice again per connection). A
 * 0x8300 text is
 * answered with 0x0001 and passed to the listener; 0x8201 is answered with the last fix; other
 * platform requests get 0x0001 "unsupported". A lost connection is retried with backoff; a refused
 * authentication drops the auth code so the terminal registers again.
 *
 * <p>All of a terminal's work runs on one event loop of the simulation's shared group, so its
 * state needs no locks; {@link #stats()} and {@link #state()} may be read from any thread.
 */
public final class TerminalClient {

    /** Where a terminal is in its connection's life. */
    public enum State {
        IDLE,
        CONNECTING,
        REGISTERING,
        AUTHENTICATING,
        ONLINE,
        WAITING_TO_RECONNECT,
        STOPPED
    }

    private static final System.Logger LOG = System.getLogger(TerminalClient.class.getName());
    private static final Jt808MessageEncoder ENCODER = new Jt808MessageEncoder();

    private static final int PROVINCE_SHANDONG = 37;
    private static final int COUNTY_LINSHU = 1329;
    private static final String MANUFACTURER = "RWSIM";
    private static final String MODEL = "RW-SIM";
    private static final String SOFTWARE_VERSION = "redwheel-sim 1";
    private static final int PLATE_YELLOW = 2;
    private static final int MAX_BACKOFF_DOUBLINGS = 20;
    private static final int MAX_SENDS = 3;

    private final SimulatedTruck truck;
    private final SimulatorOptions options;
    private final SimulationClock clock;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final Journey journey;
    private final Outbox outbox;
    private final TerminalListener listener;
    private final SplittableRandom random;

    // touched on the event loop only
    private Channel channel;
    private String authCode;
    private int nextSerial;
    private int failedAttempts;
    private int connectionCount;
    private boolean driving;
    private Instant nextFixTime;
    private Location lastFix;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> responseTimeout;
    private ScheduledFuture<?> reconnect;
    private ScheduledFuture<?> reportTick;
    private ScheduledFuture<?> retransmission;

    private volatile State state = State.IDLE;
    private volatile int outboxSize;
    private volatile long dropped;
    private final AtomicLong generated = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong texts = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();
    private final FaultInjectingWriter.Counters faultCounters = new FaultInjectingWriter.Counters();

    TerminalClient(
            SimulatedTruck truck,
            SimulatorOptions options,
            SimulationClock clock,
            EventLoop loop,
            InetSocketAddress platform) {
        this.truck = truck;
        this.options = options;
        this.clock = clock;
        this.loop = loop;
        this.journey = truck.journey();
        this.outbox = new Outbox(options.outboxCapacity());
        this.listener = options.listener();
        this.random = new SplittableRandom(truck.seed() ^ 0x5DEE_CE66_DL);
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, options.responseTimeout().toMillis()))
                .remoteAddress(platform)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline(ch.pipeline());
                    }
                });
    }

    public SimulatedTruck truck() {
        return truck;
    }

    public State state() {
        return state;
    }

    public boolean online() {
        return state == State.ONLINE;
    }

    /** This terminal's counters (one truck). */
    public TrafficStats stats() {
        return new TrafficStats(
                1,
                online() ? 1 : 0,
                generated.get(),
                sent.get(),
                acknowledged.get(),
                resent.get(),
                outboxSize,
                dropped,
                texts.get(),
                heartbeats.get(),
                connections.get(),
                disconnects.get(),
                faultCounters.corrupted.get(),
                faultCounters.split.get(),
                faultCounters.coalesced.get(),
                faultCounters.resets.get());
    }

    /** Connects for the first time after {@code delayNanos}. */
    void start(long delayNanos) {
        reconnect = loop.schedule(this::connect, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Stops reporting and closes the connection; the terminal does not come back. */
    void stop() {
        if (loop.isShuttingDown()) {
            state = State.STOPPED;
            return;
        }
        loop.execute(() -> {
            state = State.STOPPED;
            cancel(heartbeat);
            cancel(responseTimeout);
            cancel(reconnect);
            cancel(reportTick);
            cancel(retransmission);
            if (channel != null) {
                channel.close();
            }
        });
    }

    private void pipeline(ChannelPipeline pipeline) {
        Jt808MessageDecoder decoder = new Jt808MessageDecoder();
        if (truck.version() == ProtocolVersion.V2011) {
            decoder.assumeLegacyVersion(ProtocolVersion.V2011);
        }
        pipeline.addLast(new Jt808FrameDecoder(), decoder);
        if (options.faults().active()) {
            long seed = truck.seed() + 31L * connectionCount;
            pipeline.addLast(new FaultInjectingWriter(options.faults(), faultCounters, seed));
        }
        pipeline.addLast(ENCODER, new ConnectionHandler());
    }

    private void connect() {
        if (state == State.STOPPED) {
            return;
        }
        state = State.CONNECTING;
        bootstrap.connect().addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                LOG.log(System.Logger.Level.DEBUG, () -> truck.phone() + " cannot connect: " + connected.cause());
                scheduleReconnect();
            }
        });
    }

    private void connected(Channel ch) {
        if (state == State.STOPPED) {
            ch.close();
            return;
        }
        channel = ch;
        connectionCount++;
        if (authCode == null) {
            register();
        } else {
            authenticate();
        }
    }

    private void register() {
        state = State.REGISTERING;
        send(new TerminalRegistration(
                PROVINCE_SHANDONG, COUNTY_LINSHU, MANUFACTURER, MODEL, truck.deviceId(), PLATE_YELLOW, truck.plate()));
        awaitResponse();
    }

    private void authenticate() {
        state = State.AUTHENTICATING;
        send(
                truck.version() == ProtocolVersion.V2019
                        ? new TerminalAuthentication(authCode, imei(), SOFTWARE_VERSION)
                        : TerminalAuthentication.of(authCode));
        awaitResponse();
    }

    private void awaitResponse() {
        cancel(responseTimeout);
        Channel waiting = channel;
        responseTimeout = loop.schedule(
                () -> {
                    if (channel == waiting && (state == State.REGISTERING || state == State.AUTHENTICATING)) {
                        LOG.log(System.Logger.Level.DEBUG, () -> truck.phone() + " got no answer while " + state);
                        waiting.close();
                    }
                },
                options.responseTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private void received(Channel ch, Jt808Envelope envelope) {
        if (ch != channel) {
            return;
        }
        Jt808Message message = envelope.message();
        int serial = envelope.header().serial();
        if (message instanceof RegistrationResponse response) {
            registrationAnswered(response);
        } else if (message instanceof PlatformGeneralResponse response) {
            platformAnswered(response);
        } else if (message instanceof TextMessage text) {
            send(new TerminalGeneralResponse(serial, MessageIds.TEXT_MESSAGE, Results.SUCCESS));
            texts.incrementAndGet();
            listener.textReceived(truck, text);
        } else if (message instanceof LocationQuery) {
            if (lastFix != null) {
                send(new LocationQueryResponse(serial, lastFix));
            }
        } else if (message.messageId() >= 0x8000 && message.messageId() != MessageIds.SEGMENT_RESEND_REQUEST) {
            send(new TerminalGeneralResponse(serial, message.messageId(), Results.UNSUPPORTED));
        }
    }

    private void registrationAnswered(RegistrationResponse response) {
        if (state != State.REGISTERING) {
            return;
        }
        cancel(responseTimeout);
        if (response.result() == Results.SUCCESS) {
            authCode = response.authCode();
            authenticate();
        } else {
            listener.refused(truck, MessageIds.TERMINAL_REGISTRATION, response.result());
            channel.close();
        }
    }

    private void platformAnswered(PlatformGeneralResponse response) {
        int answered = response.responseMessageId();
        boolean success = response.result() == Results.SUCCESS || response.result() == Results.ALARM_CONFIRMED;
        if (answered == MessageIds.TERMINAL_AUTHENTICATION) {
            if (state != State.AUTHENTICATING) {
                return;
            }
            cancel(responseTimeout);
            if (success) {
                goOnline();
            } else {
                // the code is stale (the platform forgot the terminal): register afresh next time
                authCode = null;
                listener.refused(truck, answered, response.result());
                channel.close();
            }
        } else if (answered == MessageIds.LOCATION_REPORT || answered == MessageIds.BATCH_LOCATION_UPLOAD) {
            if (success) {
                acknowledged.addAndGet(outbox.acknowledge(response.responseSerial()));
            } else {
                outbox.refuse(response.responseSerial());
            }
            outboxChanged();
            if (options.fastForward()) {
                pump();
            }
        }
    }

    private void goOnline() {
        state = State.ONLINE;
        failedAttempts = 0;
        connections.incrementAndGet();
        long period = options.heartbeatInterval().toNanos();
        heartbeat = loop.scheduleAtFixedRate(this::beat, period, period, TimeUnit.NANOSECONDS);
        long timeout = options.responseTimeout().toNanos();
        retransmission = loop.scheduleAtFixedRate(this::retransmit, timeout, timeout, TimeUnit.NANOSECONDS);
        listener.online(truck);
        uploadBlindArea();
        if (!driving) {
            startDriving();
        } else if (options.fastForward()) {
            pump();
        }
    }

    private void beat() {
        if (state == State.ONLINE) {
            send(new Heartbeat());
            heartbeats.incrementAndGet();
        }
    }

    private void uploadBlindArea() {
        List<Outbox.Entry> unsent = outbox.unsent();
        int batchSize = options.blindAreaBatchSize();
        for (int from = 0; from < unsent.size(); from += batchSize) {
            List<Outbox.Entry> batch = unsent.subList(from, Math.min(unsent.size(), from + batchSize));
            List<Location> locations =
                    batch.stream().map(Outbox.Entry::location).toList();
            int serial = send(new BatchLocationUpload(BatchLocationUpload.BLIND_AREA, locations));
            outbox.sent(serial, batch, System.nanoTime());
            resent.addAndGet(batch.size());
        }
    }

    /** The engine starts when the terminal first comes online; from then on the truck drives, online or not. */
    private void startDriving() {
        driving = true;
        if (options.fastForward()) {
            nextFixTime = clock.simulatedStart();
            pump();
        } else {
            nextFixTime = clock.now().truncatedTo(ChronoUnit.SECONDS);
            tick();
        }
    }

    /** Follows the clock: produces every fix that is due, then sleeps until the next one. */
    private void tick() {
        if (state == State.STOPPED) {
            return;
        }
        Instant now = clock.now();
        while (!nextFixTime.isAfter(now)) {
            produceFix();
        }
        reportTick = loop.schedule(this::tick, Math.max(clock.realNanosUntil(nextFixTime), 1), TimeUnit.NANOSECONDS);
    }

    /** Fast-forward: produces fixes while the acknowledgement window has room. */
    private void pump() {
        while (state == State.ONLINE && outbox.size() < options.fastForwardWindow()) {
            produceFix();
        }
    }

    /**
     * Like a real terminal, sends again what went unanswered for the response timeout (a frame
     * lost or spoiled on the way), as a blind-area upload, at most {@value #MAX_SENDS} times per
     * connection; after that the fixes wait for the next connection.
     */
    private void retransmit() {
        if (state == State.ONLINE
                && outbox.expire(System.nanoTime() - options.responseTimeout().toNanos(), MAX_SENDS) > 0) {
            uploadBlindArea();
        }
    }

    private void produceFix() {
        Location fix = journey.fixAt(nextFixTime);
        nextFixTime = nextFixTime.plus(options.reportInterval());
        lastFix = fix;
        generated.incrementAndGet();
        Outbox.Entry entry = outbox.add(fix);
        listener.fixGenerated(truck, fix);
        if (state == State.ONLINE) {
            int serial = send(new LocationReport(fix));
            outbox.sent(serial, List.of(entry), System.nanoTime());
            sent.incrementAndGet();
        }
        outboxChanged();
    }

    private void outboxChanged() {
        outboxSize = outbox.size();
        dropped = outbox.dropped();
    }

    private void disconnected(Channel ch) {
        if (ch != channel) {
            return;
        }
        channel = null;
        cancel(heartbeat);
        cancel(responseTimeout);
        cancel(retransmission);
        outbox.markAllUnsent();
        disconnects.incrementAndGet();
        if (state == State.ONLINE) {
            listener.offline(truck);
        }
        if (state != State.STOPPED) {
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (state == State.STOPPED) {
            return;
        }
        state = State.WAITING_TO_RECONNECT;
        long first = options.reconnectDelay().toNanos();
        long backoff = Math.min(
                options.maxReconnectDelay().toNanos(), first << Math.min(failedAttempts, MAX_BACKOFF_DOUBLINGS));
        long delay = (long) (backoff * (0.8 + 0.4 * random.nextDouble()));
        failedAttempts++;
        reconnect = loop.schedule(this::connect, delay, TimeUnit.NANOSECONDS);
    }

    private int send(Jt808Message message) {
        int serial = nextSerial;
        nextSerial = (nextSerial + 1) & 0xFFFF;
        channel.writeAndFlush(new OutboundMessage(truck.version(), truck.phone(), serial, message))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        return serial;
    }

    /** A 15-digit IMEI for 2019 authentication, derived from the phone. */
    private String imei() {
        String digits = "0000000000000" + truck.phone();
        return "86" + digits.substring(digits.length() - 13);
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** The last handler of a connection's pipeline: hands events to the terminal. */
    private final class ConnectionHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            connected(ctx.channel());
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof Jt808Envelope envelope) {
                received(ctx.channel(), envelope);
            } else {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            disconnected(ctx.channel());
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof Jt808DecodeException) {
                LOG.log(System.Logger.Level.DEBUG, () -> truck.phone() + " dropped a platform frame: " + cause);
                return;
            }
            if (!(cause instanceof IOException)) {
                LOG.log(System.Logger.Level.WARNING, truck.phone() + " closes its connection after an error", cause);
            }
            ctx.close();
        }
    }
}
