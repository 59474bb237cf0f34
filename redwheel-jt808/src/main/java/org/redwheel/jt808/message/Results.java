package org.redwheel.jt808.message;

/** Result codes of the general responses (0x0001, 0x8001) and the registration response (0x8100). */
public final class Results {

    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int MESSAGE_ERROR = 2;
    public static final int UNSUPPORTED = 3;
    /** 0x8001 only: the platform confirms an alarm. */
    public static final int ALARM_CONFIRMED = 4;

    /** 0x8100: vehicle already registered. */
    public static final int VEHICLE_ALREADY_REGISTERED = 1;
    /** 0x8100: vehicle not in the database. */
    public static final int NO_SUCH_VEHICLE = 2;
    /** 0x8100: terminal already registered. */
    public static final int TERMINAL_ALREADY_REGISTERED = 3;
    /** 0x8100: terminal not in the database. */
    public static final int NO_SUCH_TERMINAL = 4;

    private Results() {}
}
