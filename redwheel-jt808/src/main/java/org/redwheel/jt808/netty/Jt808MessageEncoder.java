package org.redwheel.jt808.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.redwheel.jt808.Jt808Encoder;

/**
 * Writes {@link OutboundMessage}s as escaped frames, several packets for a body over 1023 bytes.
 * Stateless, so one instance may serve every channel. An invalid message fails the write's promise.
 */
@Sharable
public final class Jt808MessageEncoder extends MessageToByteEncoder<OutboundMessage> {

    public Jt808MessageEncoder() {
        super(OutboundMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, OutboundMessage outbound, ByteBuf out) {
        for (byte[] frame :
                Jt808Encoder.encode(outbound.version(), outbound.phone(), outbound.serial(), outbound.message())) {
            out.writeBytes(frame);
        }
    }
}
