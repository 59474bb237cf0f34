package org.redwheel.spreadsheet;

import java.util.List;

/**
 * An upload refused before any row is checked: the file is empty, not an xlsx workbook, lacks the
 * data sheet or the expected columns, has too many rows, or the server is busy with imports. Each
 * reason is a message key with arguments; the console shows them, nothing is imported.
 */
public class ImportRefusedException extends RuntimeException {

    private final List<Reason> reasons;

    public ImportRefusedException(List<Reason> reasons) {
        super("upload refused: " + reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        this.reasons = List.copyOf(reasons);
    }

    public static ImportRefusedException of(String messageKey, Object... args) {
        return new ImportRefusedException(List.of(new Reason(messageKey, List.of(args))));
    }

    public List<Reason> reasons() {
        return reasons;
    }

    /** Why: a message key and its arguments. */
    public record Reason(String messageKey, List<Object> args) {}
}
