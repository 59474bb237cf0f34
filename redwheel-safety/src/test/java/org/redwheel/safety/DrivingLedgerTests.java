package org.redwheel.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DrivingLedgerTests {

    static final long BASE = 1_714_960_000L;

    @Test
    void mergesTouchingRunsAndSumsAnyWindow() {
        DrivingLedger ledger = new DrivingLedger();
        ledger.add(BASE, BASE + 100);
        ledger.add(BASE + 100, BASE + 200);
        ledger.add(BASE + 300, BASE + 400);

        assertThat(ledger.size()).isEqualTo(2);
        assertThat(ledger.drivingBetween(BASE + 50, BASE + 350)).isEqualTo(200);
        assertThat(ledger.drivingBefore(BASE + 1000)).isEqualTo(300);
    }

    @Test
    void removingTheMiddleOfARunSplitsIt() {
        DrivingLedger ledger = new DrivingLedger();
        ledger.add(BASE, BASE + 400);

        ledger.remove(BASE + 100, BASE + 150);

        assertThat(ledger.size()).isEqualTo(2);
        assertThat(ledger.end(0)).isEqualTo(BASE + 100);
        assertThat(ledger.start(1)).isEqualTo(BASE + 150);
        assertThat(ledger.drivingBefore(BASE + 400)).isEqualTo(350);
    }

    /** An add or a remove of driving over {@code [start, start + length)}. */
    record Change(boolean add, int start, int length) {}

    @Provide
    Arbitrary<List<Change>> changes() {
        return Combinators.combine(
                        Arbitraries.of(true, true, false),
                        Arbitraries.integers().between(0, 500),
                        Arbitraries.integers().between(0, 60))
                .as(Change::new)
                .list()
                .ofMaxSize(40);
    }

    @Property(tries = 300)
    void agreesWithASecondBySecondModel(@ForAll("changes") List<Change> changes, @ForAll int probeSeed) {
        DrivingLedger ledger = new DrivingLedger();
        boolean[] driving = new boolean[600];
        for (Change change : changes) {
            long start = BASE + change.start();
            long end = start + change.length();
            if (change.add()) {
                ledger.add(start, end);
            } else {
                ledger.remove(start, end);
            }
            for (int second = change.start(); second < change.start() + change.length(); second++) {
                driving[second] = change.add();
            }
        }
        for (int i = 1; i < ledger.size(); i++) {
            assertThat(ledger.start(i)).isGreaterThan(ledger.end(i - 1));
        }
        java.util.Random random = new java.util.Random(probeSeed);
        for (int probe = 0; probe < 20; probe++) {
            int from = random.nextInt(600);
            int to = from + random.nextInt(600 - from);
            int expected = 0;
            for (int second = from; second < to; second++) {
                expected += driving[second] ? 1 : 0;
            }
            assertThat(ledger.drivingBetween(BASE + from, BASE + to)).isEqualTo(expected);
        }
    }
}
