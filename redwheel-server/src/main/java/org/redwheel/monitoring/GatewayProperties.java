package org.redwheel.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The JT/T 808 gateway and position ingestion ({@code redwheel.gateway.*}).
 *
 * @param enabled listen for terminals
 * @param host address to bind
 * @param port TCP port; 0 picks a free one (tests)
 * @param idleTimeout a connection with no frame for this long is closed (terminals heartbeat)
 * @param maxConnections connections above this are refused
 * @param workerThreads Netty I/O threads; 0 = Netty's default
 * @param batchSize positions written in one database transaction at most
 * @param maxBatchDelay how long the writer waits to fill a batch once it has positions
 * @param queueCapacity positions waiting for the database at most; above it terminals are not read
 * @param retentionDays daily position partitions older than this are dropped (DOMAIN.md: 6 months)
 * @param commandTimeout how long a downlink command waits for the terminal's answer
 */
@ConfigurationProperties("redwheel.gateway")
record GatewayProperties(
        Boolean enabled,
        String host,
        Integer port,
        Duration idleTimeout,
        Integer maxConnections,
        Integer workerThreads,
        Integer batchSize,
        Duration maxBatchDelay,
        Integer queueCapacity,
        Integer retentionDays,
        Duration commandTimeout) {

    GatewayProperties {
        enabled = enabled == null || enabled;
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? 7611 : port;
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(3) : idleTimeout;
        maxConnections = maxConnections == null ? 20_000 : maxConnections;
        workerThreads = workerThreads == null ? 0 : workerThreads;
        batchSize = batchSize == null ? 5_000 : batchSize;
        maxBatchDelay = maxBatchDelay == null ? Duration.ofMillis(5) : maxBatchDelay;
        queueCapacity = queueCapacity == null ? 100_000 : queueCapacity;
        retentionDays = retentionDays == null ? 190 : retentionDays;
        commandTimeout = commandTimeout == null ? Duration.ofSeconds(30) : commandTimeout;
    }
}
