package org.redwheel.jt808;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.DriverIdentity;
import org.redwheel.jt808.message.ExtraItem;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.ParameterIds;
import org.redwheel.jt808.message.SetTerminalParameters;
import org.redwheel.jt808.message.TerminalAuthentication;
import org.redwheel.jt808.message.TerminalParameter;
import org.redwheel.jt808.message.TerminalRegistration;
import org.redwheel.jt808.message.TextMessage;

/**
 * Frames written byte by byte from the standard's layouts (header, body tables, check code, escaping),
 * independently of this codec: decoding must read them, encoding must reproduce them exactly.
 */
class GoldenVectorsTests {

    static final String PHONE_2013 = "013912345678";
    static final String PHONE_2019 = "00000000013912345678";
    static final ZoneOffset GMT8 = ZoneOffset.ofHours(8);

    // 2013 0x0200: overspeed alarm, ACC on + fixed, 31.123456 N 118.345678 E, 50 m, 62.3 km/h, 90°,
    // 2024-03-15 08:30:00; every standard extra item, then a vendor item 0xE1 whose value 7E 7D 01
    // is escaped on the wire
    static final String LOCATION_2013 =
            "7E020000610139123456780001000000020000000301DAE800070DCFCE0032026F005A2403150830"
                    + "00010400000BB80202019003020262040200071105010000007B12060200000010011307000000200E10012504000000012A0200"
                    + "002B040064003230011F31010CE1037D027D0101E27E";

    static final String REGISTRATION_2011 =
            "7E01000021013912345678000100250514373031313152572D4D310000005430303030303102C2B3513132333435017E";
    static final String REGISTRATION_2013 = "7E0100002D013912345678000100250514373031313152572D4D312D323031330000000000"
            + "00000000005430303030303102C2B3513132333435207E";
    static final String REGISTRATION_2019 = "7E010040540100000000013912345678000100250514373031313130303030303152572D4D"
            + "312D32303139000000000000000000000000000000000000000054303030303030303030303030303030303030303030303030"
            + "303031000002C2B3513132333435237E";

    // 0x8300 "请注意休息" (GBK C7EB D7A2 D2E2 D0DD CFA2), flags 0x0C = TTS + display; 2019 adds type 1
    static final String TEXT_2013 = "7E8300000B01391234567800050CC7EBD7A2D2E2D0DDCFA2B87E";
    static final String TEXT_2019 = "7E8300400C010000000001391234567800050C01C7EBD7A2D2E2D0DDCFA2FF7E";

    @Test
    void decodesA2013LocationReportWithEveryStandardExtraAndAVendorItem() {
        Jt808Envelope envelope = Jt808Decoder.decode(bytes(LOCATION_2013));

        assertThat(envelope.header())
                .isEqualTo(new Jt808Header(0x0200, ProtocolVersion.V2013, 0, PHONE_2013, 1, 0, 0, 0));
        Location location = ((LocationReport) envelope.message()).location();
        assertThat(location.alarmFlags()).isEqualTo(Location.ALARM_OVERSPEED);
        assertThat(location.statusFlags()).isEqualTo(Location.STATUS_ACC_ON | Location.STATUS_FIXED);
        assertThat(location.latitude()).isEqualTo(31.123456);
        assertThat(location.longitude()).isEqualTo(118.345678);
        assertThat(location.altitudeM()).isEqualTo(50);
        assertThat(location.speedKmh()).isEqualTo(62.3);
        assertThat(location.direction()).isEqualTo(90);
        assertThat(location.time()).isEqualTo(OffsetDateTime.of(2024, 3, 15, 8, 30, 0, 0, GMT8));
        assertThat(location.extras())
                .containsExactly(
                        new ExtraItem.Mileage(3000),
                        new ExtraItem.Fuel(400),
                        new ExtraItem.RecorderSpeed(610),
                        new ExtraItem.ConfirmableAlarmEvent(7),
                        new ExtraItem.OverspeedInfo(ExtraItem.CIRCLE, 123),
                        new ExtraItem.AreaTransition(ExtraItem.RECTANGLE, 16, 1),
                        new ExtraItem.RoadSectionTime(32, 3600, 1),
                        new ExtraItem.VehicleSignalStatus(1),
                        new ExtraItem.IoStatus(0),
                        new ExtraItem.Analog(0x0064_0032L),
                        new ExtraItem.SignalStrength(31),
                        new ExtraItem.SatelliteCount(12),
                        new ExtraItem.Raw(0xE1, new byte[] {0x7E, 0x7D, 0x01}));
        assertThat(((ExtraItem.Mileage) location.extras().get(0)).km()).isEqualTo(300.0);
    }

    @Test
    void encodesThe2013LocationReportToTheSameBytes() {
        Jt808Envelope envelope = Jt808Decoder.decode(bytes(LOCATION_2013));

        byte[] encoded = Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "13912345678", 1, envelope.message());

        assertThat(hex(encoded)).isEqualTo(LOCATION_2013);
    }

    @Test
    void decodesA2019LocationInTheSouthWestWithNegativeAltitude() {
        String frame =
                "7E0200401C01000000000139123456780102000000000000000E0204C8E009034428FFF6000000002312312359590" + "07E";

        Jt808Envelope envelope = Jt808Decoder.decode(bytes(frame));

        assertThat(envelope.header())
                .isEqualTo(new Jt808Header(0x0200, ProtocolVersion.V2019, 1, PHONE_2019, 0x0102, 0, 0, 0));
        Location location = ((LocationReport) envelope.message()).location();
        assertThat(location.latitude()).isEqualTo(-33.868);
        assertThat(location.longitude()).isEqualTo(-151.209);
        assertThat(location.altitudeM()).isEqualTo(-10);
        assertThat(location.time()).isEqualTo(OffsetDateTime.of(2023, 12, 31, 23, 59, 59, 0, GMT8));
        assertThat(hex(Jt808Encoder.encodeSingle(ProtocolVersion.V2019, "13912345678", 0x0102, envelope.message())))
                .isEqualTo(frame);
    }

    @Test
    void decodesRegistrationsOfAllThreeLayoutsAndTellsTheVersions() {
        var expected2011 = new TerminalRegistration(37, 1300, "70111", "RW-M1", "T000001", 2, "鲁Q12345");
        var expected2013 = new TerminalRegistration(37, 1300, "70111", "RW-M1-2013", "T000001", 2, "鲁Q12345");
        var expected2019 = new TerminalRegistration(
                37, 1300, "70111000001", "RW-M1-2019", "T000000000000000000000000001", 2, "鲁Q12345");

        Jt808Envelope v2011 = Jt808Decoder.decode(bytes(REGISTRATION_2011));
        Jt808Envelope v2013 = Jt808Decoder.decode(bytes(REGISTRATION_2013));
        Jt808Envelope v2019 = Jt808Decoder.decode(bytes(REGISTRATION_2019));

        assertThat(v2011.header().version()).isEqualTo(ProtocolVersion.V2011);
        assertThat(v2011.message()).isEqualTo(expected2011);
        assertThat(v2013.header().version()).isEqualTo(ProtocolVersion.V2013);
        assertThat(v2013.message()).isEqualTo(expected2013);
        assertThat(v2019.header().version()).isEqualTo(ProtocolVersion.V2019);
        assertThat(v2019.message()).isEqualTo(expected2019);
    }

    @Test
    void encodesRegistrationsOfAllThreeLayoutsToTheSameBytes() {
        for (String frame : List.of(REGISTRATION_2011, REGISTRATION_2013, REGISTRATION_2019)) {
            Jt808Envelope envelope = Jt808Decoder.decode(bytes(frame));

            byte[] encoded = Jt808Encoder.encodeSingle(
                    envelope.header().version(),
                    "13912345678",
                    envelope.header().serial(),
                    envelope.message());

            assertThat(hex(encoded)).isEqualTo(frame);
        }
    }

    @Test
    void encodesASpokenAndShownGbkTextIn2013And2019Layouts() {
        TextMessage reminder = TextMessage.spokenAndShown("请注意休息");

        assertThat(hex(Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "13912345678", 5, reminder)))
                .isEqualTo(TEXT_2013);
        assertThat(hex(Jt808Encoder.encodeSingle(ProtocolVersion.V2019, "13912345678", 5, reminder)))
                .isEqualTo(TEXT_2019);
    }

    @Test
    void decodesGbkTextWithItsFlagsInBothLayouts() {
        TextMessage v2013 = (TextMessage) Jt808Decoder.decode(bytes(TEXT_2013)).message();
        TextMessage v2019 = (TextMessage) Jt808Decoder.decode(bytes(TEXT_2019)).message();

        assertThat(v2013).isEqualTo(new TextMessage(0x0C, 0, "请注意休息"));
        assertThat(v2013.tts()).isTrue();
        assertThat(v2013.display()).isTrue();
        assertThat(v2019).isEqualTo(new TextMessage(0x0C, TextMessage.TYPE_NOTICE, "请注意休息"));
    }

    @Test
    void encodesDrivingLimitParametersAsDwordsAndWordsAndKeepsVendorIdsRaw() {
        String frame = "7E8103004D01391234567800090900000055040000006400000056040000000A0000005704000038400000005804"
                + "000070800000005904000004B00000005A0400001C200000005B0200320000005C0207080000F00103010203567E";
        var parameters = new SetTerminalParameters(List.of(
                TerminalParameter.dword(ParameterIds.MAX_SPEED, 100),
                TerminalParameter.dword(ParameterIds.OVERSPEED_DURATION, 10),
                TerminalParameter.dword(ParameterIds.CONTINUOUS_DRIVING_LIMIT, 14400),
                TerminalParameter.dword(ParameterIds.DAILY_DRIVING_LIMIT, 28800),
                TerminalParameter.dword(ParameterIds.MINIMUM_REST, 1200),
                TerminalParameter.dword(ParameterIds.MAXIMUM_PARKING, 7200),
                TerminalParameter.word(ParameterIds.OVERSPEED_WARNING_DIFFERENCE, 50),
                TerminalParameter.word(ParameterIds.FATIGUE_WARNING_DIFFERENCE, 1800),
                new TerminalParameter.Raw(0xF001, new byte[] {1, 2, 3})));

        assertThat(hex(Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "13912345678", 9, parameters)))
                .isEqualTo(frame);
        assertThat(Jt808Decoder.decode(bytes(frame)).message()).isEqualTo(parameters);
    }

    @Test
    void decodesA2019AuthenticationWithImeiAndSoftwareVersion() {
        String frame = "7E0102402A010000000001391234567800030641423132434438363030303030303030303030303156312E322E3300"
                + "00000000000000000000000000037E";

        Jt808Envelope envelope = Jt808Decoder.decode(bytes(frame));

        assertThat(envelope.message()).isEqualTo(new TerminalAuthentication("AB12CD", "860000000000001", "V1.2.3"));
        assertThat(hex(Jt808Encoder.encodeSingle(ProtocolVersion.V2019, "13912345678", 3, envelope.message())))
                .isEqualTo(frame);
    }

    @Test
    void decodesABlindAreaBatchOfTwoLocations() {
        String frame = "7E07040042013912345678000B000201001C000000000000000301D905C007088980000A01F400002403150800000"
                + "01F000000000000000301D90624070889E4000B01FE0001240315080030300114E67E";

        BatchLocationUpload batch =
                (BatchLocationUpload) Jt808Decoder.decode(bytes(frame)).message();

        assertThat(batch.blindArea()).isTrue();
        assertThat(batch.locations()).hasSize(2);
        assertThat(batch.locations().get(0).latitude()).isEqualTo(31.0);
        assertThat(batch.locations().get(1).time()).isEqualTo(OffsetDateTime.of(2024, 3, 15, 8, 0, 30, 0, GMT8));
        assertThat(batch.locations().get(1).extras()).containsExactly(new ExtraItem.SignalStrength(20));
        assertThat(hex(Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "13912345678", 11, batch)))
                .isEqualTo(frame);
    }

    @Test
    void decodesDriverIdentityIn2013And2011Layouts() {
        String v2013 = "7E07020036013912345678000C012403150700000004D5C5C8FD33373030303030303030303030303030303100"
                + "0010C1D9D2CACAD0BDBBCDA8D4CBCAE4BED620280101277E";
        String v2011 =
                "7E07020052013912345678000C04D5C5C8FD333731333030313939303031303131323334000033373030303030303030"
                        + "30303030303030310000000000000000000000000000000000000000000010C1D9D2CACAD0BDBBCDA8D4CBCAE4BED67C"
                        + "7E";

        Jt808Envelope inserted = Jt808Decoder.decode(bytes(v2013));
        Jt808Envelope legacy = Jt808Decoder.decode(bytes(v2011));

        assertThat(inserted.header().version()).isEqualTo(ProtocolVersion.V2013);
        assertThat(inserted.message())
                .isEqualTo(new DriverIdentity(
                        DriverIdentity.CARD_INSERTED,
                        OffsetDateTime.of(2024, 3, 15, 7, 0, 0, 0, GMT8),
                        0,
                        "张三",
                        "370000000000000001",
                        "临沂市交通运输局",
                        LocalDate.of(2028, 1, 1),
                        ""));
        assertThat(legacy.header().version()).isEqualTo(ProtocolVersion.V2011);
        assertThat(legacy.message())
                .isEqualTo(new DriverIdentity(
                        DriverIdentity.CARD_INSERTED,
                        null,
                        0,
                        "张三",
                        "370000000000000001",
                        "临沂市交通运输局",
                        null,
                        "371300199001011234"));
    }

    @Test
    void escapesDelimiterAndEscapeBytesOfTheHeader() {
        // serial 0x7E7D goes out as 7D 02 7D 01
        String frame = "7E000200000139123456787D027D01317E";

        assertThat(hex(Jt808Encoder.encodeSingle(ProtocolVersion.V2013, "13912345678", 0x7E7D, new Heartbeat())))
                .isEqualTo(frame);
        assertThat(Jt808Decoder.decode(bytes(frame)).header().serial()).isEqualTo(0x7E7D);
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
