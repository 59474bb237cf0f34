package org.redwheel.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One data row of an uploaded sheet: the cells as the user sees them in Excel, typed accessors by
 * column key, and the problems found in it. The reader checks every cell against its column first;
 * a typed accessor of a cell it found wrong returns null, so the owning module checks only its own
 * rules (check digits, references, duplicates in the database) and adds them with {@link #problem}.
 */
public final class SheetRow {

    private final int number;
    private final List<String> cells;
    private final SheetHeader header;
    private final List<Problem> problems = new ArrayList<>();

    SheetRow(int number, List<String> cells, SheetHeader header) {
        this.number = number;
        this.cells = Collections.unmodifiableList(new ArrayList<>(cells));
        this.header = header;
    }

    /** The Excel row number (1-based), as the user sees it at the left of the sheet. */
    public int number() {
        return number;
    }

    /** The trimmed text of the column's cell; null when blank or when the file lacks the column. */
    public String text(String key) {
        Integer index = header.columns().get(key);
        if (index == null || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Integer integer(String key) {
        BigDecimal value = SheetValues.decimal(text(key));
        try {
            return value == null ? null : value.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    public BigDecimal decimal(String key) {
        return SheetValues.decimal(text(key));
    }

    public LocalDate date(String key) {
        return SheetValues.date(text(key));
    }

    /** Whether a yes/no cell says yes; blank or unreadable is no. */
    public boolean yes(String key) {
        return Boolean.TRUE.equals(SheetValues.yesNo(text(key)));
    }

    /**
     * Records a problem of the row.
     *
     * @param key the column at fault, or null for the row as a whole
     * @param messageKey the message explaining it (resolved in the uploader's language)
     * @param args the message's arguments
     */
    public void problem(String key, String messageKey, Object... args) {
        problems.add(new Problem(key, messageKey, List.of(args)));
    }

    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Whether a problem of the row names this column. */
    public boolean hasProblem(String key) {
        return problems.stream().anyMatch(p -> key.equals(p.columnKey()));
    }

    /** The cells in file order, as read. */
    List<String> cells() {
        return cells;
    }

    /** One broken rule: the column (or null for the row), the message key and its arguments. */
    public record Problem(String columnKey, String messageKey, List<Object> args) {}
}
