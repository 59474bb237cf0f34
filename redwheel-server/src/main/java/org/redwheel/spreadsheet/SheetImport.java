package org.redwheel.spreadsheet;

import java.util.List;

/**
 * What a module supplies to import its records from a sheet: the schema, its own checks of the
 * rows, and storing them. The framework reads the file and checks every cell against its column
 * first; the import is all or nothing, so {@link #store} is called only when no row has a problem.
 *
 * @param <T> the module's input record for one row
 */
public interface SheetImport<T> {

    SheetSchema schema();

    /** The kind of record imported, for the audit log (e.g. {@code enterprise}). */
    String recordType();

    /**
     * Checks the module's own rules on every row (formats the cell checks do not know, check
     * digits, references by name, duplicates in the database) and adds a problem to each row that
     * breaks one. Called with all rows, also those with cell problems, so that one upload reports
     * every problem of the file.
     *
     * @param progress told how many rows are checked so far
     * @return one record per row, in order (a row with problems may give null)
     */
    List<T> check(List<SheetRow> rows, Progress progress);

    /**
     * Stores every record in one transaction: all of them, or none when anything fails.
     *
     * @param progress told how many records are stored so far
     * @return how many were stored
     */
    int store(List<T> records, Progress progress);

    /** Told how far a step has come. */
    @FunctionalInterface
    interface Progress {
        void done(int count);
    }
}
