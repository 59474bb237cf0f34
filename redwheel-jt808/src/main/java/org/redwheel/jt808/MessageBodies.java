package org.redwheel.jt808;

import static org.redwheel.jt808.ProtocolVersion.V2011;
import static org.redwheel.jt808.ProtocolVersion.V2013;
import static org.redwheel.jt808.ProtocolVersion.V2019;

import java.util.ArrayList;
import java.util.List;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.DriverIdentity;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationQuery;
import org.redwheel.jt808.message.LocationQueryResponse;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.ManualAlarmConfirmation;
import org.redwheel.jt808.message.MessageIds;
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
import org.redwheel.jt808.message.TerminalRegistration;
import org.redwheel.jt808.message.TerminalUnregister;
import org.redwheel.jt808.message.TextMessage;
import org.redwheel.jt808.message.TransparentData;

/**
 * Body layouts per message id and version. Bytes after a fixed layout are ignored (devices append
 * padding); a layout that needs more bytes than the body has fails as truncated.
 */
final class MessageBodies {

    // 0x0100: province, city, manufacturer, model, terminal id, plate colour, then the plate
    private static final int[] REGISTRATION_2011 = {5, 8, 7};
    private static final int[] REGISTRATION_2013 = {5, 20, 7};
    private static final int[] REGISTRATION_2019 = {11, 30, 30};

    private static final int DRIVER_ID_NUMBER_LENGTH = 20;
    private static final int CERTIFICATE_LENGTH_2011 = 40;
    private static final int CERTIFICATE_LENGTH = 20;

    private MessageBodies() {}

    static Jt808Message decode(int messageId, ProtocolVersion version, byte[] body) {
        BodyReader reader = new BodyReader(body);
        switch (messageId) {
            case MessageIds.TERMINAL_GENERAL_RESPONSE:
                return new TerminalGeneralResponse(reader.u16(), reader.u16(), reader.u8());
            case MessageIds.HEARTBEAT:
                return new Heartbeat();
            case MessageIds.TERMINAL_UNREGISTER:
                return new TerminalUnregister();
            case MessageIds.TERMINAL_REGISTRATION:
                return registration(reader, version);
            case MessageIds.TERMINAL_AUTHENTICATION:
                return authentication(reader, version);
            case MessageIds.PARAMETER_QUERY_RESPONSE:
                return new ParameterQueryResponse(reader.u16(), ParameterCodec.read(reader));
            case MessageIds.LOCATION_REPORT:
                return new LocationReport(LocationCodec.read(reader));
            case MessageIds.LOCATION_QUERY_RESPONSE:
                return new LocationQueryResponse(reader.u16(), LocationCodec.read(reader));
            case MessageIds.DRIVER_IDENTITY:
                return version == V2011 ? driverIdentity2011(reader) : driverIdentity(reader, version);
            case MessageIds.BATCH_LOCATION_UPLOAD:
                return batch(reader);
            case MessageIds.TRANSPARENT_DATA:
                return new TransparentData(reader.u8(), reader.rest());
            case MessageIds.PLATFORM_GENERAL_RESPONSE:
                return new PlatformGeneralResponse(reader.u16(), reader.u16(), reader.u8());
            case MessageIds.SEGMENT_RESEND_REQUEST:
                return resendRequest(reader, version);
            case MessageIds.REGISTRATION_RESPONSE:
                return registrationResponse(reader);
            case MessageIds.SET_TERMINAL_PARAMETERS:
                return new SetTerminalParameters(ParameterCodec.read(reader));
            case MessageIds.QUERY_TERMINAL_PARAMETERS:
                return new QueryTerminalParameters();
            case MessageIds.LOCATION_QUERY:
                return new LocationQuery();
            case MessageIds.MANUAL_ALARM_CONFIRMATION:
                return new ManualAlarmConfirmation(reader.u16(), reader.u32());
            case MessageIds.TEXT_MESSAGE:
                return text(reader, version);
            default:
                return new RawMessage(messageId, body);
        }
    }

    /**
     * Tells 2011 from 2013 for the bodies whose layout differs; the headers are identical, so for
     * every other message {@code assumed} (what the session knows, 2013 by default) stands.
     *
     * <p>0x0100: the 2013 layout has 37 fixed bytes with the plate colour last, the 2011 layout 25.
     * A body whose byte 36 is a plate colour code (0–9, 91–94) is 2013; else one whose byte 24 is a
     * colour code is 2011. A short GBK plate makes a 2011 body shorter than 37 bytes; a 2011 body
     * carrying a 17-character VIN is longer but has an ASCII character, never a colour code, at 36.
     *
     * <p>0x0702: a 2013 body starts with status 0x01 or 0x02 and a valid BCD time; a 2011 body starts
     * with the driver name's length and its lengths add up exactly. When both readings fit, {@code
     * assumed} decides.
     */
    static ProtocolVersion legacyVersion(int messageId, byte[] body, ProtocolVersion assumed) {
        if (messageId == MessageIds.TERMINAL_REGISTRATION) {
            if (body.length >= 37 && plateColour(body[36])) {
                return V2013;
            }
            if (body.length >= 25 && plateColour(body[24])) {
                return V2011;
            }
            return V2013;
        }
        if (messageId == MessageIds.DRIVER_IDENTITY) {
            boolean as2013 = looksLikeDriverIdentity2013(body);
            boolean as2011 = looksLikeDriverIdentity2011(body);
            if (as2013 && as2011) {
                return assumed;
            }
            return as2011 ? V2011 : V2013;
        }
        return assumed;
    }

    private static boolean plateColour(byte b) {
        int code = b & 0xFF;
        return code <= 9 || (code >= 91 && code <= 94);
    }

    private static boolean looksLikeDriverIdentity2013(byte[] body) {
        if (body.length < 7 || (body[0] != DriverIdentity.CARD_INSERTED && body[0] != DriverIdentity.CARD_REMOVED)) {
            return false;
        }
        try {
            BodyReader reader = new BodyReader(body);
            reader.u8();
            reader.time();
            return true;
        } catch (Jt808DecodeException e) {
            return false;
        }
    }

    private static boolean looksLikeDriverIdentity2011(byte[] body) {
        int nameLength = body.length > 0 ? body[0] & 0xFF : 0;
        int authorityAt = 1 + nameLength + DRIVER_ID_NUMBER_LENGTH + CERTIFICATE_LENGTH_2011;
        return body.length > authorityAt && authorityAt + 1 + (body[authorityAt] & 0xFF) == body.length;
    }

    private static TerminalRegistration registration(BodyReader reader, ProtocolVersion version) {
        int[] widths = version == V2019 ? REGISTRATION_2019 : version == V2011 ? REGISTRATION_2011 : REGISTRATION_2013;
        return new TerminalRegistration(
                reader.u16(),
                reader.u16(),
                reader.fixedText(widths[0]),
                reader.fixedText(widths[1]),
                reader.fixedText(widths[2]),
                reader.u8(),
                reader.restText());
    }

    private static TerminalAuthentication authentication(BodyReader reader, ProtocolVersion version) {
        if (version != V2019) {
            return TerminalAuthentication.of(reader.restText());
        }
        String code = reader.fixedText(reader.u8());
        return new TerminalAuthentication(code, reader.fixedText(15), reader.fixedText(20));
    }

    private static DriverIdentity driverIdentity2011(BodyReader reader) {
        String name = reader.fixedText(reader.u8());
        String idNumber = reader.fixedText(DRIVER_ID_NUMBER_LENGTH);
        String certificate = reader.fixedText(CERTIFICATE_LENGTH_2011);
        String authority = reader.fixedText(reader.u8());
        return new DriverIdentity(DriverIdentity.CARD_INSERTED, null, 0, name, certificate, authority, null, idNumber);
    }

    private static DriverIdentity driverIdentity(BodyReader reader, ProtocolVersion version) {
        int status = reader.u8();
        var time = reader.time();
        if (status != DriverIdentity.CARD_INSERTED) {
            return new DriverIdentity(status, time, 0, "", "", "", null, "");
        }
        int result = reader.u8();
        if (result != 0) {
            return new DriverIdentity(status, time, result, "", "", "", null, "");
        }
        String name = reader.fixedText(reader.u8());
        String certificate = reader.fixedText(CERTIFICATE_LENGTH);
        String authority = reader.fixedText(reader.u8());
        var validity = reader.date();
        String idNumber = version == V2019 ? reader.fixedText(DRIVER_ID_NUMBER_LENGTH) : "";
        return new DriverIdentity(status, time, result, name, certificate, authority, validity, idNumber);
    }

    private static BatchLocationUpload batch(BodyReader reader) {
        int count = reader.u16();
        int type = reader.u8();
        // no pre-sizing from the count: a lying count must not allocate
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            locations.add(LocationCodec.read(reader.slice(reader.u16())));
        }
        return new BatchLocationUpload(type, locations);
    }

    private static SegmentResendRequest resendRequest(BodyReader reader, ProtocolVersion version) {
        int serial = reader.u16();
        int count = version == V2019 ? reader.u16() : reader.u8();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indices.add(reader.u16());
        }
        return new SegmentResendRequest(serial, indices);
    }

    private static RegistrationResponse registrationResponse(BodyReader reader) {
        int serial = reader.u16();
        int result = reader.u8();
        String code = result == Results.SUCCESS ? reader.restText() : "";
        return new RegistrationResponse(serial, result, code);
    }

    private static TextMessage text(BodyReader reader, ProtocolVersion version) {
        int flags = reader.u8();
        int type = version == V2019 ? reader.u8() : 0;
        return new TextMessage(flags, type, reader.restText());
    }

    static byte[] encode(ProtocolVersion version, Jt808Message message) {
        BodyWriter writer = new BodyWriter();
        if (message instanceof TerminalGeneralResponse response) {
            writer.u16(response.responseSerial())
                    .u16(response.responseMessageId())
                    .u8(response.result());
        } else if (message instanceof PlatformGeneralResponse response) {
            writer.u16(response.responseSerial())
                    .u16(response.responseMessageId())
                    .u8(response.result());
        } else if (message instanceof TerminalRegistration registration) {
            writeRegistration(writer, version, registration);
        } else if (message instanceof TerminalAuthentication authentication) {
            writeAuthentication(writer, version, authentication);
        } else if (message instanceof ParameterQueryResponse response) {
            writer.u16(response.responseSerial());
            ParameterCodec.write(writer, response.parameters());
        } else if (message instanceof LocationReport report) {
            LocationCodec.write(writer, report.location());
        } else if (message instanceof LocationQueryResponse response) {
            writer.u16(response.responseSerial());
            LocationCodec.write(writer, response.location());
        } else if (message instanceof DriverIdentity identity) {
            writeDriverIdentity(writer, version, identity);
        } else if (message instanceof BatchLocationUpload batch) {
            writer.u16(batch.locations().size()).u8(batch.type());
            for (Location location : batch.locations()) {
                BodyWriter item = new BodyWriter();
                LocationCodec.write(item, location);
                writer.u16(item.size()).bytes(item.toByteArray());
            }
        } else if (message instanceof TransparentData data) {
            writer.u8(data.type()).bytes(data.content());
        } else if (message instanceof SegmentResendRequest request) {
            writer.u16(request.originalSerial());
            int count = request.packetIndices().size();
            if (version == V2019) {
                writer.u16(count);
            } else {
                writer.u8(BodyWriter.checkLength(count, 0xFF, "resend count"));
            }
            request.packetIndices().forEach(writer::u16);
        } else if (message instanceof RegistrationResponse response) {
            writer.u16(response.responseSerial()).u8(response.result());
            if (response.result() == Results.SUCCESS) {
                writer.text(response.authCode());
            }
        } else if (message instanceof SetTerminalParameters set) {
            ParameterCodec.write(writer, set.parameters());
        } else if (message instanceof ManualAlarmConfirmation confirmation) {
            writer.u16(confirmation.alarmSerial()).u32(confirmation.alarmType());
        } else if (message instanceof TextMessage text) {
            writer.u8(text.flags());
            if (version == V2019) {
                writer.u8(text.textType());
            }
            writer.text(text.text());
        } else if (message instanceof RawMessage raw) {
            writer.bytes(raw.body());
        }
        // Heartbeat, TerminalUnregister, QueryTerminalParameters and LocationQuery have empty bodies
        return writer.toByteArray();
    }

    private static void writeRegistration(BodyWriter writer, ProtocolVersion version, TerminalRegistration r) {
        int[] widths = version == V2019 ? REGISTRATION_2019 : version == V2011 ? REGISTRATION_2011 : REGISTRATION_2013;
        writer.u16(r.provinceId())
                .u16(r.cityId())
                .fixedText(r.manufacturerId(), widths[0])
                .fixedText(r.terminalModel(), widths[1])
                .fixedText(r.terminalId(), widths[2])
                .u8(r.plateColor())
                .text(r.plate());
    }

    private static void writeAuthentication(BodyWriter writer, ProtocolVersion version, TerminalAuthentication a) {
        if (version != V2019) {
            writer.text(a.authCode());
            return;
        }
        writer.shortText(a.authCode()).fixedText(a.imei(), 15).fixedText(a.softwareVersion(), 20);
    }

    private static void writeDriverIdentity(BodyWriter writer, ProtocolVersion version, DriverIdentity d) {
        if (version == V2011) {
            writer.shortText(d.driverName())
                    .fixedText(d.idNumber(), DRIVER_ID_NUMBER_LENGTH)
                    .fixedText(d.certificateCode(), CERTIFICATE_LENGTH_2011)
                    .shortText(d.issuingAuthority());
            return;
        }
        if (d.time() == null) {
            throw new IllegalArgumentException("0x0702 needs the card time from 2013 on");
        }
        writer.u8(d.status()).time(d.time());
        if (d.status() != DriverIdentity.CARD_INSERTED) {
            return;
        }
        writer.u8(d.cardReadResult());
        if (d.cardReadResult() != 0) {
            return;
        }
        writer.shortText(d.driverName())
                .fixedText(d.certificateCode(), CERTIFICATE_LENGTH)
                .shortText(d.issuingAuthority())
                .date(d.certificateValidity());
        if (version == V2019) {
            writer.fixedText(d.idNumber(), DRIVER_ID_NUMBER_LENGTH);
        }
    }
}
