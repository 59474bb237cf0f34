package org.redwheel.spreadsheet;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The layout of one kind of sheet (enterprises, drivers, vehicles …): the data sheet's name, its
 * columns in template order, and notes for the instructions sheet. Columns are matched by header,
 * so users may reorder them; the reader ignores the {@value #ERROR_HEADER} column it adds itself.
 *
 * @param sheetName the data sheet's name, e.g. 物流企业
 * @param columns the columns, in the template's order
 * @param notes extra lines for the instructions sheet
 */
public record SheetSchema(String sheetName, List<SheetColumn> columns, List<String> notes) {

    /** The header of the column an annotated file adds to name each row's problems. */
    public static final String ERROR_HEADER = "错误说明";

    /** The instructions sheet of templates and annotated files. */
    public static final String INSTRUCTIONS_SHEET = "填写说明";

    /** The hidden sheet that holds the drop-down lists. */
    public static final String OPTIONS_SHEET = "选项";

    public SheetSchema {
        Objects.requireNonNull(sheetName, "sheetName");
        columns = List.copyOf(columns);
        notes = notes == null ? List.of() : List.copyOf(notes);
        var keys = new HashSet<String>();
        var headers = new HashSet<String>();
        for (SheetColumn column : columns) {
            if (!keys.add(column.key()) || !headers.add(normalizeHeader(column.header()))) {
                throw new IllegalArgumentException("duplicate column " + column.key() + " / " + column.header());
            }
        }
    }

    public Optional<SheetColumn> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The column whose header reads like the text (see {@link #normalizeHeader}). */
    Optional<SheetColumn> columnByHeader(String text) {
        String wanted = normalizeHeader(text);
        return columns.stream()
                .filter(c -> normalizeHeader(c.header()).equals(wanted))
                .findFirst();
    }

    /**
     * A header as people retype it: without spaces and line breaks, without the asterisks some
     * templates put on required columns, with full-width brackets made half-width.
     */
    static String normalizeHeader(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[\\s\\u3000*＊]", "").replace('（', '(').replace('）', ')');
    }
}
