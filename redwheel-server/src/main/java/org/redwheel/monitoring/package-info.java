/**
 * Monitoring: the JT/T 808 gateway (terminal sessions, registration and authentication against
 * the fleet registry), durable position ingestion (batched COPY into daily partitions, acknowledged
 * only after commit, with back-pressure), terminals' online state and last position, downlink
 * commands (text to speech, parameters), and the console's vehicle pages. The safety engine, alarms
 * and the monitoring desk build on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "organization", "fleet", "places", "notification"})
package org.redwheel.monitoring;
