package org.redwheel.jt808.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.Jt808Decoder;
import org.redwheel.jt808.Jt808Encoder;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.SetTerminalParameters;
import org.redwheel.jt808.message.TerminalParameter;
import org.redwheel.jt808.message.TextMessage;

class Jt808MessageEncoderTests {

    @BeforeAll
    static void watchForLeaks() {
        LeakReports.install();
    }

    @AfterEach
    void nothingLeaked() {
        assertThat(LeakReports.collect(false)).isEmpty();
    }

    @Test
    void writesAnOutboundMessageAsOneEscapedFrame() {
        EmbeddedChannel channel = new EmbeddedChannel(new Jt808MessageEncoder());
        TextMessage reminder = TextMessage.spokenAndShown("您已连续驾驶3小时50分，请到前方服务区休息");

        channel.writeOutbound(new OutboundMessage(ProtocolVersion.V2019, "13912345678", 77, reminder));

        ByteBuf written = channel.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(written);
        written.release();
        assertThat(bytes).isEqualTo(Jt808Encoder.encodeSingle(ProtocolVersion.V2019, "13912345678", 77, reminder));
        Jt808Envelope decoded = Jt808Decoder.decode(bytes);
        assertThat(decoded.message()).isEqualTo(reminder);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void writesALongMessageAsPacketsThePipelineReassembles() {
        EmbeddedChannel out = new EmbeddedChannel(new Jt808MessageEncoder());
        EmbeddedChannel in = new EmbeddedChannel(new Jt808FrameDecoder(), new Jt808MessageDecoder());
        List<TerminalParameter> parameters =
                Collections.nCopies(200, new TerminalParameter.Raw(0xF100, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        SetTerminalParameters message = new SetTerminalParameters(parameters);

        out.writeOutbound(new OutboundMessage(ProtocolVersion.V2013, "13912345678", 9, message));
        ByteBuf written = out.readOutbound();
        in.writeInbound(written);

        Jt808Envelope envelope = in.readInbound();
        assertThat(envelope.message()).isEqualTo(message);
        assertThat(written.refCnt()).isZero();
        assertThat(in.finishAndReleaseAll()).isFalse();
        assertThat(out.finishAndReleaseAll()).isFalse();
    }

    @Test
    void failsTheWriteOfAMessageThatCannotBeEncoded() {
        EmbeddedChannel channel = new EmbeddedChannel(new Jt808MessageEncoder());
        TextMessage message = TextMessage.spokenAndShown("x");

        var future = channel.writeOneOutbound(new OutboundMessage(ProtocolVersion.V2013, "not-a-phone", 1, message));
        channel.flushOutbound();

        assertThat(future.isSuccess()).isFalse();
        assertThat(future.cause()).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat((Object) channel.readOutbound()).isNull();
        channel.finishAndReleaseAll();
    }
}
