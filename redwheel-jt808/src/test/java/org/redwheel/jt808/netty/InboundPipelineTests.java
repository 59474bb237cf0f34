package org.redwheel.jt808.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.Jt808Encoder;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.Heartbeat;

/** Random byte streams through the whole inbound pipeline, in random chunks. */
class InboundPipelineTests {

    @BeforeContainer
    static void watchForLeaks() {
        LeakReports.install();
    }

    @AfterContainer
    static void nothingLeaked() {
        assertThat(LeakReports.collect(false)).isEmpty();
    }

    @Property(tries = 300)
    boolean onlyTheCodecsExceptionReachesTheApplicationAndEveryBufferIsReleased(
            @ForAll @Size(max = 12) List<@Size(max = 300) byte[]> chunks) {
        List<Throwable> failures = new ArrayList<>();
        List<Object> received = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(
                new Jt808FrameDecoder(512), new Jt808MessageDecoder(), new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object message) {
                        received.add(message);
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        failures.add(cause);
                    }
                });
        List<ByteBuf> written = new ArrayList<>();
        for (byte[] chunk : chunks) {
            if (chunk.length == 0) {
                continue; // Netty's shared empty buffer is never released
            }
            ByteBuf buffer = Unpooled.copiedBuffer(chunk);
            written.add(buffer);
            channel.writeInbound(buffer);
        }
        // a valid frame after the noise still comes through once the stream is back in step
        ByteBuf valid = Unpooled.copiedBuffer(
                new byte[] {0x7E}, Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "1", 1, new Heartbeat()));
        written.add(valid);
        channel.writeInbound(valid);
        channel.finishAndReleaseAll();

        assertThat(failures).allMatch(Jt808DecodeException.class::isInstance);
        assertThat(written).allMatch(buffer -> buffer.refCnt() == 0);
        assertThat(received).isNotEmpty().allMatch(message -> !(message instanceof ByteBuf));
        return true;
    }
}
