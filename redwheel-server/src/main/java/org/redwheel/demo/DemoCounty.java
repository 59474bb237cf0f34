package org.redwheel.demo;

import static org.redwheel.demo.DemoCountyData.ENTERPRISE_BRANDS;
import static org.redwheel.demo.DemoCountyData.ENTERPRISE_KINDS;
import static org.redwheel.demo.DemoCountyData.GIVEN_NAMES;
import static org.redwheel.demo.DemoCountyData.ROADS;
import static org.redwheel.demo.DemoCountyData.SURNAMES;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.CreditCode;
import org.redwheel.organization.EnterpriseData;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.GovernmentUnitData;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.PartyOrganizationData;
import org.redwheel.organization.PartyOrganizationKind;
import org.redwheel.organization.PartyOrganizations;
import org.redwheel.organization.Townships;
import org.redwheel.places.PlaceData;
import org.redwheel.places.PlaceKind;
import org.redwheel.places.Places;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo county once, at the first start with the demo profile: the industry Party
 * committee, 31 logistics enterprises each with a branch and mass organisations (2 demonstration
 * sites), 21 joint-meeting units, 18 escort-alliance departments, townships and villages, and a
 * demo account for every role. The enterprises' details come from a fixed random seed, so every
 * fresh install tells the same story.
 */
@Component
@ConditionalOnBooleanProperty("redwheel.demo.enabled")
class DemoCounty implements ApplicationRunner {

    static final String COMMITTEE_NAME = "中共临沭县快递物流行业委员会";
    private static final Logger log = LoggerFactory.getLogger(DemoCounty.class);

    private final Townships townships;
    private final PartyOrganizations partyOrganizations;
    private final EnterpriseRegistry enterprises;
    private final GovernmentUnits units;
    private final StaffAccounts accounts;
    private final Places places;
    private final DemoProperties properties;
    private final TransactionTemplate transaction;

    DemoCounty(
            Townships townships,
            PartyOrganizations partyOrganizations,
            EnterpriseRegistry enterprises,
            GovernmentUnits units,
            StaffAccounts accounts,
            Places places,
            DemoProperties properties,
            TransactionTemplate transaction) {
        this.townships = townships;
        this.partyOrganizations = partyOrganizations;
        this.enterprises = enterprises;
        this.units = units;
        this.accounts = accounts;
        this.places = places;
        this.properties = properties;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (seeded()) {
            log.info(
                    "Demo county already present; demo credentials are in {}",
                    properties.credentialsFile().toAbsolutePath());
            return;
        }
        Map<String, String[]> credentials = transaction.execute(status -> seed());
        writeCredentials(credentials);
    }

    boolean seeded() {
        return partyOrganizations.tree(DataScope.county(), true).stream()
                .anyMatch(o -> o.kind() == PartyOrganizationKind.COMMITTEE);
    }

    private Map<String, String[]> seed() {
        Random random = new Random(20220520L);
        List<Long> townshipIds = new ArrayList<>();
        List<Long> villageIds = new ArrayList<>();
        for (var township : DemoCountyData.TOWNSHIPS) {
            long id = townships.createTownship(township.name(), township.code());
            townshipIds.add(id);
            for (String village : township.villages()) {
                villageIds.add(townships.createVillage(id, village));
            }
        }

        long committee = partyOrganizations.create(new PartyOrganizationData(
                null, PartyOrganizationKind.COMMITTEE, COMMITTEE_NAME, "刘振华", 7, LocalDate.of(2021, 6, 28), null));

        List<Long> enterpriseIds = new ArrayList<>();
        for (int i = 0; i < ENTERPRISE_BRANDS.size(); i++) {
            String brand = ENTERPRISE_BRANDS.get(i);
            String name = "临沭县" + brand + ENTERPRISE_KINDS.get(i % ENTERPRISE_KINDS.size());
            boolean demonstration = i < 2;
            int fleet = 8 + random.nextInt(60);
            long branch = partyOrganizations.create(new PartyOrganizationData(
                    committee,
                    PartyOrganizationKind.BRANCH,
                    "临沭县" + brand + "物流党支部",
                    person(random),
                    3 + random.nextInt(demonstration ? 20 : 9),
                    LocalDate.of(2021, 7 + random.nextInt(6), 1 + random.nextInt(28)),
                    null));
            if (demonstration) {
                partyOrganizations.create(new PartyOrganizationData(
                        branch,
                        PartyOrganizationKind.GROUP,
                        brand + "驾驶员党小组",
                        person(random),
                        6,
                        LocalDate.of(2022, 3, 1),
                        null));
                partyOrganizations.create(new PartyOrganizationData(
                        branch,
                        PartyOrganizationKind.GROUP,
                        brand + "管理人员党小组",
                        person(random),
                        4,
                        LocalDate.of(2022, 3, 1),
                        null));
            }
            long townshipId = townshipIds.get(i % townshipIds.size());
            enterpriseIds.add(enterprises.create(new EnterpriseData(
                    name,
                    creditCode(random),
                    "临沭县" + ROADS.get(random.nextInt(ROADS.size())) + (10 + random.nextInt(990)) + "号",
                    coordinate(DemoCountyData.SEAT_LATITUDE, random),
                    coordinate(DemoCountyData.SEAT_LONGITUDE, random),
                    person(random),
                    person(random),
                    mobile(random),
                    fleet,
                    townshipId,
                    branch,
                    true,
                    random.nextInt(10) < 8 || demonstration,
                    random.nextInt(10) < 6 || demonstration,
                    demonstration)));
        }

        long trafficPolice = 0;
        for (var unit : DemoCountyData.UNITS) {
            long id = units.create(new GovernmentUnitData(
                    unit.name(),
                    unit.shortName(),
                    unit.duties(),
                    person(random),
                    landline(random),
                    unit.jointMeeting(),
                    unit.lead(),
                    unit.alliance()));
            if (unit.shortName().equals("交警大队")) {
                trafficPolice = id;
            }
        }
        for (var place : DemoCountyData.PLACES) {
            places.create(new PlaceData(
                    PlaceKind.valueOf(place.kind()),
                    place.name(),
                    place.address(),
                    place.latitude(),
                    place.longitude(),
                    place.services(),
                    place.hours(),
                    null));
        }
        return createAccounts(enterpriseIds, trafficPolice);
    }

    private Map<String, String[]> createAccounts(List<Long> enterpriseIds, long trafficPolice) {
        record Seed(String username, String name, Role role, DataScope scope) {}
        List<Seed> seeds = List.of(
                new Seed("county.admin", "孙立新（党建办主任）", Role.COUNTY_ADMIN, DataScope.county()),
                new Seed("county.office2", "马春燕（党建办）", Role.COUNTY_ADMIN, DataScope.county()),
                new Seed("county.office3", "郭宝山（党建办）", Role.COUNTY_ADMIN, DataScope.county()),
                new Seed("ent.shunda", "顺达物流安全员", Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterpriseIds.get(0))),
                new Seed("ent.xinsheng", "鑫盛运输安全员", Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterpriseIds.get(1))),
                new Seed("monitor.day", "监控值班员（白班）", Role.MONITORING_OPERATOR, DataScope.county()),
                new Seed("monitor.night", "监控值班员（夜班）", Role.MONITORING_OPERATOR, DataScope.county()),
                new Seed("dept.police", "交警大队联络员", Role.DEPARTMENT_OFFICER, DataScope.department(trafficPolice)),
                new Seed("helper.demo", "帮扶党员", Role.HELPER, DataScope.assigned()),
                new Seed("auditor", "审计管理员", Role.AUDITOR, DataScope.county()),
                new Seed("secadmin", "安全管理员", Role.SECURITY_ADMIN, DataScope.county()),
                new Seed("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, DataScope.county()));
        Map<String, String[]> credentials = new LinkedHashMap<>();
        for (Seed seed : seeds) {
            String password = randomPassword();
            accounts.create(new StaffAccounts.NewAccount(
                    seed.username(), seed.name(), null, password, seed.role(), seed.scope(), false));
            credentials.put(seed.username(), new String[] {password, seed.role().name()});
        }
        return credentials;
    }

    private void writeCredentials(Map<String, String[]> credentials) throws IOException {
        StringBuilder text = new StringBuilder();
        credentials.forEach((username, value) -> text.append(username)
                .append(' ')
                .append(value[0])
                .append(' ')
                .append(value[1])
                .append('\n'));
        var file = properties.credentialsFile().toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug("No POSIX permissions on {}", file);
        }
        log.info("Demo county seeded. Demo accounts (username password role), also in {}:\n{}", file, text);
    }

    /** 16 characters from four classes, so it passes the password policy. */
    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        String symbols = "#%+=@";
        String all = lower + upper + digits;
        StringBuilder password = new StringBuilder();
        password.append(upper.charAt(random.nextInt(upper.length())));
        password.append(lower.charAt(random.nextInt(lower.length())));
        password.append(digits.charAt(random.nextInt(digits.length())));
        password.append(symbols.charAt(random.nextInt(symbols.length())));
        while (password.length() < 16) {
            password.append(all.charAt(random.nextInt(all.length())));
        }
        return password.toString();
    }

    /** A valid unified social credit code of a Linshu enterprise (9 = registered by SAMR, 1 = enterprise). */
    private static String creditCode(Random random) {
        StringBuilder code = new StringBuilder("91" + DemoCountyData.DIVISION);
        code.append("MA");
        for (int i = 0; i < 7; i++) {
            code.append(CreditCode.ALPHABET.charAt(random.nextInt(CreditCode.ALPHABET.length())));
        }
        return code.toString() + CreditCode.checkCharacter(code.toString());
    }

    private static BigDecimal coordinate(double centre, Random random) {
        return BigDecimal.valueOf(centre + (random.nextDouble() - 0.5) * 0.16).setScale(6, RoundingMode.HALF_UP);
    }

    private static String person(Random random) {
        return SURNAMES.get(random.nextInt(SURNAMES.size())) + GIVEN_NAMES.get(random.nextInt(GIVEN_NAMES.size()));
    }

    private static String mobile(Random random) {
        return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
    }

    private static String landline(Random random) {
        return "0539-" + (6 + random.nextInt(3)) + String.format("%06d", random.nextInt(1_000_000));
    }
}
