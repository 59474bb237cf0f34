package org.redwheel.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.message.Location;

class OutboxTests {

    private final Outbox outbox = new Outbox(3);

    @Test
    void forgetsFixesOnceTheirMessageIsAcknowledged() {
        Outbox.Entry first = outbox.add(fix(1));
        Outbox.Entry second = outbox.add(fix(2));
        outbox.sent(10, List.of(first), 0);
        outbox.sent(11, List.of(second), 0);

        assertThat(outbox.acknowledge(10)).isEqualTo(1);

        assertThat(outbox.size()).isEqualTo(1);
        assertThat(outbox.acknowledge(10)).isZero();
    }

    @Test
    void dropsTheOldestFixWhenFull() {
        Outbox.Entry oldest = outbox.add(fix(1));
        outbox.sent(7, List.of(oldest), 0);
        outbox.add(fix(2));
        outbox.add(fix(3));

        outbox.add(fix(4));

        assertThat(outbox.size()).isEqualTo(3);
        assertThat(outbox.dropped()).isEqualTo(1);
        assertThat(outbox.acknowledge(7)).isZero();
        assertThat(outbox.unsent())
                .extracting(entry -> entry.location().time().getSecond())
                .containsExactly(2, 3, 4);
    }

    @Test
    void offersEverythingUnacknowledgedAgainAfterTheConnectionDrops() {
        Outbox.Entry first = outbox.add(fix(1));
        Outbox.Entry second = outbox.add(fix(2));
        outbox.sent(1, List.of(first, second), 0);
        outbox.add(fix(3));

        outbox.markAllUnsent();

        assertThat(outbox.unsent())
                .extracting(entry -> entry.location().time().getSecond())
                .containsExactly(1, 2, 3);
        assertThat(outbox.acknowledge(1)).isZero();
    }

    @Test
    void keepsFixesTheReceiverRefusedForTheNextConnection() {
        Outbox.Entry entry = outbox.add(fix(1));
        outbox.sent(5, List.of(entry), 0);

        outbox.refuse(5);

        assertThat(outbox.size()).isEqualTo(1);
        assertThat(outbox.unsent()).isEmpty();
        outbox.markAllUnsent();
        assertThat(outbox.unsent()).containsExactly(entry);
    }

    @Test
    void givesUpOnUnansweredMessagesAndOffersTheirFixesAgainALimitedNumberOfTimes() {
        Outbox.Entry entry = outbox.add(fix(1));
        Outbox.Entry later = outbox.add(fix(2));
        outbox.sent(1, List.of(entry), 100);
        outbox.sent(2, List.of(later), 300);

        assertThat(outbox.expire(200, 2)).isEqualTo(1);
        assertThat(outbox.unsent()).containsExactly(entry);

        outbox.sent(3, List.of(entry), 400);
        assertThat(outbox.expire(500, 2)).isEqualTo(1);
        // the first fix went out twice and now waits for the next connection; the later one goes again
        assertThat(outbox.unsent()).containsExactly(later);
        assertThat(outbox.size()).isEqualTo(2);
    }

    private static Location fix(int second) {
        return Location.fix(34.92, 118.65, 60, 50, 90, OffsetDateTime.of(2026, 3, 15, 8, 0, second, 0, Location.GMT8));
    }
}
