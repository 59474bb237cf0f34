package org.redwheel.jt808;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.MessageIds;

class RoundTripTests {

    static Stream<Arguments> uplink() {
        return Stream.of(ProtocolVersion.values())
                .flatMap(version -> Messages.uplink(version).stream().map(message -> arguments(version, message)));
    }

    static Stream<Arguments> downlink() {
        return Stream.of(ProtocolVersion.values())
                .flatMap(version -> Messages.downlink(version).stream().map(message -> arguments(version, message)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("uplink")
    void decodesWhatTheTerminalSideEncodes(ProtocolVersion version, Jt808Message message, String name) {
        assertRoundTrip(version, message);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("downlink")
    void decodesWhatThePlatformSideEncodes(ProtocolVersion version, Jt808Message message, String name) {
        assertRoundTrip(version, message);
    }

    private static void assertRoundTrip(ProtocolVersion version, Jt808Message message) {
        byte[] frame = Jt808Encoder.encodeSingle(version, "13912345678", 0x1234, message);

        Jt808Envelope envelope = Jt808Decoder.decode(frame, version);

        assertThat(envelope.message()).isEqualTo(message);
        assertThat(envelope.header().version()).isEqualTo(version);
        assertThat(envelope.header().messageId()).isEqualTo(message.messageId());
        assertThat(envelope.header().serial()).isEqualTo(0x1234);
        assertThat(envelope.header().terminalPhone()).isEqualTo("13912345678");
        assertThat(Jt808Encoder.encodeSingle(version, "13912345678", 0x1234, envelope.message()))
                .isEqualTo(frame);
    }

    private static Arguments arguments(ProtocolVersion version, Jt808Message message) {
        return Arguments.of(
                version,
                message,
                MessageIds.hex(message.messageId()) + " " + message.getClass().getSimpleName());
    }
}
