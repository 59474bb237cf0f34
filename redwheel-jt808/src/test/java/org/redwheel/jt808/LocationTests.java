package org.redwheel.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redwheel.jt808.FramingTests.withCheckCode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.Jt808DecodeException.Reason;
import org.redwheel.jt808.message.ExtraItem;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationReport;

class LocationTests {

    // alarm 0, status 3, 31.0 N, 118.0 E, altitude 10, 50.0 km/h, direction 0
    static final String BASIC = "00000000" + "00000003" + "01D905C0" + "07088980" + "000A" + "01F4" + "0000";

    @Test
    void readsTimeAsBeijingTime() {
        Location location = decode(BASIC + "240101000000");

        assertThat(location.time()).isEqualTo(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(location.time().toInstant()).hasToString("2023-12-31T16:00:00Z");
    }

    @Test
    void rejectsATimeThatIsNotBcd() {
        assertThatThrownBy(() -> decode(BASIC + "2401010000A0"))
                .isInstanceOfSatisfying(
                        Jt808DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_BCD));
    }

    @Test
    void rejectsATimeThatIsNoCalendarDate() {
        assertThatThrownBy(() -> decode(BASIC + "241331000000"))
                .isInstanceOfSatisfying(
                        Jt808DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_TIME));
    }

    @Test
    void carriesTheHeaderOfAFrameWhoseBodyIsBrokenSoTheTerminalCanBeAnswered() {
        assertThatThrownBy(() -> decode(BASIC + "000000000000"))
                .isInstanceOfSatisfying(Jt808DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_TIME);
                    assertThat(e.header()).hasValueSatisfying(header -> {
                        assertThat(header.messageId()).isEqualTo(0x0200);
                        assertThat(header.serial()).isEqualTo(1);
                    });
                });
    }

    @Test
    void rejectsABasicBlockCutShort() {
        assertThatThrownBy(() -> decode(BASIC + "2401"))
                .isInstanceOfSatisfying(
                        Jt808DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void keepsAStandardItemWithAnUnexpectedLengthRaw() {
        // mileage with 2 bytes instead of 4
        Location location = decode(BASIC + "240101000000" + "01020102");

        assertThat(location.extras()).containsExactly(new ExtraItem.Raw(0x01, new byte[] {1, 2}));
    }

    @Test
    void keepsTheRestOfAVendorItemWhoseLengthLiesInsteadOfFailingTheFix() {
        Location location = decode(BASIC + "240101000000" + "300110" + "E60A0102");

        assertThat(location.extras())
                .containsExactly(new ExtraItem.SignalStrength(0x10), new ExtraItem.Raw(0xE6, new byte[] {1, 2}));
        assertThat(location.latitude()).isEqualTo(31.0);
    }

    @Test
    void keepsALoneTrailingItemIdRaw() {
        Location location = decode(BASIC + "240101000000" + "EE");

        assertThat(location.extras()).containsExactly(new ExtraItem.Raw(0xEE, new byte[0]));
    }

    @Test
    void typesOverspeedInfoWithAndWithoutAnArea() {
        Location location = decode(BASIC + "240101000000" + "110100" + "11050300000009" + "110101");

        assertThat(location.extras())
                .containsExactly(
                        new ExtraItem.OverspeedInfo(ExtraItem.NO_AREA, 0),
                        new ExtraItem.OverspeedInfo(ExtraItem.POLYGON, 9),
                        new ExtraItem.Raw(0x11, new byte[] {1}));
    }

    @Test
    void signsLatitudeAndLongitudeFromTheHemisphereBits() {
        Location location = Location.fix(-12.5, -77.25, 0, 0, 0, Messages.NOON);

        assertThat(location.south()).isTrue();
        assertThat(location.west()).isTrue();
        assertThat(location.latitudeMicrodegrees()).isEqualTo(12_500_000);
        assertThat(location.latitude()).isEqualTo(-12.5);
        assertThat(location.longitude()).isEqualTo(-77.25);
        assertThat(location.fixed()).isTrue();
    }

    @Test
    void normalisesTimeToGmt8AndWholeSeconds() {
        Location location = Location.fix(31, 118, 0, 0, 0, OffsetDateTime.parse("2024-05-01T00:00:00.750Z"));

        assertThat(location.time()).hasToString("2024-05-01T08:00+08:00");
    }

    @Test
    void refusesATimeOutsideTheTwoDigitYear() {
        assertThatThrownBy(() -> Location.fix(31, 118, 0, 0, 0, OffsetDateTime.parse("2100-01-01T00:00:00+08:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToEncodeAnOverspeedOutsideAnyAreaWithAnAreaId() {
        Location location = Location.fix(31, 118, 0, 0, 0, Messages.NOON)
                .withExtras(List.of(new ExtraItem.OverspeedInfo(ExtraItem.NO_AREA, 5)));

        assertThatThrownBy(() -> Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "1", 1, new LocationReport(location)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Location decode(String bodyHex) {
        byte[] body = HexFormat.of().parseHex(bodyHex);
        String header = String.format("0200%04X0139123456780001", body.length);
        byte[] content = HexFormat.of().parseHex(header + bodyHex);
        return ((LocationReport) Jt808Decoder.decode(withCheckCode(content)).message()).location();
    }
}
