package org.redwheel.jt808.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.Jt808DecodeException.Reason;
import org.redwheel.jt808.Jt808Encoder;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.MissingPackets;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.Reassembler;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.TerminalRegistration;

class Jt808MessageDecoderTests {

    static final Instant T0 = Instant.parse("2024-05-01T04:00:00Z");
    static final Location FIX =
            Location.fix(35.1, 118.35, 70, 60, 90, T0.atOffset(Location.GMT8)).withAlarmFlags(0x7E7D);
    static final BatchLocationUpload BIG_BATCH =
            new BatchLocationUpload(BatchLocationUpload.NORMAL, Collections.nCopies(100, FIX));

    final List<Throwable> failures = new ArrayList<>();
    final List<ByteBuf> written = new ArrayList<>();
    final MutableClock clock = new MutableClock(T0);
    final Jt808MessageDecoder decoder = new Jt808MessageDecoder(
            new Reassembler(Duration.ofSeconds(10), 1, 1 << 20, 4), clock, Duration.ofSeconds(1));
    final EmbeddedChannel channel =
            new EmbeddedChannel(new Jt808FrameDecoder(), decoder, new ChannelInboundHandlerAdapter() {
                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    failures.add(cause);
                }
            });

    @BeforeAll
    static void watchForLeaks() {
        LeakReports.install();
    }

    @AfterEach
    void nothingLeaked() {
        channel.finishAndReleaseAll();
        assertThat(written).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
        assertThat(LeakReports.collect(false)).isEmpty();
    }

    @Test
    void decodesFramesFromTheByteStreamIntoEnvelopes() {
        byte[] first = Jt808Encoder.encodeSingle(ProtocolVersion.V2019, "13912345678", 1, new LocationReport(FIX));
        byte[] second = Jt808Encoder.encodeSingle(ProtocolVersion.V2019, "13912345678", 2, new Heartbeat());

        write(concat(first, second));

        Jt808Envelope location = channel.readInbound();
        Jt808Envelope heartbeat = channel.readInbound();
        assertThat(location.message()).isEqualTo(new LocationReport(FIX));
        assertThat(location.header().version()).isEqualTo(ProtocolVersion.V2019);
        assertThat(heartbeat.header().serial()).isEqualTo(2);
        assertThat(failures).isEmpty();
    }

    @Test
    void reportsAMalformedFrameAndDecodesTheNextOne() {
        byte[] good = Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "13912345678", 3, new Heartbeat());
        byte[] bad = good.clone();
        bad[bad.length - 2] ^= 0x01; // check code

        write(concat(bad, good));

        Jt808Envelope envelope = channel.readInbound();
        assertThat(envelope.header().serial()).isEqualTo(3);
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(failures)
                .singleElement()
                .isInstanceOfSatisfying(
                        Jt808DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CHECKSUM));
    }

    @Test
    void reassemblesASegmentedMessageBeforePassingItOn() {
        List<byte[]> packets = Jt808Encoder.encode(ProtocolVersion.V2013, "13912345678", 40, BIG_BATCH);
        assertThat(packets).hasSizeGreaterThan(2);

        packets.forEach(this::write);

        Jt808Envelope envelope = channel.readInbound();
        assertThat(envelope.message()).isEqualTo(BIG_BATCH);
        assertThat(envelope.header().serial()).isEqualTo(40);
        assertThat(envelope.header().segmented()).isFalse();
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void passesOnTheMissingPacketsOfAStalledMessageForA0x8003Request() {
        List<byte[]> packets = Jt808Encoder.encode(ProtocolVersion.V2013, "13912345678", 40, BIG_BATCH);
        packets.subList(0, packets.size() - 1).forEach(this::write);
        assertThat((Object) channel.readInbound()).isNull();

        clock.advance(Duration.ofSeconds(10));
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        MissingPackets missing = channel.readInbound();
        assertThat(missing.firstSerial()).isEqualTo(40);
        assertThat(missing.missingIndices()).containsExactly(packets.size());
        assertThat(missing.abandoned()).isFalse();
    }

    @Test
    void remembersA2011RegistrationForLaterFramesOfTheConnection() {
        var registration = new TerminalRegistration(37, 1300, "70111", "RW-M1", "T000001", 2, "鲁Q12345");

        write(Jt808Encoder.encodeSingle(ProtocolVersion.V2011, "13912345678", 1, registration));
        write(Jt808Encoder.encodeSingle(ProtocolVersion.V2011, "13912345678", 2, new Heartbeat()));

        Jt808Envelope registered = channel.readInbound();
        Jt808Envelope heartbeat = channel.readInbound();
        assertThat(registered.header().version()).isEqualTo(ProtocolVersion.V2011);
        assertThat(heartbeat.header().version()).isEqualTo(ProtocolVersion.V2011);
        assertThat(decoder.legacyVersion()).isEqualTo(ProtocolVersion.V2011);
    }

    private void write(byte[] bytes) {
        ByteBuf buffer = Unpooled.copiedBuffer(bytes);
        written.add(buffer);
        channel.writeInbound(buffer);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
