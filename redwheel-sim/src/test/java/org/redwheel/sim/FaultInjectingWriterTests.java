package org.redwheel.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.Jt808Decoder;
import org.redwheel.jt808.Jt808Encoder;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.netty.Jt808MessageEncoder;
import org.redwheel.jt808.netty.OutboundMessage;

class FaultInjectingWriterTests {

    private final FaultInjectingWriter.Counters counters = new FaultInjectingWriter.Counters();
    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void aCorruptedFrameFailsOnItsCheckCodeEvenWhenItHoldsEscapes() {
        EmbeddedChannel channel = channel(FaultInjector.NONE.withCorruption(1));

        for (int i = 0; i < 500; i++) {
            // serials and positions full of 0x7E and 0x7D put escapes all over the frame
            OutboundMessage message = message(0x7E7D + i);
            channel.writeOutbound(message);
            byte[] written = readAll(channel);

            assertThat(written).isNotEqualTo(frame(message));
            assertThatExceptionOfType(Jt808DecodeException.class)
                    .isThrownBy(() -> Jt808Decoder.decode(written))
                    .extracting(Jt808DecodeException::reason)
                    .isEqualTo(Jt808DecodeException.Reason.BAD_CHECKSUM);
        }
        assertThat(counters.corrupted).hasValue(500);
    }

    @Test
    void splitFramesArriveInSeveralPiecesThatJoinUpInOrder() {
        EmbeddedChannel channel = channel(FaultInjector.NONE.withSplitting(true));
        List<OutboundMessage> messages = List.of(message(1), message(2), message(3));

        messages.forEach(channel::write);
        channel.flush();
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            channel.advanceTimeBy(5, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
            pieces.addAll(readPieces(channel));
        }

        assertThat(pieces).hasSizeGreaterThanOrEqualTo(6);
        assertThat(join(pieces))
                .isEqualTo(join(
                        messages.stream().map(FaultInjectingWriterTests::frame).toList()));
        assertThat(counters.split).hasValue(3);
    }

    @Test
    void coalescedFramesLeaveInOneWrite() {
        EmbeddedChannel channel = channel(FaultInjector.NONE.withCoalescing(true));
        List<OutboundMessage> messages = List.of(message(1), message(2), message(3), message(4), message(5));

        messages.forEach(channel::writeOutbound);
        channel.advanceTimeBy(50, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        List<byte[]> writes = readPieces(channel);

        assertThat(writes.size()).isLessThan(messages.size());
        assertThat(join(writes))
                .isEqualTo(join(
                        messages.stream().map(FaultInjectingWriterTests::frame).toList()));
        assertThat(counters.coalesced).hasPositiveValue();
    }

    @Test
    void resetsTheConnectionAfterEveryNthFrame() {
        EmbeddedChannel channel = channel(FaultInjector.NONE.withDisconnectEvery(3));

        channel.writeOutbound(message(1));
        channel.writeOutbound(message(2));
        assertThat(channel.isOpen()).isTrue();
        channel.writeOutbound(message(3));

        assertThat(channel.isOpen()).isFalse();
        assertThat(counters.resets).hasValue(1);
        channel.releaseOutbound();
    }

    private EmbeddedChannel channel(FaultInjector faults) {
        EmbeddedChannel channel =
                new EmbeddedChannel(new FaultInjectingWriter(faults, counters, 1), new Jt808MessageEncoder());
        channel.freezeTime();
        return channel;
    }

    private OutboundMessage message(int serial) {
        double latitude = 34 + random.nextInt(1_000_000) / 1e6;
        double longitude = 118 + random.nextInt(1_000_000) / 1e6;
        Location location = Location.fix(
                latitude, longitude, 0x7E, 12.6, 0x7D, OffsetDateTime.of(2026, 3, 15, 7, 30, 0, 0, Location.GMT8));
        return new OutboundMessage(
                ProtocolVersion.V2013, "013900000001", serial & 0xFFFF, new LocationReport(location));
    }

    private static byte[] frame(OutboundMessage message) {
        return Jt808Encoder.encodeSingle(message.version(), message.phone(), message.serial(), message.message());
    }

    private static byte[] readAll(EmbeddedChannel channel) {
        return join(readPieces(channel));
    }

    private static List<byte[]> readPieces(EmbeddedChannel channel) {
        List<byte[]> pieces = new ArrayList<>();
        for (ByteBuf piece = channel.readOutbound(); piece != null; piece = channel.readOutbound()) {
            pieces.add(ByteBufUtil.getBytes(piece));
            piece.release();
        }
        return pieces;
    }

    private static byte[] join(List<byte[]> pieces) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        pieces.forEach(joined::writeBytes);
        return joined.toByteArray();
    }
}
