package org.redwheel.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redwheel.jt808.GoldenVectorsTests.bytes;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.Jt808DecodeException.Reason;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.RawMessage;

class FramingTests {

    // heartbeat, 2013, phone 013912345678, serial 1
    static final String HEARTBEAT = "7E000200000139123456780001337E";

    @Test
    void decodesAFrameWithOrWithoutItsDelimiters() {
        Jt808Envelope delimited = Jt808Decoder.decode(bytes(HEARTBEAT));
        Jt808Envelope bare = Jt808Decoder.decode(bytes(HEARTBEAT.substring(2, HEARTBEAT.length() - 2)));

        assertThat(delimited.message()).isEqualTo(new Heartbeat());
        assertThat(bare).isEqualTo(delimited);
    }

    @Test
    void rejectsAWrongCheckCodeWithoutTrustingItsHeader() {
        assertRejected("7E000200000139123456780001327E", Reason.BAD_CHECKSUM);
        assertThatThrownBy(() -> Jt808Decoder.decode(bytes("7E000200000139123456780001327E")))
                .isInstanceOfSatisfying(
                        Jt808DecodeException.class, e -> assertThat(e.header()).isEmpty());
    }

    @Test
    void rejectsAnEscapeByteFollowedByAnythingButOneOrTwo() {
        assertRejected("7E0002000001391234567800017D03337E", Reason.BAD_ESCAPE);
    }

    @Test
    void rejectsAnEscapeByteAtTheEnd() {
        assertRejected("7E00020000013912345678000133" + "7D7E", Reason.BAD_ESCAPE);
    }

    @Test
    void rejectsABareDelimiterInsideTheFrame() {
        assertRejected("7E00020000017E3912345678000133" + "7E", Reason.BAD_ESCAPE);
    }

    @Test
    void rejectsAFrameShorterThanAHeader() {
        assertRejected("7E0002000001397E", Reason.TRUNCATED);
        assertRejected("", Reason.TRUNCATED);
    }

    @Test
    void rejectsA2019FrameCutInsideItsLongerHeader() {
        // properties 0x4000 (2019, empty body) but only the 12 header bytes of 2013
        byte[] content = bytes("000240000139123456780001");
        assertRejected(withCheckCode(content), Reason.TRUNCATED);
    }

    @Test
    void rejectsABodyLengthThatClaimsMoreOrFewerBytesThanFollow() {
        assertRejected(withCheckCode(bytes("0002000101391234567800 01".replace(" ", ""))), Reason.LENGTH_MISMATCH);
        assertRejected(withCheckCode(bytes("000200000139123456780001AA")), Reason.LENGTH_MISMATCH);
    }

    @Test
    void rejectsAPhoneThatIsNotBcd() {
        assertRejected(withCheckCode(bytes("0002000001391234567A0001")), Reason.BAD_BCD);
    }

    @Test
    void rejectsAPacketIndexOutsideItsTotal() {
        // segmented bit set, total 2, index 3
        assertRejected(withCheckCode(bytes("020020000139123456780001" + "00020003")), Reason.BAD_SEGMENT);
        assertRejected(withCheckCode(bytes("020020000139123456780001" + "00000000")), Reason.BAD_SEGMENT);
    }

    @Test
    void keepsTheBodyOfAnEncryptedFrameRaw() {
        // encryption bits 10-12 = 001 (RSA), 2-byte body
        Jt808Envelope envelope = Jt808Decoder.decode(withCheckCode(bytes("02000402013912345678000AABCD")));

        assertThat(envelope.header().encryption()).isEqualTo(1);
        assertThat(envelope.message()).isEqualTo(new RawMessage(0x0200, new byte[] {(byte) 0xAB, (byte) 0xCD}));
    }

    @Test
    void decodesAnUnknownMessageIdAsRaw() {
        Jt808Envelope envelope = Jt808Decoder.decode(withCheckCode(bytes("0F0100020139123456780001BEEF")));

        assertThat(envelope.message()).isEqualTo(new RawMessage(0x0F01, new byte[] {(byte) 0xBE, (byte) 0xEF}));
    }

    @Test
    void refusesToEncodeAPhoneThatIsNotDigitsOrTooLong() {
        assertThatThrownBy(() -> Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "1391234567X", 1, new Heartbeat()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "1234567890123", 1, new Heartbeat()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void giveTheTerminalPhoneWithoutPadding() {
        Jt808Header header = Jt808Decoder.decode(bytes(HEARTBEAT)).header();

        assertThat(header.phone()).isEqualTo("013912345678");
        assertThat(header.terminalPhone()).isEqualTo("13912345678");
    }

    private static void assertRejected(String hex, Reason reason) {
        assertRejected(bytes(hex), reason);
    }

    private static void assertRejected(byte[] frame, Reason reason) {
        assertThatThrownBy(() -> Jt808Decoder.decode(frame))
                .isInstanceOfSatisfying(
                        Jt808DecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageStartingWith(reason.name());
    }

    /** Appends the right check code, so that the test reaches the layer after it. */
    static byte[] withCheckCode(byte[] content) {
        byte[] frame = Arrays.copyOf(content, content.length + 1);
        frame[content.length] = (byte) Framing.xor(content, 0, content.length);
        return frame;
    }
}
