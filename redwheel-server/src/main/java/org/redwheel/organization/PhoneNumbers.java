package org.redwheel.organization;

import java.util.regex.Pattern;

/** Chinese mainland phone numbers: mobiles (1 + 10 digits) and landlines with area code. */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private PhoneNumbers() {}

    public static boolean isValid(String phone) {
        return phone != null
                && (MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches());
    }

    public static boolean isMobile(String phone) {
        return phone != null && MOBILE.matcher(phone).matches();
    }

    /**
     * The number for a reader who does not need it whole (DOMAIN.md §7): the first 3 and the last 4
     * digits with **** between, e.g. 139****0000; too short a number is masked entirely.
     */
    public static String masked(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.strip();
        return digits.length() < 8 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
