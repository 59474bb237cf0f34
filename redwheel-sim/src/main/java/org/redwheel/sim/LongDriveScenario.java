package org.redwheel.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.redwheel.jt808.message.Location;

/**
 * Fatigue driving on purpose: starting at 07:30 Beijing time the truck is already rolling on the
 * {@link DemoCounty#trunkLoop() trunk loop}, drives through every waypoint without a stop for 4 h
 * 10 min (every fix above 5 km/h, no gap of 20 min or more), then pulls over and rests 30 min, and
 * goes on driving. A safety engine should see the 4 h continuous-driving limit (DOMAIN.md §2)
 * crossed in daytime, its 30-min pre-warning before, and the rest that resets the clock. No
 * speeding, so overspeed rules stay quiet.
 */
public final class LongDriveScenario {

    /** Continuous driving before the first rest: ten minutes past the four-hour limit. */
    public static final Duration CONTINUOUS_DRIVING = Duration.ofHours(4).plusMinutes(10);

    /** The rest that follows, longer than the 20-min minimum. */
    public static final Duration REST = Duration.ofMinutes(30);

    /** Daytime start, Beijing time. */
    public static final LocalTime START = LocalTime.of(7, 30);

    private LongDriveScenario() {}

    public static DrivingStyle style() {
        return new DrivingStyle(0, false, CONTINUOUS_DRIVING, REST, true);
    }

    public static Route route() {
        return DemoCounty.trunkLoop();
    }

    /** 07:30 Beijing time on {@code date}. */
    public static Instant startOn(LocalDate date) {
        return OffsetDateTime.of(date, START, Location.GMT8).toInstant();
    }

    /**
     * The latest 07:30 from which {@code span} of simulated time ends no later than {@code
     * notAfter}, so no fix lies in the future.
     */
    public static Instant latestStartEndingBy(Instant notAfter, Duration span) {
        OffsetDateTime latest = OffsetDateTime.ofInstant(notAfter.minus(span), Location.GMT8);
        LocalDate date =
                latest.toLocalTime().isBefore(START) ? latest.toLocalDate().minusDays(1) : latest.toLocalDate();
        return startOn(date);
    }
}
