package org.redwheel.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.redwheel.jt808.ProtocolVersion;

/** The fleets the command line can play. */
public enum Scenario {
    /** Everyday hauling on the demo routes: {@link Fleet#demo(int, int, long, ProtocolVersion)}. */
    ROUTES("routes"),
    /** Every truck drives the {@link LongDriveScenario}. */
    LONG_DRIVE("long-drive");

    private final String id;

    Scenario(String id) {
        this.id = id;
    }

    /** The name on the command line. */
    public String id() {
        return id;
    }

    public static Scenario of(String id) {
        for (Scenario scenario : values()) {
            if (scenario.id.equals(id)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("no scenario " + id + " (routes, long-drive)");
    }

    public List<SimulatedTruck> fleet(int first, int count, long seed, ProtocolVersion version) {
        return this == ROUTES ? Fleet.demo(first, count, seed, version) : Fleet.longDrive(first, count, seed, version);
    }

    /**
     * Where simulated time should start so that {@code span} of it ends by {@code now}: fixes must
     * not lie in the future. Long drives start at 07:30 Beijing time.
     */
    public Instant start(Instant now, Duration span) {
        Instant latest = now.minus(span).truncatedTo(ChronoUnit.SECONDS);
        return this == ROUTES ? latest : LongDriveScenario.latestStartEndingBy(now, span);
    }
}
