package org.redwheel.jt808;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.DriverIdentity;
import org.redwheel.jt808.message.ExtraItem;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationQuery;
import org.redwheel.jt808.message.LocationQueryResponse;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.ManualAlarmConfirmation;
import org.redwheel.jt808.message.ParameterIds;
import org.redwheel.jt808.message.ParameterQueryResponse;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.redwheel.jt808.message.QueryTerminalParameters;
import org.redwheel.jt808.message.RawMessage;
import org.redwheel.jt808.message.RegistrationResponse;
import org.redwheel.jt808.message.Results;
import org.redwheel.jt808.message.SegmentResendRequest;
import org.redwheel.jt808.message.SetTerminalParameters;
import org.redwheel.jt808.message.TerminalAuthentication;
import org.redwheel.jt808.message.TerminalGeneralResponse;
import org.redwheel.jt808.message.TerminalParameter;
import org.redwheel.jt808.message.TerminalRegistration;
import org.redwheel.jt808.message.TerminalUnregister;
import org.redwheel.jt808.message.TextMessage;
import org.redwheel.jt808.message.TransparentData;

/** Sample messages of every type, in the shape each version can carry. */
final class Messages {

    static final OffsetDateTime NOON = OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.ofHours(8));

    private Messages() {}

    static Location location() {
        return Location.fix(35.104321, 118.356789, 80, 72.5, 180, NOON)
                .withAlarmFlags(Location.ALARM_FATIGUE | Location.ALARM_OVERSPEED_WARNING)
                .withExtras(List.of(
                        new ExtraItem.Mileage(123456),
                        new ExtraItem.Fuel(555),
                        new ExtraItem.RecorderSpeed(720),
                        new ExtraItem.ConfirmableAlarmEvent(3),
                        new ExtraItem.OverspeedInfo(ExtraItem.NO_AREA, 0),
                        new ExtraItem.AreaTransition(ExtraItem.ROUTE, 99, 0),
                        new ExtraItem.RoadSectionTime(5, 600, 0),
                        new ExtraItem.VehicleSignalStatus(0x0000_0400),
                        new ExtraItem.IoStatus(2),
                        new ExtraItem.Analog(0xFFFF_0001L),
                        new ExtraItem.SignalStrength(25),
                        new ExtraItem.SatelliteCount(9),
                        new ExtraItem.Raw(0xEB, new byte[] {0x7E, 0x00, 0x7D})));
    }

    static List<TerminalParameter> parameters() {
        return List.of(
                TerminalParameter.dword(ParameterIds.HEARTBEAT_INTERVAL, 30),
                new TerminalParameter.StringValue(ParameterIds.MAIN_SERVER_ADDRESS, "jt808.example.cn"),
                TerminalParameter.dword(ParameterIds.MAX_SPEED, 100),
                TerminalParameter.word(ParameterIds.FATIGUE_WARNING_DIFFERENCE, 1800),
                new TerminalParameter.StringValue(ParameterIds.PLATE, "鲁Q12345"),
                new TerminalParameter.ByteValue(ParameterIds.PLATE_COLOR, 2),
                new TerminalParameter.Raw(0xF0A0, new byte[] {9, 8, 7, 6, 5}));
    }

    /** Terminal to platform. */
    static List<Jt808Message> uplink(ProtocolVersion version) {
        List<Jt808Message> messages = new ArrayList<>(List.of(
                new TerminalGeneralResponse(7, 0x8300, Results.SUCCESS),
                new Heartbeat(),
                new TerminalUnregister(),
                new TerminalRegistration(37, 1302, "70111", "RW-M1", "T000001", 2, "鲁Q12345"),
                new ParameterQueryResponse(12, parameters()),
                new LocationReport(location()),
                new LocationQueryResponse(13, location()),
                new BatchLocationUpload(BatchLocationUpload.BLIND_AREA, List.of(location(), location())),
                new TransparentData(0x41, new byte[] {1, 2, 3, 0x7E})));
        if (version == ProtocolVersion.V2019) {
            messages.add(new TerminalAuthentication("a1b2c3", "860000000000001", "RW-1.0.7"));
        } else {
            messages.add(TerminalAuthentication.of("a1b2c3"));
        }
        messages.addAll(driverIdentities(version));
        return messages;
    }

    static List<DriverIdentity> driverIdentities(ProtocolVersion version) {
        if (version == ProtocolVersion.V2011) {
            return List.of(new DriverIdentity(
                    DriverIdentity.CARD_INSERTED,
                    null,
                    0,
                    "李四",
                    "370000000000000002",
                    "临沂市运管处",
                    null,
                    "371300199001011234"));
        }
        String idNumber = version == ProtocolVersion.V2019 ? "371300199001011234" : "";
        return List.of(
                new DriverIdentity(
                        DriverIdentity.CARD_INSERTED,
                        NOON,
                        0,
                        "李四",
                        "370000000000000002",
                        "临沂市运管处",
                        LocalDate.of(2030, 6, 30),
                        idNumber),
                new DriverIdentity(DriverIdentity.CARD_INSERTED, NOON, 2, "", "", "", null, ""),
                new DriverIdentity(DriverIdentity.CARD_REMOVED, NOON.plusHours(4), 0, "", "", "", null, ""));
    }

    /** Platform to terminal. */
    static List<Jt808Message> downlink(ProtocolVersion version) {
        return List.of(
                new PlatformGeneralResponse(8, 0x0200, Results.SUCCESS),
                RegistrationResponse.accepted(1, "a1b2c3"),
                RegistrationResponse.refused(1, Results.NO_SUCH_TERMINAL),
                new SegmentResendRequest(100, List.of(2, 5, 7)),
                new SetTerminalParameters(parameters()),
                new QueryTerminalParameters(),
                new LocationQuery(),
                new ManualAlarmConfirmation(0, Location.ALARM_EMERGENCY),
                new TextMessage(
                        TextMessage.FLAG_TTS | TextMessage.FLAG_DISPLAY,
                        version == ProtocolVersion.V2019 ? TextMessage.TYPE_SERVICE : 0,
                        "前方服务区可休息，请勿疲劳驾驶"),
                new RawMessage(0x8F01, new byte[] {0x7D, 0x7E, 0x00}));
    }
}
