package org.redwheel.spreadsheet;

import java.util.List;

/**
 * What the console shows of an import: its progress while it runs, then the summary.
 *
 * @param state QUEUED, READING, CHECKING, STORING, then DONE (all rows stored), REJECTED (some row
 *     has a problem, nothing stored) or FAILED (the file could not be read, or storing failed;
 *     nothing stored)
 * @param done work done in the current step (rows read, checked or stored)
 * @param total the current step's work, 0 while unknown
 * @param rows data rows in the file
 * @param badRows rows with at least one problem
 * @param imported records stored
 * @param problems the first problems, in row order
 * @param problemCount all problems of the file
 * @param failures why a FAILED import failed
 * @param seconds time from upload to the end (or until now)
 * @param returnUrl the list the imported records appear in
 * @param annotated whether the file with its problems marked can be downloaded
 */
public record ImportJobView(
        String id,
        String fileName,
        String state,
        int percent,
        int done,
        int total,
        int rows,
        int badRows,
        int imported,
        List<ProblemLine> problems,
        int problemCount,
        List<String> failures,
        double seconds,
        String returnUrl,
        boolean annotated) {

    public boolean running() {
        return !("DONE".equals(state) || "REJECTED".equals(state) || "FAILED".equals(state));
    }

    /** One problem for the summary: the Excel row, the column's header (blank for the row) and why. */
    public record ProblemLine(int row, String column, String message) {}
}
