package org.redwheel.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redwheel.jt808.FramingTests.withCheckCode;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.Jt808DecodeException.Reason;
import org.redwheel.jt808.message.ParameterIds;
import org.redwheel.jt808.message.ParameterQueryResponse;
import org.redwheel.jt808.message.ParameterType;
import org.redwheel.jt808.message.SetTerminalParameters;
import org.redwheel.jt808.message.TerminalParameter;

class ParameterTests {

    @Test
    void typesTheDrivingLimitIdsAsTheStandardDoes() {
        assertThat(List.of(0x55L, 0x56L, 0x57L, 0x58L, 0x59L, 0x5AL))
                .allSatisfy(id -> assertThat(ParameterIds.typeOf(id)).isEqualTo(ParameterType.DWORD));
        assertThat(ParameterIds.typeOf(0x5B)).isEqualTo(ParameterType.WORD);
        assertThat(ParameterIds.typeOf(0x5C)).isEqualTo(ParameterType.WORD);
        assertThat(ParameterIds.typeOf(0xF001)).isEqualTo(ParameterType.UNKNOWN);
    }

    @Test
    void keepsAKnownIdWithAnUnexpectedLengthRaw() {
        // 0x0104, answer to serial 2, one parameter: 0x0055 with 2 bytes instead of 4
        ParameterQueryResponse response =
                (ParameterQueryResponse) decode("0104", "0002" + "01" + "00000055" + "02" + "0064");

        assertThat(response.parameters()).containsExactly(new TerminalParameter.Raw(0x55, new byte[] {0, 0x64}));
    }

    @Test
    void rejectsACountThatPromisesMoreParametersThanFollow() {
        assertThatThrownBy(() -> decode("8103", "02" + "00000055" + "04" + "00000064"))
                .isInstanceOfSatisfying(
                        Jt808DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void rejectsAParameterLengthReachingPastTheBody() {
        assertThatThrownBy(() -> decode("8103", "01" + "00000055" + "09" + "00000064"))
                .isInstanceOf(Jt808DecodeException.class);
    }

    @Test
    void refusesToSendAWordWhereTheStandardExpectsADword() {
        var wrong = new SetTerminalParameters(List.of(TerminalParameter.word(ParameterIds.MAX_SPEED, 100)));

        assertThatThrownBy(() -> Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "1", 1, wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x0055");
    }

    private static Object decode(String id, String bodyHex) {
        String header = id + String.format("%04X", bodyHex.length() / 2) + "0139123456780001";
        return Jt808Decoder.decode(withCheckCode(HexFormat.of().parseHex(header + bodyHex)))
                .message();
    }
}
