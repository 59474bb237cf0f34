/**
 * Spreadsheets: Excel (xlsx) templates, imports and exports that other modules describe with a
 * {@link org.redwheel.spreadsheet.SheetSchema}. It checks that an upload really is a workbook with
 * the expected columns, reads it as a stream, checks every cell against its column, runs the owning
 * module's {@link org.redwheel.spreadsheet.SheetImport} as a background job whose progress the
 * console polls, and writes the upload back with an error column when any row is wrong: an import
 * is all or nothing. Jobs live in memory, bound to the account and session that started them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity"})
package org.redwheel.spreadsheet;
