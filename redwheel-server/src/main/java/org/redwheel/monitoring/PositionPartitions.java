package org.redwheel.monitoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily partitions of {@code monitoring_position} (Beijing days): created when the first fix of a
 * day arrives, dropped after the retention period.
 */
@Component
class PositionPartitions {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(PositionPartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final GatewayProperties properties;
    private final java.time.Clock clock;
    private final Set<LocalDate> existing = new HashSet<>();

    PositionPartitions(DataSource dataSource, GatewayProperties properties, java.time.Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.properties = properties;
        this.clock = clock;
    }

    /** The days that get partitions: from the retention limit to the day after tomorrow. */
    LocalDate firstDay() {
        return LocalDate.now(clock.withZone(BEIJING)).minusDays(properties.retentionDays());
    }

    LocalDate endDay() {
        return LocalDate.now(clock.withZone(BEIJING)).plusDays(2);
    }

    /** Creates the partitions of these days that do not exist yet, on the writer's connection. */
    synchronized void ensure(Connection connection, Set<LocalDate> days) throws SQLException {
        for (LocalDate day : days) {
            if (existing.contains(day)) {
                continue;
            }
            try (var statement = connection.createStatement()) {
                statement.execute("create table if not exists " + name(day)
                        + " partition of monitoring_position for values from ('" + day + " 00:00:00+08') to ('"
                        + day.plusDays(1) + " 00:00:00+08')");
            }
            existing.add(day);
        }
    }

    /** Drops partitions past the retention period; runs daily and at start-up. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT6H")
    void dropExpired() {
        LocalDate first = firstDay();
        List<String> partitions = jdbc.sql("""
                        select c.relname from pg_inherits i
                        join pg_class c on c.oid = i.inhrelid
                        join pg_class p on p.oid = i.inhparent
                        where p.relname = 'monitoring_position'
                        """).query(String.class).list();
        for (String partition : partitions) {
            if (!partition.matches("monitoring_position_p\\d{8}")) {
                continue;
            }
            LocalDate day = LocalDate.parse(partition.substring(partition.length() - 8), SUFFIX);
            if (day.isBefore(first)) {
                jdbc.sql("drop table if exists " + partition).update();
                synchronized (this) {
                    existing.remove(day);
                }
                log.info("Dropped position partition {} (retention {} days)", partition, properties.retentionDays());
            }
        }
        jdbc.sql("delete from monitoring_position_outlier where fix_time < :limit")
                .param(
                        "limit",
                        java.sql.Timestamp.from(first.atStartOfDay(BEIJING).toInstant()))
                .update();
    }

    static String name(LocalDate day) {
        return "monitoring_position_p" + day.format(SUFFIX);
    }
}
