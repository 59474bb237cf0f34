package org.redwheel.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How a simulation runs. Start from {@link #defaults} and change what the run needs with the
 * {@code with…} methods.
 *
 * @param simulatedStart the simulated time the clock starts at; trucks start driving when they
 *     first come online
 * @param compression simulated seconds per real second (3600: an hour a second); ignored in
 *     fast-forward
 * @param fastForward instead of following the clock, each truck produces its next fix as soon as
 *     fewer than {@code fastForwardWindow} of its fixes wait for an acknowledgement, its simulated
 *     time advancing one report interval per fix from {@code simulatedStart}; nothing is produced
 *     while offline. For tests that want hours of track in moments.
 * @param fastForwardWindow unacknowledged fixes a fast-forwarding truck may have out
 * @param reportInterval simulated time between fixes, whole seconds
 * @param heartbeatInterval real time between 0x0002 heartbeats while online
 * @param responseTimeout real time to wait for 0x8100 or 0x8001 during registration and
 *     authentication before dropping the connection and trying again; fixes unanswered this long
 *     are sent again
 * @param reconnectDelay first wait before reconnecting; doubles (with ±20 % jitter) after each
 *     failed attempt up to {@code maxReconnectDelay}, back to the first after an authentication
 * @param rampUp trucks' first connections spread evenly over this real time
 * @param outboxCapacity unacknowledged fixes kept per truck; when full the oldest is dropped
 * @param blindAreaBatchSize fixes per 0x0704 batch after a reconnect, at most {@value
 *     #MAX_BLIND_AREA_BATCH} so a batch fits one frame
 * @param eventLoopThreads threads of the one event loop group all trucks share
 * @param faults faults to inject into what the trucks write
 * @param listener hears what the terminals do
 */
public record SimulatorOptions(
        String host,
        int port,
        Instant simulatedStart,
        double compression,
        boolean fastForward,
        int fastForwardWindow,
        Duration reportInterval,
        Duration heartbeatInterval,
        Duration responseTimeout,
        Duration reconnectDelay,
        Duration maxReconnectDelay,
        Duration rampUp,
        int outboxCapacity,
        int blindAreaBatchSize,
        int eventLoopThreads,
        FaultInjector faults,
        TerminalListener listener) {

    /** 0x0704 fixes in one 1023-byte body: 3 bytes of header, 36 per fix with its mileage item. */
    public static final int MAX_BLIND_AREA_BATCH = 28;

    public SimulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(simulatedStart, "simulatedStart");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(listener, "listener");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        if (!(compression > 0) || Double.isInfinite(compression)) {
            throw new IllegalArgumentException("compression must be positive: " + compression);
        }
        requirePositive("reportInterval", reportInterval);
        if (reportInterval.getNano() != 0) {
            throw new IllegalArgumentException("reportInterval must be whole seconds: " + reportInterval);
        }
        requirePositive("heartbeatInterval", heartbeatInterval);
        requirePositive("responseTimeout", responseTimeout);
        requirePositive("reconnectDelay", reconnectDelay);
        requirePositive("maxReconnectDelay", maxReconnectDelay);
        if (maxReconnectDelay.compareTo(reconnectDelay) < 0) {
            throw new IllegalArgumentException("maxReconnectDelay " + maxReconnectDelay + " < " + reconnectDelay);
        }
        Objects.requireNonNull(rampUp, "rampUp");
        if (rampUp.isNegative()) {
            throw new IllegalArgumentException("rampUp must not be negative: " + rampUp);
        }
        if (outboxCapacity < 1) {
            throw new IllegalArgumentException("outboxCapacity must be positive: " + outboxCapacity);
        }
        if (fastForwardWindow < 1 || fastForwardWindow > outboxCapacity) {
            throw new IllegalArgumentException("fastForwardWindow must be 1..outboxCapacity: " + fastForwardWindow);
        }
        if (blindAreaBatchSize < 1 || blindAreaBatchSize > MAX_BLIND_AREA_BATCH) {
            throw new IllegalArgumentException(
                    "blindAreaBatchSize must be 1.." + MAX_BLIND_AREA_BATCH + ": " + blindAreaBatchSize);
        }
        if (eventLoopThreads < 1) {
            throw new IllegalArgumentException("eventLoopThreads must be positive: " + eventLoopThreads);
        }
    }

    /**
     * Real time from now, a fix every 30 s, heartbeats every 30 s, 10 s response timeout,
     * reconnects after 1 s up to 30 s, outbox of 10 000 fixes, 25 fixes per blind-area batch, two
     * event loop threads, no faults.
     */
    public static SimulatorOptions defaults(String host, int port) {
        return new SimulatorOptions(
                host,
                port,
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                1,
                false,
                1,
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ZERO,
                10_000,
                25,
                2,
                FaultInjector.NONE,
                TerminalListener.NONE);
    }

    public SimulatorOptions withSimulatedStart(Instant start) {
        return new SimulatorOptions(
                host,
                port,
                start,
                compression,
                fastForward,
                fastForwardWindow,
                reportInterval,
                heartbeatInterval,
                responseTimeout,
                reconnectDelay,
                maxReconnectDelay,
                rampUp,
                outboxCapacity,
                blindAreaBatchSize,
                eventLoopThreads,
                faults,
                listener);
    }

    public SimulatorOptions withCompression(double factor) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                factor,
                fastForward,
                fastForwardWindow,
                reportInterval,
                heartbeatInterval,
                responseTimeout,
                reconnectDelay,
                maxReconnectDelay,
                rampUp,
                outboxCapacity,
                blindAreaBatchSize,
                eventLoopThreads,
                faults,
                listener);
    }

    /** Fast-forward with up to {@code window} unacknowledged fixes per truck. */
    public SimulatorOptions withFastForward(int window) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                compression,
                true,
                window,
                reportInterval,
                heartbeatInterval,
                responseTimeout,
                reconnectDelay,
                maxReconnectDelay,
                rampUp,
                outboxCapacity,
                blindAreaBatchSize,
                eventLoopThreads,
                faults,
                listener);
    }

    public SimulatorOptions withReportInterval(Duration interval) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                compression,
                fastForward,
                fastForwardWindow,
                interval,
                heartbeatInterval,
                responseTimeout,
                reconnectDelay,
                maxReconnectDelay,
                rampUp,
                outboxCapacity,
                blindAreaBatchSize,
                eventLoopThreads,
                faults,
                listener);
    }

    public SimulatorOptions withHeartbeatInterval(Duration interval) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                compression,
                fastForward,
                fastForwardWindow,
                reportInterval,
                interval,
                responseTimeout,
                reconnectDelay,
                maxReconnectDelay,
                rampUp,
                outboxCapacity,
                blindAreaBatchSize,
                eventLoopThreads,
                faults,
                listener);
    }

    public SimulatorOptions withResponseTimeout(Duration timeout) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                compression,
                fastForward,
                fastForwardWindow,
                reportInterval,
                heartbeatInterval,
                timeout,
                reconnectDelay,
                maxReconnectDelay,
                rampUp,
                outboxCapacity,
                blindAreaBatchSize,
                eventLoopThreads,
                faults,
                listener);
    }

    public SimulatorOptions withReconnectDelay(Duration first, Duration max) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                compression,
                fastForward,
                fastForwardWindow,
                reportInterval,
                heartbeatInterval,
                responseTimeout,
                first,
                max,
                rampUp,
                outboxCapacity,
                blindAreaBatchSize,
                eventLoopThreads,
                faults,
                listener);
    }

    public SimulatorOptions withRampUp(Duration spread) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                compression,
                fastForward,
                fastForwardWindow,
                reportInterval,
                heartbeatInterval,
                responseTimeout,
                reconnectDelay,
                maxReconnectDelay,
                spread,
                outboxCapacity,
                blindAreaBatchSize,
                eventLoopThreads,
                faults,
                listener);
    }

    public SimulatorOptions withOutboxCapacity(int capacity) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                compression,
                fastForward,
                fastForwardWindow,
                reportInterval,
                heartbeatInterval,
                responseTimeout,
                reconnectDelay,
                maxReconnectDelay,
                rampUp,
                capacity,
                blindAreaBatchSize,
                eventLoopThreads,
                faults,
                listener);
    }

    public SimulatorOptions withBlindAreaBatchSize(int size) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                compression,
                fastForward,
                fastForwardWindow,
                reportInterval,
                heartbeatInterval,
                responseTimeout,
                reconnectDelay,
                maxReconnectDelay,
                rampUp,
                outboxCapacity,
                size,
                eventLoopThreads,
                faults,
                listener);
    }

    public SimulatorOptions withEventLoopThreads(int threads) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                compression,
                fastForward,
                fastForwardWindow,
                reportInterval,
                heartbeatInterval,
                responseTimeout,
                reconnectDelay,
                maxReconnectDelay,
                rampUp,
                outboxCapacity,
                blindAreaBatchSize,
                threads,
                faults,
                listener);
    }

    public SimulatorOptions withFaults(FaultInjector injected) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                compression,
                fastForward,
                fastForwardWindow,
                reportInterval,
                heartbeatInterval,
                responseTimeout,
                reconnectDelay,
                maxReconnectDelay,
                rampUp,
                outboxCapacity,
                blindAreaBatchSize,
                eventLoopThreads,
                injected,
                listener);
    }

    public SimulatorOptions withListener(TerminalListener terminalListener) {
        return new SimulatorOptions(
                host,
                port,
                simulatedStart,
                compression,
                fastForward,
                fastForwardWindow,
                reportInterval,
                heartbeatInterval,
                responseTimeout,
                reconnectDelay,
                maxReconnectDelay,
                rampUp,
                outboxCapacity,
                blindAreaBatchSize,
                eventLoopThreads,
                faults,
                terminalListener);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
