package org.redwheel.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.RawMessage;
import org.redwheel.jt808.message.SegmentResendRequest;

class SegmentationTests {

    static final Instant T0 = Instant.parse("2024-05-01T04:00:00Z");

    /** 40 locations with 13 extras each: well over one packet's 1023 bytes. */
    static final BatchLocationUpload BIG_BATCH =
            new BatchLocationUpload(BatchLocationUpload.BLIND_AREA, Collections.nCopies(40, Messages.location()));

    @Test
    void splitsABodyLongerThan1023BytesIntoConsecutivelyNumberedPackets() {
        int bodyLength = Jt808Encoder.encodeBody(ProtocolVersion.V2013, BIG_BATCH).length;

        List<byte[]> frames = Jt808Encoder.encode(ProtocolVersion.V2013, "13912345678", 0xFFFE, BIG_BATCH);

        List<Jt808Frame> packets = frames.stream().map(Jt808Decoder::parseFrame).toList();
        assertThat(packets).hasSize((bodyLength + 1022) / 1023);
        assertThat(packets)
                .allSatisfy(packet -> assertThat(packet.body().length).isLessThanOrEqualTo(1023));
        assertThat(packets.get(0).body()).hasSize(1023);
        assertThat(packets)
                .extracting(packet -> packet.header().packetIndex())
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, packets.size()).boxed().toList());
        assertThat(packets)
                .allSatisfy(packet -> assertThat(packet.header().packetTotal()).isEqualTo(packets.size()));
        // serials wrap after 0xFFFF
        assertThat(packets).extracting(packet -> packet.header().serial()).startsWith(0xFFFE, 0xFFFF, 0, 1);
    }

    @Test
    void keepsAMessageOfExactly1023BytesInOneFrame() {
        Jt808Message message = new RawMessage(0x0F02, new byte[1023]);

        assertThat(Jt808Encoder.encode(ProtocolVersion.V2019, "13912345678", 1, message))
                .hasSize(1);
        assertThat(Jt808Encoder.encode(ProtocolVersion.V2019, "13912345678", 1, new RawMessage(0x0F02, new byte[1024])))
                .hasSize(2);
    }

    @Test
    void reassemblesPacketsArrivingInAnyOrderIntoTheOriginalMessage() {
        for (ProtocolVersion version : ProtocolVersion.values()) {
            List<Jt808Frame> packets = packets(version, 500);
            Collections.shuffle(packets, new Random(7));
            Reassembler reassembler = new Reassembler();

            List<Optional<Jt808Frame>> results = new ArrayList<>();
            for (Jt808Frame packet : packets) {
                results.add(reassembler.accept(packet, T0));
            }

            assertThat(results.subList(0, packets.size() - 1)).allMatch(Optional::isEmpty);
            Jt808Frame whole = results.get(packets.size() - 1).orElseThrow();
            assertThat(whole.header().segmented()).isFalse();
            assertThat(whole.header().serial()).isEqualTo(500);
            Jt808Envelope envelope = Jt808Decoder.decode(whole, version);
            assertThat(envelope.message()).isEqualTo(BIG_BATCH);
            assertThat(reassembler.pendingMessages()).isZero();
        }
    }

    @Test
    void decodesASinglePacketAsRawBecauseItIsOnlyAFragment() {
        Jt808Frame first = packets(ProtocolVersion.V2013, 1).get(0);

        Jt808Envelope envelope = Jt808Decoder.decode(first, ProtocolVersion.V2013);

        assertThat(envelope.message()).isInstanceOf(RawMessage.class);
        assertThat(envelope.header().packetIndex()).isEqualTo(1);
    }

    @Test
    void reportsTheMissingPacketIndicesAfterTheTimeoutSoTheyCanBeRequestedAgain() {
        List<Jt808Frame> packets = packets(ProtocolVersion.V2013, 40);
        Reassembler reassembler = new Reassembler(Duration.ofSeconds(10), 2, 1 << 20, 4);
        for (Jt808Frame packet : packets) {
            int index = packet.header().packetIndex();
            if (index != 1 && index != 3 && index != packets.size()) {
                reassembler.accept(packet, T0);
            }
        }

        List<MissingPackets> early = reassembler.expire(T0.plusSeconds(9));
        List<MissingPackets> due = reassembler.expire(T0.plusSeconds(10));

        assertThat(early).isEmpty();
        assertThat(due)
                .containsExactly(new MissingPackets(
                        "013912345678", ProtocolVersion.V2013, 0x0704, 40, List.of(1, 3, packets.size()), false));
        SegmentResendRequest request =
                new SegmentResendRequest(due.get(0).firstSerial(), due.get(0).missingIndices());
        assertThat(request.packetIndices()).containsExactly(1, 3, packets.size());
    }

    @Test
    void completesWhenTheRequestedPacketsArriveAfterAReport() {
        List<Jt808Frame> packets = packets(ProtocolVersion.V2019, 9);
        Reassembler reassembler = new Reassembler(Duration.ofSeconds(10), 2, 1 << 20, 4);
        packets.subList(1, packets.size()).forEach(packet -> reassembler.accept(packet, T0));
        assertThat(reassembler.expire(T0.plusSeconds(10))).hasSize(1);

        Optional<Jt808Frame> whole = reassembler.accept(packets.get(0), T0.plusSeconds(12));

        assertThat(whole).isPresent();
        assertThat(Jt808Decoder.decode(whole.get(), ProtocolVersion.V2013).message())
                .isEqualTo(BIG_BATCH);
    }

    @Test
    void dropsTheMessageAfterTheLastAllowedResendRequest() {
        List<Jt808Frame> packets = packets(ProtocolVersion.V2013, 1);
        Reassembler reassembler = new Reassembler(Duration.ofSeconds(10), 2, 1 << 20, 4);
        reassembler.accept(packets.get(1), T0);

        List<MissingPackets> first = reassembler.expire(T0.plusSeconds(10));
        List<MissingPackets> second = reassembler.expire(T0.plusSeconds(20));
        List<MissingPackets> last = reassembler.expire(T0.plusSeconds(30));

        assertThat(first).singleElement().extracting(MissingPackets::abandoned).isEqualTo(false);
        assertThat(second).singleElement().extracting(MissingPackets::abandoned).isEqualTo(false);
        assertThat(last).singleElement().extracting(MissingPackets::abandoned).isEqualTo(true);
        assertThat(reassembler.pendingMessages()).isZero();
        assertThat(reassembler.expire(T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void derivesTheFirstSerialFromALaterPacketWhenTheFirstIsMissing() {
        List<Jt808Frame> packets = packets(ProtocolVersion.V2013, 0xFFFF);
        Reassembler reassembler = new Reassembler(Duration.ofSeconds(1), 1, 1 << 20, 4);
        reassembler.accept(packets.get(2), T0);

        assertThat(reassembler.expire(T0.plusSeconds(1)))
                .singleElement()
                .extracting(MissingPackets::firstSerial)
                .isEqualTo(0xFFFF);
    }

    @Test
    void dropsAMessageLargerThanTheLimitInsteadOfBufferingIt() {
        List<Jt808Frame> packets = packets(ProtocolVersion.V2013, 1);
        Reassembler reassembler = new Reassembler(Duration.ofSeconds(10), 2, 2000, 4);

        List<Optional<Jt808Frame>> results =
                packets.stream().map(packet -> reassembler.accept(packet, T0)).toList();

        assertThat(results).allMatch(Optional::isEmpty);
        assertThat(reassembler.pendingMessages()).isLessThanOrEqualTo(1);
    }

    @Test
    void evictsTheOldestPendingMessageBeyondTheLimit() {
        Reassembler reassembler = new Reassembler(Duration.ofSeconds(10), 2, 1 << 20, 2);
        for (String phone : List.of("1", "2", "3")) {
            Jt808Frame packet = Jt808Decoder.parseFrame(Jt808Encoder.encode(ProtocolVersion.V2013, phone, 1, BIG_BATCH)
                    .get(0));
            reassembler.accept(packet, T0);
        }

        assertThat(reassembler.pendingMessages()).isEqualTo(2);
        assertThat(reassembler.expire(T0.plusSeconds(10)))
                .extracting(MissingPackets::phone)
                .containsExactly("000000000002", "000000000003");
    }

    @Test
    void listsAtMostTheIndicesOne0x8003CanCarry() {
        Reassembler reassembler = new Reassembler(Duration.ofSeconds(1), 1, 1 << 20, 4);
        for (ProtocolVersion version : List.of(ProtocolVersion.V2013, ProtocolVersion.V2019)) {
            Jt808Header header = new Jt808Header(0x0801, version, 1, "13912345678", 1, 0, 600, 1);
            reassembler.accept(Jt808Decoder.parseFrame(Jt808Encoder.encodeFrame(header, new byte[10])), T0);
        }

        List<MissingPackets> reports = reassembler.expire(T0.plusSeconds(1));

        assertThat(reports).extracting(report -> report.missingIndices().size()).containsExactly(255, 599);
        assertThat(reports.get(0).missingIndices()).startsWith(2, 3).endsWith(256);
    }

    @Test
    void refusesAFrameThatIsNotAPacket() {
        Jt808Frame frame =
                Jt808Decoder.parseFrame(Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "1", 1, new Heartbeat()));

        assertThatThrownBy(() -> new Reassembler().accept(frame, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    static List<Jt808Frame> packets(ProtocolVersion version, int firstSerial) {
        return new ArrayList<>(Jt808Encoder.encode(version, "13912345678", firstSerial, BIG_BATCH).stream()
                .map(Jt808Decoder::parseFrame)
                .toList());
    }
}
