package org.redwheel.jt808.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.Jt808DecodeException.Reason;

class Jt808FrameDecoderTests {

    final List<Throwable> failures = new ArrayList<>();
    final List<ByteBuf> written = new ArrayList<>();

    @BeforeAll
    static void watchForLeaks() {
        LeakReports.install();
    }

    @AfterEach
    void nothingLeaked() {
        assertThat(written).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
        assertThat(LeakReports.collect(false)).isEmpty();
    }

    @Test
    void splitsFramesArrivingInPiecesAndDropsBytesOutsideDelimiters() {
        EmbeddedChannel channel = channel(new Jt808FrameDecoder());

        channel.writeInbound(buffer("FFFF7E0102"));
        channel.writeInbound(buffer("037E7E0405"));
        channel.writeInbound(buffer("7E"));

        assertThat(frames(channel)).containsExactly("010203", "0405");
        assertThat(failures).isEmpty();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void treatsAnOrphanDelimiterAsTheStartOfTheNextFrame() {
        EmbeddedChannel channel = channel(new Jt808FrameDecoder());

        channel.writeInbound(buffer("7E7E0A0B7E"));

        assertThat(frames(channel)).containsExactly("0A0B");
        channel.finishAndReleaseAll();
    }

    @Test
    void reportsAnOversizedFrameAndRecoversAtTheNextDelimiter() {
        EmbeddedChannel channel = channel(new Jt808FrameDecoder(4));

        channel.writeInbound(buffer("7E0102030405"));
        channel.writeInbound(buffer("06077E7E0A0B7E"));

        assertThat(frames(channel)).containsExactly("0A0B");
        assertThat(failures)
                .singleElement()
                .isInstanceOfSatisfying(
                        Jt808DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FRAME_TOO_LONG));
        channel.finishAndReleaseAll();
    }

    @Test
    void reportsAnOversizedFrameThatClosesInTheSameRead() {
        EmbeddedChannel channel = channel(new Jt808FrameDecoder(4));

        channel.writeInbound(buffer("7E01020304057E7E0C7E"));

        assertThat(frames(channel)).containsExactly("0C");
        assertThat(failures).hasSize(1);
        channel.finishAndReleaseAll();
    }

    @Test
    void detectsABufferThatWasNeverReleased() {
        LeakReports.leakOnPurpose();

        assertThat(LeakReports.collect(true))
                .anySatisfy(report -> assertThat(report).contains(LeakReports.DELIBERATE));
    }

    private EmbeddedChannel channel(Jt808FrameDecoder decoder) {
        return new EmbeddedChannel(decoder, new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                failures.add(cause);
            }
        });
    }

    private ByteBuf buffer(String hex) {
        ByteBuf buffer = Unpooled.copiedBuffer(HexFormat.of().parseHex(hex));
        written.add(buffer);
        return buffer;
    }

    private static List<String> frames(EmbeddedChannel channel) {
        List<String> frames = new ArrayList<>();
        for (ByteBuf frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            frames.add(ByteBufUtil.hexDump(frame).toUpperCase());
            frame.release();
        }
        return frames;
    }
}
