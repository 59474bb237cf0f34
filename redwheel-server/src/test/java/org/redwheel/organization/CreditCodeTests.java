package org.redwheel.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void acceptsCodesWithTheRightCheckCharacter() {
        // Published codes of two well-known Shenzhen companies.
        assertThat(CreditCode.isValid("914403001922038216")).isTrue();
        assertThat(CreditCode.isValid("9144030071526726XG")).isTrue();
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThat(CreditCode.isValid("914403001922038217")).isFalse();
        assertThat(CreditCode.isValid("9144030071526726XH")).isFalse();
    }

    @Test
    void refusesWrongLengthAndForbiddenLetters() {
        assertThat(CreditCode.isValid("9111000010001764")).isFalse();
        assertThat(CreditCode.isValid("91440300I922038216"))
                .as("I is not in the alphabet")
                .isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void computesTheCheckCharacterOfAnyPrefix() {
        String prefix = "91371329MA3C4KX0Y";
        String code = prefix + CreditCode.checkCharacter(prefix);
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThat(CreditCode.normalize(" 91371329ma3c4kx0y" + code.charAt(17))).isEqualTo(code);
    }
}
