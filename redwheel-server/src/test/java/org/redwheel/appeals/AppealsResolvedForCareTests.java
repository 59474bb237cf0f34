package org.redwheel.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.care.ResolvedAppeals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The care module counts resolved appeals as helpers' yearly solved problems: appeals answers it. */
@RedWheelTest
class AppealsResolvedForCareTests {

    @Autowired
    ResolvedAppeals resolvedAppeals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyResolvedOrConfirmedAppealSinceTheInstantIsReportedWithItsDriver() {
        Instant since = Instant.now().minus(Duration.ofDays(365));
        long expected = jdbc.sql("select count(*) from appeals_appeal where status in ('RESOLVED', 'CONFIRMED')"
                        + " and resolved_at >= :since")
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();

        var resolved = resolvedAppeals.resolvedSince(since);

        assertThat(expected).as("the demo year has solved appeals").isGreaterThan(100);
        assertThat(resolved).hasSize((int) expected);
        assertThat(resolved).allSatisfy(a -> assertThat(a.resolvedAt()).isAfterOrEqualTo(since));
        assertThat(resolvedAppeals.resolvedSince(Instant.now().plusSeconds(3600)))
                .isEmpty();
    }
}
