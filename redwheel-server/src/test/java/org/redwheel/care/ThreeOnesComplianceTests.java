package org.redwheel.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.care.ThreeOnesCompliance.Assessment;
import org.redwheel.care.ThreeOnesCompliance.HelperCompliance;
import org.redwheel.care.ThreeOnesCompliance.Logged;
import org.redwheel.care.ThreeOnesCompliance.Pairing;
import org.redwheel.care.ThreeOnesCompliance.Solved;

/**
 * The three-ones rules at the edges of their periods. Every clock here runs in UTC: the periods must
 * still turn at midnight Beijing time (UTC+8), never at the server's midnight.
 */
class ThreeOnesComplianceTests {

    static final long HELPER = 1;
    static final long OTHER_HELPER = 2;
    static final long DRIVER = 10;
    static final Pairing SINCE_LAST_YEAR = new Pairing(HELPER, DRIVER, LocalDate.of(2025, 6, 1), null);

    /** An instant given as Beijing wall-clock time. */
    static Instant beijing(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second)
                .atZone(ThreeOnesCompliance.ZONE)
                .toInstant();
    }

    static ThreeOnesCompliance at(Instant now) {
        return new ThreeOnesCompliance(Clock.fixed(now, ZoneOffset.UTC));
    }

    static HelperCompliance helper(Assessment assessment) {
        return assessment.of(HELPER);
    }

    @Test
    void aContactCountsForItsIsoWeekUntilSunday2359BeijingAndANewWeekIsDueFromMonday0000() {
        // Monday 23 November 2026: a phone call in ISO week 2026-W48.
        List<Logged> contacts = List.of(new Logged(DRIVER, beijing(2026, 11, 23, 10, 0, 0)));

        Assessment sunday =
                at(beijing(2026, 11, 29, 23, 59, 59)).assess(List.of(SINCE_LAST_YEAR), contacts, List.of(), List.of());
        assertThat(sunday.isoWeek()).isEqualTo("2026-W48");
        assertThat(helper(sunday).dueThisWeek()).as("contacted this week").isEmpty();
        assertThat(helper(sunday).missedLastWeek())
                .as("nobody called him in W47")
                .containsExactly(DRIVER);

        Instant mondayMidnight = beijing(2026, 11, 30, 0, 0, 0);
        assertThat(mondayMidnight).as("still Sunday in UTC").isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
        Assessment monday = at(mondayMidnight).assess(List.of(SINCE_LAST_YEAR), contacts, List.of(), List.of());
        assertThat(monday.isoWeek()).isEqualTo("2026-W49");
        assertThat(helper(monday).dueThisWeek()).as("a new week: due again").containsExactly(DRIVER);
        assertThat(helper(monday).missedLastWeek()).as("W48 was done").isEmpty();
        assertThat(helper(sunday).weeksDone()).as("W48 still running").isZero();
        assertThat(helper(monday).weeksDone()).as("W48 completed and done").isEqualTo(1);
        assertThat(helper(monday).weeksOwed()).as("the window slides").isEqualTo(52);
    }

    @Test
    void aCallAt0030MondayBeijingBelongsToTheNewWeekThoughItIsSundayInUtc() {
        Instant justAfterMidnight = beijing(2026, 11, 30, 0, 30, 0);
        List<Logged> contacts = List.of(new Logged(DRIVER, justAfterMidnight));

        Assessment monday =
                at(beijing(2026, 11, 30, 1, 0, 0)).assess(List.of(SINCE_LAST_YEAR), contacts, List.of(), List.of());

        assertThat(helper(monday).dueThisWeek()).as("W49 is done").isEmpty();
        assertThat(helper(monday).missedLastWeek()).as("W48 had no contact").containsExactly(DRIVER);
    }

    @Test
    void aVisitIsAlsoTheWeeksContact() {
        List<Logged> visits = List.of(new Logged(DRIVER, beijing(2026, 11, 25, 15, 0, 0)));

        Assessment assessment =
                at(beijing(2026, 11, 27, 9, 0, 0)).assess(List.of(SINCE_LAST_YEAR), List.of(), visits, List.of());

        assertThat(helper(assessment).dueThisWeek()).isEmpty();
        assertThat(helper(assessment).dueThisMonth()).isEmpty();
    }

    @Test
    void aVisitOnJanuary31CountsForJanuaryAndFebruaryIsDueFromFebruary1Beijing() {
        List<Logged> visits = List.of(new Logged(DRIVER, beijing(2027, 1, 31, 23, 59, 0)));

        Assessment january =
                at(beijing(2027, 1, 31, 23, 59, 59)).assess(List.of(SINCE_LAST_YEAR), List.of(), visits, List.of());
        assertThat(january.month()).isEqualTo(YearMonth.of(2027, 1));
        assertThat(helper(january).dueThisMonth()).isEmpty();
        assertThat(helper(january).missedLastMonth())
                .as("December had no visit")
                .containsExactly(DRIVER);

        Assessment february =
                at(beijing(2027, 2, 1, 0, 0, 0)).assess(List.of(SINCE_LAST_YEAR), List.of(), visits, List.of());
        assertThat(february.month()).isEqualTo(YearMonth.of(2027, 2));
        assertThat(helper(february).dueThisMonth()).containsExactly(DRIVER);
        assertThat(helper(february).missedLastMonth()).as("January was done").isEmpty();
        assertThat(helper(february).monthsDone()).isEqualTo(1);
        assertThat(helper(february).monthsOwed()).isEqualTo(12);
    }

    @Test
    void aVisitJustAfterMidnightOnFebruary1BeijingIsFebruarysThoughItIsJanuary31InUtc() {
        Instant visit = beijing(2027, 2, 1, 0, 0, 30);
        assertThat(visit.atZone(ZoneOffset.UTC).getDayOfMonth()).isEqualTo(31);

        Assessment february = at(beijing(2027, 2, 1, 8, 0, 0))
                .assess(List.of(SINCE_LAST_YEAR), List.of(), List.of(new Logged(DRIVER, visit)), List.of());

        assertThat(helper(february).dueThisMonth()).isEmpty();
        assertThat(helper(february).missedLastMonth()).containsExactly(DRIVER);
    }

    @Test
    void theYearsProblemTurnsAtJanuary1BeijingWhileTheIsoWeekRunsOn() {
        // Thursday 31 December 2026 lies in ISO week 2026-W53, as does Friday 1 January 2027.
        List<Logged> contacts = List.of(new Logged(DRIVER, beijing(2026, 12, 31, 20, 0, 0)));
        List<Logged> visits = List.of(new Logged(DRIVER, beijing(2026, 12, 15, 10, 0, 0)));
        List<Solved> solved = List.of(new Solved(HELPER, LocalDate.of(2026, 12, 31)));

        Assessment newYearsEve =
                at(beijing(2026, 12, 31, 23, 59, 59)).assess(List.of(SINCE_LAST_YEAR), contacts, visits, solved);
        assertThat(helper(newYearsEve).problemsThisYear()).isEqualTo(1);
        assertThat(helper(newYearsEve).dueThisYear()).isFalse();
        assertThat(helper(newYearsEve).dueThisMonth()).isEmpty();

        Assessment newYear =
                at(beijing(2027, 1, 1, 0, 0, 0)).assess(List.of(SINCE_LAST_YEAR), contacts, visits, solved);
        assertThat(newYear.year()).isEqualTo(2027);
        assertThat(newYear.isoWeek()).isEqualTo("2026-W53");
        assertThat(helper(newYear).problemsThisYear()).isZero();
        assertThat(helper(newYear).dueThisYear())
                .as("a new year: a problem is due again")
                .isTrue();
        assertThat(helper(newYear).lastYearOwed()).isTrue();
        assertThat(helper(newYear).lastYearDone()).as("solved on 31 December").isTrue();
        assertThat(helper(newYear).dueThisWeek())
                .as("the week of 31 December goes on")
                .isEmpty();
        assertThat(helper(newYear).dueThisMonth()).as("January's visit is due").containsExactly(DRIVER);
        assertThat(helper(newYear).figures().problemRate()).isEqualTo(100);
    }

    @Test
    void aHelperWithoutAProblemLastYearMissedIt() {
        Assessment newYear = at(beijing(2027, 1, 1, 0, 0, 0))
                .assess(
                        List.of(SINCE_LAST_YEAR),
                        List.of(),
                        List.of(),
                        List.of(new Solved(HELPER, LocalDate.of(2025, 7, 1))));

        assertThat(helper(newYear).lastYearOwed()).isTrue();
        assertThat(helper(newYear).lastYearDone()).isFalse();
        assertThat(helper(newYear).figures().problemRate()).isZero();
    }

    @Test
    void theHelperWhoHasTheDriverAtTheEndOfAWeekAnswersForIt() {
        // Reassigned on Wednesday 18 November 2026: the new helper has him at the end of that week.
        List<Pairing> pairings = List.of(
                new Pairing(HELPER, DRIVER, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 11, 18)),
                new Pairing(OTHER_HELPER, DRIVER, LocalDate.of(2026, 11, 18), null));

        Assessment assessment = at(beijing(2026, 11, 24, 9, 0, 0)).assess(pairings, List.of(), List.of(), List.of());

        assertThat(assessment.of(OTHER_HELPER).missedLastWeek()).containsExactly(DRIVER);
        assertThat(assessment.of(OTHER_HELPER).weeksOwed()).isEqualTo(1);
        assertThat(assessment.of(OTHER_HELPER).dueThisWeek()).containsExactly(DRIVER);
        assertThat(assessment.of(HELPER).missedLastWeek()).isEmpty();
        assertThat(assessment.of(HELPER).dueThisWeek()).as("no longer his").isEmpty();
        assertThat(assessment.of(HELPER).drivers()).isZero();
        assertThat(assessment.of(HELPER).weeksOwed()).isEqualTo(51);
    }

    @Test
    void aDriverPairedThisWeekIsDueButOwesNoCompletedPeriod() {
        Pairing fresh = new Pairing(HELPER, DRIVER, LocalDate.of(2026, 11, 25), null);

        Assessment assessment =
                at(beijing(2026, 11, 26, 9, 0, 0)).assess(List.of(fresh), List.of(), List.of(), List.of());

        HelperCompliance h = helper(assessment);
        assertThat(h.dueThisWeek()).containsExactly(DRIVER);
        assertThat(h.dueThisMonth()).containsExactly(DRIVER);
        assertThat(h.weeksOwed()).isZero();
        assertThat(h.monthsOwed()).isZero();
        assertThat(h.lastYearOwed()).isFalse();
        assertThat(h.figures().compliance()).as("nothing owed yet").isNull();
        assertThat(h.behind()).isFalse();
    }

    @Test
    void ratesCountTheLast52CompletedWeeksAnd12CompletedMonthsAndTheOverallIsTheirMean() {
        Instant now = beijing(2026, 11, 26, 9, 0, 0);
        LocalDate thisMonday = LocalDate.of(2026, 11, 23);
        List<Logged> contacts = new java.util.ArrayList<>();
        // Every completed week but the last four.
        for (int k = 5; k <= 60; k++) {
            contacts.add(new Logged(
                    DRIVER,
                    thisMonday
                            .minusWeeks(k)
                            .atTime(12, 0)
                            .atZone(ThreeOnesCompliance.ZONE)
                            .toInstant()));
        }
        List<Logged> visits = new java.util.ArrayList<>();
        // Nine of the last twelve completed months.
        for (int k = 1; k <= 9; k++) {
            visits.add(new Logged(
                    DRIVER,
                    YearMonth.of(2026, 11)
                            .minusMonths(k)
                            .atDay(3)
                            .atTime(12, 0)
                            .atZone(ThreeOnesCompliance.ZONE)
                            .toInstant()));
        }
        List<Solved> solved = List.of(new Solved(HELPER, LocalDate.of(2025, 10, 1)));

        var figures = helper(at(now).assess(List.of(SINCE_LAST_YEAR), contacts, visits, solved))
                .figures();

        // Paired since 1 June 2025: 52 weeks and 12 months owed. Visits also count as the week's contact.
        assertThat(figures.weeksOwed()).isEqualTo(52);
        assertThat(figures.monthsOwed()).isEqualTo(12);
        assertThat(figures.monthsDone()).isEqualTo(9);
        assertThat(figures.visitRate()).isEqualTo(75);
        assertThat(figures.problemRate()).isEqualTo(100);
        assertThat(figures.contactRate()).isEqualTo((int) Math.floor(100.0 * figures.weeksDone() / 52));
        assertThat(figures.compliance()).isEqualTo((int)
                Math.round((figures.contactRate() + figures.visitRate() + figures.problemRate()) / 3.0));
    }

    @Test
    void isoWeeksAreNamedByTheirWeekBasedYear() {
        assertThat(ThreeOnesCompliance.isoWeek(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
        assertThat(ThreeOnesCompliance.isoWeek(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
        assertThat(ThreeOnesCompliance.isoWeek(LocalDate.of(2025, 12, 29))).isEqualTo("2026-W01");
        assertThat(ThreeOnesCompliance.weekOf(LocalDate.of(2026, 11, 29))).isEqualTo(LocalDate.of(2026, 11, 23));
    }
}
