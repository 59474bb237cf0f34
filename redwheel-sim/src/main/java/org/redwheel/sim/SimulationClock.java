package org.redwheel.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Simulated time: starts at {@code simulatedStart} when the clock is made and runs {@code
 * compression} times faster than real time, so at compression 3600 one real second plays one
 * simulated hour. Fixes carry simulated times. Thread-safe.
 */
public final class SimulationClock {

    private final Instant simulatedStart;
    private final double compression;
    private final LongSupplier nanoTime;
    private final long origin;

    public SimulationClock(Instant simulatedStart, double compression) {
        this(simulatedStart, compression, System::nanoTime);
    }

    /** A clock reading real time from {@code nanoTime}, for tests. */
    SimulationClock(Instant simulatedStart, double compression, LongSupplier nanoTime) {
        this.simulatedStart = Objects.requireNonNull(simulatedStart, "simulatedStart");
        if (!(compression > 0) || Double.isInfinite(compression)) {
            throw new IllegalArgumentException("compression must be positive: " + compression);
        }
        this.compression = compression;
        this.nanoTime = nanoTime;
        this.origin = nanoTime.getAsLong();
    }

    public Instant simulatedStart() {
        return simulatedStart;
    }

    public double compression() {
        return compression;
    }

    /** The simulated time now. */
    public Instant now() {
        return simulatedStart.plusNanos((long) ((nanoTime.getAsLong() - origin) * compression));
    }

    /** Simulated time played so far. */
    public Duration elapsed() {
        return Duration.between(simulatedStart, now());
    }

    /** Real nanoseconds until the clock shows {@code simulated}; zero when it already has. */
    public long realNanosUntil(Instant simulated) {
        long simulatedNanos = Duration.between(now(), simulated).toNanos();
        return simulatedNanos <= 0 ? 0 : (long) Math.ceil(simulatedNanos / compression);
    }
}
