package org.redwheel.jt808.message;

/**
 * Terminal parameter ids (0x8103, 0x0104) with the value types the standard gives them. Ids not
 * listed here are kept raw.
 */
public final class ParameterIds {

    public static final long HEARTBEAT_INTERVAL = 0x0001;
    public static final long TCP_RESPONSE_TIMEOUT = 0x0002;
    public static final long TCP_RETRANSMISSIONS = 0x0003;
    public static final long MAIN_SERVER_APN = 0x0010;
    public static final long MAIN_SERVER_ADDRESS = 0x0013;
    public static final long SERVER_TCP_PORT = 0x0018;
    public static final long LOCATION_REPORT_STRATEGY = 0x0020;
    public static final long DEFAULT_REPORT_INTERVAL = 0x0029;
    /** Maximum speed, km/h. */
    public static final long MAX_SPEED = 0x0055;
    /** How long above the maximum speed before an overspeed alarm, s. */
    public static final long OVERSPEED_DURATION = 0x0056;
    /** Continuous driving time threshold, s. */
    public static final long CONTINUOUS_DRIVING_LIMIT = 0x0057;
    /** Accumulated driving time in a day threshold, s. */
    public static final long DAILY_DRIVING_LIMIT = 0x0058;
    /** Minimum rest time, s. */
    public static final long MINIMUM_REST = 0x0059;
    /** Maximum parking time, s. */
    public static final long MAXIMUM_PARKING = 0x005A;
    /** Overspeed pre-warning difference, WORD in 0.1 km/h. */
    public static final long OVERSPEED_WARNING_DIFFERENCE = 0x005B;
    /** Fatigue pre-warning difference, WORD in s. */
    public static final long FATIGUE_WARNING_DIFFERENCE = 0x005C;

    public static final long ODOMETER = 0x0080;
    public static final long PROVINCE_ID = 0x0081;
    public static final long CITY_ID = 0x0082;
    public static final long PLATE = 0x0083;
    public static final long PLATE_COLOR = 0x0084;

    private ParameterIds() {}

    /** The value type the standard defines for an id, {@link ParameterType#UNKNOWN} when this codec has none. */
    public static ParameterType typeOf(long id) {
        if (id >= 0x0001 && id <= 0x0007) {
            return ParameterType.DWORD;
        }
        if ((id >= 0x0010 && id <= 0x0017) || id == 0x001A || id == 0x001D) {
            return ParameterType.STRING;
        }
        if (id == 0x0018 || id == 0x0019 || id == 0x001B || id == 0x001C) {
            return ParameterType.DWORD;
        }
        if ((id >= 0x0020 && id <= 0x0022) || (id >= 0x0027 && id <= 0x0029) || (id >= 0x002C && id <= 0x0030)) {
            return ParameterType.DWORD;
        }
        if (id == 0x0031) {
            return ParameterType.WORD;
        }
        if (id >= 0x0040 && id <= 0x0044) {
            return ParameterType.STRING;
        }
        if (id >= 0x0045 && id <= 0x0047) {
            return ParameterType.DWORD;
        }
        if (id == 0x0048 || id == 0x0049) {
            return ParameterType.STRING;
        }
        if (id >= 0x0050 && id <= 0x005A) {
            return ParameterType.DWORD;
        }
        if (id >= 0x005B && id <= 0x005E) {
            return ParameterType.WORD;
        }
        if (id == 0x0064 || id == 0x0065 || (id >= 0x0070 && id <= 0x0074) || id == 0x0080) {
            return ParameterType.DWORD;
        }
        if (id == 0x0081 || id == 0x0082) {
            return ParameterType.WORD;
        }
        if (id == 0x0083) {
            return ParameterType.STRING;
        }
        if (id == 0x0084) {
            return ParameterType.BYTE;
        }
        return ParameterType.UNKNOWN;
    }
}
