package org.redwheel.jt808;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.redwheel.jt808.message.ExtraItem;
import org.redwheel.jt808.message.Location;

/** The location block: 28 bytes of basic information, then (id, length, value) extra items. */
final class LocationCodec {

    private LocationCodec() {}

    /** Reads a location that takes up the rest of {@code reader}. */
    static Location read(BodyReader reader) {
        long alarm = reader.u32();
        long status = reader.u32();
        long latitude = reader.u32();
        long longitude = reader.u32();
        int altitude = (short) reader.u16(); // signed: see Location
        int speed = reader.u16();
        int direction = reader.u16();
        OffsetDateTime time = reader.time();
        return new Location(alarm, status, latitude, longitude, altitude, speed, direction, time, readExtras(reader));
    }

    private static List<ExtraItem> readExtras(BodyReader reader) {
        List<ExtraItem> items = new ArrayList<>();
        while (reader.remaining() > 0) {
            int id = reader.u8();
            if (reader.remaining() == 0) {
                // a lone id byte: devices pad oddly; keep what is there rather than lose the fix
                items.add(new ExtraItem.Raw(id, new byte[0]));
                break;
            }
            int length = reader.u8();
            if (length > reader.remaining()) {
                // a vendor item whose length lies: keep the rest raw rather than lose the fix
                items.add(new ExtraItem.Raw(id, reader.rest()));
                break;
            }
            items.add(item(id, reader.slice(length), length));
        }
        return items;
    }

    private static ExtraItem item(int id, BodyReader value, int length) {
        switch (id) {
            case ExtraItem.MILEAGE:
                if (length == 4) {
                    return new ExtraItem.Mileage(value.u32());
                }
                break;
            case ExtraItem.FUEL:
                if (length == 2) {
                    return new ExtraItem.Fuel(value.u16());
                }
                break;
            case ExtraItem.RECORDER_SPEED:
                if (length == 2) {
                    return new ExtraItem.RecorderSpeed(value.u16());
                }
                break;
            case ExtraItem.CONFIRMABLE_ALARM_EVENT:
                if (length == 2) {
                    return new ExtraItem.ConfirmableAlarmEvent(value.u16());
                }
                break;
            case ExtraItem.OVERSPEED_INFO:
                if (length == 1 || length == 5) {
                    int type = value.u8();
                    if (length == 1 && type == ExtraItem.NO_AREA) {
                        return new ExtraItem.OverspeedInfo(type, 0);
                    }
                    if (length == 5 && type != ExtraItem.NO_AREA) {
                        return new ExtraItem.OverspeedInfo(type, value.u32());
                    }
                    return new ExtraItem.Raw(id, concat(type, value.rest()));
                }
                break;
            case ExtraItem.AREA_TRANSITION:
                if (length == 6) {
                    return new ExtraItem.AreaTransition(value.u8(), value.u32(), value.u8());
                }
                break;
            case ExtraItem.ROAD_SECTION_TIME:
                if (length == 7) {
                    return new ExtraItem.RoadSectionTime(value.u32(), value.u16(), value.u8());
                }
                break;
            case ExtraItem.VEHICLE_SIGNAL_STATUS:
                if (length == 4) {
                    return new ExtraItem.VehicleSignalStatus(value.u32());
                }
                break;
            case ExtraItem.IO_STATUS:
                if (length == 2) {
                    return new ExtraItem.IoStatus(value.u16());
                }
                break;
            case ExtraItem.ANALOG:
                if (length == 4) {
                    return new ExtraItem.Analog(value.u32());
                }
                break;
            case ExtraItem.SIGNAL_STRENGTH:
                if (length == 1) {
                    return new ExtraItem.SignalStrength(value.u8());
                }
                break;
            case ExtraItem.SATELLITE_COUNT:
                if (length == 1) {
                    return new ExtraItem.SatelliteCount(value.u8());
                }
                break;
            default:
                break;
        }
        return new ExtraItem.Raw(id, value.rest());
    }

    private static byte[] concat(int first, byte[] rest) {
        byte[] all = new byte[rest.length + 1];
        all[0] = (byte) first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static void write(BodyWriter writer, Location location) {
        writer.u32(location.alarmFlags())
                .u32(location.statusFlags())
                .u32(location.latitudeMicrodegrees())
                .u32(location.longitudeMicrodegrees())
                .u16(location.altitudeM() & 0xFFFF)
                .u16(location.speedTenthKmh())
                .u16(location.direction())
                .time(location.time());
        for (ExtraItem item : location.extras()) {
            byte[] value = value(item);
            writer.u8(item.id()).u8(BodyWriter.checkLength(value.length, 0xFF, "extra item " + item.id()));
            writer.bytes(value);
        }
    }

    private static byte[] value(ExtraItem item) {
        BodyWriter value = new BodyWriter();
        if (item instanceof ExtraItem.Mileage mileage) {
            value.u32(mileage.tenthKm());
        } else if (item instanceof ExtraItem.Fuel fuel) {
            value.u16(fuel.tenthLitre());
        } else if (item instanceof ExtraItem.RecorderSpeed speed) {
            value.u16(speed.tenthKmh());
        } else if (item instanceof ExtraItem.ConfirmableAlarmEvent event) {
            value.u16(event.eventId());
        } else if (item instanceof ExtraItem.OverspeedInfo overspeed) {
            value.u8(overspeed.locationType());
            if (overspeed.locationType() != ExtraItem.NO_AREA) {
                value.u32(overspeed.areaId());
            } else if (overspeed.areaId() != 0) {
                throw new IllegalArgumentException("an overspeed outside any area has no area id");
            }
        } else if (item instanceof ExtraItem.AreaTransition transition) {
            value.u8(transition.locationType()).u32(transition.areaId()).u8(transition.direction());
        } else if (item instanceof ExtraItem.RoadSectionTime section) {
            value.u32(section.sectionId()).u16(section.drivingSeconds()).u8(section.result());
        } else if (item instanceof ExtraItem.VehicleSignalStatus signals) {
            value.u32(signals.bits());
        } else if (item instanceof ExtraItem.IoStatus io) {
            value.u16(io.bits());
        } else if (item instanceof ExtraItem.Analog analog) {
            value.u32(analog.bits());
        } else if (item instanceof ExtraItem.SignalStrength signal) {
            value.u8(signal.value());
        } else if (item instanceof ExtraItem.SatelliteCount satellites) {
            value.u8(satellites.count());
        } else if (item instanceof ExtraItem.Raw raw) {
            value.bytes(raw.value());
        }
        return value.toByteArray();
    }
}
