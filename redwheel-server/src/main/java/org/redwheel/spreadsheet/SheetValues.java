package org.redwheel.spreadsheet;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading cell texts the ways people type them in Chinese offices. Null in, null out. */
final class SheetValues {

    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(\\s+\\d{1,2}:\\d{2}(:\\d{2})?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]");

    private SheetValues() {}

    static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        if (GROUPED.matcher(clean).matches()) {
            clean = clean.replace(",", "");
        }
        try {
            return new BigDecimal(clean);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isInteger(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        Matcher m = DATE.matcher(clean);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(clean);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** True for 是/Y/YES/TRUE/1, false for 否/N/NO/FALSE/0, null for blank or anything else. */
    static Boolean yesNo(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "是", "Y", "YES", "TRUE", "1" -> Boolean.TRUE;
            case "否", "N", "NO", "FALSE", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The form two cells are compared in for duplicates: no spaces, upper case. */
    static String comparable(String text) {
        return SPACES.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
