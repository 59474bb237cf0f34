package org.redwheel.care;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the "three ones" (三个一), as a pure calculation over the pairings and the logs, with
 * the time from an injected clock. Periods are Beijing time: ISO weeks (Monday to Sunday), calendar
 * months and calendar years.
 *
 * <ul>
 *   <li><b>Contact weekly.</b> A driver whom a helper has at the end of an ISO week (or now, for the
 *       current week) must have been contacted in that week: by phone, by message, in person, or on
 *       a visit (a visit is a contact in person).
 *   <li><b>Visit monthly.</b> Likewise a visit in every calendar month.
 *   <li><b>Solve one problem a year.</b> A helper who has drivers at the end of a calendar year must
 *       have solved at least one problem for them in that year: one he recorded, or an appeal of his
 *       driver resolved while the driver was his.
 * </ul>
 *
 * <p>A period still running is <i>due</i> until it ends; an ended period without its log is
 * <i>missed</i>. The rates count the last {@value #WEEKS} completed weeks, the last {@value
 * #MONTHS} completed months and the last completed year.
 */
public final class ThreeOnesCompliance {

    /** The programme's time zone: periods begin and end at midnight Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final int WEEKS = 52;
    static final int MONTHS = 12;

    private final Clock clock;

    public ThreeOnesCompliance(Clock clock) {
        this.clock = clock;
    }

    /** Today in Beijing. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The Monday of the ISO week of the day. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The ISO week of the day as text, e.g. {@code 2026-W53}. */
    public static String isoWeek(LocalDate day) {
        return String.format(
                "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The earliest moment whose logs can matter now: the first day of the oldest period counted. */
    public Instant windowStart() {
        LocalDate today = today();
        LocalDate weeks = weekOf(today).minusWeeks(WEEKS);
        LocalDate months = YearMonth.from(today).minusMonths(MONTHS).atDay(1);
        LocalDate years = LocalDate.of(today.getYear() - 1, 1, 1);
        LocalDate first = weeks.isBefore(months) ? weeks : months;
        first = first.isBefore(years) ? first : years;
        return first.atStartOfDay(ZONE).toInstant();
    }

    /**
     * Assesses every helper who has a pairing.
     *
     * @param pairings who had whom, over time (a driver's pairings do not overlap)
     * @param contacts contacts made (by phone, message or in person)
     * @param visits visits made
     * @param solved problems solved, each for the helper who had the driver then
     */
    public Assessment assess(
            Collection<Pairing> pairings,
            Collection<Logged> contacts,
            Collection<Logged> visits,
            Collection<Solved> solved) {
        LocalDate today = today();
        LocalDate thisWeek = weekOf(today);
        YearMonth thisMonth = YearMonth.from(today);
        int thisYear = today.getYear();
        LocalDate lastYearEnd = LocalDate.of(thisYear - 1, 12, 31);

        Map<Long, Set<LocalDate>> contactWeeks = new HashMap<>();
        Map<Long, Set<YearMonth>> visitMonths = new HashMap<>();
        for (Logged contact : contacts) {
            contactWeeks
                    .computeIfAbsent(contact.driverId(), k -> new HashSet<>())
                    .add(weekOf(LocalDate.ofInstant(contact.at(), ZONE)));
        }
        for (Logged visit : visits) {
            LocalDate day = LocalDate.ofInstant(visit.at(), ZONE);
            contactWeeks.computeIfAbsent(visit.driverId(), k -> new HashSet<>()).add(weekOf(day));
            visitMonths.computeIfAbsent(visit.driverId(), k -> new HashSet<>()).add(YearMonth.from(day));
        }
        Map<Long, Map<Integer, Integer>> solvedByYear = new HashMap<>();
        for (Solved s : solved) {
            solvedByYear.computeIfAbsent(s.helperId(), k -> new HashMap<>()).merge(s.on().getYear(), 1, Integer::sum);
        }

        Map<Long, Tally> tallies = new LinkedHashMap<>();
        for (Pairing p : pairings) {
            Tally t = tallies.computeIfAbsent(p.helperId(), k -> new Tally());
            Set<LocalDate> weeks = contactWeeks.getOrDefault(p.driverId(), Set.of());
            Set<YearMonth> months = visitMonths.getOrDefault(p.driverId(), Set.of());
            for (int k = 1; k <= WEEKS; k++) {
                LocalDate monday = thisWeek.minusWeeks(k);
                if (p.covers(monday.plusDays(6))) {
                    t.weeksOwed++;
                    if (weeks.contains(monday)) {
                        t.weeksDone++;
                    } else if (k == 1) {
                        t.missedLastWeek.add(p.driverId());
                    }
                }
            }
            for (int k = 1; k <= MONTHS; k++) {
                YearMonth month = thisMonth.minusMonths(k);
                if (p.covers(month.atEndOfMonth())) {
                    t.monthsOwed++;
                    if (months.contains(month)) {
                        t.monthsDone++;
                    } else if (k == 1) {
                        t.missedLastMonth.add(p.driverId());
                    }
                }
            }
            if (p.covers(today)) {
                t.drivers.add(p.driverId());
                if (!weeks.contains(thisWeek)) {
                    t.dueThisWeek.add(p.driverId());
                }
                if (!months.contains(thisMonth)) {
                    t.dueThisMonth.add(p.driverId());
                }
            }
            if (p.covers(lastYearEnd)) {
                t.lastYearOwed = true;
            }
        }
        Map<Long, HelperCompliance> byHelper = new LinkedHashMap<>();
        tallies.forEach((helperId, t) -> {
            Map<Integer, Integer> years = solvedByYear.getOrDefault(helperId, Map.of());
            byHelper.put(
                    helperId,
                    new HelperCompliance(
                            helperId,
                            t.drivers.size(),
                            t.weeksOwed,
                            t.weeksDone,
                            t.monthsOwed,
                            t.monthsDone,
                            t.lastYearOwed,
                            t.lastYearOwed && years.getOrDefault(thisYear - 1, 0) > 0,
                            years.getOrDefault(thisYear, 0),
                            List.copyOf(t.dueThisWeek),
                            List.copyOf(t.dueThisMonth),
                            List.copyOf(t.missedLastWeek),
                            List.copyOf(t.missedLastMonth)));
        });
        return new Assessment(today, isoWeek(today), thisMonth, thisYear, byHelper);
    }

    /**
     * A helper's pairing with a driver from {@code startsOn} until the day before {@code endsOn}
     * (null: still on). A reassignment ends one pairing and starts the next on the same day.
     */
    public record Pairing(long helperId, long driverId, LocalDate startsOn, LocalDate endsOn) {

        boolean covers(LocalDate day) {
            return !startsOn.isAfter(day) && (endsOn == null || endsOn.isAfter(day));
        }
    }

    /** A contact or a visit with a driver, at an instant. */
    public record Logged(long driverId, Instant at) {}

    /** A problem solved by a helper (for a driver of his) on a day. */
    public record Solved(long helperId, LocalDate on) {}

    /**
     * The assessment at one moment.
     *
     * @param isoWeek the current ISO week, e.g. 2026-W48
     */
    public record Assessment(
            LocalDate today, String isoWeek, YearMonth month, int year, Map<Long, HelperCompliance> byHelper) {

        public HelperCompliance of(long helperId) {
            return byHelper.getOrDefault(
                    helperId,
                    new HelperCompliance(
                            helperId, 0, 0, 0, 0, 0, false, false, 0, List.of(), List.of(), List.of(), List.of()));
        }

        /** The figures of these helpers together (a village, a township, the county). */
        public Figures total(Collection<Long> helperIds) {
            Figures sum = Figures.EMPTY;
            for (Long id : helperIds) {
                HelperCompliance h = byHelper.get(id);
                if (h != null) {
                    sum = sum.plus(h.figures());
                }
            }
            return sum;
        }

        public Figures total() {
            return total(byHelper.keySet());
        }
    }

    /**
     * One helper's standing.
     *
     * @param drivers the drivers he has now
     * @param lastYearOwed he had drivers at the end of last year
     * @param lastYearDone ... and solved a problem for them in that year
     * @param problemsThisYear problems solved so far this year
     * @param dueThisWeek his drivers not contacted yet this week
     * @param dueThisMonth his drivers not visited yet this month
     * @param missedLastWeek drivers he owed a contact last week and did not contact
     * @param missedLastMonth drivers he owed a visit last month and did not visit
     */
    public record HelperCompliance(
            long helperId,
            int drivers,
            int weeksOwed,
            int weeksDone,
            int monthsOwed,
            int monthsDone,
            boolean lastYearOwed,
            boolean lastYearDone,
            int problemsThisYear,
            List<Long> dueThisWeek,
            List<Long> dueThisMonth,
            List<Long> missedLastWeek,
            List<Long> missedLastMonth) {

        /** No problem solved yet this year while he has drivers. */
        public boolean dueThisYear() {
            return drivers > 0 && problemsThisYear == 0;
        }

        /** He missed a contact last week or a visit last month: the weekly reminder goes to him. */
        public boolean behind() {
            return !missedLastWeek.isEmpty() || !missedLastMonth.isEmpty();
        }

        public Figures figures() {
            return new Figures(
                    1,
                    drivers,
                    weeksOwed,
                    weeksDone,
                    monthsOwed,
                    monthsDone,
                    lastYearOwed ? 1 : 0,
                    lastYearDone ? 1 : 0,
                    dueThisWeek.size(),
                    dueThisMonth.size(),
                    dueThisYear() ? 1 : 0,
                    missedLastWeek.size(),
                    missedLastMonth.size(),
                    problemsThisYear);
        }
    }

    /**
     * Figures of one or more helpers. The rates are whole percentages, null when nothing was owed.
     *
     * @param yearsOwed helpers who owed last year's problem
     * @param dueThisYear helpers with drivers and no problem solved yet this year
     */
    public record Figures(
            int helpers,
            int drivers,
            int weeksOwed,
            int weeksDone,
            int monthsOwed,
            int monthsDone,
            int yearsOwed,
            int yearsDone,
            int dueThisWeek,
            int dueThisMonth,
            int dueThisYear,
            int missedLastWeek,
            int missedLastMonth,
            int problemsThisYear) {

        static final Figures EMPTY = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Figures plus(Figures o) {
            return new Figures(
                    helpers + o.helpers,
                    drivers + o.drivers,
                    weeksOwed + o.weeksOwed,
                    weeksDone + o.weeksDone,
                    monthsOwed + o.monthsOwed,
                    monthsDone + o.monthsDone,
                    yearsOwed + o.yearsOwed,
                    yearsDone + o.yearsDone,
                    dueThisWeek + o.dueThisWeek,
                    dueThisMonth + o.dueThisMonth,
                    dueThisYear + o.dueThisYear,
                    missedLastWeek + o.missedLastWeek,
                    missedLastMonth + o.missedLastMonth,
                    problemsThisYear + o.problemsThisYear);
        }

        /** Weeks with the contact made, of the completed weeks owed. */
        public Integer contactRate() {
            return percent(weeksDone, weeksOwed);
        }

        /** Months with the visit made, of the completed months owed. */
        public Integer visitRate() {
            return percent(monthsDone, monthsOwed);
        }

        /** Helpers who solved a problem last year, of those who owed one. */
        public Integer problemRate() {
            return percent(yearsDone, yearsOwed);
        }

        /** The three rates' mean: each "one" weighs the same however many weeks there are. */
        public Integer compliance() {
            List<Integer> rates = new ArrayList<>();
            for (Integer rate : new Integer[] {contactRate(), visitRate(), problemRate()}) {
                if (rate != null) {
                    rates.add(rate);
                }
            }
            return rates.isEmpty()
                    ? null
                    : (int) Math.round(
                            rates.stream().mapToInt(Integer::intValue).average().orElse(0));
        }

        private static Integer percent(int done, int owed) {
            return owed == 0 ? null : (int) Math.floor(100.0 * done / owed);
        }
    }

    private static final class Tally {
        final Set<Long> drivers = new HashSet<>();
        final List<Long> dueThisWeek = new ArrayList<>();
        final List<Long> dueThisMonth = new ArrayList<>();
        final List<Long> missedLastWeek = new ArrayList<>();
        final List<Long> missedLastMonth = new ArrayList<>();
        int weeksOwed;
        int weeksDone;
        int monthsOwed;
        int monthsDone;
        boolean lastYearOwed;
    }
}
