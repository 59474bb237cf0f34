package org.redwheel.jt808.message;

/** Message ids of JT/T 808 as named constants. */
public final class MessageIds {

    public static final int TERMINAL_GENERAL_RESPONSE = 0x0001;
    public static final int HEARTBEAT = 0x0002;
    public static final int TERMINAL_UNREGISTER = 0x0003;
    public static final int TERMINAL_REGISTRATION = 0x0100;
    public static final int TERMINAL_AUTHENTICATION = 0x0102;
    public static final int PARAMETER_QUERY_RESPONSE = 0x0104;
    public static final int LOCATION_REPORT = 0x0200;
    public static final int LOCATION_QUERY_RESPONSE = 0x0201;
    public static final int DRIVER_IDENTITY = 0x0702;
    public static final int BATCH_LOCATION_UPLOAD = 0x0704;
    public static final int TRANSPARENT_DATA = 0x0900;

    public static final int PLATFORM_GENERAL_RESPONSE = 0x8001;
    public static final int SEGMENT_RESEND_REQUEST = 0x8003;
    public static final int REGISTRATION_RESPONSE = 0x8100;
    public static final int SET_TERMINAL_PARAMETERS = 0x8103;
    public static final int QUERY_TERMINAL_PARAMETERS = 0x8104;
    public static final int LOCATION_QUERY = 0x8201;
    public static final int MANUAL_ALARM_CONFIRMATION = 0x8203;
    public static final int TEXT_MESSAGE = 0x8300;

    private MessageIds() {}

    /** Formats an id the way logs and the decode command line show it, e.g. {@code 0x0200}. */
    public static String hex(int messageId) {
        return String.format("0x%04X", messageId & 0xFFFF);
    }
}
