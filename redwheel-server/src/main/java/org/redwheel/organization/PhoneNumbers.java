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
}
