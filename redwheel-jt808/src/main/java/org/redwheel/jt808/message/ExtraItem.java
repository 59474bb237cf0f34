package org.redwheel.jt808.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An additional item after the basic location block (id, length, value). The codec types the
 * standard items it knows when their length is the standard one; anything else, including vendor
 * items, stays {@link Raw} so a frame never fails because of them.
 */
public sealed interface ExtraItem {

    int MILEAGE = 0x01;
    int FUEL = 0x02;
    int RECORDER_SPEED = 0x03;
    int CONFIRMABLE_ALARM_EVENT = 0x04;
    int OVERSPEED_INFO = 0x11;
    int AREA_TRANSITION = 0x12;
    int ROAD_SECTION_TIME = 0x13;
    int VEHICLE_SIGNAL_STATUS = 0x25;
    int IO_STATUS = 0x2A;
    int ANALOG = 0x2B;
    int SIGNAL_STRENGTH = 0x30;
    int SATELLITE_COUNT = 0x31;

    /** Location types used by 0x11 and 0x12. */
    int NO_AREA = 0;

    int CIRCLE = 1;
    int RECTANGLE = 2;
    int POLYGON = 3;
    int ROUTE = 4;

    /** The item id, 0x00–0xFF. */
    int id();

    /** 0x01: odometer, DWORD in 0.1 km. */
    record Mileage(long tenthKm) implements ExtraItem {
        public double km() {
            return tenthKm / 10.0;
        }

        @Override
        public int id() {
            return MILEAGE;
        }
    }

    /** 0x02: fuel gauge, WORD in 0.1 L. */
    record Fuel(int tenthLitre) implements ExtraItem {
        public double litres() {
            return tenthLitre / 10.0;
        }

        @Override
        public int id() {
            return FUEL;
        }
    }

    /** 0x03: speed from the driving recorder (tachograph), WORD in 0.1 km/h. */
    record RecorderSpeed(int tenthKmh) implements ExtraItem {
        public double kmh() {
            return tenthKmh / 10.0;
        }

        @Override
        public int id() {
            return RECORDER_SPEED;
        }
    }

    /** 0x04: id of an alarm event that needs a person's confirmation, WORD. */
    record ConfirmableAlarmEvent(int eventId) implements ExtraItem {
        @Override
        public int id() {
            return CONFIRMABLE_ALARM_EVENT;
        }
    }

    /**
     * 0x11: where an overspeed happened: a location type and, unless the type is {@link #NO_AREA},
     * the area or route id (1 or 5 bytes).
     */
    record OverspeedInfo(int locationType, long areaId) implements ExtraItem {
        @Override
        public int id() {
            return OVERSPEED_INFO;
        }
    }

    /** 0x12: entering ({@code direction} 0) or leaving (1) an area or route. */
    record AreaTransition(int locationType, long areaId, int direction) implements ExtraItem {
        public boolean leaving() {
            return direction == 1;
        }

        @Override
        public int id() {
            return AREA_TRANSITION;
        }
    }

    /** 0x13: driving time on a road section was too short (result 0) or normal (result 1). */
    record RoadSectionTime(long sectionId, int drivingSeconds, int result) implements ExtraItem {
        @Override
        public int id() {
            return ROAD_SECTION_TIME;
        }
    }

    /** 0x25: extended vehicle signal bits (lights, brake, gears...), DWORD. */
    record VehicleSignalStatus(long bits) implements ExtraItem {
        @Override
        public int id() {
            return VEHICLE_SIGNAL_STATUS;
        }
    }

    /** 0x2A: IO status bits (deep sleep, sleep), WORD. */
    record IoStatus(int bits) implements ExtraItem {
        @Override
        public int id() {
            return IO_STATUS;
        }
    }

    /** 0x2B: analog inputs, DWORD: AD0 in bits 0–15, AD1 in bits 16–31. */
    record Analog(long bits) implements ExtraItem {
        public int ad0() {
            return (int) (bits & 0xFFFF);
        }

        public int ad1() {
            return (int) (bits >>> 16);
        }

        @Override
        public int id() {
            return ANALOG;
        }
    }

    /** 0x30: wireless signal strength, BYTE. */
    record SignalStrength(int value) implements ExtraItem {
        @Override
        public int id() {
            return SIGNAL_STRENGTH;
        }
    }

    /** 0x31: number of GNSS satellites in view, BYTE. */
    record SatelliteCount(int count) implements ExtraItem {
        @Override
        public int id() {
            return SATELLITE_COUNT;
        }
    }

    /** Any item kept as sent: vendor ids, ids this codec does not type, or a standard id with an odd length. */
    record Raw(int id, byte[] value) implements ExtraItem {
        public Raw {
            if (id < 0 || id > 0xFF) {
                throw new IllegalArgumentException("extra item id " + id + " outside 0..255");
            }
            if (value.length > 0xFF) {
                throw new IllegalArgumentException("extra item longer than 255 bytes: " + value.length);
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        // records compare arrays by identity; items are compared by value
        @Override
        public boolean equals(Object other) {
            return other instanceof Raw that && id == that.id && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return 31 * id + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Raw[id=" + id + ", value=" + HexFormat.of().formatHex(value) + "]";
        }
    }
}
