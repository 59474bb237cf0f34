package org.redwheel.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.ExtraItem;
import org.redwheel.jt808.message.Location;

class JourneyTests {

    private static final Instant START = Instant.parse("2026-03-15T00:00:00Z");
    private static final Duration REPORT = Duration.ofSeconds(30);

    @Test
    void keepsSpeedsBetween0And120AndPositionsNearTheCountySeat() {
        for (long seed = 1; seed <= 3; seed++) {
            for (SimulatedTruck truck : Fleet.demo(1, 8, seed, ProtocolVersion.V2013)) {
                List<Location> day = track(truck.journey(), Duration.ofHours(24), REPORT);

                assertThat(day).allSatisfy(fix -> {
                    assertThat(fix.speedKmh()).isBetween(0.0, 120.0);
                    assertThat(fix.latitude()).isCloseTo(DemoCounty.SEAT.latitude(), offset(0.5));
                    assertThat(fix.longitude()).isCloseTo(DemoCounty.SEAT.longitude(), offset(0.5));
                    assertThat(fix.direction()).isBetween(0, 359);
                });
            }
        }
    }

    @Test
    void changesSpeedGraduallyLikeALoadedTruck() {
        SimulatedTruck truck = Fleet.demo(2, 42).get(1);

        List<Location> everySecond = track(truck.journey(), Duration.ofHours(3), Duration.ofSeconds(1));

        assertThat(everySecond.get(0).speedKmh()).isZero();
        for (int i = 1; i < everySecond.size(); i++) {
            double change =
                    everySecond.get(i).speedKmh() - everySecond.get(i - 1).speedKmh();
            assertThat(Math.abs(change)).as("speed change at second %d", i).isLessThanOrEqualTo(6.0);
        }
    }

    @Test
    void cruisesFasterOnTheExpresswayThanInTown() {
        List<Location> day = new ArrayList<>();
        for (SimulatedTruck truck : Fleet.demo(1, 8, 42, ProtocolVersion.V2013)) {
            day.addAll(track(truck.journey(), Duration.ofHours(24), REPORT));
        }

        assertThat(day).anyMatch(fix -> fix.speedKmh() >= 80 && fix.speedKmh() <= 90);
        assertThat(day).anyMatch(fix -> fix.speedKmh() >= 25 && fix.speedKmh() <= 35);
    }

    @Test
    void stopsAtWaypointsAndRestsAtDriverHomesWithTheEngineOff() {
        SimulatedTruck truck = Fleet.demo(1, 42).get(0);

        List<Location> day = track(truck.journey(), Duration.ofHours(24), REPORT);
        List<Duration> stops = stationaryPeriods(day);

        assertThat(stops).anyMatch(stop -> stop.compareTo(Duration.ofMinutes(10)) < 0);
        assertThat(stops).anyMatch(stop -> stop.compareTo(Duration.ofMinutes(20)) >= 0);
        assertThat(stops).allMatch(stop -> stop.compareTo(Duration.ofMinutes(41)) <= 0);
        assertThat(day).anyMatch(fix -> fix.speedKmh() == 0 && (fix.statusFlags() & Location.STATUS_ACC_ON) == 0);
    }

    @Test
    void speedsOnAFewSegmentsOnly() {
        List<Location> day = new ArrayList<>();
        for (SimulatedTruck truck : Fleet.demo(1, 8, 42, ProtocolVersion.V2013)) {
            day.addAll(track(truck.journey(), Duration.ofHours(24), REPORT));
        }

        // only a speeding truck passes 110 km/h: expressway cruise ends at 90, its limit is 100
        long speeding = day.stream().filter(fix -> fix.speedKmh() >= 110).count();
        assertThat(speeding).isPositive();
        assertThat(speeding).isLessThan(day.size() / 20);
    }

    @Test
    void drivesTheSameTrackFromTheSameSeed() {
        SimulatedTruck truck = Fleet.demo(3, 42).get(2);

        assertThat(track(truck.journey(), Duration.ofHours(2), REPORT))
                .isEqualTo(track(truck.journey(), Duration.ofHours(2), REPORT));
        assertThat(track(Fleet.demo(3, 43).get(2).journey(), Duration.ofHours(2), REPORT))
                .isNotEqualTo(track(truck.journey(), Duration.ofHours(2), REPORT));
    }

    @Test
    void carriesTheOdometerAsMileage() {
        Journey journey = Fleet.demo(1, 42).get(0).journey();

        List<Location> track = track(journey, Duration.ofHours(2), REPORT);

        assertThat(journey.odometerKm()).isGreaterThan(20);
        assertThat(track.get(track.size() - 1).extras())
                .singleElement()
                .isEqualTo(new ExtraItem.Mileage(Math.round(journey.odometerKm() * 10)));
    }

    @Test
    void longDriveMovesForFourHoursTenMinutesWithoutAStopThenRests() {
        for (SimulatedTruck truck : Fleet.longDrive(1, 4, 42, ProtocolVersion.V2013)) {
            Instant start = LongDriveScenario.startOn(LocalDate.of(2026, 3, 15));
            List<Location> track = track(truck.journey(), start, Duration.ofHours(6), REPORT);

            Duration moving = continuousMovement(track);
            assertThat(moving).isGreaterThanOrEqualTo(LongDriveScenario.CONTINUOUS_DRIVING);
            assertThat(moving).isLessThan(LongDriveScenario.CONTINUOUS_DRIVING.plusMinutes(2));
            assertThat(track.get(0).time().toLocalTime()).isEqualTo(LongDriveScenario.START);
            assertThat(stationaryPeriods(track))
                    .first()
                    .satisfies(rest ->
                            assertThat(rest).isBetween(LongDriveScenario.REST.minus(REPORT), LongDriveScenario.REST));
        }
    }

    @Test
    void refusesToGoBackInTime() {
        Journey journey = Fleet.demo(1, 42).get(0).journey();
        journey.fixAt(START.plusSeconds(60));

        assertThatIllegalArgumentException().isThrownBy(() -> journey.fixAt(START));
    }

    static List<Location> track(Journey journey, Duration length, Duration interval) {
        return track(journey, START, length, interval);
    }

    static List<Location> track(Journey journey, Instant from, Duration length, Duration interval) {
        List<Location> fixes = new ArrayList<>();
        for (Instant t = from; !t.isAfter(from.plus(length)); t = t.plus(interval)) {
            fixes.add(journey.fixAt(t));
        }
        return fixes;
    }

    /** From the first fix: how long every fix stays above 5 km/h, with no gap of 20 min or more. */
    static Duration continuousMovement(List<Location> fixes) {
        Instant first = fixes.get(0).time().toInstant();
        Instant last = first;
        for (Location fix : fixes) {
            Instant time = fix.time().toInstant();
            if (fix.speedKmh() <= 5 || Duration.between(last, time).compareTo(Duration.ofMinutes(20)) >= 0) {
                break;
            }
            last = time;
        }
        return Duration.between(first, last);
    }

    /**
     * Lengths of the runs of standing fixes, from the first to the last fix at 0 km/h, leaving out
     * a run the track starts with (the truck pulling away).
     */
    static List<Duration> stationaryPeriods(List<Location> fixes) {
        List<Duration> periods = new ArrayList<>();
        int since = -1;
        for (int i = 0; i < fixes.size(); i++) {
            boolean standing = fixes.get(i).speedKmh() == 0;
            if (standing && since < 0) {
                since = i;
            } else if (!standing && since >= 0) {
                if (since > 0) {
                    periods.add(Duration.between(
                            fixes.get(since).time(), fixes.get(i - 1).time()));
                }
                since = -1;
            }
        }
        return periods;
    }
}
