package org.redwheel.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes positions durable. Frames' fixes queue here (bounded: when full, {@link #offer} says no and
 * the gateway stops reading that terminal); one writer thread takes what is queued, COPYs it into a
 * staging table and moves it into the daily partitions in one transaction, skipping fixes already
 * stored (a re-sent frame), and only then runs each frame's acknowledgement. If the database fails,
 * the writer keeps the same batches and retries with back-off: nothing is acknowledged that is not
 * committed, and nothing queued is dropped while the application runs.
 */
@Component
class PositionIngestion implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PositionIngestion.class);
    private static final String COLUMNS =
            "terminal_id, vehicle_id, fix_time, received_at, latitude, longitude, altitude_m, speed_kmh, direction, "
                    + "alarm_flags, status_flags, mileage_km, blind_area";

    private final DataSource dataSource;
    private final GatewayProperties properties;
    private final PositionPartitions partitions;
    private final TerminalStates states;
    private final SafetyMonitor safety;
    private final LinkedBlockingQueue<PositionBatch> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedRows = new AtomicInteger();
    private final Counter stored;
    private final Counter duplicates;
    private final Counter writeFailures;
    private volatile boolean running;
    private Thread writer;

    PositionIngestion(
            DataSource dataSource,
            GatewayProperties properties,
            PositionPartitions partitions,
            TerminalStates states,
            SafetyMonitor safety,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.partitions = partitions;
        this.states = states;
        this.safety = safety;
        this.stored = Counter.builder("redwheel.positions.stored")
                .description("positions committed")
                .register(meters);
        this.duplicates = Counter.builder("redwheel.positions.duplicates")
                .description("re-sent positions that were already stored")
                .register(meters);
        this.writeFailures =
                Counter.builder("redwheel.positions.write.failures").register(meters);
        meters.gauge("redwheel.positions.queued", queuedRows);
    }

    /**
     * Queues a frame's fixes. Refuses (returns false) when the queue is full; the caller keeps the
     * batch, stops reading, and offers it again. An empty queue always admits, so one frame larger
     * than the capacity cannot block forever.
     */
    boolean offer(PositionBatch batch) {
        int size = batch.rows().size();
        while (true) {
            int current = queuedRows.get();
            if (current > 0 && current + size > properties.queueCapacity()) {
                return false;
            }
            if (queuedRows.compareAndSet(current, current + size)) {
                break;
            }
        }
        queue.add(batch);
        return true;
    }

    int queued() {
        return queuedRows.get();
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::writeLoop, "position-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stops the writer. Fixes still queued were never acknowledged; they are dropped here as a crash
     * would drop them, and their terminals send them again.
     */
    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer = null;
        }
        queue.clear();
        queuedRows.set(0);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the gateway (which stops first, at a higher phase). */
    @Override
    public int getPhase() {
        return Jt808Gateway.PHASE - 10;
    }

    private void writeLoop() {
        List<PositionBatch> batches = new ArrayList<>();
        long backoffMillis = 100;
        while (running) {
            try {
                if (batches.isEmpty() && !take(batches)) {
                    safety.tickIfDue();
                    continue;
                }
                write(batches);
                int rows = batches.stream().mapToInt(b -> b.rows().size()).sum();
                queuedRows.addAndGet(-rows);
                batches.forEach(PositionIngestion::acknowledge);
                // After the acknowledgements, in commit order: the safety engine sees every stored fix once.
                safety.stored(batches);
                safety.tickIfDue();
                batches.clear();
                backoffMillis = 100;
            } catch (InterruptedException e) {
                // Stopping: whatever is unwritten was never acknowledged; terminals send it again.
                break;
            } catch (SQLException | RuntimeException e) {
                writeFailures.increment();
                log.warn(
                        "Writing {} position batches failed, retrying in {} ms: {}",
                        batches.size(),
                        backoffMillis,
                        e.getMessage());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    if (!running) {
                        break;
                    }
                }
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    /** Waits for the first batch, then gathers more until the batch is full or the delay passes. */
    private boolean take(List<PositionBatch> batches) throws InterruptedException {
        PositionBatch first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batches.add(first);
        int rows = first.rows().size();
        long deadline = System.nanoTime() + properties.maxBatchDelay().toNanos();
        while (rows < properties.batchSize()) {
            PositionBatch next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
            }
            batches.add(next);
            rows += next.rows().size();
        }
        return true;
    }

    private void write(List<PositionBatch> batches) throws SQLException {
        LocalDate first = partitions.firstDay();
        LocalDate end = partitions.endDay();
        Instant windowStart = first.atStartOfDay(PositionPartitions.BEIJING).toInstant();
        Instant windowEnd = end.atStartOfDay(PositionPartitions.BEIJING).toInstant();
        Set<LocalDate> days = new HashSet<>();
        StringBuilder copy = new StringBuilder(batches.size() * 128);
        int rows = 0;
        for (PositionBatch batch : batches) {
            for (PositionRow row : batch.rows()) {
                if (!row.fixTime().isBefore(windowStart) && row.fixTime().isBefore(windowEnd)) {
                    days.add(LocalDate.ofInstant(row.fixTime(), PositionPartitions.BEIJING));
                }
                append(copy, row);
                rows++;
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            partitions.ensure(connection, days);
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("create temp table if not exists monitoring_position_staging "
                        + "(like monitoring_position including defaults) on commit delete rows");
            }
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy monitoring_position_staging (" + COLUMNS + ") from stdin",
                            new StringReader(copy.toString()));
            int inserted;
            try (var inWindow = connection.prepareStatement(
                            "insert into monitoring_position select * from monitoring_position_staging"
                                    + " where fix_time >= ? and fix_time < ? on conflict do nothing");
                    var outside = connection.prepareStatement(
                            "insert into monitoring_position_outlier select * from "
                                    + "monitoring_position_staging where fix_time < ? or fix_time >= ? on conflict do nothing")) {
                inWindow.setTimestamp(1, Timestamp.from(windowStart));
                inWindow.setTimestamp(2, Timestamp.from(windowEnd));
                outside.setTimestamp(1, Timestamp.from(windowStart));
                outside.setTimestamp(2, Timestamp.from(windowEnd));
                inserted = inWindow.executeUpdate() + outside.executeUpdate();
            }
            connection.commit();
            stored.increment(inserted);
            duplicates.increment(rows - inserted);
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed", e);
        }
        for (PositionBatch batch : batches) {
            for (PositionRow row : batch.rows()) {
                states.positionStored(row);
            }
        }
    }

    private static void acknowledge(PositionBatch batch) {
        try {
            batch.onDurable().run();
        } catch (RuntimeException e) {
            log.debug("Acknowledgement could not be sent: {}", e.getMessage());
        }
    }

    /** One line of COPY text format; only numbers, booleans and ISO times, so nothing needs escaping. */
    private static void append(StringBuilder out, PositionRow row) {
        out.append(row.terminalId()).append('\t');
        out.append(row.vehicleId() == null ? "\\N" : row.vehicleId()).append('\t');
        out.append(row.fixTime()).append('\t');
        out.append(row.receivedAt()).append('\t');
        out.append(row.latitude()).append('\t');
        out.append(row.longitude()).append('\t');
        out.append(row.altitudeM()).append('\t');
        out.append(row.speedKmh()).append('\t');
        out.append(row.direction()).append('\t');
        out.append(row.alarmFlags()).append('\t');
        out.append(row.statusFlags()).append('\t');
        out.append(row.mileageKm() == null ? "\\N" : row.mileageKm()).append('\t');
        out.append(row.blindArea() ? 't' : 'f').append('\n');
    }
}
