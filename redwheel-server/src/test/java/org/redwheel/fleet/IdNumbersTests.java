package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Citizen ID numbers (GB 11643-1999): format, birth date and the ISO 7064 MOD 11-2 check character. */
class IdNumbersTests {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    /** A valid number of Linshu county (371329) for the birth date and sequence. */
    static String linshu(String birth, String sequence) {
        String first17 = "371329" + birth + sequence;
        return first17 + IdNumbers.checkCharacter(first17);
    }

    @Test
    void acceptsWellFormedNumbersWithTheRightCheckCharacter() {
        // the standard's own example, with the check character X
        assertThat(IdNumbers.violation("11010519491231002X", TODAY)).isEmpty();
        assertThat(IdNumbers.violation(linshu("19850615", "001"), TODAY)).isEmpty();
        assertThat(IdNumbers.violation(linshu("20070531", "002"), TODAY)).isEmpty();
        assertThat(IdNumbers.isValid(linshu("19000101", "999"), TODAY)).isTrue();
        assertThat(IdNumbers.isValid(linshu("20250601", "010"), TODAY))
                .as("born today")
                .isTrue();
    }

    @Test
    void computesTheCheckCharacterOfTheStandardsExample() {
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @Test
    void normalisesALowerCaseXAndSpaces() {
        assertThat(IdNumbers.normalize(" 110105 19491231 002x ")).isEqualTo("11010519491231002X");
        assertThat(IdNumbers.isValid("11010519491231002x", TODAY)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "1101051949123100, driver.idNumber.format", // 16 characters
        "11010519491231002, driver.idNumber.format", // 17 characters
        "11010519491231002X1, driver.idNumber.format", // 19 characters
        "1101051949123100XX, driver.idNumber.format", // X before the last place
        "11010519491231A02X, driver.idNumber.format", // a letter inside
        "99010519491231002X, driver.idNumber.format", // no province 99
        "00010519491231002X, driver.idNumber.format", // no province 00
        "371329198502300011, driver.idNumber.birthDate", // 30 February
        "371329198513010011, driver.idNumber.birthDate", // month 13
        "371329198500100011, driver.idNumber.birthDate", // month 00
        "371329189912310011, driver.idNumber.birthDate", // before 1900
        "371329202607010011, driver.idNumber.birthDate", // after today
        "110105194912310021, driver.idNumber.checkDigit", // the example with a wrong check character
    })
    void namesWhatIsWrong(String number, String key) {
        String candidate = key.equals("driver.idNumber.birthDate")
                ? number.substring(0, 17) + IdNumbers.checkCharacter(number.substring(0, 17))
                : number;
        assertThat(IdNumbers.violation(candidate, TODAY)).contains(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "null"})
    void refusesEmptyInput(String number) {
        assertThat(IdNumbers.violation(number.equals("null") ? null : number, TODAY))
                .contains("driver.idNumber.format");
    }

    @Test
    void detectsEverySingleDigitMistake() {
        Random random = new Random(11643);
        for (int n = 0; n < 200; n++) {
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(40 * 365));
            String valid = linshu(
                    birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                    String.format("%03d", random.nextInt(1000)));
            assertThat(IdNumbers.isValid(valid, TODAY)).as(valid).isTrue();
            for (int position = 0; position < 17; position++) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit == valid.charAt(position)) {
                        continue;
                    }
                    String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
                    assertThat(IdNumbers.isValid(typo, TODAY)).as(typo).isFalse();
                }
            }
        }
    }

    @Test
    void readsTheBirthDate() {
        assertThat(IdNumbers.birthDate(linshu("19850615", "001"))).contains(LocalDate.of(1985, 6, 15));
        assertThat(IdNumbers.birthDate("371329198502300011")).isEmpty();
    }

    @Test
    void masksAllButTheRegionAndTheLastFour() {
        String number = linshu("19850615", "123");
        String masked = IdNumbers.mask(number);
        assertThat(masked)
                .isEqualTo("371329********" + number.substring(14))
                .hasSize(18)
                .doesNotContain("19850615")
                .doesNotContain("850615");
        assertThat(IdNumbers.mask("11010519491231002x")).isEqualTo("110105********002X");
    }

    @Test
    void theCheckCharacterNeedsSeventeenDigits() {
        assertThatThrownBy(() -> IdNumbers.checkCharacter("1234")).isInstanceOf(IllegalArgumentException.class);
    }
}
