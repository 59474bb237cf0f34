package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Position partitions are kept for the retention period (190 days by default) and dropped after it. */
@RedWheelTest
class PositionRetentionTests {

    @Autowired
    PositionPartitions partitions;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void dropsDaysPastTheRetentionAndKeepsTheRest() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate expired = today.minusDays(191);
        LocalDate kept = today.minusDays(189);
        try (Connection connection = dataSource.getConnection()) {
            partitions.ensure(connection, Set.of(expired, kept));
        }
        assertThat(exists(expired)).isTrue();

        partitions.dropExpired();

        assertThat(exists(expired)).isFalse();
        assertThat(exists(kept)).isTrue();
        assertThat(partitions.firstDay()).isEqualTo(today.minusDays(190));
    }

    private boolean exists(LocalDate day) {
        return jdbc.sql("select count(*) from pg_class where relname = :name")
                        .param("name", PositionPartitions.name(day))
                        .query(Long.class)
                        .single()
                > 0;
    }
}
