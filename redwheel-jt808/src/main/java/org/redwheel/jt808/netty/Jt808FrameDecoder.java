package org.redwheel.jt808.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.Jt808DecodeException.Reason;
import org.redwheel.jt808.Jt808Decoder;

/**
 * Splits the TCP byte stream into frames on 0x7E and passes each frame's content (between the
 * delimiters, still escaped) on as a {@link ByteBuf}. Bytes outside delimiters are dropped.
 *
 * <p>Two adjacent delimiters count as the end of one frame and the start of the next, so the
 * decoder finds its way back into step after garbage. Content longer than {@code maxFrameLength} is
 * dropped and reported to {@code exceptionCaught} as {@link Reason#FRAME_TOO_LONG}, up to the next
 * delimiter, without buffering it. Holds per-connection state: not sharable.
 */
public final class Jt808FrameDecoder extends ByteToMessageDecoder {

    private static final byte DELIMITER = 0x7E;

    private final int maxFrameLength;
    private boolean discarding;

    /** Limits frames to the longest a valid frame can be escaped. */
    public Jt808FrameDecoder() {
        this(Jt808Decoder.MAX_ESCAPED_FRAME_LENGTH);
    }

    public Jt808FrameDecoder(int maxFrameLength) {
        if (maxFrameLength < 1) {
            throw new IllegalArgumentException("maxFrameLength must be positive: " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int next = in.indexOf(in.readerIndex(), in.writerIndex(), DELIMITER);
            if (discarding) {
                // the rest of an oversized frame: drop through its closing delimiter
                if (next < 0) {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                in.readerIndex(next + 1);
                discarding = false;
                continue;
            }
            if (next < 0) {
                in.skipBytes(in.readableBytes());
                return;
            }
            in.readerIndex(next);
            int end = in.indexOf(next + 1, in.writerIndex(), DELIMITER);
            if (end < 0) {
                if (in.writerIndex() - next - 1 > maxFrameLength) {
                    in.skipBytes(in.readableBytes());
                    discarding = true;
                    tooLong(ctx, "more than " + maxFrameLength + " bytes without a closing 0x7E");
                }
                return;
            }
            int length = end - next - 1;
            if (length == 0) {
                in.readerIndex(end);
                continue;
            }
            in.readerIndex(end + 1);
            if (length > maxFrameLength) {
                tooLong(ctx, length + " bytes between delimiters, at most " + maxFrameLength);
                continue;
            }
            out.add(in.retainedSlice(next + 1, length));
        }
    }

    private static void tooLong(ChannelHandlerContext ctx, String message) {
        ctx.fireExceptionCaught(new Jt808DecodeException(Reason.FRAME_TOO_LONG, message));
    }
}
