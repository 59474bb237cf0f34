package org.redwheel.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.redwheel.PageRequest;
import org.redwheel.care.CarePackages;
import org.redwheel.care.CarePackages.KindData;
import org.redwheel.care.CarePackages.PackageCategory;
import org.redwheel.care.ContactKind;
import org.redwheel.care.Counselling;
import org.redwheel.care.HelperAssignments;
import org.redwheel.care.HelperData;
import org.redwheel.care.Helpers;
import org.redwheel.care.TalkCorners;
import org.redwheel.care.ThreeOnes;
import org.redwheel.care.ThreeOnes.ContactEntry;
import org.redwheel.care.ThreeOnes.VisitEntry;
import org.redwheel.care.ThreeOnesCompliance;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.DriverFilter;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.identity.StaffUser;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseFilter;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.redwheel.places.Place;
import org.redwheel.places.PlaceData;
import org.redwheel.places.PlaceKind;
import org.redwheel.places.Places;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo county's care, seeded once after the survey through the care module's own services: the
 * 36 talk corners; helper Party members in every village (about one per four drivers) with a
 * helper for every surveyed driver, a few reassigned; a year of weekly contacts and monthly visits
 * with some missed (about nine in ten made), problems solved last year and this year; the four
 * kinds of care package of the second quarter handed out; sessions at the talk corners and a few
 * confidential counselling records. {@code helper.demo} is the helper of 东城社区 with drivers;
 * two more helpers get accounts of their own. From a fixed random seed, relative to today.
 */
@Component
@ConditionalOnBooleanProperty("redwheel.demo.enabled")
class DemoCare {

    private static final Logger log = LoggerFactory.getLogger(DemoCare.class);
    private static final ZoneId ZONE = ThreeOnesCompliance.ZONE;
    private static final String OFFICE = "县物流行业党委办公室";
    private static final int DRIVERS_PER_HELPER = 4;

    private static final List<String> SURNAMES = List.of(
            "王", "李", "张", "刘", "陈", "杨", "赵", "孙", "徐", "朱", "高", "马", "胡", "郭", "何", "林", "宋", "郑", "韩", "冯", "董",
            "葛");
    private static final List<String> GIVEN_NAMES = List.of(
            "立军", "红梅", "振东", "桂芳", "宝华", "爱民", "秀云", "建军", "玉兰", "德胜", "春霞", "树林", "凤英", "明山", "卫国", "淑珍", "传宝", "庆华",
            "文静", "永福");

    private static final List<String> CONTACT_NOTES =
            List.of("询问近期出车情况", "提醒注意休息、不疲劳驾驶", "了解家里老人身体情况", "转告高速通行政策", "询问运费是否按时结算", "提醒年检时间", "");
    private static final List<String> VISIT_NOTES = List.of(
            "入户走访，家人身体健康，孩子上学正常", "到物流园看望，了解接单情况", "走访家属，送去防暑用品", "与司机谈心，了解车贷还款压力", "到司机之家看望，宣讲安全行车", "走访了解子女托管需求");
    private static final List<String> PROBLEMS = List.of(
            "协调物流园货源，帮助联系回程货",
            "联系镇中心小学，解决子女放学后托管",
            "协助办理从业资格证延续",
            "帮助申请临时困难救助",
            "协调维修厂先修车后付款",
            "联系县司法局法律援助，追回拖欠运费",
            "协调农商行车贷延期还款",
            "帮助家属就近找到工作");

    private record PackageSeed(String name, PackageCategory category, String description, String[] handedOverBy) {}

    private static final List<PackageSeed> PACKAGES = List.of(
            new PackageSeed("健康体检服务", PackageCategory.SERVICE, "县卫健局组织免费健康体检、职业病筛查", new String[] {"县卫健局", "县人民医院"}),
            new PackageSeed(
                    "政策明白卡", PackageCategory.POLICY_ADVICE, "货车通行、运费结算、车贷延期、社保参保政策一本通", new String[] {"县交通运输局", "县人社局"
                    }),
            new PackageSeed("法律服务卡", PackageCategory.SERVICE, "县司法局法律援助热线、运费纠纷免费咨询", new String[] {"县司法局"}),
            new PackageSeed("夏季清凉包", PackageCategory.GOODS, "藿香正气水、风油精、毛巾、保温杯", new String[] {"县总工会", "县妇联"}));

    private static final List<String[]> SESSIONS = List.of(
            new String[] {"货车通行与限行政策答疑", "问：县城限行时段货车怎么走？\n答：走G205绕城段，夜间22点后可进城卸货。"},
            new String[] {"运费拖欠怎么办", "问：货主拖欠运费三个月了怎么办？\n答：保留运单和聊天记录，可到县司法局申请法律援助。"},
            new String[] {"车贷延期政策解读", "问：车贷能否延期？\n答：农商行、邮储银行对受影响司机可申请延期还款。"},
            new String[] {"疲劳驾驶与安全行车", "问：连续驾驶多长时间要休息？\n答：白天4小时、夜间2小时须停车休息不少于20分钟。"},
            new String[] {"子女教育与托管", "问：孩子放学没人接怎么办？\n答：县妇联联合社区开设了司机子女托管班。"},
            new String[] {"社保参保与工伤保险", "问：个体司机能否参加工伤保险？\n答：可按灵活就业人员参保，县人社局可现场办理。"},
            new String[] {"网络货运平台接单", "问：平台接单被压价怎么办？\n答：可通过县货源信息平台直接对接本地货主。"});

    private static final List<String> COUNSELLING = List.of(
            "连续跑长途睡眠不好，情绪低落。已建议调整排班，约定下周再谈。",
            "与家人因常年在外产生矛盾，倾诉后情绪缓和，建议多与家人视频沟通。",
            "车贷压力大、焦虑。介绍了延期还款政策，并陪同联系银行。",
            "发生轻微事故后心有余悸，不敢夜间行车。进行了放松训练，建议暂时只跑白班。");

    private final Helpers helpers;
    private final HelperAssignments assignments;
    private final ThreeOnes threeOnes;
    private final CarePackages packages;
    private final TalkCorners corners;
    private final Counselling counselling;
    private final Drivers drivers;
    private final Townships townships;
    private final EnterpriseRegistry enterprises;
    private final Places places;
    private final StaffAccounts accounts;
    private final DemoProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoCare(
            Helpers helpers,
            HelperAssignments assignments,
            ThreeOnes threeOnes,
            CarePackages packages,
            TalkCorners corners,
            Counselling counselling,
            Drivers drivers,
            Townships townships,
            EnterpriseRegistry enterprises,
            Places places,
            StaffAccounts accounts,
            DemoProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.helpers = helpers;
        this.assignments = assignments;
        this.threeOnes = threeOnes;
        this.packages = packages;
        this.corners = corners;
        this.counselling = counselling;
        this.drivers = drivers;
        this.townships = townships;
        this.enterprises = enterprises;
        this.places = places;
        this.accounts = accounts;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Right after the survey (its drivers are who the helpers care for). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    void seedOnce() throws IOException {
        if (!helpers.list(DataScope.county(), null, null, null, true).isEmpty()
                || townships.villages(null, false).isEmpty()) {
            return;
        }
        List<Driver> surveyed = activeDrivers();
        if (surveyed.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Map<String, String[]> credentials = transaction.execute(status -> seed(surveyed));
        appendCredentials(credentials);
        log.info(
                "Demo care seeded: helpers for {} drivers, a year of three-ones logs, care packages and talk corners in {} ms",
                surveyed.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private Map<String, String[]> seed(List<Driver> surveyed) {
        Random random = new Random(20220520L + 6);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        talkCorners();

        Map<Long, List<Driver>> byVillage = new LinkedHashMap<>();
        List<Driver> withoutVillage = new ArrayList<>();
        for (Driver d : surveyed) {
            if (d.villageId() == null) {
                withoutVillage.add(d);
            } else {
                byVillage.computeIfAbsent(d.villageId(), k -> new ArrayList<>()).add(d);
            }
        }
        List<Village> villages = townships.villages(null, false);
        Map<Long, List<Long>> helpersByVillage = new LinkedHashMap<>();
        Map<Long, Double> reliability = new HashMap<>();
        for (Village village : villages) {
            int count = Math.max(
                    1,
                    (byVillage.getOrDefault(village.id(), List.of()).size() + DRIVERS_PER_HELPER - 1)
                            / DRIVERS_PER_HELPER);
            for (int i = 0; i < count; i++) {
                long id = helpers.create(
                        DataScope.county(),
                        new HelperData(
                                SURNAMES.get(random.nextInt(SURNAMES.size()))
                                        + GIVEN_NAMES.get(random.nextInt(GIVEN_NAMES.size())),
                                "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000)),
                                village.id(),
                                null));
                helpersByVillage
                        .computeIfAbsent(village.id(), k -> new ArrayList<>())
                        .add(id);
                // Most helpers keep up; one in ten often falls behind.
                reliability.put(
                        id,
                        random.nextInt(10) == 0 ? 0.6 + random.nextDouble() * 0.15 : 0.84 + random.nextDouble() * 0.13);
            }
        }
        Map<String, String[]> credentials = accounts(villages, helpersByVillage);

        // Pairings from before last year, each confirmed by the office; a few reassigned since.
        record Period(long helperId, long driverId, LocalDate from, LocalDate to) {}
        List<Period> periods = new ArrayList<>();
        DataScope county = DataScope.county();
        for (Village village : villages) {
            for (var u : assignments.unassigned(county, village.id())) {
                if (u.suggested() == null) {
                    continue;
                }
                LocalDate since = LocalDate.of(today.getYear() - 2, 3, 1).plusDays(random.nextInt(280));
                assignments.assign(county, u.driver().id(), u.suggested().id(), since, null, OFFICE);
                periods.add(new Period(u.suggested().id(), u.driver().id(), since, null));
            }
        }
        // Drivers whose village is not recorded go to the county seat's helpers, fewest drivers first.
        long seatTownship = villages.stream()
                .filter(v -> v.id() == villageNamed(villages, "西城社区"))
                .findFirst()
                .map(Village::townshipId)
                .orElse(villages.get(0).townshipId());
        List<Long> seat = villages.stream()
                .filter(v -> v.townshipId() == seatTownship)
                .flatMap(v -> helpersByVillage.getOrDefault(v.id(), List.of()).stream())
                .toList();
        for (Driver d : withoutVillage) {
            if (seat.isEmpty()) {
                break;
            }
            long helper = seat.stream()
                    .min(Comparator.comparingLong((Long h) -> periods.stream()
                                    .filter(p -> p.helperId() == h && p.to() == null)
                                    .count())
                            .thenComparing(h -> h))
                    .orElseThrow();
            LocalDate since = LocalDate.of(today.getYear() - 2, 6, 1).plusDays(random.nextInt(200));
            assignments.assign(county, d.id(), helper, since, null, OFFICE);
            periods.add(new Period(helper, d.id(), since, null));
        }
        List<Period> current = new ArrayList<>(periods);
        int reassigned = 0;
        for (int i = 7; i < current.size() && reassigned < 6; i += 47) {
            Period p = current.get(i);
            List<Long> others = helpersByVillage.values().stream()
                    .filter(list -> list.contains(p.helperId()))
                    .findFirst()
                    .orElse(List.of())
                    .stream()
                    .filter(h -> h != p.helperId())
                    .toList();
            if (others.isEmpty()) {
                continue;
            }
            long next = others.get(0);
            LocalDate on = today.minusDays(90 + random.nextInt(120));
            assignments.assign(county, p.driverId(), next, on, "原帮扶党员外出务工，村党支部调整", OFFICE);
            periods.remove(p);
            periods.add(new Period(p.helperId(), p.driverId(), p.from(), on));
            periods.add(new Period(next, p.driverId(), on, null));
            reassigned++;
        }

        // A year of contacts and visits, each period by its helper; some missed.
        Instant now = clock.instant();
        LocalDate firstWeek = ThreeOnesCompliance.weekOf(today).minusWeeks(53);
        List<ContactEntry> contacts = new ArrayList<>();
        List<VisitEntry> visits = new ArrayList<>();
        for (Period p : periods) {
            double r = reliability.getOrDefault(p.helperId(), 0.9);
            LocalDate end = p.to() == null ? today : p.to().minusDays(1);
            for (LocalDate monday = firstWeek; !monday.isAfter(today); monday = monday.plusWeeks(1)) {
                LocalDate from = max(monday, p.from());
                LocalDate to = min(monday.plusDays(6), end);
                // A visit is also a contact in person: calls fall a little short of the helper's diligence.
                if (from.isAfter(to) || random.nextDouble() > r - 0.03) {
                    continue;
                }
                Instant at = moment(random, from, to, 8, 21);
                if (at.isAfter(now)) {
                    continue;
                }
                int roll = random.nextInt(100);
                ContactKind kind =
                        roll < 60 ? ContactKind.PHONE : roll < 85 ? ContactKind.MESSAGE : ContactKind.IN_PERSON;
                contacts.add(new ContactEntry(
                        p.helperId(), p.driverId(), kind, at, CONTACT_NOTES.get(random.nextInt(CONTACT_NOTES.size()))));
            }
            for (LocalDate first = firstWeek.withDayOfMonth(1); !first.isAfter(today); first = first.plusMonths(1)) {
                LocalDate from = max(first, p.from());
                LocalDate to = min(first.with(TemporalAdjusters.lastDayOfMonth()), end);
                if (from.isAfter(to) || random.nextDouble() > r) {
                    continue;
                }
                Instant at = moment(random, from, to, 9, 18);
                if (at.isAfter(now)) {
                    continue;
                }
                visits.add(new VisitEntry(
                        p.helperId(),
                        p.driverId(),
                        at,
                        VISIT_NOTES.get(random.nextInt(VISIT_NOTES.size())),
                        round6(DemoCountyData.SEAT_LATITUDE + (random.nextDouble() - 0.5) * 0.3),
                        round6(DemoCountyData.SEAT_LONGITUDE + (random.nextDouble() - 0.5) * 0.3),
                        null));
            }
        }
        threeOnes.logContacts(contacts, OFFICE);
        threeOnes.logVisits(visits, OFFICE);

        // Problems solved: most helpers one or two last year, and so far this year.
        for (long helperId : reliability.keySet().stream().sorted().toList()) {
            double r = reliability.get(helperId);
            for (int year : new int[] {today.getYear() - 1, today.getYear()}) {
                LocalDate from = LocalDate.of(year, 1, 1);
                LocalDate to = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
                double chance = year == today.getYear() ? r - 0.06 : r - 0.01;
                int problems = random.nextDouble() < chance ? 1 + random.nextInt(2) : 0;
                for (int k = 0; k < problems; k++) {
                    LocalDate day = from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
                    periods.stream()
                            .filter(p -> p.helperId() == helperId
                                    && !p.from().isAfter(day)
                                    && (p.to() == null || p.to().isAfter(day)))
                            .findFirst()
                            .ifPresent(p -> threeOnes.logSolvedProblem(
                                    helperId,
                                    p.driverId(),
                                    day,
                                    PROBLEMS.get(random.nextInt(PROBLEMS.size())),
                                    null,
                                    OFFICE));
                }
            }
        }

        carePackages(random, today, surveyed);
        sessions(random, today);
        counselling(random, today);
        return credentials;
    }

    /** helper.demo is the first helper of the county seat's first community; two more helpers get accounts. */
    private Map<String, String[]> accounts(List<Village> villages, Map<Long, List<Long>> helpersByVillage) {
        Map<String, String[]> credentials = new LinkedHashMap<>();
        List<Long> seat = helpersByVillage.getOrDefault(villageNamed(villages, "东城社区"), List.of());
        if (!seat.isEmpty() && accounts.findByUsername("helper.demo").isPresent()) {
            helpers.linkAccount(DataScope.county(), seat.get(0), "helper.demo");
        }
        Map<String, String> more = Map.of("helper.qingyun", "青云村", "helper.baimao", "白旄村");
        for (var entry : new java.util.TreeMap<>(more).entrySet()) {
            villages.stream()
                    .filter(v -> v.name().equals(entry.getValue()))
                    .findFirst()
                    .map(v -> helpersByVillage.getOrDefault(v.id(), List.of()))
                    .filter(list -> !list.isEmpty())
                    .ifPresent(list -> {
                        String password = DemoCounty.randomPassword();
                        helpers.createAccount(DataScope.county(), list.get(0), entry.getKey(), password);
                        credentials.put(entry.getKey(), new String[] {password, "HELPER"});
                    });
        }
        return credentials;
    }

    /** 36 talk corners: the service centre, the driver homes, the post stations and 20 enterprises. */
    private void talkCorners() {
        List<Place> hosts = new ArrayList<>();
        hosts.addAll(places.list(PlaceKind.SERVICE_CENTRE, false));
        hosts.addAll(places.list(PlaceKind.DRIVER_HOME, false));
        hosts.addAll(places.list(PlaceKind.RED_POST_STATION, false));
        int made = 0;
        for (Place host : hosts) {
            places.create(new PlaceData(
                    PlaceKind.TALK_CORNER,
                    host.name() + "畅言吧",
                    host.address(),
                    host.latitude(),
                    host.longitude(),
                    "政策答疑、法律咨询、心理疏导",
                    "每周三 14:00–17:00",
                    null));
            made++;
        }
        List<Enterprise> hostsInEnterprises = enterprises
                .list(DataScope.county(), EnterpriseFilter.activeOnes(), new PageRequest(0, 200, "createdAt", true))
                .content();
        for (Enterprise e : hostsInEnterprises) {
            if (made >= 36) {
                break;
            }
            places.create(new PlaceData(
                    PlaceKind.TALK_CORNER,
                    e.name() + "畅言吧",
                    e.address(),
                    e.latitude().doubleValue(),
                    e.longitude().doubleValue(),
                    "政策答疑、谈心谈话",
                    "每月第一个周五 15:00–17:00",
                    null));
            made++;
        }
    }

    /** The four kinds of the second quarter, each handed out on a few days, to most drivers. */
    private void carePackages(Random random, LocalDate today, List<Driver> surveyed) {
        int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        LocalDate quarterStart = LocalDate.of(year, 4, 1);
        for (PackageSeed seed : PACKAGES) {
            long kind = packages.defineKind(new KindData(year, 2, seed.name(), seed.category(), seed.description()));
            Map<LocalDate, List<Long>> byDay = new LinkedHashMap<>();
            List<LocalDate> days = List.of(
                    quarterStart.plusDays(10 + random.nextInt(20)),
                    quarterStart.plusDays(35 + random.nextInt(20)),
                    quarterStart.plusDays(65 + random.nextInt(20)));
            for (Driver d : surveyed) {
                if (random.nextInt(100) < 86) {
                    byDay.computeIfAbsent(days.get(random.nextInt(days.size())), k -> new ArrayList<>())
                            .add(d.id());
                }
            }
            byDay.forEach((day, ids) -> packages.distribute(
                    DataScope.county(),
                    kind,
                    ids,
                    day.isAfter(today) ? today : day,
                    seed.handedOverBy()[random.nextInt(seed.handedOverBy().length)],
                    null,
                    OFFICE));
        }
    }

    /** Sessions of questions and answers at every corner over the past year. */
    private void sessions(Random random, LocalDate today) {
        for (Place corner : places.list(PlaceKind.TALK_CORNER, false)) {
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                String[] topic = SESSIONS.get(random.nextInt(SESSIONS.size()));
                LocalDate day = today.minusDays(1 + random.nextInt(360))
                        .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
                corners.recordSession(
                        new TalkCorners.SessionData(
                                corner.id(),
                                day.isAfter(today) ? today : day,
                                topic[0],
                                topic[1],
                                6 + random.nextInt(35)),
                        OFFICE);
            }
        }
    }

    /** A few confidential records: by helper.demo for his drivers, and by the office's counsellor. */
    private void counselling(Random random, LocalDate today) {
        List<Place> cornerList = places.list(PlaceKind.TALK_CORNER, false);
        if (cornerList.isEmpty()) {
            return;
        }
        for (String username : List.of("helper.demo", "county.office2")) {
            var account = accounts.findByUsername(username);
            if (account.isEmpty()) {
                continue;
            }
            var a = account.get();
            StaffUser counsellor =
                    new StaffUser(a.id(), a.username(), a.displayName(), a.role(), a.scope(), false, false);
            List<Driver> candidates = counselling.counselled(counsellor);
            for (int i = 0; i < Math.min(4, candidates.size()); i++) {
                Driver driver = candidates.get((i * 7) % candidates.size());
                counselling.record(
                        counsellor,
                        new Counselling.CounsellingData(
                                cornerList
                                        .get(random.nextInt(cornerList.size()))
                                        .id(),
                                driver.id(),
                                today.minusDays(3 + random.nextInt(200)),
                                COUNSELLING.get(i % COUNSELLING.size())));
            }
        }
    }

    private List<Driver> activeDrivers() {
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

    private void appendCredentials(Map<String, String[]> credentials) throws IOException {
        if (credentials == null || credentials.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        credentials.forEach((username, value) -> text.append(username)
                .append(' ')
                .append(value[0])
                .append(' ')
                .append(value[1])
                .append('\n'));
        var file = properties.credentialsFile().toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        log.info(
                "Demo helper accounts (username password role; they choose a new password at first sign-in):\n{}",
                text);
    }

    private static Long villageNamed(List<Village> villages, String name) {
        return villages.stream()
                .filter(v -> v.name().equals(name))
                .map(Village::id)
                .findFirst()
                .orElse(villages.get(0).id());
    }

    private static Instant moment(Random random, LocalDate from, LocalDate to, int firstHour, int lastHour) {
        LocalDate day = from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        LocalTime time = LocalTime.of(firstHour + random.nextInt(lastHour - firstHour + 1), random.nextInt(60));
        return day.atTime(time).atZone(ZONE).toInstant();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static double round6(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }
}
