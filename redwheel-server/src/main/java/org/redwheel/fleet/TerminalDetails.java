package org.redwheel.fleet;

import java.time.Instant;

/** A JT/T 808 terminal (终端) as the registry keeps it, with the vehicle it is fitted to. */
public record TerminalDetails(
        long id,
        String phone,
        String deviceId,
        String model,
        String protocolVersion,
        String sim,
        Long vehicleId,
        String plate,
        Long enterpriseId,
        Instant registeredAt,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {}
