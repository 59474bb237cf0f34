package org.redwheel.spreadsheet;

import java.util.List;
import java.util.Map;

/**
 * The header row of an uploaded sheet: where it is, its cells as written, and which file column
 * holds each schema column.
 *
 * @param rowNumber the Excel row number (1-based)
 * @param cells the header cells in file order (blank for an empty cell)
 * @param columns the file column index of each schema column present, by key
 * @param errorColumn the index of an earlier {@value SheetSchema#ERROR_HEADER} column, or -1
 */
public record SheetHeader(int rowNumber, List<String> cells, Map<String, Integer> columns, int errorColumn) {

    public SheetHeader {
        cells = List.copyOf(cells);
        columns = Map.copyOf(columns);
    }
}
