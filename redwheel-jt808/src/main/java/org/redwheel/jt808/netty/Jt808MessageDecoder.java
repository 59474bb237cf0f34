package org.redwheel.jt808.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.Jt808Decoder;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.Jt808Frame;
import org.redwheel.jt808.MissingPackets;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.Reassembler;
import org.redwheel.jt808.message.MessageIds;

/**
 * Turns the frame contents from {@link Jt808FrameDecoder} into {@link Jt808Envelope}s: checks,
 * reassembles segmented messages and decodes the body.
 *
 * <p>Emits two kinds of messages downstream: {@link Jt808Envelope} for each complete message, and
 * {@link MissingPackets} when a segmented message stalls (answer those not abandoned with 0x8003).
 * Stalls are checked on the channel's event loop every {@code checkInterval} while the channel is
 * active. A malformed frame goes to {@code exceptionCaught} as {@link Jt808DecodeException} and is
 * skipped.
 *
 * <p>Version: once a 2011 or 2013 registration (0x0100) has been seen on the connection, its version
 * is assumed for later frames whose layout cannot tell; a gateway that knows the terminal's
 * version from its records can set it with {@link #assumeLegacyVersion}. Not sharable.
 */
public final class Jt808MessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    private final Reassembler reassembler;
    private final Clock clock;
    private final Duration checkInterval;
    // set by the gateway after a look-up, possibly from another thread
    private volatile ProtocolVersion legacyVersion = ProtocolVersion.V2013;
    private Future<?> stallCheck;

    /** Default reassembly limits, system clock, checks every 5 s. */
    public Jt808MessageDecoder() {
        this(new Reassembler(), Clock.systemUTC(), Duration.ofSeconds(5));
    }

    public Jt808MessageDecoder(Reassembler reassembler, Clock clock, Duration checkInterval) {
        super(ByteBuf.class);
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("checkInterval must be positive: " + checkInterval);
        }
        this.reassembler = reassembler;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    /** The version assumed for pre-2019 frames whose body does not show it: 2011 or 2013. */
    public void assumeLegacyVersion(ProtocolVersion version) {
        if (version == ProtocolVersion.V2019) {
            throw new IllegalArgumentException("2019 frames say so in their header; assume 2011 or 2013");
        }
        legacyVersion = version;
    }

    public ProtocolVersion legacyVersion() {
        return legacyVersion;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf content, List<Object> out) {
        try {
            Jt808Frame frame = Jt808Decoder.parseFrame(ByteBufUtil.getBytes(content));
            if (frame.header().segmented()) {
                Optional<Jt808Frame> whole = reassembler.accept(frame, clock.instant());
                if (whole.isEmpty()) {
                    return;
                }
                frame = whole.get();
            }
            Jt808Envelope envelope = Jt808Decoder.decode(frame, legacyVersion);
            ProtocolVersion version = envelope.header().version();
            if (envelope.header().messageId() == MessageIds.TERMINAL_REGISTRATION && version != ProtocolVersion.V2019) {
                legacyVersion = version;
            }
            out.add(envelope);
        } catch (Jt808DecodeException e) {
            ctx.fireExceptionCaught(e);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        // added to a channel that is already active, channelActive will not come
        if (ctx.channel().isActive()) {
            scheduleStallCheck(ctx);
        }
        super.handlerAdded(ctx);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        scheduleStallCheck(ctx);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelStallCheck();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
        cancelStallCheck();
        super.handlerRemoved(ctx);
    }

    private void scheduleStallCheck(ChannelHandlerContext ctx) {
        if (stallCheck == null) {
            long period = checkInterval.toNanos();
            stallCheck =
                    ctx.executor().scheduleAtFixedRate(() -> reportStalls(ctx), period, period, TimeUnit.NANOSECONDS);
        }
    }

    private void reportStalls(ChannelHandlerContext ctx) {
        List<MissingPackets> stalled = reassembler.expire(clock.instant());
        stalled.forEach(ctx::fireChannelRead);
        if (!stalled.isEmpty()) {
            // handlers that flush their answers on read-complete send the 0x8003 now
            ctx.fireChannelReadComplete();
        }
    }

    private void cancelStallCheck() {
        if (stallCheck != null) {
            stallCheck.cancel(false);
            stallCheck = null;
        }
    }
}
