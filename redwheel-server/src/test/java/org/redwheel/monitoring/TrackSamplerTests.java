package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.monitoring.Track.TrackPoint;

/** Thinning long tracks: the shape, the speed peaks, the ends and the alarm points survive. */
class TrackSamplerTests {

    static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    static TrackPoint point(int i, float speed, boolean valid) {
        return new TrackPoint(T0.plusSeconds(i), 34.9 + i * 1e-5, 118.6, speed, 0, valid);
    }

    @Test
    void keepsEveryFixUpToTheLimit() {
        TrackSampler sampler = new TrackSampler(3, 5, List.of());
        List<TrackPoint> fixes = List.of(point(0, 10, true), point(1, 20, false), point(2, 30, true));
        fixes.forEach(sampler::add);
        assertThat(sampler.points()).containsExactlyElementsOf(fixes);
        assertThat(sampler.thinned()).isFalse();
    }

    @Test
    void thinsALongTrackKeepingTheEndsThePeaksAndTheAlarmBoundariesInTimeOrder() {
        int total = 60_000;
        List<Instant> alarms = List.of(T0.plusSeconds(30_000).plusMillis(500), T0.plusSeconds(12_345));
        TrackSampler sampler = new TrackSampler(total, 5_000, alarms);
        List<TrackPoint> all = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            float speed = i == 41_234 ? 131 : i == 7_777 ? 400 : 40 + (i % 17);
            TrackPoint p = point(i, speed, i != 7_777);
            all.add(p);
            sampler.add(p);
        }
        List<TrackPoint> kept = sampler.points();

        assertThat(sampler.thinned()).isTrue();
        assertThat(kept.size()).isBetween(2_500, 5_003);
        assertThat(kept).isSortedAccordingTo(java.util.Comparator.comparing(TrackPoint::t));
        assertThat(kept).doesNotHaveDuplicates();
        assertThat(kept.get(0)).isEqualTo(all.get(0));
        assertThat(kept.get(kept.size() - 1)).isEqualTo(all.get(total - 1));
        assertThat(kept).as("the fastest valid fix").contains(all.get(41_234));
        assertThat(kept).as("the first fix at or after each alarm boundary").contains(all.get(30_001), all.get(12_345));
        // Each stretch shows its peak: the chart's maximum in every stretch is the real one.
        long stretch = (total + 2_499) / 2_500;
        for (int s = 0; s < total / stretch; s++) {
            int from = (int) (s * stretch);
            int to = (int) Math.min(total, from + stretch);
            float peak = (float) all.subList(from, to).stream()
                    .filter(TrackPoint::valid)
                    .mapToDouble(TrackPoint::speedKmh)
                    .max()
                    .orElse(0);
            Instant start = all.get(from).t();
            Instant end = all.get(to - 1).t();
            assertThat(kept.stream()
                            .filter(p -> !p.t().isBefore(start) && !p.t().isAfter(end) && p.valid())
                            .mapToDouble(TrackPoint::speedKmh)
                            .max()
                            .orElse(0))
                    .isEqualTo(peak);
        }
    }
}
