package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.Location;
import org.redwheel.sim.Fleet;
import org.redwheel.sim.SimulatedTruck;
import org.redwheel.sim.Simulator;
import org.redwheel.sim.SimulatorOptions;
import org.redwheel.sim.TerminalListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gateway end to end with the fleet simulator over real sockets: unknown trucks are refused,
 * known ones report durably, and a server that dies mid-run loses nothing it acknowledged: the
 * trucks' re-sends fill in the rest, without duplicates.
 */
@RedWheelTest
class GatewaySimulatorTests {

    private static final AtomicInteger NEXT_TRUCK = new AtomicInteger(90_000);

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    PositionIngestion ingestion;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    JdbcClient jdbc;

    List<SimulatedTruck> registeredTrucks(int count, ProtocolVersion version) {
        int first = NEXT_TRUCK.getAndAdd(count);
        for (int i = first; i < first + count; i++) {
            long vehicle = fleet.registerVehicle(Fleet.plate(i), 2, "重型货车", null);
            fleet.registerTerminal(Fleet.phone(i), Fleet.deviceId(i), "RW-SIM", version.name(), vehicle);
        }
        return Fleet.demo(first, count, 7L, version);
    }

    SimulatorOptions fast(TerminalListener listener) {
        return SimulatorOptions.defaults("127.0.0.1", gateway.port())
                .withSimulatedStart(Instant.now().minus(Duration.ofHours(6)))
                .withCompression(60)
                .withReportInterval(Duration.ofSeconds(5))
                .withHeartbeatInterval(Duration.ofSeconds(2))
                .withResponseTimeout(Duration.ofSeconds(2))
                .withReconnectDelay(Duration.ofMillis(200), Duration.ofSeconds(1))
                .withEventLoopThreads(1)
                .withListener(listener);
    }

    @Test
    void anUnknownTruckIsRefusedAndKnownTrucksOfEveryVersionReportDurably() {
        int unknown = NEXT_TRUCK.getAndAdd(1);
        Set<Integer> refusals = ConcurrentHashMap.newKeySet();
        var refusedListener = new TerminalListener() {
            @Override
            public void refused(SimulatedTruck truck, int messageId, int result) {
                refusals.add(messageId << 8 | result);
            }
        };
        try (var stranger = Simulator.start(Fleet.demo(unknown, 1, 7L, ProtocolVersion.V2013), fast(refusedListener))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> refusals.contains(0x0100 << 8 | 4));
            assertThat(stranger.stats().online()).isZero();
        }

        for (ProtocolVersion version : ProtocolVersion.values()) {
            var trucks = registeredTrucks(2, version);
            try (var simulation = Simulator.start(trucks, fast(TerminalListener.NONE))) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> simulation.stats().acknowledged() >= 20);
                long acknowledged = simulation.stats().acknowledged();
                assertThat(storedFor(trucks))
                        .as(version + ": every acknowledged fix is stored")
                        .isGreaterThanOrEqualTo(acknowledged);
            }
        }
    }

    @Test
    void aServerKilledMidRunLosesNothingItAcknowledgedAndReSendsFillTheRestWithoutDuplicates() {
        var trucks = registeredTrucks(5, ProtocolVersion.V2013);
        Set<String> generated = ConcurrentHashMap.newKeySet();
        var recorder = new TerminalListener() {
            @Override
            public void fixGenerated(SimulatedTruck truck, Location fix) {
                generated.add(
                        truck.phone().replaceFirst("^0+", "") + "@" + fix.time().toInstant());
            }
        };
        try (var simulation = Simulator.start(trucks, fast(recorder))) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> simulation.stats().acknowledged() >= 100);

            // The server dies: connections drop, queued fixes that were never acknowledged are gone.
            long acknowledgedBeforeCrash = simulation.stats().acknowledged();
            gateway.stop();
            ingestion.stop();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> simulation.stats().online() == 0);
            assertThat(storedFor(trucks))
                    .as("all acknowledged before the crash")
                    .isGreaterThanOrEqualTo(acknowledgedBeforeCrash);

            ingestion.start();
            gateway.start();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> simulation.stats().online() == trucks.size());
            long generatedAfterRestart = simulation.stats().generated();
            // The blind-area uploads catch up with what was generated while the server was down.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> storedFor(trucks) >= generatedAfterRestart
                            && simulation.stats().resent() > 0);
            simulation.stop();
            var stats = simulation.stats();
            long stored = storedFor(trucks);
            assertThat(stored).as("every acknowledged fix is stored").isGreaterThanOrEqualTo(stats.acknowledged());
            assertThat(stats.generated() - stored)
                    .as("only fixes still in flight at the stop are missing")
                    .isLessThanOrEqualTo(stats.outbox());
            assertThat(storedKeys(trucks))
                    .as("nothing stored that no truck sent")
                    .isSubsetOf(generated);
        } finally {
            if (!ingestion.isRunning()) {
                ingestion.start();
            }
            if (!gateway.isRunning()) {
                gateway.start();
            }
        }
    }

    private long storedFor(List<SimulatedTruck> trucks) {
        return jdbc.sql("""
                        select count(*) from monitoring_position p join fleet_terminal t on t.id = p.terminal_id
                        where t.phone in (:phones)
                        """).param("phones", phones(trucks)).query(Long.class).single();
    }

    private List<String> storedKeys(List<SimulatedTruck> trucks) {
        return jdbc.sql("""
                        select t.phone, p.fix_time from monitoring_position p join fleet_terminal t on t.id = p.terminal_id
                        where t.phone in (:phones)
                        """)
                .param("phones", phones(trucks))
                .query((rs, n) -> rs.getString(1) + "@" + rs.getTimestamp(2).toInstant())
                .list();
    }

    private static List<String> phones(List<SimulatedTruck> trucks) {
        return trucks.stream().map(t -> t.phone().replaceFirst("^0+", "")).toList();
    }
}
