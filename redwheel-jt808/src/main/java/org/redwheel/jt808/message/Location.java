package org.redwheel.jt808.message;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The location block shared by 0x0200, 0x0201 and each item of 0x0704.
 *
 * <p>Latitude and longitude are kept as the protocol sends them, unsigned micro-degrees with the
 * hemisphere in status bits 2 (south) and 3 (west); {@link #latitude()} and {@link #longitude()}
 * give signed degrees. Altitude is read as a signed 16-bit value: the standard says WORD, but no
 * road is 32 km high while places below sea level exist, and devices send those as two's
 * complement.
 *
 * @param time the fix time, always at GMT+8 as the protocol defines it, to the second
 * @param extras additional items in the order sent, unknown ones as {@link ExtraItem.Raw}
 */
public record Location(
        long alarmFlags,
        long statusFlags,
        long latitudeMicrodegrees,
        long longitudeMicrodegrees,
        int altitudeM,
        int speedTenthKmh,
        int direction,
        OffsetDateTime time,
        List<ExtraItem> extras) {

    /** JT/T 808 times are Beijing time. */
    public static final ZoneOffset GMT8 = ZoneOffset.ofHours(8);

    public static final long ALARM_EMERGENCY = 1L;
    public static final long ALARM_OVERSPEED = 1L << 1;
    public static final long ALARM_FATIGUE = 1L << 2;
    public static final long ALARM_OVERSPEED_WARNING = 1L << 13;
    public static final long ALARM_FATIGUE_WARNING = 1L << 14;
    public static final long ALARM_DAILY_DRIVING_EXCEEDED = 1L << 18;
    public static final long ALARM_PARKED_TOO_LONG = 1L << 19;

    public static final long STATUS_ACC_ON = 1L;
    public static final long STATUS_FIXED = 1L << 1;
    public static final long STATUS_SOUTH = 1L << 2;
    public static final long STATUS_WEST = 1L << 3;

    private static final long DWORD_MAX = 0xFFFF_FFFFL;

    public Location {
        requireRange("alarmFlags", alarmFlags, 0, DWORD_MAX);
        requireRange("statusFlags", statusFlags, 0, DWORD_MAX);
        requireRange("latitudeMicrodegrees", latitudeMicrodegrees, 0, DWORD_MAX);
        requireRange("longitudeMicrodegrees", longitudeMicrodegrees, 0, DWORD_MAX);
        requireRange("altitudeM", altitudeM, Short.MIN_VALUE, Short.MAX_VALUE);
        requireRange("speedTenthKmh", speedTenthKmh, 0, 0xFFFF);
        requireRange("direction", direction, 0, 0xFFFF);
        Objects.requireNonNull(time, "time");
        time = time.withOffsetSameInstant(GMT8).truncatedTo(ChronoUnit.SECONDS);
        // the protocol has a two-digit year
        requireRange("time year", time.getYear(), 2000, 2099);
        extras = List.copyOf(extras);
    }

    /**
     * A valid fix with no alarms and no extras, the hemisphere bits set from the signs.
     *
     * @param speedKmh rounded to the protocol's 0.1 km/h
     */
    public static Location fix(
            double latitude, double longitude, int altitudeM, double speedKmh, int direction, OffsetDateTime time) {
        long status = STATUS_FIXED | (latitude < 0 ? STATUS_SOUTH : 0) | (longitude < 0 ? STATUS_WEST : 0);
        return new Location(
                0,
                status,
                Math.round(Math.abs(latitude) * 1_000_000),
                Math.round(Math.abs(longitude) * 1_000_000),
                altitudeM,
                (int) Math.round(speedKmh * 10),
                direction,
                time,
                List.of());
    }

    public Location withAlarmFlags(long flags) {
        return new Location(
                flags,
                statusFlags,
                latitudeMicrodegrees,
                longitudeMicrodegrees,
                altitudeM,
                speedTenthKmh,
                direction,
                time,
                extras);
    }

    public Location withExtras(List<ExtraItem> items) {
        return new Location(
                alarmFlags,
                statusFlags,
                latitudeMicrodegrees,
                longitudeMicrodegrees,
                altitudeM,
                speedTenthKmh,
                direction,
                time,
                items);
    }

    /** Signed degrees, negative in the southern hemisphere. */
    public double latitude() {
        return latitudeDecimal().doubleValue();
    }

    /** Signed degrees, negative west of Greenwich. */
    public double longitude() {
        return longitudeDecimal().doubleValue();
    }

    /** Signed degrees, exact to the protocol's 10⁻⁶ (no binary rounding), for printing. */
    public BigDecimal latitudeDecimal() {
        return BigDecimal.valueOf(south() ? -latitudeMicrodegrees : latitudeMicrodegrees, 6);
    }

    /** Signed degrees, exact to the protocol's 10⁻⁶ (no binary rounding), for printing. */
    public BigDecimal longitudeDecimal() {
        return BigDecimal.valueOf(west() ? -longitudeMicrodegrees : longitudeMicrodegrees, 6);
    }

    public double speedKmh() {
        return speedTenthKmh / 10.0;
    }

    public boolean south() {
        return (statusFlags & STATUS_SOUTH) != 0;
    }

    public boolean west() {
        return (statusFlags & STATUS_WEST) != 0;
    }

    /** Whether the terminal had a satellite fix (status bit 1). */
    public boolean fixed() {
        return (statusFlags & STATUS_FIXED) != 0;
    }

    public boolean hasAlarm(long alarmBit) {
        return (alarmFlags & alarmBit) != 0;
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " outside " + min + ".." + max);
        }
    }
}
