package org.redwheel.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The gateway's meters: connections, frames by message id, bad frames by reason, acknowledgement latency. */
final class GatewayMetrics {

    private final MeterRegistry meters;
    private final Map<Integer, Counter> frames = new ConcurrentHashMap<>();
    private final Map<String, Counter> badFrames = new ConcurrentHashMap<>();
    private final Timer ackLatency;
    private final AtomicInteger waitingBatches = new AtomicInteger();

    GatewayMetrics(MeterRegistry meters, AtomicInteger connections) {
        this.meters = meters;
        meters.gauge("redwheel.gateway.connections", connections);
        meters.gauge("redwheel.gateway.waiting.frames", waitingBatches);
        this.ackLatency = Timer.builder("redwheel.gateway.ack.latency")
                .description("from a location frame's arrival to its 0x8001 after commit")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    void frame(int messageId) {
        frames.computeIfAbsent(
                        messageId,
                        id -> Counter.builder("redwheel.gateway.frames")
                                .tag("message", String.format("0x%04X", id))
                                .register(meters))
                .increment();
    }

    void badFrame(String reason) {
        badFrames
                .computeIfAbsent(
                        reason,
                        r -> Counter.builder("redwheel.gateway.bad.frames")
                                .tag("reason", r)
                                .register(meters))
                .increment();
    }

    /** Location frames decoded but held back because the ingestion queue was full. */
    void waiting(int delta) {
        waitingBatches.addAndGet(delta);
    }

    int waiting() {
        return waitingBatches.get();
    }

    void acknowledged(long receivedNanos) {
        ackLatency.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
    }
}
