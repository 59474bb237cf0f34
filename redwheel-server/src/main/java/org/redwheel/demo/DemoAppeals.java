package org.redwheel.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.redwheel.PageRequest;
import org.redwheel.appeals.AllianceBoard;
import org.redwheel.appeals.Appeal;
import org.redwheel.appeals.AppealActor;
import org.redwheel.appeals.AppealCategory;
import org.redwheel.appeals.AppealChannel;
import org.redwheel.appeals.AppealFilter;
import org.redwheel.appeals.AppealHandler;
import org.redwheel.appeals.Appeals;
import org.redwheel.appeals.HandlerKind;
import org.redwheel.appeals.NewAppeal;
import org.redwheel.demo.DemoAppealData.ProblemSeed;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.DriverFilter;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.HelperDirectory;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.GovernmentUnit;
import org.redwheel.organization.GovernmentUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of the demo county's appeals: about 150 drivers' appeals from every channel and category,
 * nearly all solved (some accepted or resolved late, most confirmed with a rating, a few reopened),
 * 22 hard problems claimed and solved by alliance departments (the two temporary parking areas,
 * legal aid for unpaid freight charges, truck-loan extensions among them), and a few still open:
 * one waiting for acceptance past its hour, one overdue in progress, one problem waiting for a
 * claim, one being worked. Seeded once, after the survey (its drivers are the survey's), through
 * the appeals module's own services replayed at the records' times; from a fixed random seed.
 * Drivers who have a helper by then (the care module) have their personal matters handled by him.
 */
@Component
@ConditionalOnBooleanProperty("redwheel.demo.enabled")
class DemoAppeals {

    /** Individually solved appeals; the hard problems' appeals come on top. */
    static final int SOLVED_INDIVIDUALLY = 82;

    private static final Logger log = LoggerFactory.getLogger(DemoAppeals.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Departments the office sends personal matters to when the driver has no helper. */
    private static final Map<AppealCategory, String> OFFICE_DEPARTMENTS = Map.of(
            AppealCategory.CHILD_CARE, "县妇联",
            AppealCategory.HEALTH, "县卫健局",
            AppealCategory.ORDER_TAKING, "县商务局");

    private static final List<AppealCategory> WEIGHTED = weighted();

    private final Appeals live;
    private final AllianceBoard liveBoard;
    private final Drivers drivers;
    private final GovernmentUnits units;
    private final StaffAccounts accounts;
    private final ObjectProvider<HelperDirectory> helpers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoAppeals(
            Appeals appeals,
            AllianceBoard board,
            Drivers drivers,
            GovernmentUnits units,
            StaffAccounts accounts,
            ObjectProvider<HelperDirectory> helpers,
            TransactionTemplate transaction,
            Clock clock) {
        this.live = appeals;
        this.liveBoard = board;
        this.drivers = drivers;
        this.units = units;
        this.accounts = accounts;
        this.helpers = helpers;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** After the survey (its drivers) and the other demo data (helpers). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void seedOnce() {
        AppealActor office = AppealActor.office("county.admin");
        if (live.search(office, AppealFilter.all(), new PageRequest(0, 1, "submittedAt", false))
                        .totalElements()
                > 0) {
            return;
        }
        List<Driver> surveyed = surveyedDrivers();
        Map<String, Long> unitIds = new HashMap<>();
        for (GovernmentUnit unit : units.list(DataScope.county(), null, null, false)) {
            unitIds.put(unit.shortName() == null ? unit.name() : unit.shortName(), unit.id());
        }
        if (surveyed.size() < 40 || !unitIds.containsKey("交警大队")) {
            return;
        }
        long started = System.nanoTime();
        int seeded = transaction.execute(status -> new Seeding(surveyed, unitIds).run());
        log.info("Demo appeals seeded: {} appeals in {} ms", seeded, (System.nanoTime() - started) / 1_000_000);
    }

    private List<Driver> surveyedDrivers() {
        List<Driver> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = drivers.search(
                    DataScope.county(),
                    DriverFilter.activeOnes(),
                    new PageRequest(page, PageRequest.MAX_SIZE, "createdAt", true));
            all.addAll(result.content());
            if (!result.hasNext()) {
                return all;
            }
        }
    }

    /** One run of the seeding: its clock, its random numbers, its actors. */
    private final class Seeding {

        private final List<Driver> drivers;
        private final Map<String, Long> unitIds;
        private final Random random = new Random(20220520L + 6);
        private final ReplayClock replayClock = new ReplayClock();
        private final Appeals appeals = live.replaying(replayClock);
        private final AllianceBoard board = liveBoard.replaying(replayClock);
        private final AppealActor office = AppealActor.office("county.admin");
        private final AppealActor desk = AppealActor.desk("monitor.day");
        private final Instant now = clock.instant();
        private final Map<Long, Integer> asks = new HashMap<>();
        private int count;

        Seeding(List<Driver> drivers, Map<String, Long> unitIds) {
            this.drivers = drivers;
            this.unitIds = unitIds;
        }

        int run() {
            solvedProblems();
            for (int i = 0; i < SOLVED_INDIVIDUALLY; i++) {
                AppealCategory category = WEIGHTED.get(random.nextInt(WEIGHTED.size()));
                Instant submitted = daytime(now.minus(Duration.ofDays(2 + random.nextInt(358))));
                solvedAppeal(category, submitted);
            }
            openOnes();
            return count;
        }

        private void solvedProblems() {
            List<ProblemSeed> seeds = DemoAppealData.SOLVED_PROBLEMS;
            for (int i = 0; i < seeds.size(); i++) {
                ProblemSeed seed = seeds.get(i);
                Instant posted = daytime(now.minus(Duration.ofDays(355 - i * 14L)));
                long problem = post(seed, posted);
                Instant claimed = posted.plus(Duration.ofHours(4 + random.nextInt(60)));
                AppealActor department = department(seed.department());
                at(claimed);
                board.claim(department, problem);
                at(claimed.plus(Duration.ofHours(1 + random.nextInt(20))));
                board.start(department, problem);
                Instant solved = posted.plus(Duration.ofDays(5 + random.nextInt(33)));
                at(solved);
                board.solve(department, problem, seed.solution());
                for (Appeal appeal : linked(problem)) {
                    driverResponds(appeal.id(), appeal.driverId(), solved);
                }
            }
        }

        private long post(ProblemSeed seed, Instant posted) {
            List<Long> ids = new ArrayList<>();
            for (int k = 0; k < seed.appeals(); k++) {
                Driver driver = driverNotNamedIn(seed);
                Instant submitted = daytime(posted.minus(Duration.ofDays(1 + random.nextInt(20))));
                long id = submit(driver, seed.category(), submitted);
                accept(id, submitted.plus(acceptDelay()));
                ids.add(id);
            }
            at(posted);
            return board.post(office, ids, seed.title(), seed.description());
        }

        private void solvedAppeal(AppealCategory category, Instant submitted) {
            Driver driver = drivers.get(random.nextInt(drivers.size()));
            long id = submit(driver, category, submitted);
            Instant accepted = submitted.plus(acceptDelay());
            accept(id, accepted);
            Instant started = accepted.plus(Duration.ofMinutes(5 + random.nextInt(90)));
            start(id, started);
            Instant resolved = resolveTime(submitted, started, category);
            resolve(id, category, resolved);
            driverResponds(id, driver.id(), resolved);
        }

        /** Most drivers confirm with a rating, a few are not satisfied and reopen, some never answer. */
        private void driverResponds(long id, long driverId, Instant resolved) {
            int roll = random.nextInt(100);
            Instant answered = resolved.plus(Duration.ofMinutes(30 + random.nextInt(48 * 60)));
            if (answered.isAfter(now)) {
                return;
            }
            AppealActor driver = AppealActor.driver(driverId);
            if (roll < 6) {
                at(answered);
                appeals.reopen(driver, id, "问题还没有完全解决，希望再跟进一下。");
                Instant restarted = answered.plus(Duration.ofMinutes(20 + random.nextInt(120)));
                start(id, restarted);
                Instant resolvedAgain = restarted.plus(Duration.ofHours(2 + random.nextInt(20)));
                at(resolvedAgain);
                appeals.resolve(handler(id), id, "再次跟进：已与相关单位当面沟通落实，问题已解决。");
                Instant confirmed = resolvedAgain.plus(Duration.ofHours(1 + random.nextInt(24)));
                if (confirmed.isBefore(now)) {
                    at(confirmed);
                    appeals.confirm(driver, id, 4, "跟进后解决了");
                }
            } else if (roll < 92) {
                at(answered);
                appeals.confirm(driver, id, rating(), pick(DemoAppealData.FEEDBACK));
            }
        }

        private void openOnes() {
            // Sent from the phone twenty minutes ago: still within the hour.
            submit(drivers.get(3), AppealCategory.PARKING, now.minus(Duration.ofMinutes(20)), AppealChannel.MOBILE);
            // Called in three hours ago and never accepted: overdue, the office is told.
            submit(drivers.get(11), AppealCategory.OTHER, now.minus(Duration.ofHours(3)), AppealChannel.HOTLINE);
            // Accepted by the office, not yet sent on.
            long waiting = submit(
                    drivers.get(17), AppealCategory.OTHER, now.minus(Duration.ofHours(5)), AppealChannel.HOTLINE);
            at(now.minus(Duration.ofHours(5)).plus(Duration.ofMinutes(12)));
            appeals.accept(office, waiting);
            // Assigned to the justice bureau two hours ago.
            long legal = submit(
                    drivers.get(23),
                    AppealCategory.UNPAID_FREIGHT,
                    now.minus(Duration.ofHours(2)),
                    AppealChannel.MOBILE);
            accept(legal, now.minus(Duration.ofHours(2)).plus(Duration.ofMinutes(25)));
            // In progress with the traffic police for thirty hours: past its day.
            long parking = submit(
                    drivers.get(29), AppealCategory.PARKING, now.minus(Duration.ofHours(30)), AppealChannel.MOBILE);
            accept(parking, now.minus(Duration.ofHours(30)).plus(Duration.ofMinutes(18)));
            start(parking, now.minus(Duration.ofHours(29)));
            // Resolved three days ago, reopened by the driver this morning.
            long policy = submit(
                    drivers.get(31), AppealCategory.POLICY, now.minus(Duration.ofDays(4)), AppealChannel.HOTLINE);
            Instant accepted = now.minus(Duration.ofDays(4)).plus(Duration.ofMinutes(30));
            accept(policy, accepted);
            start(policy, accepted.plus(Duration.ofMinutes(40)));
            resolve(policy, AppealCategory.POLICY, now.minus(Duration.ofDays(3)));
            at(now.minus(Duration.ofHours(10)));
            appeals.reopen(AppealActor.driver(drivers.get(31).id()), policy, "网上申请一直提示材料不全，还是办不下来。");

            // A problem waiting on the board for a department.
            at(now.minus(Duration.ofHours(20)));
            post(DemoAppealData.OPEN_PROBLEM, now.minus(Duration.ofHours(20)));
            // A problem the commerce bureau claimed five days ago and is working on.
            ProblemSeed working = DemoAppealData.WORKING_PROBLEM;
            long problem = post(working, now.minus(Duration.ofDays(6)));
            AppealActor commerce = department(working.department());
            at(now.minus(Duration.ofDays(5)));
            board.claim(commerce, problem);
            at(now.minus(Duration.ofDays(5)).plus(Duration.ofHours(2)));
            board.start(commerce, problem);
        }

        private long submit(Driver driver, AppealCategory category, Instant at) {
            int roll = random.nextInt(100);
            AppealChannel channel = roll < 45
                    ? AppealChannel.MOBILE
                    : roll < 70
                            ? AppealChannel.HOTLINE
                            : roll < 82
                                    ? AppealChannel.HELPER_VISIT
                                    : roll < 90 ? AppealChannel.TALK_CORNER : AppealChannel.MONITORING_DESK;
            return submit(driver, category, at, channel);
        }

        private long submit(Driver driver, AppealCategory category, Instant at, AppealChannel channel) {
            AppealActor actor = switch (channel) {
                case MOBILE -> AppealActor.driver(driver.id());
                case HOTLINE, MONITORING_DESK -> desk;
                case HELPER_VISIT -> helperOf(driver.id()).orElse(office);
                case TALK_CORNER -> office;
            };
            boolean located = channel == AppealChannel.MOBILE && random.nextInt(3) > 0;
            int ask = random.nextInt(DemoAppealData.ASKS.get(category).size());
            at(at);
            count++;
            long id = appeals.submit(
                    actor,
                    new NewAppeal(
                            driver.id(),
                            category,
                            channel,
                            DemoAppealData.ASKS.get(category).get(ask),
                            located ? coordinate(DemoCountyData.SEAT_LATITUDE) : null,
                            located ? coordinate(DemoCountyData.SEAT_LONGITUDE) : null,
                            null,
                            null));
            asks.put(id, ask);
            return id;
        }

        /** Accepted by where it was routed (which takes it on); the office sends its own on. */
        private void accept(long id, Instant at) {
            Appeal appeal = appeals.get(office, id);
            AppealHandler route = appeal.route();
            at(at);
            appeals.accept(actorOf(route), id);
            if (route.kind() == HandlerKind.OFFICE) {
                String department = OFFICE_DEPARTMENTS.get(appeal.category());
                at(at.plus(Duration.ofMinutes(3 + random.nextInt(20))));
                appeals.assign(
                        office,
                        id,
                        department == null
                                ? AppealHandler.office()
                                : AppealHandler.department(unitIds.get(department)));
            }
        }

        private void start(long id, Instant at) {
            at(at);
            appeals.start(handler(id), id);
        }

        private void resolve(long id, AppealCategory category, Instant at) {
            at(at);
            appeals.resolve(
                    handler(id), id, DemoAppealData.SOLUTIONS.get(category).get(asks.get(id)));
        }

        private AppealActor handler(long id) {
            return actorOf(appeals.get(office, id).handler());
        }

        private AppealActor actorOf(AppealHandler handler) {
            return switch (handler.kind()) {
                case OFFICE -> office;
                case DEPARTMENT -> department(handler.unitId());
                case HELPER -> helper(handler.accountId());
            };
        }

        private AppealActor department(String shortName) {
            return department(unitIds.get(shortName));
        }

        private AppealActor department(long unitId) {
            String name = unitIds.entrySet().stream()
                    .filter(e -> e.getValue() == unitId)
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse("dept");
            return AppealActor.department(unitId, name.equals("交警大队") ? "dept.police" : name + "联络员");
        }

        private AppealActor helper(long accountId) {
            String username = accounts.find(accountId)
                    .map(StaffAccounts.AccountSummary::username)
                    .orElse("helper");
            return AppealActor.helper(accountId, username);
        }

        private Optional<AppealActor> helperOf(long driverId) {
            // Whoever the care module names as the driver's helper records his visit.
            HelperDirectory directory = helpers.getIfAvailable();
            return directory == null
                    ? Optional.empty()
                    : directory.helperAccountOf(driverId).map(this::helper);
        }

        private List<Appeal> linked(long problem) {
            return appeals.search(
                            office,
                            new AppealFilter(null, null, null, null, null, problem, null),
                            new PageRequest(0, 50, "submittedAt", true))
                    .content();
        }

        /** A driver whose name does not appear in the problem's public texts. */
        private Driver driverNotNamedIn(ProblemSeed seed) {
            String texts = seed.title() + seed.description() + (seed.solution() == null ? "" : seed.solution());
            Driver driver;
            do {
                driver = drivers.get(random.nextInt(drivers.size()));
            } while (texts.contains(driver.name()));
            return driver;
        }

        private Duration acceptDelay() {
            return random.nextInt(100) < 8
                    ? Duration.ofMinutes(65 + random.nextInt(150))
                    : Duration.ofMinutes(3 + random.nextInt(52));
        }

        /** Most within the day, about one in eight late. */
        private Instant resolveTime(Instant submitted, Instant started, AppealCategory category) {
            Instant resolved = random.nextInt(100) < 12
                    ? submitted.plus(Duration.ofHours(26 + random.nextInt(46)))
                    : started.plus(Duration.ofMinutes(60 + random.nextInt(16 * 60)));
            if (category == AppealCategory.VEHICLE_CERTIFICATES && random.nextBoolean()) {
                resolved = resolved.plus(Duration.ofHours(20));
            }
            Instant latest = now.minus(Duration.ofHours(2));
            return resolved.isAfter(latest) ? latest : resolved;
        }

        private int rating() {
            int roll = random.nextInt(100);
            return roll < 62 ? 5 : roll < 89 ? 4 : roll < 97 ? 3 : 2;
        }

        /** The same moment of the day, moved to between 06:00 and 22:00 Beijing time. */
        private Instant daytime(Instant instant) {
            LocalDate day = instant.atZone(BEIJING).toLocalDate();
            return day.atTime(6 + random.nextInt(16), random.nextInt(60))
                    .atZone(BEIJING)
                    .toInstant();
        }

        private BigDecimal coordinate(double centre) {
            return BigDecimal.valueOf(centre + (random.nextDouble() - 0.5) * 0.2)
                    .setScale(6, RoundingMode.HALF_UP);
        }

        private String pick(List<String> values) {
            return values.get(random.nextInt(values.size()));
        }

        private void at(Instant instant) {
            replayClock.set(instant);
        }
    }

    private static List<AppealCategory> weighted() {
        Map<AppealCategory, Integer> weights = Map.of(
                AppealCategory.PARKING, 14,
                AppealCategory.UNPAID_FREIGHT, 10,
                AppealCategory.VEHICLE_LOAN, 8,
                AppealCategory.ORDER_TAKING, 14,
                AppealCategory.CHILD_CARE, 10,
                AppealCategory.POLICY, 10,
                AppealCategory.HEALTH, 8,
                AppealCategory.VEHICLE_CERTIFICATES, 10,
                AppealCategory.OTHER, 6);
        List<AppealCategory> list = new ArrayList<>();
        for (AppealCategory category : AppealCategory.values()) {
            for (int i = 0; i < weights.get(category); i++) {
                list.add(category);
            }
        }
        return List.copyOf(list);
    }

    /** A clock the seeding moves to each record's time. */
    static final class ReplayClock extends Clock {

        private Instant instant = Instant.EPOCH;

        void set(Instant instant) {
            this.instant = instant;
        }

        @Override
        public ZoneId getZone() {
            return BEIJING;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant, zone);
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }
}
