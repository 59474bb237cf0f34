package org.redwheel.fleet;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Citizen ID numbers (公民身份号码, GB 11643-1999): six digits of the region where the number was
 * issued, eight of the birth date (yyyyMMdd), a three-digit sequence (odd for men) and a check
 * character computed with ISO 7064 MOD 11-2 ({@code 0}–{@code 9} or {@code X}).
 */
public final class IdNumbers {

    /** Provincial codes of GB/T 2260 that open a region code (71 Taiwan, 81/82 Hong Kong/Macao). */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private IdNumbers() {}

    /** Upper case without spaces, as people type it (a lower-case x is the check character X). */
    public static String normalize(String idNumber) {
        return idNumber == null ? null : idNumber.replaceAll("\\s", "").toUpperCase();
    }

    /** Whether the (normalised) number is well formed, born by {@code today} and its check character right. */
    public static boolean isValid(String idNumber, LocalDate today) {
        return violation(idNumber, today).isEmpty();
    }

    /**
     * What is wrong with the number, as a message key: {@code driver.idNumber.format} (not 18
     * characters, not digits, unknown province), {@code driver.idNumber.birthDate} (no such date, or
     * before 1900 or after today) or {@code driver.idNumber.checkDigit}; empty when it is valid.
     */
    public static Optional<String> violation(String idNumber, LocalDate today) {
        String number = normalize(idNumber);
        if (number == null || !number.matches("\\d{17}[\\dX]") || !PROVINCES.contains(number.substring(0, 2))) {
            return Optional.of("driver.idNumber.format");
        }
        Optional<LocalDate> birth = birthDate(number);
        if (birth.isEmpty()
                || birth.get().isBefore(EARLIEST_BIRTH)
                || birth.get().isAfter(today)) {
            return Optional.of("driver.idNumber.birthDate");
        }
        if (checkCharacter(number.substring(0, 17)) != number.charAt(17)) {
            return Optional.of("driver.idNumber.checkDigit");
        }
        return Optional.empty();
    }

    /** The check character (ISO 7064 MOD 11-2) of the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || !first17.matches("\\d{17}")) {
            throw new IllegalArgumentException("need 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The birth date in a well-formed number; empty when those eight digits are no date. */
    public static Optional<LocalDate> birthDate(String idNumber) {
        String number = normalize(idNumber);
        if (number == null || number.length() != 18 || !number.substring(6, 14).matches("\\d{8}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The form shown to people who do not need the number (DOMAIN.md §7): the first six and the last
     * four characters, e.g. {@code 371329********1234}. The birth date never shows.
     */
    public static String mask(String idNumber) {
        String number = normalize(idNumber);
        if (number == null || number.length() < 10) {
            return "****";
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
    }
}
