package org.redwheel.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sits between the frame encoder and the socket and spoils what a terminal writes the way
 * {@link FaultInjector} says: flips a byte, cuts frames into pieces written a few milliseconds
 * apart, gathers several frames into one write, resets the connection. Each write it sees is one
 * encoded message. Holds per-connection state: one instance per channel.
 */
final class FaultInjectingWriter extends ChannelOutboundHandlerAdapter {

    private static final int DELIMITER = 0x7E;
    private static final int ESCAPE = 0x7D;
    private static final long COALESCE_LINGER_MS = 20;

    /** What the writer did, shared with the terminal's statistics. */
    static final class Counters {
        final AtomicLong corrupted = new AtomicLong();
        final AtomicLong split = new AtomicLong();
        final AtomicLong coalesced = new AtomicLong();
        final AtomicLong resets = new AtomicLong();
    }

    private record Piece(ByteBuf bytes, ChannelPromise promise) {}

    private final FaultInjector faults;
    private final Counters counters;
    private final SplittableRandom random;

    private long frames;
    private final ArrayDeque<Piece> pieces = new ArrayDeque<>();
    private ScheduledFuture<?> nextPiece;
    private CompositeByteBuf gathered;
    private final List<ChannelPromise> gatheredPromises = new ArrayList<>();
    private int gatherTarget;
    private ScheduledFuture<?> linger;

    FaultInjectingWriter(FaultInjector faults, Counters counters, long seed) {
        this.faults = faults;
        this.counters = counters;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (!(message instanceof ByteBuf frame)) {
            ctx.write(message, promise);
            return;
        }
        frames++;
        if (faults.corruptShare() > 0 && random.nextDouble() < faults.corruptShare() && corrupt(frame)) {
            counters.corrupted.incrementAndGet();
        }
        if (faults.coalesce()) {
            gather(ctx, frame, promise);
        } else {
            emit(ctx, frame, promise);
        }
        boolean reset = (faults.disconnectEveryFrames() > 0 && frames % faults.disconnectEveryFrames() == 0)
                || (faults.disconnectProbability() > 0 && random.nextDouble() < faults.disconnectProbability());
        if (reset) {
            counters.resets.incrementAndGet();
            releaseGathered(ctx);
            // RST instead of FIN: the platform sees the connection vanish mid-stream
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            ctx.close();
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        discardPending();
        ctx.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discardPending();
    }

    /** Flips one literal byte between the delimiters, keeping escapes intact; false if none. */
    private boolean corrupt(ByteBuf frame) {
        int from = frame.readerIndex() + 1;
        int length = frame.writerIndex() - 1 - from;
        if (length <= 0) {
            return false;
        }
        int start = random.nextInt(length);
        for (int k = 0; k < length; k++) {
            int i = from + (start + k) % length;
            int b = frame.getUnsignedByte(i);
            boolean escaped = i > from && frame.getUnsignedByte(i - 1) == ESCAPE;
            if (b == ESCAPE || escaped) {
                continue;
            }
            int flipped = b ^ 0x01;
            if (flipped == DELIMITER || flipped == ESCAPE) {
                flipped = b ^ 0x10;
            }
            frame.setByte(i, flipped);
            return true;
        }
        return false;
    }

    private void gather(ChannelHandlerContext ctx, ByteBuf frame, ChannelPromise promise) {
        if (gathered == null) {
            gathered = ctx.alloc().compositeBuffer();
            gatherTarget = 2 + random.nextInt(4);
            linger = ctx.executor().schedule(() -> releaseGathered(ctx), COALESCE_LINGER_MS, TimeUnit.MILLISECONDS);
        }
        gathered.addComponent(true, frame);
        gatheredPromises.add(promise);
        if (gatheredPromises.size() >= gatherTarget) {
            releaseGathered(ctx);
        }
    }

    private void releaseGathered(ChannelHandlerContext ctx) {
        if (gathered == null) {
            return;
        }
        linger.cancel(false);
        CompositeByteBuf bytes = gathered;
        List<ChannelPromise> promises = new ArrayList<>(gatheredPromises);
        gathered = null;
        gatheredPromises.clear();
        if (promises.size() > 1) {
            counters.coalesced.incrementAndGet();
        }
        ChannelPromise all = ctx.newPromise();
        all.addListener(done -> promises.forEach(p -> {
            if (done.isSuccess()) {
                p.trySuccess();
            } else {
                p.tryFailure(done.cause());
            }
        }));
        emit(ctx, bytes, all);
    }

    private void emit(ChannelHandlerContext ctx, ByteBuf bytes, ChannelPromise promise) {
        if (!faults.split() || bytes.readableBytes() < 2) {
            if (pieces.isEmpty()) {
                ctx.writeAndFlush(bytes, promise);
            } else {
                pieces.add(new Piece(bytes, promise));
            }
            return;
        }
        counters.split.incrementAndGet();
        int size = bytes.readableBytes();
        int count = Math.min(size, 2 + random.nextInt(3));
        int[] cuts = random.ints(count - 1L, 1, size).sorted().distinct().toArray();
        int start = bytes.readerIndex();
        int previous = 0;
        for (int cut : cuts) {
            pieces.add(new Piece(bytes.retainedSlice(start + previous, cut - previous), ctx.newPromise()));
            previous = cut;
        }
        pieces.add(new Piece(bytes.retainedSlice(start + previous, size - previous), promise));
        bytes.release();
        if (nextPiece == null) {
            writeNextPiece(ctx);
        }
    }

    private void writeNextPiece(ChannelHandlerContext ctx) {
        nextPiece = null;
        Piece piece = pieces.poll();
        if (piece == null) {
            return;
        }
        ctx.writeAndFlush(piece.bytes(), piece.promise());
        if (!pieces.isEmpty()) {
            nextPiece =
                    ctx.executor().schedule(() -> writeNextPiece(ctx), 1 + random.nextInt(3), TimeUnit.MILLISECONDS);
        }
    }

    private void discardPending() {
        if (linger != null) {
            linger.cancel(false);
        }
        if (nextPiece != null) {
            nextPiece.cancel(false);
            nextPiece = null;
        }
        ClosedChannelException closed = new ClosedChannelException();
        if (gathered != null) {
            ReferenceCountUtil.release(gathered);
            gathered = null;
            gatheredPromises.forEach(p -> p.tryFailure(closed));
            gatheredPromises.clear();
        }
        for (Piece piece = pieces.poll(); piece != null; piece = pieces.poll()) {
            ReferenceCountUtil.release(piece.bytes());
            piece.promise().tryFailure(closed);
        }
    }
}
