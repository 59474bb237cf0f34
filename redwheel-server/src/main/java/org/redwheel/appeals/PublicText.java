package org.redwheel.appeals;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Text that becomes public (a solved hard problem) must not carry personal data: no mobile or
 * landline numbers, ID numbers, plates, or the names of the drivers concerned. Writes are refused
 * when they do; the public page also blanks anything that looks like one, in case.
 */
final class PublicText {

    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)(\\d{17}[\\dXx]|\\d{15})(?![\\dXx])");
    private static final Pattern PLATE =
            Pattern.compile("[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]\\s?[·•]?\\s?[A-HJ-NP-Z0-9]{5,6}");
    private static final String BLANK = "***";

    private PublicText() {}

    /** Whether the text names a phone, an ID number, a plate or one of the names. */
    static boolean carriesPersonalData(String text, Collection<String> names) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (PHONE.matcher(text).find()
                || ID_NUMBER.matcher(text).find()
                || PLATE.matcher(text).find()) {
            return true;
        }
        return names.stream().anyMatch(name -> name != null && name.length() >= 2 && text.contains(name));
    }

    /** The text with anything that looks like a phone, ID number or plate blanked. */
    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = ID_NUMBER.matcher(text).replaceAll(BLANK);
        redacted = PHONE.matcher(redacted).replaceAll(BLANK);
        return PLATE.matcher(redacted).replaceAll(BLANK);
    }
}
