package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverspeedTests {

    static final Instant T0 = Track.at("2024-05-06T09:00");

    /** One fix per second at each speed in turn, moving north accordingly. */
    static List<Fix> perSecond(String vehicle, VehicleClass vehicleClass, double... speeds) {
        List<Fix> fixes = new ArrayList<>();
        double lat = 35.0;
        for (int i = 0; i < speeds.length; i++) {
            fixes.add(Fix.of(vehicle, T0.plusSeconds(i), lat, 118.3, speeds[i]).withVehicleClass(vehicleClass));
            lat += speeds[i] / 3.6 / Track.METRES_PER_DEGREE;
        }
        return fixes;
    }

    static List<Fix> perSecond(double... speeds) {
        return perSecond("V1", VehicleClass.HEAVY_TRUCK, speeds);
    }

    /** {@code count} copies of a speed. */
    static double[] run(double speed, int count) {
        double[] speeds = new double[count];
        java.util.Arrays.fill(speeds, speed);
        return speeds;
    }

    static double[] concat(double[]... parts) {
        return java.util.Arrays.stream(parts)
                .flatMapToDouble(java.util.Arrays::stream)
                .toArray();
    }

    @Test
    void overTheLimitForTwentyNineSecondsIsNoEpisode() {
        // over at seconds 10..39
        Replay replay = Replay.of(perSecond(concat(run(80, 10), run(100, 30), run(80, 100))));

        assertThat(replay.episodes(EventType.OVERSPEED)).isEmpty();
    }

    @Test
    void overTheLimitForThirtyOneSecondsIsOneEpisode() {
        // over at seconds 10..41
        Replay replay = Replay.of(perSecond(concat(run(80, 10), run(100, 32), run(80, 100))));

        assertThat(replay.events(EventType.OVERSPEED))
                .extracting(SafetyEvent::phase, SafetyEvent::start, SafetyEvent::end)
                .containsExactly(
                        tuple(Phase.OPENED, T0.plusSeconds(10), null),
                        tuple(Phase.CLOSED, T0.plusSeconds(10), T0.plusSeconds(41)));
        assertThat(replay.episodes(EventType.OVERSPEED)).singleElement().satisfies(event -> {
            assertThat(event.limitKmh()).isEqualTo(90);
            assertThat(event.maxSpeedKmh()).isEqualTo(100.0);
            assertThat(event.grade()).isEqualTo(Grade.MINOR);
            assertThat(event.limitSource()).isEqualTo("vehicle:HEAVY_TRUCK");
            assertThat(event.realtime()).isTrue();
        });
    }

    @Test
    void burstsFiftyNineSecondsApartAreOneEpisode() {
        // last over at 39, next over at 98
        Replay replay = Replay.of(perSecond(concat(run(100, 40), run(80, 58), run(100, 40), run(80, 100))));

        assertThat(replay.episodes(EventType.OVERSPEED))
                .extracting(SafetyEvent::start, SafetyEvent::end)
                .containsExactly(tuple(T0, T0.plusSeconds(137)));
    }

    @Test
    void burstsSixtyOneSecondsApartAreTwoEpisodes() {
        // last over at 39, next over at 100
        Replay replay = Replay.of(perSecond(concat(run(100, 40), run(80, 60), run(100, 40), run(80, 100))));

        assertThat(replay.episodes(EventType.OVERSPEED))
                .extracting(SafetyEvent::start, SafetyEvent::end)
                .containsExactly(tuple(T0, T0.plusSeconds(39)), tuple(T0.plusSeconds(100), T0.plusSeconds(139)));
    }

    @Test
    void gradesEachEpisodeByItsWorstPercentageOverTheLimit() {
        assertThat(gradeAt(98.9)).isEqualTo(Grade.SLIGHT);
        assertThat(gradeAt(99)).isEqualTo(Grade.MINOR);
        assertThat(gradeAt(107.9)).isEqualTo(Grade.MINOR);
        assertThat(gradeAt(108)).isEqualTo(Grade.SERIOUS);
        assertThat(gradeAt(134.9)).isEqualTo(Grade.SERIOUS);
        assertThat(gradeAt(135)).isEqualTo(Grade.SEVERE);
    }

    private static Grade gradeAt(double speed) {
        Replay replay = Replay.of(perSecond(concat(run(speed, 40), run(80, 70))));
        return replay.episodes(EventType.OVERSPEED).get(0).grade();
    }

    @Test
    void aGradeThatRisesIsAnUpdate() {
        Replay replay = Replay.of(perSecond(concat(run(100, 40), run(110, 10), run(80, 70))));

        assertThat(replay.events(EventType.OVERSPEED))
                .extracting(SafetyEvent::phase, SafetyEvent::grade, SafetyEvent::maxSpeedKmh)
                .containsExactly(
                        tuple(Phase.OPENED, Grade.MINOR, 100.0),
                        tuple(Phase.UPDATED, Grade.SERIOUS, 110.0),
                        tuple(Phase.CLOSED, Grade.SERIOUS, 110.0));
    }

    @Test
    void warnsFiveKilometresPerHourBelowTheLimit() {
        Replay near = Replay.of(perSecond(concat(run(86, 40), run(60, 70))));
        Replay below = Replay.of(perSecond(concat(run(85, 40), run(60, 70))));

        assertThat(near.episodes(EventType.OVERSPEED_PRE_WARNING))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.start()).isEqualTo(T0);
                    assertThat(event.end()).isEqualTo(T0.plusSeconds(39));
                    assertThat(event.limitKmh()).isEqualTo(90);
                    assertThat(event.maxSpeedKmh()).isEqualTo(86.0);
                });
        assertThat(near.episodes(EventType.OVERSPEED)).isEmpty();
        assertThat(below.episodes()).isEmpty();
    }

    @Test
    void anOverspeedEpisodeEndsThePreWarning() {
        Replay replay = Replay.of(perSecond(concat(run(87, 40), run(100, 40), run(60, 70))));

        assertThat(replay.episodes())
                .extracting(SafetyEvent::type, SafetyEvent::start, SafetyEvent::end)
                .containsExactly(
                        tuple(EventType.OVERSPEED_PRE_WARNING, T0, T0.plusSeconds(40)),
                        tuple(EventType.OVERSPEED, T0.plusSeconds(40), T0.plusSeconds(79)));
    }

    @Test
    void aSpeedZoneOverridesTheRoadClass() {
        SpeedZone school = SpeedZone.polygon(
                "实验小学",
                60,
                List.of(
                        new GeoPoint(34.99, 118.29),
                        new GeoPoint(34.99, 118.31),
                        new GeoPoint(35.01, 118.31),
                        new GeoPoint(35.01, 118.29)));
        RoadClassLookup expressway = (lat, lon) -> RoadClass.EXPRESSWAY;
        List<Fix> fixes = perSecond(concat(run(80, 40), run(50, 70)));

        Replay zoned = new Replay(new SafetyEngine(RuleSet.defaults(), SpeedLimits.of(List.of(school), expressway)))
                .feed(fixes);
        Replay road =
                new Replay(new SafetyEngine(RuleSet.defaults(), SpeedLimits.of(List.of(), expressway))).feed(fixes);

        assertThat(zoned.episodes(EventType.OVERSPEED)).singleElement().satisfies(event -> {
            assertThat(event.limitKmh()).isEqualTo(60);
            assertThat(event.limitSource()).isEqualTo("zone:实验小学");
            assertThat(event.grade()).isEqualTo(Grade.SERIOUS);
        });
        assertThat(road.episodes()).isEmpty();
        assertThat(road.status("V1").currentLimitKmh()).isEqualTo(100);
        assertThat(road.status("V1").limitSource()).isEqualTo("road:EXPRESSWAY");
    }

    @Test
    void aCorridorZoneCoversHalfItsWidthOnEachSide() {
        SpeedZone works =
                SpeedZone.corridor("G205 施工段", 40, List.of(new GeoPoint(34.9, 118.3), new GeoPoint(35.1, 118.3)), 100);
        SafetyEngine engine = new SafetyEngine(RuleSet.defaults(), SpeedLimits.of(List.of(works)));
        double eastBy40m = 40 / (Track.METRES_PER_DEGREE * Math.cos(Math.toRadians(35)));
        double eastBy60m = 60 / (Track.METRES_PER_DEGREE * Math.cos(Math.toRadians(35)));

        engine.accept(Fix.of("V1", T0, 35.0, 118.3 + eastBy40m, 50).withVehicleClass(VehicleClass.HEAVY_TRUCK));
        engine.accept(Fix.of("V2", T0, 35.0, 118.3 + eastBy60m, 50).withVehicleClass(VehicleClass.HEAVY_TRUCK));

        assertThat(engine.status("V1").orElseThrow().limitSource()).isEqualTo("zone:G205 施工段");
        assertThat(engine.status("V2").orElseThrow().limitSource()).isEqualTo("vehicle:HEAVY_TRUCK");
    }

    @Test
    void theRoadClassOverridesTheVehicleClassWhichOverridesTheTerminal() {
        SafetyEngine engine = new SafetyEngine(
                RuleSet.defaults(), SpeedLimits.of(List.of(), (lat, lon) -> lon > 119 ? RoadClass.EXPRESSWAY : null));

        engine.accept(Fix.of("ROAD", T0, 35, 119.5, 50)
                .withVehicleClass(VehicleClass.HEAVY_TRUCK)
                .withTerminalSpeedLimitKmh(80));
        engine.accept(Fix.of("CLASS", T0, 35, 118.5, 50)
                .withVehicleClass(VehicleClass.HEAVY_TRUCK)
                .withTerminalSpeedLimitKmh(80));
        engine.accept(Fix.of("TERMINAL", T0, 35, 118.5, 50).withTerminalSpeedLimitKmh(80));
        engine.accept(Fix.of("NONE", T0, 35, 118.5, 50));

        assertThat(List.of("ROAD", "CLASS", "TERMINAL", "NONE"))
                .extracting(id -> engine.status(id).orElseThrow().currentLimitKmh())
                .containsExactly(100, 90, 80, null);
    }

    @Test
    void theTerminalsOwnMaximumSpeedAppliesWhenNothingElseDoes() {
        List<Fix> fixes = perSecond("V1", null, concat(run(85, 40), run(60, 70))).stream()
                .map(fix -> fix.withTerminalSpeedLimitKmh(80))
                .toList();

        Replay replay = Replay.of(fixes);

        assertThat(replay.episodes(EventType.OVERSPEED))
                .singleElement()
                .extracting(SafetyEvent::limitKmh, SafetyEvent::limitSource)
                .containsExactly(80, "terminal");
    }

    @Test
    void withoutAnyLimitNothingIsOverspeed() {
        Replay replay = Replay.of(perSecond("V1", null, concat(run(150, 40), run(60, 70))));

        assertThat(replay.episodes()).isEmpty();
    }

    @Test
    void aToleranceRaisesTheThreshold() {
        RuleSet tolerant = RuleSet.defaults().with("overspeed.tolerancePct", "10", "[local] test");
        List<Fix> fixes = perSecond(concat(run(99, 40), run(60, 70)));

        Replay replay = new Replay(new SafetyEngine(tolerant)).feed(fixes);

        assertThat(replay.episodes(EventType.OVERSPEED)).isEmpty();
        assertThat(Replay.of(fixes).episodes(EventType.OVERSPEED)).hasSize(1);
    }
}
