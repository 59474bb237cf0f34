package org.redwheel.spreadsheet;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One column of a sheet: its Chinese header (the file format, the same in every console language),
 * what a cell must hold, and the help the template gives. Built with the factory methods and the
 * {@code with…} methods, e.g. {@code SheetColumn.text("name", "企业名称").notBlank().maxLength(100)}.
 *
 * @param key the name that problems and values are looked up by (usually the record field)
 * @param header the header cell's text
 * @param kind what a cell holds; the reader checks it before the owning module sees the row
 * @param required a blank cell is a problem
 * @param unique two rows of one file may not hold the same value (compared without spaces and case)
 * @param maxLength the most characters of a text cell; 0 for no limit
 * @param min the smallest number allowed, or null
 * @param max the largest number allowed, or null
 * @param options the values the template offers in a drop-down; for {@link Kind#CHOICE} the only
 *     values allowed
 * @param rule what the instructions sheet says about the column
 * @param example a value for the example row
 * @param width the column width in characters
 */
public record SheetColumn(
        String key,
        String header,
        Kind kind,
        boolean required,
        boolean unique,
        int maxLength,
        BigDecimal min,
        BigDecimal max,
        List<String> options,
        String rule,
        String example,
        int width) {

    /** What a cell of the column holds. */
    public enum Kind {
        /** Any text (the template formats the column as text, so digits keep their leading zeros). */
        TEXT,
        /** A whole number. */
        INTEGER,
        /** A number with or without decimals. */
        DECIMAL,
        /** A date: an Excel date cell, or text such as 2025-06-30, 2025/6/30, 2025年6月30日. */
        DATE,
        /** 是 or 否 (also Y/N, 1/0, TRUE/FALSE); blank means no. */
        YES_NO,
        /** One of the options. */
        CHOICE
    }

    public SheetColumn {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
        options = options == null ? List.of() : List.copyOf(options);
        rule = rule == null ? "" : rule;
        example = example == null ? "" : example;
        width = width <= 0 ? Math.max(12, header.length() * 3) : width;
    }

    public static SheetColumn text(String key, String header) {
        return of(key, header, Kind.TEXT);
    }

    public static SheetColumn integer(String key, String header, long min, long max) {
        return of(key, header, Kind.INTEGER).range(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    public static SheetColumn decimal(String key, String header, String min, String max) {
        return of(key, header, Kind.DECIMAL)
                .range(min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max));
    }

    public static SheetColumn date(String key, String header) {
        return of(key, header, Kind.DATE);
    }

    public static SheetColumn yesNo(String key, String header) {
        return of(key, header, Kind.YES_NO);
    }

    public static SheetColumn choice(String key, String header, List<String> options) {
        return of(key, header, Kind.CHOICE).withOptions(options);
    }

    private static SheetColumn of(String key, String header, Kind kind) {
        return new SheetColumn(key, header, kind, false, false, 0, null, null, List.of(), "", "", 0);
    }

    /** A blank cell is a problem. */
    public SheetColumn notBlank() {
        return new SheetColumn(key, header, kind, true, unique, maxLength, min, max, options, rule, example, width);
    }

    /** Two rows of one file may not hold the same value. */
    public SheetColumn uniqueInFile() {
        return new SheetColumn(key, header, kind, required, true, maxLength, min, max, options, rule, example, width);
    }

    public SheetColumn maxLength(int length) {
        return new SheetColumn(key, header, kind, required, unique, length, min, max, options, rule, example, width);
    }

    public SheetColumn range(BigDecimal lowest, BigDecimal highest) {
        return new SheetColumn(
                key, header, kind, required, unique, maxLength, lowest, highest, options, rule, example, width);
    }

    /** Drop-down values; for a text column they help, for a choice column they bind. */
    public SheetColumn withOptions(List<String> values) {
        return new SheetColumn(key, header, kind, required, unique, maxLength, min, max, values, rule, example, width);
    }

    public SheetColumn rule(String text) {
        return new SheetColumn(key, header, kind, required, unique, maxLength, min, max, options, text, example, width);
    }

    public SheetColumn example(String value) {
        return new SheetColumn(key, header, kind, required, unique, maxLength, min, max, options, rule, value, width);
    }

    public SheetColumn width(int characters) {
        return new SheetColumn(
                key, header, kind, required, unique, maxLength, min, max, options, rule, example, characters);
    }

    /** The format line of the instructions sheet, derived from the kind and limits. */
    String format() {
        return switch (kind) {
                    case TEXT -> maxLength > 0 ? "文本，最多" + maxLength + "个字" : "文本";
                    case INTEGER -> "整数" + bounds();
                    case DECIMAL -> "数字" + bounds();
                    case DATE -> "日期，如 2025-06-30";
                    case YES_NO -> "是 / 否（下拉选择，不填视为否）";
                    case CHOICE -> "从下拉列表中选择";
                }
                + (kind == Kind.TEXT && !options.isEmpty() ? "，可从下拉列表中选择" : "");
    }

    private String bounds() {
        if (min == null && max == null) {
            return "";
        }
        if (max == null) {
            return "，不小于" + min.toPlainString();
        }
        if (min == null) {
            return "，不大于" + max.toPlainString();
        }
        return "，" + min.toPlainString() + "–" + max.toPlainString();
    }
}
