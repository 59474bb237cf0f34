package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Terminals' state is written to the database in one batch per round and read back after a restart. */
@RedWheelTest
class TerminalStatesTests {

    @Autowired
    TerminalStates states;

    @Autowired
    JdbcClient jdbc;

    @Test
    void persistsEveryChangedTerminalInOneRound() {
        long first = 880_000_000L + System.nanoTime() % 1_000_000;
        Instant fix = Instant.parse("2026-11-28T02:00:00Z");
        for (long id = first; id < first + 50; id++) {
            states.connected(id, null, "V2013");
            states.positionStored(new PositionRow(id, null, fix, fix, 34.9, 118.6, 50, 42.5f, 90, 0, 3, null, false));
        }
        states.persist();
        assertThat(jdbc.sql("select count(*) from monitoring_terminal_state where terminal_id between :a and :b"
                                + " and online and speed_kmh = 42.5 and last_fix_time = :fix")
                        .param("a", first)
                        .param("b", first + 49)
                        .param("fix", java.sql.Timestamp.from(fix))
                        .query(Long.class)
                        .single())
                .isEqualTo(50);
    }
}
