package org.redwheel.benchmarks.load;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The harness's counters, shared by the event loops (writers) and the reporter (reader). Latency
 * is recorded in microseconds, from the write of a location frame to the arrival of its 0x8001.
 */
final class LoadStats {

    final AtomicInteger online = new AtomicInteger();
    final AtomicInteger everOnline = new AtomicInteger();
    final LongAdder connectFailures = new LongAdder();
    final LongAdder registrationsRefused = new LongAdder();
    final LongAdder authenticationsRefused = new LongAdder();
    final LongAdder handshakeTimeouts = new LongAdder();
    /** Connections closed by the other side (or failed) after they were established. */
    final LongAdder disconnects = new LongAdder();

    final LongAdder framesSent = new LongAdder();
    final LongAdder positionsSent = new LongAdder();
    final LongAdder framesAcked = new LongAdder();
    final LongAdder positionsAcked = new LongAdder();
    /** 0x8001 to a location frame with a result other than 0. */
    final LongAdder ackErrors = new LongAdder();
    /** 0x8001 to a location frame whose serial the terminal is not waiting for. */
    final LongAdder unmatchedAcks = new LongAdder();
    /** A location frame sent while the terminal still waited for the frame with the same ring slot. */
    final LongAdder pendingOverflows = new LongAdder();
    /** Send slots of the schedule that fell on a terminal no longer online. */
    final LongAdder skippedSlots = new LongAdder();

    final LongAdder heartbeats = new LongAdder();
    final LongAdder badFrames = new LongAdder();
    final LongAdder otherDownlink = new LongAdder();
    /** 0x8300 texts (real-time reminders) received. */
    final LongAdder textMessages = new LongAdder();

    /** Why connections failed or were refused, a few examples each. */
    final Map<String, LongAdder> failureReasons = new ConcurrentHashMap<>();

    private final Recorder latency = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private Histogram interval;

    void recordLatencyNanos(long nanos) {
        latency.recordValue(Math.max(1, nanos / 1_000));
    }

    void failure(String reason) {
        failureReasons.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** The latencies recorded since the last call; also added to the run's total. Reporter thread only. */
    synchronized Histogram takeInterval() {
        interval = latency.getIntervalHistogram(interval);
        total.add(interval);
        return interval;
    }

    /** Every latency taken so far with {@link #takeInterval}. */
    synchronized Histogram total() {
        return total.copy();
    }

    /** Zeroes the traffic counters (after the warm-up); connection counters stay. */
    void resetCounts() {
        for (LongAdder adder : List.of(
                textMessages,
                framesSent,
                positionsSent,
                framesAcked,
                positionsAcked,
                ackErrors,
                unmatchedAcks,
                pendingOverflows,
                skippedSlots)) {
            adder.reset();
        }
    }

    /** Discards latencies recorded so far (those of the handshake phase, if any). */
    synchronized void resetLatency() {
        latency.reset();
        total.reset();
    }
}
