package org.redwheel.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReminderLatencyTests {

    private static String exposition(long le5ms, long le10ms, long le50ms, long inf) {
        return """
                # HELP redwheel_reminder_latency_seconds from the arrival of the fix ...
                # TYPE redwheel_reminder_latency_seconds histogram
                redwheel_reminder_latency_seconds_bucket{application="redwheel",le="0.005"} %d
                redwheel_reminder_latency_seconds_bucket{application="redwheel",le="0.01"} %d
                redwheel_reminder_latency_seconds_bucket{application="redwheel",le="0.05"} %d
                redwheel_reminder_latency_seconds_bucket{application="redwheel",le="+Inf"} %d
                redwheel_reminder_latency_seconds_count{application="redwheel"} %d
                redwheel_reminder_latency_seconds_sum{application="redwheel"} 1.5
                redwheel_gateway_ack_latency_seconds_count{application="redwheel"} 99
                """.formatted(le5ms, le10ms, le50ms, inf, inf);
    }

    @Test
    void percentilesAreTheBucketBoundsOfTheWindowsOwnReminders() {
        var before = ReminderLatency.parse(exposition(10, 10, 10, 10));
        // the window adds 100 reminders: 90 within 5 ms, 9 more within 10 ms, 1 within 50 ms
        var after = ReminderLatency.parse(exposition(100, 109, 110, 110));

        var window = after.minus(before);

        assertThat(window.count()).isEqualTo(100);
        assertThat(window.percentileMs(50)).isEqualTo(5.0);
        assertThat(window.percentileMs(90)).isEqualTo(5.0);
        assertThat(window.percentileMs(99)).isEqualTo(10.0);
        assertThat(window.percentileMs(100)).isEqualTo(50.0);
    }

    @Test
    void noRemindersGiveNoFigure() {
        var snapshot = ReminderLatency.parse(exposition(3, 3, 3, 3));

        assertThat(snapshot.minus(snapshot).percentileMs(99)).isNaN();
        assertThat(ReminderLatency.format(Double.NaN)).isEqualTo("-");
        assertThat(ReminderLatency.parse("nothing here").count()).isZero();
    }
}
