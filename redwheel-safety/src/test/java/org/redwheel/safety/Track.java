package org.redwheel.safety;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one vehicle's fixes segment by segment, heading north at the speed it reports. A drive has a
 * fix at both ends; a stop of {@code d} lies between the last fix of one drive and the first fix of
 * the next, exactly {@code d} apart, so the clocks see stops of exactly the length a test names.
 */
final class Track {

    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    private final String vehicle;
    private final List<Fix> fixes = new ArrayList<>();
    private String driver;
    private long time;
    private double lat = 35.0;
    private double lon = 118.3;
    private int every = 30;
    private boolean fixAtCursor;
    private VehicleClass vehicleClass = VehicleClass.HEAVY_TRUCK;

    private Track(String vehicle, long time) {
        this.vehicle = vehicle;
        this.time = time;
    }

    /** A track starting at a Beijing local time such as {@code 2024-05-06T08:00}. */
    static Track of(String vehicle, String beijingTime) {
        return new Track(vehicle, at(beijingTime).getEpochSecond());
    }

    static Instant at(String beijingTime) {
        return LocalDateTime.parse(beijingTime).toInstant(BEIJING);
    }

    Track every(int seconds) {
        every = seconds;
        return this;
    }

    Track driver(String driverId) {
        driver = driverId;
        return this;
    }

    Track vehicleClass(VehicleClass vehicleClass) {
        this.vehicleClass = vehicleClass;
        return this;
    }

    Track position(double lat, double lon) {
        this.lat = lat;
        this.lon = lon;
        return this;
    }

    /** Driving at a steady speed, with a fix at the start (unless one is there) and at the end. */
    Track drive(Duration duration, double kmh) {
        if (!fixAtCursor) {
            emit(kmh);
        }
        long end = time + duration.toSeconds();
        while (time < end) {
            long step = Math.min(every, end - time);
            move(step, kmh);
            time += step;
            emit(kmh);
        }
        return this;
    }

    Track drive(String duration, double kmh) {
        return drive(Duration.parse("PT" + duration), kmh);
    }

    /** Standing still for exactly the duration, with stopped fixes inside it; a drive must follow. */
    Track stop(Duration duration) {
        long end = time + duration.toSeconds();
        long at = time + every;
        while (at < end) {
            time = at;
            emit(0);
            at += every;
        }
        time = end;
        fixAtCursor = false;
        return this;
    }

    Track stop(String duration) {
        return stop(Duration.parse("PT" + duration));
    }

    /** No fixes at all for the duration, while the vehicle covers the distance. */
    Track silence(Duration duration, double metres) {
        time += duration.toSeconds();
        lat += metres / METRES_PER_DEGREE;
        fixAtCursor = false;
        return this;
    }

    /** One fix now at the given speed, without moving. */
    Track fix(double kmh) {
        emit(kmh);
        return this;
    }

    /** No fixes, no movement, until a Beijing local time. */
    Track resumeAt(String beijingTime) {
        time = at(beijingTime).getEpochSecond();
        fixAtCursor = false;
        return this;
    }

    Track skip(Duration duration) {
        time += duration.toSeconds();
        fixAtCursor = false;
        return this;
    }

    Instant now() {
        return Instant.ofEpochSecond(time);
    }

    List<Fix> fixes() {
        return List.copyOf(fixes);
    }

    private void move(long seconds, double kmh) {
        lat += kmh / 3.6 * seconds / METRES_PER_DEGREE;
    }

    private void emit(double kmh) {
        Instant instant = Instant.ofEpochSecond(time);
        Fix fix = Fix.of(vehicle, instant, lat, lon, kmh).withDriverId(driver).withVehicleClass(vehicleClass);
        if (fixAtCursor
                && !fixes.isEmpty()
                && fixes.get(fixes.size() - 1).time().equals(instant)) {
            fixes.set(fixes.size() - 1, fix);
        } else {
            fixes.add(fix);
        }
        fixAtCursor = true;
    }
}
