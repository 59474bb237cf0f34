package org.redwheel.benchmarks;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.redwheel.safety.Fix;
import org.redwheel.safety.RuleSet;
import org.redwheel.safety.SafetyEngine;
import org.redwheel.safety.VehicleClass;

/**
 * Fixes per second through the driving-safety engine on one thread with 10,000 vehicles' state:
 * each operation is one fix; a round gives every vehicle its next fix (30 s later), driving 20
 * minutes and stopping 3, with speeds that cross the heavy-truck limit now and then. Public because
 * JMH generates subclasses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SafetyEngineBenchmark {

    static final int VEHICLES = 10_000;

    SafetyEngine engine;
    final String[] ids = new String[VEHICLES];
    final String[] drivers = new String[VEHICLES];
    final double[] latitudes = new double[VEHICLES];
    long time = Instant.parse("2026-05-06T00:00:00Z").getEpochSecond();
    int round;

    @Setup(Level.Trial)
    public void twoHoursOfStatePerVehicle() {
        engine = new SafetyEngine(RuleSet.defaults());
        for (int v = 0; v < VEHICLES; v++) {
            ids[v] = "v" + v;
            drivers[v] = v % 3 == 0 ? null : "D" + v;
            latitudes[v] = 30 + (v % 100) * 0.1;
        }
        for (int i = 0; i < 240; i++) {
            round();
        }
    }

    @Benchmark
    @OperationsPerInvocation(VEHICLES)
    public int round() {
        time += 30;
        round++;
        int events = 0;
        for (int v = 0; v < VEHICLES; v++) {
            int cycle = (round + v) % 46;
            double speed = cycle < 40 ? 60 + (round * 7 + v) % 40 : 0;
            latitudes[v] += ((round / 46) % 2 == 0 ? 1 : -1) * speed / 3.6 * 30 / 111_195.0;
            Instant at = Instant.ofEpochSecond(time);
            events += engine.accept(new Fix(
                            ids[v],
                            drivers[v],
                            at,
                            at,
                            latitudes[v],
                            118.3,
                            speed,
                            0,
                            0,
                            0,
                            null,
                            VehicleClass.HEAVY_TRUCK))
                    .size();
        }
        return events;
    }
}
