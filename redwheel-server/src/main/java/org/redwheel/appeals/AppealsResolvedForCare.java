package org.redwheel.appeals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.redwheel.care.ResolvedAppeals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the care module which drivers' appeals were resolved: each counts as the "one problem solved"
 * of the three ones for the helper who had the driver then.
 */
@Component
class AppealsResolvedForCare implements ResolvedAppeals {

    private final JdbcClient jdbc;

    AppealsResolvedForCare(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ResolvedAppeal> resolvedSince(Instant since) {
        return jdbc.sql("""
                        select id, driver_id, resolved_at from appeals_appeal
                        where status in ('RESOLVED', 'CONFIRMED') and resolved_at >= :since
                        order by resolved_at, id
                        """)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new ResolvedAppeal(
                        rs.getLong("id"),
                        rs.getLong("driver_id"),
                        rs.getTimestamp("resolved_at").toInstant()))
                .list();
    }
}
