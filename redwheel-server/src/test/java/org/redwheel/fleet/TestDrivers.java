package org.redwheel.fleet;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid driver input with unique names, phones (199…) and ID numbers. The ID numbers use the
 * city's region (371300), never the demo county's (371329), so tests can tell demo data apart.
 */
public final class TestDrivers {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final String NUMERALS = "零一二三四五六七八九";

    private TestDrivers() {}

    /** A valid ID number, unique in this test run. */
    public static String idNumber() {
        long n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(n % 10_000);
        String first17 =
                "371300" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", (n / 10_000) % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    public static String phone() {
        return "199" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000);
    }

    /** A name without digits (names may not have any), unique in this test run. */
    public static String name(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (char digit : Long.toString(SEQUENCE.incrementAndGet()).toCharArray()) {
            name.append(NUMERALS.charAt(digit - '0'));
        }
        return name.toString();
    }

    public static DriverData valid(String prefix, Long enterpriseId, Long villageId) {
        String idNumber = idNumber();
        return new DriverData(
                name(prefix),
                phone(),
                idNumber,
                LicenceClass.A2,
                LocalDate.now().plusYears(3),
                idNumber,
                LocalDate.now().plusYears(2),
                enterpriseId,
                null,
                villageId,
                PartyStatus.NONE,
                "测试家属",
                "0539-6212345",
                true,
                LocalDate.now().minusDays(1),
                null);
    }

    /** The same data with other documents' expiry dates and Party status. */
    public static DriverData with(DriverData d, LocalDate licenceExpiry, PartyStatus status) {
        return new DriverData(
                d.name(),
                d.phone(),
                d.idNumber(),
                d.licenceClass(),
                licenceExpiry,
                d.qualificationNumber(),
                d.qualificationExpiry(),
                d.enterpriseId(),
                d.townshipId(),
                d.villageId(),
                status,
                d.emergencyContactName(),
                d.emergencyContactPhone(),
                d.locationConsent(),
                d.consentDate(),
                d.consentVersion());
    }

    static String json(DriverData d) {
        return """
                {"name": "%s", "phone": "%s", "idNumber": "%s", "licenceClass": "%s", "licenceExpiry": %s,
                 "enterpriseId": %s, "villageId": %s, "partyStatus": %s, "locationConsent": %s}
                """.formatted(
                        d.name(),
                        d.phone(),
                        d.idNumber(),
                        d.licenceClass(),
                        d.licenceExpiry() == null ? "null" : "\"" + d.licenceExpiry() + "\"",
                        d.enterpriseId(),
                        d.villageId(),
                        d.partyStatus() == null ? "null" : "\"" + d.partyStatus() + "\"",
                        d.consented());
    }
}
