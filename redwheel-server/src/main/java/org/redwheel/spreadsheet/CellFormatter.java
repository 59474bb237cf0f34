package org.redwheel.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns number cells into the text the import reads. Dates become ISO dates (Excel's default short
 * date format would give the ambiguous US m/d/yy); numbers in the General format keep every digit
 * instead of Excel's 11-character display (a phone number typed as a number stays a phone number).
 * Other formats read as Excel shows them.
 */
final class CellFormatter extends DataFormatter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    CellFormatter() {
        super(Locale.ROOT);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing, true);
            return time.toLocalTime().toSecondOfDay() == 0 ? time.toLocalDate().toString() : DATE_TIME.format(time);
        }
        if (formatIndex == 0 || formatString == null || "General".equalsIgnoreCase(formatString)) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
        return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
}
