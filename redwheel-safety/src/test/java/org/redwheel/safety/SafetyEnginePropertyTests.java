package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What must hold for any track, not only the ones the rule tests pick. */
class SafetyEnginePropertyTests {

    /** A drive, a stop or a silence, with its length in minutes and its speed. */
    record Segment(int kind, int minutes, int kmh, int alarmFlags) {}

    @Provide
    Arbitrary<List<Segment>> segments() {
        return Combinators.combine(
                        Arbitraries.of(0, 0, 0, 1, 1, 2),
                        Arbitraries.integers().between(1, 80),
                        Arbitraries.integers().between(10, 130),
                        Arbitraries.of(0, 0, 0, 1, 1 << 1, 1 << 2))
                .as(Segment::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(12);
    }

    static List<Fix> track(String vehicle, String driver, List<Segment> segments) {
        Track track = Track.of(vehicle, "2024-05-06T05:00").driver(driver);
        int alarms = 0;
        for (Segment segment : segments) {
            switch (segment.kind()) {
                case 0 -> track.drive(Duration.ofMinutes(segment.minutes()), segment.kmh());
                case 1 -> track.stop(Duration.ofMinutes(segment.minutes())).drive(Duration.ofSeconds(30), 40);
                default ->
                    track.silence(Duration.ofMinutes(segment.minutes()), segment.kmh() * 10.0 * segment.minutes())
                            .drive(Duration.ofSeconds(30), 40);
            }
            alarms = segment.alarmFlags();
        }
        int flags = alarms;
        return track.fixes().stream()
                .map(fix -> fix.time().getEpochSecond() % 7 == 0 ? fix.withAlarmFlags(flags) : fix)
                .toList();
    }

    /** Several vehicles' tracks interleaved by time, as a gateway would pass them on. */
    static List<Fix> fleet(List<List<Segment>> tracks) {
        List<Fix> all = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            all.addAll(track("V" + i, i % 2 == 0 ? "D" + i : null, tracks.get(i)));
        }
        all.sort(java.util.Comparator.comparing(Fix::time));
        return all;
    }

    @Property(tries = 150)
    void theSameFixesGiveTheSameEvents(@ForAll("segments") List<Segment> a, @ForAll("segments") List<Segment> b) {
        List<Fix> fixes = fleet(List.of(a, b));

        assertThat(Replay.of(fixes).events).isEqualTo(Replay.of(fixes).events);
    }

    @Property(tries = 150)
    void batchBoundariesDoNotChangeTheEvents(
            @ForAll("segments") List<Segment> a,
            @ForAll("segments") List<Segment> b,
            @ForAll @IntRange(min = 1, max = 400) int batchSize,
            @ForAll long seed) {
        List<Fix> fixes = fleet(List.of(a, b));
        List<SafetyEvent> oneByOne = Replay.of(fixes).events;

        // a fresh engine fed in batches of random length, state carried from one batch to the next
        SafetyEngine batched = new SafetyEngine(RuleSet.defaults());
        List<SafetyEvent> events = new ArrayList<>();
        java.util.Random random = new java.util.Random(seed);
        Iterator<Fix> remaining = fixes.iterator();
        while (remaining.hasNext()) {
            List<Fix> batch = new ArrayList<>();
            int size = 1 + random.nextInt(batchSize);
            while (remaining.hasNext() && batch.size() < size) {
                batch.add(remaining.next());
            }
            events.addAll(batched.acceptAll(batch));
        }

        assertThat(events).isEqualTo(oneByOne);
    }

    @Property(tries = 150)
    void howVehiclesInterleaveDoesNotChangeAnyVehiclesEvents(
            @ForAll("segments") List<Segment> a, @ForAll("segments") List<Segment> b, @ForAll long seed) {
        List<Fix> first = track("V1", "D1", a);
        List<Fix> second = track("V2", null, b);
        List<Fix> shuffled = new ArrayList<>();
        java.util.Random random = new java.util.Random(seed);
        int i = 0;
        int j = 0;
        while (i < first.size() || j < second.size()) {
            if (j == second.size() || (i < first.size() && random.nextBoolean())) {
                shuffled.add(first.get(i++));
            } else {
                shuffled.add(second.get(j++));
            }
        }

        Map<String, List<SafetyEvent>> together = byVehicle(Replay.of(shuffled).events);
        Map<String, List<SafetyEvent>> apart = byVehicle(Replay.of(first).feed(second).events);

        assertThat(together).isEqualTo(apart);
    }

    @Property(tries = 300)
    void aBacklogThatFillsASilenceGivesTheSameDrivingTime(
            @ForAll("segments") List<Segment> segments,
            @ForAll @IntRange(min = 0, max = 1000) int holdFrom,
            @ForAll @IntRange(min = 5, max = 200) int holdCount,
            @ForAll boolean newestFirst) {
        List<Fix> fixes = track("V1", "D1", segments);
        int from = 1 + holdFrom % Math.max(1, fixes.size() - 2);
        int to = Math.min(fixes.size() - 1, from + holdCount);
        // only a silence longer than the sample gap can take late fixes; closer fixes are already known
        long gap = fixes.get(to).time().getEpochSecond()
                - fixes.get(from - 1).time().getEpochSecond();
        if (to <= from || gap <= RuleSet.defaults().maxSampleGapS) {
            return;
        }
        List<Fix> arrival = new ArrayList<>(fixes.subList(0, from));
        arrival.addAll(fixes.subList(to, fixes.size()));
        java.time.Instant uploaded = fixes.get(fixes.size() - 1).time().plusSeconds(60);
        List<Fix> backlog = new ArrayList<>(fixes.subList(from, to));
        if (newestFirst) {
            java.util.Collections.reverse(backlog);
        }
        backlog.forEach(fix -> arrival.add(fix.withReceivedAt(uploaded)));

        VehicleStatus inOrder = Replay.of(fixes).status("V1");
        VehicleStatus late = Replay.of(arrival).status("V1");

        assertThat(late.todayDrivingS()).isEqualTo(inOrder.todayDrivingS());
        assertThat(late.rollingDrivingS()).isEqualTo(inOrder.rollingDrivingS());
        assertThat(late.continuousDrivingS()).isEqualTo(inOrder.continuousDrivingS());
    }

    private static Map<String, List<SafetyEvent>> byVehicle(List<SafetyEvent> events) {
        return events.stream().collect(Collectors.groupingBy(SafetyEvent::vehicleId));
    }
}
