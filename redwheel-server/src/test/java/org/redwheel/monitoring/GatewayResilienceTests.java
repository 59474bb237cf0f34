package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When the database is slow or gone, the gateway acknowledges nothing it has not stored, stops
 * reading instead of buffering without bound, and recovers by itself.
 */
@RedWheelTest
class GatewayResilienceTests {

    /** Frames a connection may still decode from the read it was in when it paused (64 KiB of small frames). */
    private static final int MAX_FRAMES_OF_ONE_READ = 2_000;

    private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() % 1_000_000 + 500_000);

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    PositionIngestion ingestion;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Value("${redwheel.gateway.queue-capacity}")
    int queueCapacity;

    final ExecutorService background = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    GatewayTests.Known knownTerminal() {
        long n = NUMBERS.incrementAndGet();
        long vehicle = fleet.registerVehicle("鲁QR" + String.format("%04d", n % 10_000), 2, "重型货车", null);
        String phone = "1370" + String.format("%07d", n % 10_000_000);
        String device = "R" + String.format("%06d", n % 1_000_000);
        long terminal = fleet.registerTerminal(phone, device, "RW-T1", "V2013", vehicle);
        return new GatewayTests.Known(vehicle, terminal, phone, device);
    }

    @Test
    void aSlowDatabaseStopsReadingAcknowledgesNothingUnstoredAndEverythingArrivesAfterwards() throws Exception {
        var known = knownTerminal();
        int fixes = queueCapacity + 1_000;
        OffsetDateTime start = GatewayTests.now().minusHours(3);
        try (var terminal = new TestTerminal(gateway.port(), known.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(known.deviceId());
            // Make sure today's partitions exist, then hold the table so no insert can finish.
            terminal.acknowledgement(terminal.send(new LocationReport(GatewayTests.fixAt(start.minusSeconds(1), 10))));
            try (Connection lock = dataSource.getConnection()) {
                lock.setAutoCommit(false);
                lock.createStatement().execute("lock table monitoring_position in access exclusive mode");

                Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
                Future<?> reader = background.submit(() -> {
                    while (acknowledged.size() < fixes) {
                        var message = terminal.receive().message();
                        if (message instanceof PlatformGeneralResponse ack && ack.result() == 0) {
                            acknowledged.add(ack.responseSerial());
                        }
                    }
                    return null;
                });
                Future<?> writer = background.submit(() -> {
                    for (int i = 0; i < fixes; i++) {
                        terminal.send(new LocationReport(GatewayTests.fixAt(start.plusSeconds(i), 50)));
                    }
                    return null;
                });

                await().atMost(Duration.ofSeconds(20)).until(() -> ingestion.queued() >= queueCapacity - 50);
                writer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                // Everything is sent; what does not fit the queue stays unread in the socket, and
                // nothing is acknowledged while nothing can be stored.
                await().during(Duration.ofMillis(500))
                        .atMost(Duration.ofSeconds(2))
                        .until(() -> ingestion.queued() <= queueCapacity
                                && gateway.waitingFrames() <= MAX_FRAMES_OF_ONE_READ
                                && acknowledged.isEmpty());

                lock.rollback();
                reader.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        assertThat(stored(known.terminalId())).isEqualTo(fixes + 1);
    }

    @Test
    void aWriteCutOffByTheDatabaseIsRetriedAndNothingIsLostOrDoubled() throws Exception {
        var known = knownTerminal();
        OffsetDateTime start = GatewayTests.now().minusHours(5);
        try (var terminal = new TestTerminal(gateway.port(), known.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(known.deviceId());
            terminal.acknowledgement(terminal.send(new LocationReport(GatewayTests.fixAt(start.minusSeconds(1), 10))));
            try (Connection lock = dataSource.getConnection()) {
                lock.setAutoCommit(false);
                lock.createStatement().execute("lock table monitoring_position in access exclusive mode");
                int serial = terminal.send(new LocationReport(GatewayTests.fixAt(start, 44)));
                // The writer's insert waits for the lock; cut its connection as a crashing database would.
                await().atMost(Duration.ofSeconds(10)).until(() -> blockedInserts() > 0);
                jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where wait_event_type = 'Lock' "
                                + "and query like 'insert into monitoring_position%'")
                        .query()
                        .listOfRows();
                lock.rollback();
                assertThat(terminal.acknowledgement(serial).result()).isZero();
            }
        }
        assertThat(stored(known.terminalId())).isEqualTo(2);
    }

    private long blockedInserts() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                        + "and query like 'insert into monitoring_position%'")
                .query(Long.class)
                .single();
    }

    private long stored(long terminalId) {
        return jdbc.sql("select count(*) from monitoring_position where terminal_id = :t")
                .param("t", terminalId)
                .query(Long.class)
                .single();
    }
}
