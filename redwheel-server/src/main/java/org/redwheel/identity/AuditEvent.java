package org.redwheel.identity;

import java.time.Instant;

/** One line of the audit log: who did what to which record, when, and with what result. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String targetType,
        String targetId,
        String result,
        String detail,
        String remoteAddress) {}
