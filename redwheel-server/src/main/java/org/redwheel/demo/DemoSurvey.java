package org.redwheel.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.redwheel.PageRequest;
import org.redwheel.fleet.Assignments;
import org.redwheel.fleet.DriverData;
import org.redwheel.fleet.DriverFilter;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.fleet.IdNumbers;
import org.redwheel.fleet.LicenceClass;
import org.redwheel.fleet.PartyStatus;
import org.redwheel.fleet.TerminalData;
import org.redwheel.fleet.Terminals;
import org.redwheel.fleet.VehicleData;
import org.redwheel.fleet.Vehicles;
import org.redwheel.identity.DataScope;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseFilter;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.redwheel.sim.Fleet;
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
 * The demo county's precise survey: about 300 drivers with their vehicles, spread over the 31
 * enterprises (and a few independent drivers), living in the county's villages, some with a
 * licence, certificate or inspection due within 30 days. The simulator's trucks (鲁QA0001 …) are
 * among the vehicles, each with its primary driver, so the live desk shows surveyed drivers. Seeded
 * once, through the fleet's own services (the same validation a user's input passes), from a fixed
 * random seed; before the demo trucks start driving.
 */
@Component
@ConditionalOnBooleanProperty("redwheel.demo.enabled")
class DemoSurvey {

    static final int DRIVERS = 300;
    /** Drivers who drove a vehicle before its current primary driver and now ride as co-drivers. */
    static final int FORMER_DRIVERS = 12;

    private static final Logger log = LoggerFactory.getLogger(DemoSurvey.class);

    private static final List<String> SURNAMES = List.of(
            "王", "张", "刘", "李", "陈", "杨", "赵", "孙", "徐", "高", "马", "胡", "郭", "何", "林", "宋", "郑", "韩", "冯", "朱", "吕",
            "杜", "魏", "姜", "于", "董", "邵", "葛", "颜", "蒋", "田", "许", "石", "袁", "丁", "崔", "任", "孟", "庄", "厉");

    private static final List<String> GIVEN_NAMES = List.of(
            "建国", "志强", "海涛", "明亮", "晓东", "国庆", "立新", "红军", "永刚", "德华", "宝山", "庆丰", "长青", "振华", "成龙", "新民", "学文", "广军",
            "传东", "洪波", "会军", "兆明", "纪友", "延华", "士超", "运来", "连生", "加林", "玉田", "树林", "守成", "凤岐", "继东", "利民", "开山", "卫东",
            "金宝", "圣才", "宗强", "家兴", "荣华", "子豪", "浩然", "鹏飞", "海军", "大勇", "磊", "伟", "强", "军", "刚", "涛", "斌", "超");

    private static final List<String> WOMEN_GIVEN_NAMES =
            List.of("秀兰", "玉梅", "春燕", "桂英", "金凤", "丽娜", "海燕", "红梅", "晓丽", "爱华");

    private static final List<String> MOBILE_PREFIXES = List.of(
            "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
            "157", "158", "159", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189");

    private static final String SERIAL_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /** A vehicle type with its usual total mass (kg), cargo length (m) and the licence it needs. */
    private record VehicleKind(
            String type, int massKg, List<String> lengths, int plateColor, LicenceClass licence, int weight) {}

    private static final List<VehicleKind> KINDS = List.of(
            new VehicleKind("重型半挂牵引车", 25_000, List.of("13", "13.7", "17.5"), 2, LicenceClass.A2, 30),
            new VehicleKind("重型厢式货车", 18_000, List.of("9.6", "7.6", "6.8"), 2, LicenceClass.B2, 25),
            new VehicleKind("重型仓栅式货车", 31_000, List.of("9.6", "13"), 2, LicenceClass.B2, 15),
            new VehicleKind("重型自卸货车", 25_000, List.of("5.6", "6.2"), 2, LicenceClass.B2, 5),
            new VehicleKind("中型厢式货车", 12_000, List.of("6.8", "5.2"), 2, LicenceClass.B2, 10),
            new VehicleKind("轻型厢式货车", 4_495, List.of("4.2"), 1, LicenceClass.C1, 15));

    private final Drivers drivers;
    private final Vehicles vehicles;
    private final Terminals terminals;
    private final Assignments assignments;
    private final FleetRegistry fleet;
    private final EnterpriseRegistry enterprises;
    private final Townships townships;
    private final DemoProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoSurvey(
            Drivers drivers,
            Vehicles vehicles,
            Terminals terminals,
            Assignments assignments,
            FleetRegistry fleet,
            EnterpriseRegistry enterprises,
            Townships townships,
            DemoProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.drivers = drivers;
        this.vehicles = vehicles;
        this.terminals = terminals;
        this.assignments = assignments;
        this.fleet = fleet;
        this.enterprises = enterprises;
        this.townships = townships;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Before the demo trucks are registered and start (they are these vehicles) and before the expiry warnings run. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void seedOnce() {
        if (drivers.search(DataScope.county(), DriverFilter.activeOnes(), new PageRequest(0, 1, "name", true))
                        .totalElements()
                > 0) {
            return;
        }
        List<Long> enterpriseIds = enterprises
                .list(DataScope.county(), EnterpriseFilter.activeOnes(), new PageRequest(0, 200, "createdAt", true))
                .content()
                .stream()
                .map(Enterprise::id)
                .toList();
        List<Long> villageIds =
                townships.villages(null, false).stream().map(Village::id).toList();
        if (enterpriseIds.isEmpty() || villageIds.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> seed(enterpriseIds, villageIds));
        log.info(
                "Demo survey seeded: {} drivers and {} vehicles in {} ms",
                DRIVERS + FORMER_DRIVERS,
                DRIVERS,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void seed(List<Long> enterpriseIds, List<Long> villageIds) {
        Random random = new Random(20220520L + 808);
        LocalDate today = LocalDate.now(clock);
        DataScope county = DataScope.county();
        int simulated = Math.min(properties.registeredTrucks(), DRIVERS);
        Set<String> idNumbers = new HashSet<>();
        Set<String> phones = new HashSet<>();
        Set<String> plates = new HashSet<>();
        for (int i = 1; i <= DRIVERS; i++) {
            boolean simulatedTruck = i <= simulated;
            Long enterpriseId = simulatedTruck || random.nextInt(100) >= 6
                    ? enterpriseIds.get(
                            simulatedTruck ? (i - 1) % enterpriseIds.size() : random.nextInt(enterpriseIds.size()))
                    : null;
            VehicleKind kind = simulatedTruck ? (i % 3 == 0 ? KINDS.get(0) : KINDS.get(1)) : kind(random);
            long vehicleId = vehicle(i, simulatedTruck, kind, enterpriseId, random, today, plates);
            LocalDate since = date(random, 2021, today.minusDays(30));
            Long former = null;
            if (i % (DRIVERS / FORMER_DRIVERS) == 2) {
                // This vehicle changed hands: its former primary driver now rides along as co-driver.
                former = drivers.create(
                        county, driver(kind.licence(), enterpriseId, villageIds, random, today, idNumbers, phones));
                assignments.assign(county, former, vehicleId, true, since.minusYears(2));
            }
            long driverId = drivers.create(
                    county, driver(kind.licence(), enterpriseId, villageIds, random, today, idNumbers, phones));
            assignments.assign(county, driverId, vehicleId, true, since);
            if (former != null) {
                assignments.assign(county, former, vehicleId, false, since);
            }
        }
    }

    private long vehicle(
            int i,
            boolean simulatedTruck,
            VehicleKind kind,
            Long enterpriseId,
            Random random,
            LocalDate today,
            Set<String> plates) {
        DataScope county = DataScope.county();
        String plate = simulatedTruck ? Fleet.plate(i) : plate(random, kind, plates);
        boolean newEnergy = plate.length() == 8;
        VehicleData data = new VehicleData(
                plate,
                newEnergy ? 5 : kind.plateColor(),
                kind.type(),
                kind.massKg() - (kind.massKg() > 10_000 ? random.nextInt(4) * 500 : 0),
                new BigDecimal(kind.lengths().get(random.nextInt(kind.lengths().size()))),
                enterpriseId,
                DemoCountyData.DIVISION + String.format("%06d", random.nextInt(1_000_000)),
                expiry(random, today, 3, 365));
        long id = vehicles.findByPlate(county, plate)
                .map(existing -> {
                    vehicles.update(county, existing.id(), data);
                    return existing.id();
                })
                .orElseGet(() -> vehicles.create(county, data));
        if (simulatedTruck) {
            if (fleet.terminalByPhone(Fleet.phone(i)).isEmpty()) {
                terminals.create(
                        county, new TerminalData(Fleet.phone(i), Fleet.deviceId(i), "RW-SIM", "V2013", null, id));
            }
        } else if (random.nextInt(100) < 85) {
            terminals.create(
                    county,
                    new TerminalData(
                            "1440" + String.format("%07d", i * 7919 % 10_000_000),
                            "LS" + String.format("%05d", i),
                            random.nextBoolean() ? "YW-808G" : "HB-T2019",
                            "V2013",
                            "8986" + String.format("%016d", Math.abs(random.nextLong()) % 10_000_000_000_000_000L),
                            id));
        }
        return id;
    }

    private DriverData driver(
            LicenceClass licence,
            Long enterpriseId,
            List<Long> villageIds,
            Random random,
            LocalDate today,
            Set<String> idNumbers,
            Set<String> phones) {
        boolean woman = random.nextInt(100) < 5;
        String name = SURNAMES.get(random.nextInt(SURNAMES.size()))
                + (woman
                        ? WOMEN_GIVEN_NAMES.get(random.nextInt(WOMEN_GIVEN_NAMES.size()))
                        : GIVEN_NAMES.get(random.nextInt(GIVEN_NAMES.size())));
        String idNumber;
        do {
            LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(random.nextInt(36 * 365));
            int sequence = random.nextInt(500) * 2 + (woman ? 0 : 1);
            String first17 = DemoCountyData.DIVISION
                    + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", sequence);
            idNumber = first17 + IdNumbers.checkCharacter(first17);
        } while (!idNumbers.add(idNumber));
        String phone;
        do {
            phone = MOBILE_PREFIXES.get(random.nextInt(MOBILE_PREFIXES.size()))
                    + String.format("%08d", random.nextInt(100_000_000));
        } while (!phones.add(phone));
        int party = random.nextInt(100);
        PartyStatus status = party < 9
                ? PartyStatus.FULL_MEMBER
                : party < 11
                        ? PartyStatus.PROBATIONARY_MEMBER
                        : party < 14
                                ? PartyStatus.CANDIDATE
                                : party < 19
                                        ? PartyStatus.ACTIVIST
                                        : party < 25 ? PartyStatus.APPLICANT : PartyStatus.NONE;
        boolean qualified = random.nextInt(100) < 88;
        boolean consent = random.nextInt(100) < 92;
        LocalDate consentDate = consent ? date(random, 2022, today) : null;
        boolean emergency = random.nextInt(100) < 80;
        return new DriverData(
                name,
                phone,
                idNumber,
                licence,
                random.nextInt(100) < 10 ? null : expiry(random, today, 3, 6 * 365),
                // Qualification certificates are numbered with the holder's ID number.
                qualified ? idNumber : null,
                qualified ? expiry(random, today, 3, 6 * 365) : null,
                enterpriseId,
                null,
                random.nextInt(100) < 3 ? null : villageIds.get(random.nextInt(villageIds.size())),
                status,
                emergency
                        ? SURNAMES.get(random.nextInt(SURNAMES.size()))
                                + WOMEN_GIVEN_NAMES.get(random.nextInt(WOMEN_GIVEN_NAMES.size()))
                        : null,
                emergency
                        ? MOBILE_PREFIXES.get(random.nextInt(MOBILE_PREFIXES.size()))
                                + String.format("%08d", random.nextInt(100_000_000))
                        : null,
                consent,
                consentDate,
                consent ? (consentDate.getYear() < 2024 ? "2022-06" : "2024-01") : null);
    }

    /** Mostly well ahead; {@code duePercent} % within the next 30 days, a few just run out. */
    private static LocalDate expiry(Random random, LocalDate today, int duePercent, int maxDays) {
        int roll = random.nextInt(100);
        if (roll < duePercent) {
            return today.plusDays(1 + random.nextInt(29));
        }
        if (roll < duePercent + 1) {
            return today.minusDays(1 + random.nextInt(10));
        }
        return today.plusDays(31 + random.nextInt(Math.max(maxDays - 31, 1)));
    }

    private static LocalDate date(Random random, int fromYear, LocalDate until) {
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        long days = Math.max(1, until.toEpochDay() - from.toEpochDay());
        return from.plusDays((long) (random.nextDouble() * days));
    }

    private static VehicleKind kind(Random random) {
        int total = KINDS.stream().mapToInt(VehicleKind::weight).sum();
        int roll = random.nextInt(total);
        for (VehicleKind kind : KINDS) {
            roll -= kind.weight();
            if (roll < 0) {
                return kind;
            }
        }
        return KINDS.get(0);
    }

    /**
     * A Linshu plate (鲁Q) whose serial starts with a digit, so it never collides with the simulator's
     * letter-first plates; some light trucks are new-energy (鲁QD + 5).
     */
    private static String plate(Random random, VehicleKind kind, Set<String> plates) {
        String plate;
        do {
            if (kind.plateColor() == 1 && random.nextInt(100) < 30) {
                plate = "鲁QD" + String.format("%05d", random.nextInt(100_000));
            } else {
                StringBuilder serial = new StringBuilder().append(1 + random.nextInt(9));
                int letterAt = random.nextInt(100) < 25 ? 1 + random.nextInt(4) : -1;
                for (int k = 1; k < 5; k++) {
                    serial.append(
                            k == letterAt
                                    ? SERIAL_LETTERS.charAt(random.nextInt(SERIAL_LETTERS.length()))
                                    : (char) ('0' + random.nextInt(10)));
                }
                plate = "鲁Q" + serial;
            }
        } while (!plates.add(plate));
        return plate;
    }
}
