package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffUser;
import org.redwheel.organization.PhoneNumbers;

/** Drivers' phone numbers: which are valid, and who sees them masked. */
class DriverPrivacyTests {

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "15905391234", "17712345678", "18605396666", "19912345678"})
    void acceptsMobileNumbers(String phone) {
        assertThat(PhoneNumbers.isMobile(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12812345678", // no 12x network
                "1381234567", // 10 digits
                "138123456789", // 12 digits
                "138-1234-5678",
                "+8613812345678",
                "0539-6212345", // a landline: a phone, but no mobile
                "1381234567a",
                ""
            })
    void refusesWhatIsNoMobileNumber(String phone) {
        assertThat(PhoneNumbers.isMobile(phone)).as(phone).isFalse();
    }

    @Test
    void landlinesAreValidPhonesForEmergencyContacts() {
        assertThat(PhoneNumbers.isValid("0539-6212345")).isTrue();
        assertThat(PhoneNumbers.isValid("05396212345")).isTrue();
        assertThat(PhoneNumbers.isValid("539-6212345")).isFalse();
    }

    @Test
    void masksPhonesAsThreeStarsFour() {
        assertThat(DriverPrivacy.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(DriverPrivacy.maskPhone("0539-6212345")).isEqualTo("****2345");
        assertThat(DriverPrivacy.maskPhone(null)).isNull();
    }

    @Test
    void masksCertificateNumbersLikeIdNumbers() {
        assertThat(DriverPrivacy.maskNumber("371329198506150017")).isEqualTo("371329********0017");
        assertThat(DriverPrivacy.maskNumber("QC123456")).isEqualTo("****3456");
    }

    @Test
    void onlyTheCountyOfficeMayRevealIdNumbersAndOnlyContactRolesSeePhones() {
        assertThat(DriverPrivacy.mayRevealIdNumber(user(Role.COUNTY_ADMIN, DataScope.county())))
                .isTrue();
        assertThat(DriverPrivacy.mayRevealIdNumber(user(Role.ENTERPRISE_ADMIN, DataScope.enterprise(1))))
                .isFalse();
        assertThat(DriverPrivacy.mayRevealIdNumber(user(Role.MONITORING_OPERATOR, DataScope.county())))
                .isFalse();
        assertThat(DriverPrivacy.seesPhones(user(Role.ENTERPRISE_ADMIN, DataScope.enterprise(1))))
                .isTrue();
        assertThat(DriverPrivacy.seesPhones(user(Role.MONITORING_OPERATOR, DataScope.county())))
                .isTrue();
        assertThat(DriverPrivacy.seesPhones(user(Role.AUDITOR, DataScope.county())))
                .isFalse();
    }

    private static StaffUser user(Role role, DataScope scope) {
        return new StaffUser(1, "u", "U", role, scope, false, false);
    }
}
