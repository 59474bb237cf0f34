package org.redwheel.fleet;

import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;

/**
 * Who sees which personal data of drivers (DOMAIN.md §7). The ID number is masked for everybody;
 * only {@link Permission#DRIVER_PERSONAL_DATA} (the county office running the survey) may reveal it,
 * one driver at a time and audited. Phone numbers are shown in full to the roles that call drivers
 * (who register them, handle their alarms, or run the survey) and masked for everybody else.
 */
public final class DriverPrivacy {

    private DriverPrivacy() {}

    public static boolean mayRevealIdNumber(StaffUser user) {
        return user.has(Permission.DRIVER_PERSONAL_DATA);
    }

    public static boolean seesPhones(StaffUser user) {
        return user.has(Permission.FLEET_WRITE)
                || user.has(Permission.ALARM_HANDLE)
                || user.has(Permission.DRIVER_PERSONAL_DATA);
    }

    /** The driver as this user may see him. */
    public static Driver forViewer(Driver driver, StaffUser user) {
        return seesPhones(user) ? driver : driver.withPhonesMasked();
    }

    /** 3 + **** + 4 for a mobile number; the last four for anything else. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        if (phone.length() == 11) {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
        return phone.length() <= 4 ? "****" : "****" + phone.substring(phone.length() - 4);
    }

    /**
     * The masked form of a certificate number: like an ID number (first 6 + last 4) when it is long
     * enough, otherwise only the last four.
     */
    static String maskNumber(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() >= 14) {
            return IdNumbers.mask(number);
        }
        return number.length() <= 4 ? "****" : "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
    }
}
