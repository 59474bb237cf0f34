package org.redwheel.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded workbook as a stream (POI's SAX event API: the sheet is never held as a whole),
 * so tens of thousands of rows take little memory. It first makes sure the file really is an xlsx
 * workbook, finds the data sheet and matches the header against the schema; every refusal names
 * what is wrong in words a clerk understands. Then each non-blank row is checked cell by cell
 * against its column: required, length, number, range, date, yes/no, choice, and duplicates
 * inside the file.
 */
public final class SheetReader {

    private SheetReader() {}

    /** The header and the data rows of a sheet, with the problems found in their cells. */
    public record SheetData(SheetHeader header, List<SheetRow> rows) {}

    /** Told of the reading's progress. */
    @FunctionalInterface
    public interface Progress {

        /**
         * @param rowsRead data rows read so far
         * @param estimatedRows the rows the sheet declares (its dimension), or 0 when unknown
         */
        void rowsRead(int rowsRead, int estimatedRows);
    }

    /**
     * Checks that the file is a readable workbook with the schema's sheet, the expected header and
     * at least one data row; reads no further than that row.
     *
     * @throws ImportRefusedException naming what is wrong
     */
    public static SheetHeader check(Path file, SheetSchema schema) {
        var parse = new Parse(schema, Integer.MAX_VALUE, true, (n, total) -> {});
        parseSheet(file, schema, parse);
        return parse.requireRows().header();
    }

    /**
     * Reads every non-blank row after the header and checks each cell against its column.
     *
     * @param maxRows more data rows than this are refused
     * @throws ImportRefusedException when the file cannot be read as the schema's sheet
     */
    public static SheetData read(Path file, SheetSchema schema, int maxRows, Progress progress) {
        var parse = new Parse(schema, maxRows, false, progress);
        parseSheet(file, schema, parse);
        return parse.requireRows();
    }

    private static void parseSheet(Path file, SheetSchema schema, Parse parse) {
        requireWorkbookFile(file);
        OPCPackage pkg = openPackage(file);
        try {
            requireSpreadsheetDocument(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            var strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            InputStream chosen = null;
            String fallbackName = null;
            InputStream fallback = null;
            while (sheets.hasNext()) {
                InputStream sheet = sheets.next();
                String name = sheets.getSheetName();
                if (name.equals(schema.sheetName())) {
                    chosen = sheet;
                    break;
                }
                if (fallback == null
                        && !name.equals(SheetSchema.INSTRUCTIONS_SHEET)
                        && !name.equals(SheetSchema.OPTIONS_SHEET)) {
                    fallback = sheet;
                    fallbackName = name;
                } else {
                    sheet.close();
                }
            }
            if (chosen == null) {
                chosen = fallback;
            } else if (fallback != null) {
                fallback.close();
            }
            if (chosen == null) {
                throw ImportRefusedException.of("spreadsheet.file.noSheet", schema.sheetName());
            }
            parse.sheetName = chosen == fallback ? fallbackName : schema.sheetName();
            try (InputStream sheet = chosen) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(styles, strings, parse));
                xml.parse(new InputSource(sheet));
            } catch (StopReading stop) {
                // the check has seen what it needed
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException e) {
            throw ImportRefusedException.of("spreadsheet.file.unreadable");
        } finally {
            pkg.revert();
        }
    }

    /** Refuses what is plainly not an xlsx: an empty file, an old .xls, an encrypted file, anything not a zip. */
    private static void requireWorkbookFile(Path file) {
        FileMagic magic;
        try {
            if (Files.size(file) == 0) {
                throw ImportRefusedException.of("spreadsheet.file.empty");
            }
            try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
                magic = FileMagic.valueOf(in);
            }
        } catch (IOException e) {
            throw ImportRefusedException.of("spreadsheet.file.unreadable");
        }
        switch (magic) {
            case OOXML -> {}
            case OLE2 ->
                throw ImportRefusedException.of(
                        isEncrypted(file) ? "spreadsheet.file.encrypted" : "spreadsheet.file.xls");
            case BIFF2, BIFF3, BIFF4 -> throw ImportRefusedException.of("spreadsheet.file.xls");
            default -> throw ImportRefusedException.of("spreadsheet.file.notWorkbook");
        }
    }

    /** A password-protected xlsx is stored inside an OLE2 container with an EncryptionInfo stream. */
    private static boolean isEncrypted(Path file) {
        try (var fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static OPCPackage openPackage(Path file) {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | InvalidOperationException | UnsupportedFileFormatException e) {
            throw ImportRefusedException.of("spreadsheet.file.notSpreadsheetZip");
        } catch (POIXMLException e) {
            throw ImportRefusedException.of("spreadsheet.file.unreadable");
        }
    }

    /** A zip may be a Word document, a presentation, or no Office file at all. */
    private static void requireSpreadsheetDocument(OPCPackage pkg) {
        List<PackagePart> main = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
        String type = main.isEmpty() ? "" : main.get(0).getContentType();
        boolean spreadsheet =
                type.endsWith(".main+xml") && (type.contains("spreadsheetml") || type.contains("ms-excel"));
        if (!spreadsheet) {
            throw ImportRefusedException.of("spreadsheet.file.notSpreadsheetZip");
        }
    }

    /** Raised to end a parse early: only the header and one row were wanted. */
    private static final class StopReading extends RuntimeException {

        StopReading() {
            super(null, null, false, false);
        }
    }

    /** POI's sheet handler that also notes the sheet's declared dimension (for progress). */
    private static final class SheetHandler extends XSSFSheetXMLHandler {

        private final Parse parse;

        SheetHandler(StylesTable styles, ReadOnlySharedStringsTable strings, Parse parse) {
            super(styles, null, strings, new Cells(parse), new CellFormatter(), false);
            this.parse = parse;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("dimension".equals(localName)) {
                parse.declaredRows(attributes.getValue("ref"));
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    /** Collects one row's cells by column index. */
    private static final class Cells implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Parse parse;
        private SortedMap<Integer, String> row = new TreeMap<>();
        private int nextColumn;

        Cells(Parse parse) {
            this.parse = parse;
        }

        @Override
        public void startRow(int rowNum) {
            row = new TreeMap<>();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            parse.row(rowNum, row);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
            nextColumn = column + 1;
            if (formattedValue != null && !formattedValue.isBlank()) {
                row.put(column, formattedValue);
            }
        }
    }

    /** The reading of one sheet: header first, then the rows with their cell checks. */
    private static final class Parse {

        private final SheetSchema schema;
        private final int maxRows;
        private final boolean stopAfterFirstRow;
        private final Progress progress;
        private final List<SheetRow> rows = new ArrayList<>();
        private final Map<String, Map<String, Integer>> seen = new HashMap<>();
        private SheetHeader header;
        private int estimatedRows;
        String sheetName;

        Parse(SheetSchema schema, int maxRows, boolean stopAfterFirstRow, Progress progress) {
            this.schema = schema;
            this.maxRows = maxRows;
            this.stopAfterFirstRow = stopAfterFirstRow;
            this.progress = progress;
        }

        void declaredRows(String ref) {
            if (ref != null && ref.contains(":")) {
                int last = new CellReference(ref.substring(ref.indexOf(':') + 1)).getRow() + 1;
                estimatedRows = Math.max(last - 1, 0);
            }
        }

        void row(int index, SortedMap<Integer, String> cells) {
            if (cells.isEmpty()) {
                return;
            }
            if (header == null) {
                header = header(index, cells);
                return;
            }
            if (rows.size() >= maxRows) {
                throw ImportRefusedException.of("spreadsheet.file.tooManyRows", maxRows);
            }
            List<String> values = new ArrayList<>();
            int width = header.cells().size();
            for (int i = 0; i < width; i++) {
                values.add(cells.get(i));
            }
            SheetRow row = new SheetRow(index + 1, values, header);
            checkCells(row);
            rows.add(row);
            progress.rowsRead(rows.size(), estimatedRows);
            if (stopAfterFirstRow) {
                throw new StopReading();
            }
        }

        private SheetHeader header(int index, SortedMap<Integer, String> cells) {
            int width = cells.lastKey() + 1;
            List<String> texts = new ArrayList<>();
            Map<String, Integer> columns = new LinkedHashMap<>();
            Set<String> unknown = new LinkedHashSet<>();
            Set<String> duplicate = new LinkedHashSet<>();
            int errorColumn = -1;
            for (int i = 0; i < width; i++) {
                String text = cells.getOrDefault(i, "").strip();
                texts.add(text);
                if (text.isEmpty()) {
                    continue;
                }
                if (SheetSchema.normalizeHeader(text).equals(SheetSchema.ERROR_HEADER)) {
                    errorColumn = i;
                    continue;
                }
                var column = schema.columnByHeader(text);
                if (column.isEmpty()) {
                    unknown.add(text);
                } else if (columns.putIfAbsent(column.get().key(), i) != null) {
                    duplicate.add(text);
                }
            }
            List<String> missing = schema.columns().stream()
                    .filter(c -> c.required() && !columns.containsKey(c.key()))
                    .map(SheetColumn::header)
                    .toList();
            var reasons = new ArrayList<ImportRefusedException.Reason>();
            if (columns.isEmpty()) {
                reasons.add(reason("spreadsheet.file.noHeader", sheetName, index + 1));
            }
            if (!missing.isEmpty()) {
                reasons.add(reason("spreadsheet.file.missingColumns", String.join("、", missing)));
            }
            if (!unknown.isEmpty()) {
                reasons.add(reason("spreadsheet.file.unknownColumns", String.join("、", unknown)));
            }
            if (!duplicate.isEmpty()) {
                reasons.add(reason("spreadsheet.file.duplicateColumns", String.join("、", duplicate)));
            }
            if (!reasons.isEmpty()) {
                throw new ImportRefusedException(reasons);
            }
            return new SheetHeader(index + 1, texts, columns, errorColumn);
        }

        private static ImportRefusedException.Reason reason(String key, Object... args) {
            return new ImportRefusedException.Reason(key, List.of(args));
        }

        private void checkCells(SheetRow row) {
            for (SheetColumn column : schema.columns()) {
                String value = row.text(column.key());
                if (value == null) {
                    if (column.required()) {
                        row.problem(column.key(), "spreadsheet.cell.required");
                    }
                    continue;
                }
                checkValue(row, column, value);
                if (column.unique()) {
                    Integer first = seen.computeIfAbsent(column.key(), k -> new HashMap<>())
                            .putIfAbsent(SheetValues.comparable(value), row.number());
                    if (first != null) {
                        row.problem(column.key(), "spreadsheet.cell.duplicate", first);
                    }
                }
            }
        }

        private static void checkValue(SheetRow row, SheetColumn column, String value) {
            switch (column.kind()) {
                case TEXT -> {
                    if (column.maxLength() > 0 && value.codePointCount(0, value.length()) > column.maxLength()) {
                        row.problem(column.key(), "spreadsheet.cell.tooLong", column.maxLength());
                    }
                }
                case INTEGER -> {
                    BigDecimal number = SheetValues.decimal(value);
                    if (number == null || !SheetValues.isInteger(number)) {
                        row.problem(column.key(), "spreadsheet.cell.integer");
                    } else {
                        checkRange(row, column, number);
                    }
                }
                case DECIMAL -> {
                    BigDecimal number = SheetValues.decimal(value);
                    if (number == null) {
                        row.problem(column.key(), "spreadsheet.cell.decimal");
                    } else {
                        checkRange(row, column, number);
                    }
                }
                case DATE -> {
                    if (SheetValues.date(value) == null) {
                        row.problem(column.key(), "spreadsheet.cell.date");
                    }
                }
                case YES_NO -> {
                    if (SheetValues.yesNo(value) == null) {
                        row.problem(column.key(), "spreadsheet.cell.yesNo");
                    }
                }
                case CHOICE -> {
                    if (!column.options().contains(value)) {
                        row.problem(column.key(), "spreadsheet.cell.choice", value);
                    }
                }
            }
        }

        private static void checkRange(SheetRow row, SheetColumn column, BigDecimal number) {
            boolean low = column.min() != null && number.compareTo(column.min()) < 0;
            boolean high = column.max() != null && number.compareTo(column.max()) > 0;
            if (!low && !high) {
                return;
            }
            if (column.min() != null && column.max() != null) {
                row.problem(
                        column.key(),
                        "spreadsheet.cell.range",
                        column.min().toPlainString(),
                        column.max().toPlainString());
            } else if (low) {
                row.problem(column.key(), "spreadsheet.cell.min", column.min().toPlainString());
            } else {
                row.problem(column.key(), "spreadsheet.cell.max", column.max().toPlainString());
            }
        }

        SheetData requireRows() {
            if (header == null) {
                throw ImportRefusedException.of("spreadsheet.file.noHeader", sheetName, 1);
            }
            if (rows.isEmpty()) {
                throw ImportRefusedException.of("spreadsheet.file.noRows", sheetName);
            }
            return new SheetData(header, rows);
        }
    }
}
