package org.redwheel.jt808.cli;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.Jt808Header;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.DriverIdentity;
import org.redwheel.jt808.message.ExtraItem;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationQueryResponse;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.ManualAlarmConfirmation;
import org.redwheel.jt808.message.MessageIds;
import org.redwheel.jt808.message.ParameterIds;
import org.redwheel.jt808.message.ParameterQueryResponse;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.redwheel.jt808.message.RawMessage;
import org.redwheel.jt808.message.RegistrationResponse;
import org.redwheel.jt808.message.SegmentResendRequest;
import org.redwheel.jt808.message.SetTerminalParameters;
import org.redwheel.jt808.message.TerminalAuthentication;
import org.redwheel.jt808.message.TerminalGeneralResponse;
import org.redwheel.jt808.message.TerminalParameter;
import org.redwheel.jt808.message.TerminalRegistration;
import org.redwheel.jt808.message.TextMessage;
import org.redwheel.jt808.message.TransparentData;

/** One decoded frame as a single-line JSON object. */
final class FrameJson {

    // explicit pattern: OffsetDateTime.toString() drops ":00" seconds
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private FrameJson() {}

    static String of(Jt808Envelope envelope) {
        Jt808Header header = envelope.header();
        Jt808Message message = envelope.message();
        JsonWriter json = new JsonWriter().beginObject();
        json.field("messageId", MessageIds.hex(header.messageId()))
                .field("message", message.getClass().getSimpleName())
                .field("version", header.version().year())
                .field("phone", header.phone())
                .field("serial", header.serial());
        if (header.segmented()) {
            json.field("packetIndex", header.packetIndex()).field("packetTotal", header.packetTotal());
        }
        if (header.encryption() != 0) {
            json.field("encryption", header.encryption());
        }
        body(json, message);
        return json.endObject().toString();
    }

    static String error(String reason, String message, String input) {
        JsonWriter json = new JsonWriter().beginObject().field("error", message);
        if (reason != null) {
            json.field("reason", reason);
        }
        return json.field("input", input).endObject().toString();
    }

    private static void body(JsonWriter json, Jt808Message message) {
        if (message instanceof LocationReport report) {
            location(json, report.location());
        } else if (message instanceof LocationQueryResponse response) {
            json.field("responseSerial", response.responseSerial());
            location(json, response.location());
        } else if (message instanceof BatchLocationUpload batch) {
            json.field("batchType", batch.type()).name("locations").beginArray();
            for (Location location : batch.locations()) {
                json.beginObject();
                location(json, location);
                json.endObject();
            }
            json.endArray();
        } else if (message instanceof TerminalGeneralResponse response) {
            response(json, response.responseSerial(), response.responseMessageId(), response.result());
        } else if (message instanceof PlatformGeneralResponse response) {
            response(json, response.responseSerial(), response.responseMessageId(), response.result());
        } else if (message instanceof TerminalRegistration registration) {
            json.field("provinceId", registration.provinceId())
                    .field("cityId", registration.cityId())
                    .field("manufacturerId", registration.manufacturerId())
                    .field("terminalModel", registration.terminalModel())
                    .field("terminalId", registration.terminalId())
                    .field("plateColor", registration.plateColor())
                    .field("plate", registration.plate());
        } else if (message instanceof TerminalAuthentication authentication) {
            json.field("authCode", authentication.authCode());
            if (!authentication.imei().isEmpty()
                    || !authentication.softwareVersion().isEmpty()) {
                json.field("imei", authentication.imei()).field("softwareVersion", authentication.softwareVersion());
            }
        } else if (message instanceof ParameterQueryResponse response) {
            json.field("responseSerial", response.responseSerial());
            parameters(json, response.parameters());
        } else if (message instanceof SetTerminalParameters set) {
            parameters(json, set.parameters());
        } else if (message instanceof DriverIdentity identity) {
            driverIdentity(json, identity);
        } else if (message instanceof TransparentData data) {
            json.field("type", data.type()).field("content", HEX.formatHex(data.content()));
        } else if (message instanceof RegistrationResponse response) {
            json.field("responseSerial", response.responseSerial())
                    .field("result", response.result())
                    .field("authCode", response.authCode());
        } else if (message instanceof SegmentResendRequest request) {
            json.field("originalSerial", request.originalSerial())
                    .name("packetIndices")
                    .beginArray();
            request.packetIndices().forEach(json::value);
            json.endArray();
        } else if (message instanceof ManualAlarmConfirmation confirmation) {
            json.field("alarmSerial", confirmation.alarmSerial()).field("alarmType", confirmation.alarmType());
        } else if (message instanceof TextMessage text) {
            json.field("flags", text.flags())
                    .field("tts", text.tts())
                    .field("display", text.display())
                    .field("textType", text.textType())
                    .field("text", text.text());
        } else if (message instanceof RawMessage raw) {
            json.field("body", HEX.formatHex(raw.body()));
        }
        // heartbeat, unregister, parameter query and location query have no fields
    }

    private static void response(JsonWriter json, int serial, int messageId, int result) {
        json.field("responseSerial", serial)
                .field("responseMessageId", MessageIds.hex(messageId))
                .field("result", result);
    }

    private static void location(JsonWriter json, Location location) {
        json.field("latitude", location.latitudeDecimal())
                .field("longitude", location.longitudeDecimal())
                .field("altitudeM", location.altitudeM())
                .field("speedKmh", BigDecimal.valueOf(location.speedTenthKmh(), 1))
                .field("direction", location.direction())
                .field("time", TIME.format(location.time()))
                .field("alarmFlags", location.alarmFlags())
                .field("statusFlags", location.statusFlags())
                .name("extras")
                .beginObject();
        Map<Integer, Integer> seen = new HashMap<>();
        for (ExtraItem item : location.extras()) {
            // an id sent twice keeps both values rather than a duplicate JSON key
            int occurrence = seen.merge(item.id(), 1, Integer::sum);
            String key = String.format("0x%02X", item.id()) + (occurrence > 1 ? "#" + occurrence : "");
            extra(json.name(key), item);
        }
        json.endObject();
    }

    private static void extra(JsonWriter json, ExtraItem item) {
        if (item instanceof ExtraItem.Mileage mileage) {
            json.value(BigDecimal.valueOf(mileage.tenthKm(), 1));
        } else if (item instanceof ExtraItem.Fuel fuel) {
            json.value(BigDecimal.valueOf(fuel.tenthLitre(), 1));
        } else if (item instanceof ExtraItem.RecorderSpeed speed) {
            json.value(BigDecimal.valueOf(speed.tenthKmh(), 1));
        } else if (item instanceof ExtraItem.ConfirmableAlarmEvent event) {
            json.value(event.eventId());
        } else if (item instanceof ExtraItem.OverspeedInfo overspeed) {
            json.beginObject().field("locationType", overspeed.locationType());
            if (overspeed.locationType() != ExtraItem.NO_AREA) {
                json.field("areaId", overspeed.areaId());
            }
            json.endObject();
        } else if (item instanceof ExtraItem.AreaTransition transition) {
            json.beginObject()
                    .field("locationType", transition.locationType())
                    .field("areaId", transition.areaId())
                    .field("direction", transition.leaving() ? "out" : "in")
                    .endObject();
        } else if (item instanceof ExtraItem.RoadSectionTime section) {
            json.beginObject()
                    .field("sectionId", section.sectionId())
                    .field("drivingSeconds", section.drivingSeconds())
                    .field("result", section.result())
                    .endObject();
        } else if (item instanceof ExtraItem.VehicleSignalStatus signals) {
            json.value(signals.bits());
        } else if (item instanceof ExtraItem.IoStatus io) {
            json.value(io.bits());
        } else if (item instanceof ExtraItem.Analog analog) {
            json.beginObject()
                    .field("ad0", analog.ad0())
                    .field("ad1", analog.ad1())
                    .endObject();
        } else if (item instanceof ExtraItem.SignalStrength signal) {
            json.value(signal.value());
        } else if (item instanceof ExtraItem.SatelliteCount satellites) {
            json.value(satellites.count());
        } else if (item instanceof ExtraItem.Raw raw) {
            json.value(HEX.formatHex(raw.value()));
        }
    }

    private static void parameters(JsonWriter json, List<TerminalParameter> parameters) {
        json.name("parameters").beginArray();
        for (TerminalParameter parameter : parameters) {
            json.beginObject()
                    .field("id", String.format("0x%04X", parameter.id()))
                    .field("type", ParameterIds.typeOf(parameter.id()).name())
                    .name("value");
            if (parameter instanceof TerminalParameter.DwordValue dword) {
                json.value(dword.value());
            } else if (parameter instanceof TerminalParameter.WordValue word) {
                json.value(word.value());
            } else if (parameter instanceof TerminalParameter.ByteValue oneByte) {
                json.value(oneByte.value());
            } else if (parameter instanceof TerminalParameter.StringValue text) {
                json.value(text.value());
            } else if (parameter instanceof TerminalParameter.Raw raw) {
                json.value(HEX.formatHex(raw.value()));
            }
            json.endObject();
        }
        json.endArray();
    }

    private static void driverIdentity(JsonWriter json, DriverIdentity identity) {
        json.field("status", identity.status())
                .field("time", identity.time() == null ? null : TIME.format(identity.time()))
                .field("cardReadResult", identity.cardReadResult())
                .field("driverName", identity.driverName())
                .field("certificateCode", identity.certificateCode())
                .field("issuingAuthority", identity.issuingAuthority())
                .field(
                        "certificateValidity",
                        identity.certificateValidity() == null
                                ? null
                                : identity.certificateValidity().toString())
                .field("idNumber", identity.idNumber());
    }
}
