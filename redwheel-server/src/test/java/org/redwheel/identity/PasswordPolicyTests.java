package org.redwheel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsTenCharactersFromThreeClasses() {
        assertThat(PasswordPolicy.violation("wang", "Linshu2022x")).isEmpty();
        assertThat(PasswordPolicy.violation("wang", "linshu-2022")).isEmpty();
    }

    @Test
    void refusesNineCharacters() {
        assertThat(PasswordPolicy.violation("wang", "Linshu20!")).contains("password.tooShort");
    }

    @Test
    void refusesTwoCharacterClasses() {
        assertThat(PasswordPolicy.violation("wang", "linshucounty2022")).contains("password.tooSimple");
        assertThat(PasswordPolicy.violation("wang", "LINSHU-COUNTY")).contains("password.tooSimple");
    }

    @Test
    void refusesAPasswordContainingTheUsername() {
        assertThat(PasswordPolicy.violation("wangwei", "Wangwei-2022")).contains("password.containsUsername");
    }
}
