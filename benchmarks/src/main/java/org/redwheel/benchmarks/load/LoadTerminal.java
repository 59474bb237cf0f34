package org.redwheel.benchmarks.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.MissingPackets;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.ExtraItem;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.MessageIds;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.redwheel.jt808.message.RegistrationResponse;
import org.redwheel.jt808.message.Results;
import org.redwheel.jt808.message.TerminalAuthentication;
import org.redwheel.jt808.message.TerminalGeneralResponse;
import org.redwheel.jt808.message.TerminalRegistration;
import org.redwheel.jt808.netty.Jt808FrameDecoder;
import org.redwheel.jt808.netty.Jt808MessageDecoder;
import org.redwheel.jt808.netty.Jt808MessageEncoder;
import org.redwheel.jt808.netty.OutboundMessage;
import org.redwheel.sim.Fleet;

/**
 * One terminal of the harness: registers (0x0100, device id), authenticates with the code from
 * 0x8100 (0x0102), then sends location frames when its {@link LoopDriver} says so and measures the
 * time to each frame's 0x8001. No reconnects and no re-sends: what the server does not acknowledge
 * stays unacknowledged and shows up as lost.
 *
 * <p>Everything but the counters is touched on the terminal's event loop only.
 *
 * <p>Fix times come from the terminal's own clock: it starts at the run's first fix second and
 * advances one second per fix, so no two fixes of a terminal ever share (terminal, fix time), the
 * positions table's primary key, and every fix sent is a distinct row to store.
 */
final class LoadTerminal extends ChannelInboundHandlerAdapter {

    private static final Jt808MessageEncoder ENCODER = new Jt808MessageEncoder();
    private static final double SEAT_LATITUDE = 34.92;
    private static final double SEAT_LONGITUDE = 118.65;

    enum State {
        IDLE,
        CONNECTING,
        REGISTERING,
        AUTHENTICATING,
        ONLINE,
        REFUSED,
        CLOSED
    }

    final int truck;
    private final String phone;
    private final EventLoop loop;
    private final LoadStats stats;
    private final ProtocolVersion version;
    private final long handshakeTimeoutNanos;
    private final long[] sentAt;
    private final int[] sentSerial;
    private final int mask;
    private final int speedingPercent;

    private Channel channel;
    private State state = State.IDLE;
    private int nextSerial;
    private long nextFixSecond;
    private long mileageTenthKm;
    private long lastSendNanos;
    private ScheduledFuture<?> handshakeTimer;

    LoadTerminal(
            int truck,
            EventLoop loop,
            LoadStats stats,
            ProtocolVersion version,
            long firstFixSecond,
            int pendingSlots,
            long handshakeTimeoutNanos,
            int speedingPercent) {
        this.truck = truck;
        this.phone = Fleet.phone(truck);
        this.loop = loop;
        this.stats = stats;
        this.version = version;
        this.nextFixSecond = firstFixSecond;
        this.handshakeTimeoutNanos = handshakeTimeoutNanos;
        this.sentAt = new long[pendingSlots];
        this.sentSerial = new int[pendingSlots];
        this.mask = pendingSlots - 1;
        this.mileageTenthKm = 100_000L + truck * 37L;
        this.speedingPercent = speedingPercent;
    }

    EventLoop loop() {
        return loop;
    }

    /** Event loop only. */
    boolean online() {
        return state == State.ONLINE;
    }

    /** Event loop only: the handshake is over, one way or the other. */
    boolean settled() {
        return state == State.ONLINE || state == State.REFUSED || state == State.CLOSED;
    }

    void connect(InetSocketAddress server) {
        state = State.CONNECTING;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Jt808MessageDecoder decoder = new Jt808MessageDecoder();
                        if (version == ProtocolVersion.V2011) {
                            decoder.assumeLegacyVersion(ProtocolVersion.V2011);
                        }
                        ch.pipeline().addLast(new Jt808FrameDecoder(), decoder, ENCODER, LoadTerminal.this);
                    }
                });
        bootstrap.connect(server).addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                state = State.CLOSED;
                stats.connectFailures.increment();
                stats.failure("connect: " + connected.cause().getClass().getSimpleName() + ": "
                        + connected.cause().getMessage());
            }
        });
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        state = State.REGISTERING;
        handshakeTimer = loop.schedule(this::handshakeTimedOut, handshakeTimeoutNanos, TimeUnit.NANOSECONDS);
        send(new TerminalRegistration(37, 1329, "RWSIM", "RW-SIM", Fleet.deviceId(truck), 2, Fleet.plate(truck)));
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelHandshakeTimer();
        if (state == State.ONLINE) {
            stats.online.decrementAndGet();
            stats.disconnects.increment();
            stats.failure("closed by the server while online");
        } else if (state == State.REGISTERING || state == State.AUTHENTICATING) {
            stats.disconnects.increment();
            stats.failure("closed by the server during the handshake");
        }
        if (state != State.REFUSED) {
            state = State.CLOSED;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof MissingPackets) {
            return;
        }
        if (!(message instanceof Jt808Envelope envelope)) {
            return;
        }
        Jt808Message body = envelope.message();
        if (body instanceof PlatformGeneralResponse response) {
            generalResponse(response);
        } else if (body instanceof RegistrationResponse response) {
            registered(response);
        } else {
            // 0x8300 texts, 0x8201 queries, ...: acknowledged, otherwise ignored
            stats.otherDownlink.increment();
            if (body.messageId() == MessageIds.TEXT_MESSAGE) {
                stats.textMessages.increment();
            }
            int result = body.messageId() == MessageIds.TEXT_MESSAGE ? Results.SUCCESS : Results.UNSUPPORTED;
            send(new TerminalGeneralResponse(
                    envelope.header().serial(), envelope.header().messageId(), result));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof Jt808DecodeException) {
            stats.badFrames.increment();
            return;
        }
        stats.failure("channel: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        ctx.close();
    }

    private void registered(RegistrationResponse response) {
        if (state != State.REGISTERING) {
            return;
        }
        if (response.result() != Results.SUCCESS) {
            refuse("registration refused, result " + response.result());
            stats.registrationsRefused.increment();
            return;
        }
        state = State.AUTHENTICATING;
        String code = response.authCode();
        send(
                version == ProtocolVersion.V2019
                        ? new TerminalAuthentication(code, imei(), "redwheel-load 1")
                        : TerminalAuthentication.of(code));
    }

    private void generalResponse(PlatformGeneralResponse response) {
        int id = response.responseMessageId();
        if (id == MessageIds.LOCATION_REPORT || id == MessageIds.BATCH_LOCATION_UPLOAD) {
            acknowledged(response);
        } else if (id == MessageIds.TERMINAL_AUTHENTICATION && state == State.AUTHENTICATING) {
            if (response.result() != Results.SUCCESS) {
                refuse("authentication refused, result " + response.result());
                stats.authenticationsRefused.increment();
                return;
            }
            cancelHandshakeTimer();
            state = State.ONLINE;
            stats.online.incrementAndGet();
            stats.everOnline.incrementAndGet();
        }
        // heartbeat answers need nothing
    }

    private void acknowledged(PlatformGeneralResponse response) {
        long now = System.nanoTime();
        int serial = response.responseSerial();
        int slot = serial & mask;
        if (sentSerial[slot] != serial + 1) {
            stats.unmatchedAcks.increment();
            return;
        }
        sentSerial[slot] = 0;
        if (response.result() != Results.SUCCESS) {
            stats.ackErrors.increment();
            return;
        }
        stats.recordLatencyNanos(now - sentAt[slot]);
        stats.framesAcked.increment();
        stats.positionsAcked.add(response.responseMessageId() == MessageIds.LOCATION_REPORT ? 1 : batchOf(slot));
    }

    // batch sizes are the same for every frame of a run; kept per slot only for the 0x0704 case
    private int[] batchSizes;

    private int batchOf(int slot) {
        return batchSizes == null ? 1 : batchSizes[slot];
    }

    /**
     * Sends one location frame of {@code fixes} fixes (one 0x0200, or one 0x0704 when more than
     * one), if online. Event loop only.
     */
    boolean sendPositions(int fixes) {
        if (state != State.ONLINE || !channel.isActive()) {
            return false;
        }
        int serial = nextSerial & 0xFFFF;
        Jt808Message message;
        if (fixes == 1) {
            message = new LocationReport(nextFix());
        } else {
            List<Location> locations = new ArrayList<>(fixes);
            for (int i = 0; i < fixes; i++) {
                locations.add(nextFix());
            }
            message = new BatchLocationUpload(BatchLocationUpload.NORMAL, locations);
            if (batchSizes == null) {
                batchSizes = new int[sentSerial.length];
            }
            batchSizes[serial & mask] = fixes;
        }
        int slot = serial & mask;
        if (sentSerial[slot] != 0) {
            stats.pendingOverflows.increment();
        }
        sentSerial[slot] = serial + 1;
        long now = System.nanoTime();
        sentAt[slot] = now;
        lastSendNanos = now;
        send(message);
        stats.framesSent.increment();
        stats.positionsSent.add(fixes);
        return true;
    }

    /** A heartbeat when nothing was sent for {@code idleNanos}. Event loop only. */
    void heartbeatIfIdle(long now, long idleNanos) {
        if (state == State.ONLINE && now - lastSendNanos >= idleNanos && channel.isActive()) {
            lastSendNanos = now;
            send(new Heartbeat());
            stats.heartbeats.increment();
        }
    }

    /** Closes the connection at the end of the run. Event loop only. */
    void close() {
        cancelHandshakeTimer();
        if (state == State.ONLINE) {
            stats.online.decrementAndGet();
        }
        if (state != State.REFUSED) {
            state = State.CLOSED;
        }
        if (channel != null) {
            channel.close();
        }
    }

    private Location nextFix() {
        long second = nextFixSecond++;
        OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(second), Location.GMT8);
        // around the county seat, each truck on its own small circle; about 60 km/h
        double angle = (second % 3600) * (2 * Math.PI / 3600);
        double radius = 0.01 + (truck % 200) * 0.001;
        mileageTenthKm += 2;
        return Location.fix(
                        SEAT_LATITUDE + radius * Math.sin(angle),
                        SEAT_LONGITUDE + radius * Math.cos(angle),
                        60 + truck % 40,
                        speed(second),
                        (int) ((second % 3600) / 10),
                        time)
                .withExtras(List.of(new ExtraItem.Mileage(mileageTenthKm)));
    }

    /**
     * km/h at a fix second: 60, or for a speeding truck 110 for 60 s of every 180 s (one overspeed
     * episode per cycle: the heavy-truck limit is 90, an episode needs 30 s above it and ends after
     * 60 s below).
     */
    private double speed(long second) {
        return truck % 100 < speedingPercent && Math.floorMod(second + truck, 180) < 60 ? 110 : 60;
    }

    private void send(Jt808Message message) {
        int serial = nextSerial & 0xFFFF;
        nextSerial = (nextSerial + 1) & 0xFFFF;
        channel.writeAndFlush(new OutboundMessage(version, phone, serial, message), channel.voidPromise());
    }

    private void refuse(String reason) {
        cancelHandshakeTimer();
        state = State.REFUSED;
        stats.failure(reason);
        channel.close();
    }

    private void handshakeTimedOut() {
        if (state == State.REGISTERING || state == State.AUTHENTICATING) {
            stats.handshakeTimeouts.increment();
            stats.failure("no answer to " + (state == State.REGISTERING ? "0x0100" : "0x0102") + " in time");
            state = State.CLOSED;
            channel.close();
        }
    }

    private void cancelHandshakeTimer() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
            handshakeTimer = null;
        }
    }

    private String imei() {
        String digits = "0000000000000" + phone;
        return "86" + digits.substring(digits.length() - 13);
    }
}
