package org.redwheel.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redwheel.jt808.GoldenVectorsTests.bytes;

import org.junit.jupiter.api.Test;
import org.redwheel.jt808.message.DriverIdentity;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.TerminalRegistration;

class VersionDetectionTests {

    @Test
    void tellsA2011RegistrationCarryingAVinFromA2013One() {
        // plate colour 0 and a 17-character VIN make the 2011 body 42 bytes, longer than 2013's 37 fixed
        String frame = "7E0100002A013912345678000200250514373031313152572D4D3100000054303030303031004C5A5A31434C56"
                + "42384A443132333435364D7E";

        Jt808Envelope envelope = Jt808Decoder.decode(bytes(frame));

        assertThat(envelope.header().version()).isEqualTo(ProtocolVersion.V2011);
        assertThat(envelope.message())
                .isEqualTo(new TerminalRegistration(37, 1300, "70111", "RW-M1", "T000001", 0, "LZZ1CLVB8JD123456"));
    }

    @Test
    void assumes2013ForMessagesWhoseLayoutIsTheSameInBothEditions() {
        byte[] frame = Jt808Encoder.encodeSingle(ProtocolVersion.V2011, "13912345678", 1, new Heartbeat());

        assertThat(Jt808Decoder.decode(frame).header().version()).isEqualTo(ProtocolVersion.V2013);
        assertThat(Jt808Decoder.decode(frame, ProtocolVersion.V2011).header().version())
                .isEqualTo(ProtocolVersion.V2011);
    }

    @Test
    void readsA2013CardRemovalEvenWhenTheSessionAssumes2011() {
        DriverIdentity removal =
                Messages.driverIdentities(ProtocolVersion.V2013).get(2);
        byte[] frame = Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "13912345678", 1, removal);

        Jt808Envelope envelope = Jt808Decoder.decode(frame, ProtocolVersion.V2011);

        assertThat(envelope.header().version()).isEqualTo(ProtocolVersion.V2013);
        assertThat(envelope.message()).isEqualTo(removal);
    }

    @Test
    void ignoresA2019AssumptionForFramesWithoutThe2019Flag() {
        byte[] frame = Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "13912345678", 1, new Heartbeat());

        assertThat(Jt808Decoder.decode(frame, ProtocolVersion.V2019).header().version())
                .isEqualTo(ProtocolVersion.V2013);
    }
}
