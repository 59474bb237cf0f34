package org.redwheel.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * Writes workbooks with POI's streaming writer (SXSSF: only a window of rows is in memory): the
 * empty template of a schema, an upload written back with its problems, and exports.
 */
public final class SheetWriter {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int WINDOW = 200;

    private SheetWriter() {}

    /**
     * The template: the data sheet with the header (required columns in red), text-formatted
     * columns and drop-down lists and checks on {@code maxRows} rows; the instructions sheet with
     * each column's rules and an example row; the hidden sheet of the drop-down lists.
     */
    public static byte[] template(SheetSchema schema, int maxRows) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> headers = new ArrayList<>();
        for (SheetColumn column : schema.columns()) {
            positions.put(column.key(), headers.size());
            headers.add(column.header());
        }
        return bytes(workbook -> {
            var styles = new Styles(workbook);
            Sheet data = dataSheet(workbook, schema, headers, positions, 0, maxRows, styles);
            data.createFreezePane(0, 1);
            instructions(workbook, schema, maxRows, styles);
        });
    }

    /**
     * The uploaded sheet written back: every row where it was, an {@value SheetSchema#ERROR_HEADER}
     * column at the end naming each problem of the row, bad rows filled light red and their bad
     * cells darker. The instructions and drop-downs come along, so the user corrects this file and
     * uploads it again.
     *
     * @param problemText the text of a row's problems (empty for a good row)
     */
    public static byte[] annotated(
            SheetSchema schema, SheetReader.SheetData data, Function<SheetRow, String> problemText, int maxRows) {
        SheetHeader header = data.header();
        List<Integer> kept = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            if (i != header.errorColumn()) {
                kept.add(i);
                headers.add(header.cells().get(i));
            }
        }
        Map<String, Integer> positions = new HashMap<>();
        header.columns().forEach((key, index) -> positions.put(key, kept.indexOf(index)));
        int errorColumn = headers.size();
        headers.add(SheetSchema.ERROR_HEADER);
        int headerRow = header.rowNumber() - 1;
        return bytes(workbook -> {
            var styles = new Styles(workbook);
            Sheet sheet = dataSheet(workbook, schema, headers, positions, headerRow, maxRows + headerRow, styles);
            sheet.getRow(headerRow).getCell(errorColumn).setCellStyle(styles.errorHeader);
            sheet.setColumnWidth(errorColumn, 60 * 256);
            sheet.createFreezePane(0, headerRow + 1);
            for (SheetRow row : data.rows()) {
                Row out = sheet.createRow(row.number() - 1);
                boolean bad = row.hasProblems();
                for (int j = 0; j < kept.size(); j++) {
                    String value = row.cells().get(kept.get(j));
                    Cell cell = out.createCell(j);
                    if (value != null) {
                        cell.setCellValue(value);
                    }
                    if (bad) {
                        cell.setCellStyle(hasProblemIn(row, header, kept.get(j)) ? styles.badCell : styles.badRow);
                    }
                }
                if (bad) {
                    Cell error = out.createCell(errorColumn);
                    error.setCellValue(problemText.apply(row));
                    error.setCellStyle(styles.errorText);
                }
            }
            instructions(workbook, schema, maxRows, styles);
        });
    }

    /**
     * An export: one sheet with the columns' headers and one row per entry. Values may be text,
     * numbers, booleans (是/否), dates and instants (Beijing time); null leaves the cell empty.
     * Text is always written as text, so a value starting with = is never a formula.
     */
    public static void export(
            String sheetName, List<SheetColumn> columns, Iterable<? extends List<?>> rows, OutputStream out) {
        write(out, workbook -> {
            var styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(sheetName);
            Row head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(i, columns.get(i).width() * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<?> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size() && i < columns.size(); i++) {
                    value(row.createCell(i), values.get(i));
                }
            }
        });
    }

    private static boolean hasProblemIn(SheetRow row, SheetHeader header, int fileColumn) {
        return header.columns().entrySet().stream()
                .anyMatch(e -> e.getValue() == fileColumn && row.hasProblem(e.getKey()));
    }

    private static void value(Cell cell, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Boolean b) {
            cell.setCellValue(b ? "是" : "否");
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d.toString());
        } else if (value instanceof Instant t) {
            cell.setCellValue(TIME.format(t.atZone(BEIJING)));
        } else {
            cell.setCellValue(value.toString());
        }
    }

    /** The data sheet: header row, column widths and formats, drop-downs and checks. */
    private static Sheet dataSheet(
            SXSSFWorkbook workbook,
            SheetSchema schema,
            List<String> headers,
            Map<String, Integer> positions,
            int headerRow,
            int lastRow,
            Styles styles) {
        Sheet sheet = workbook.createSheet(schema.sheetName());
        Row head = sheet.createRow(headerRow);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, 14 * 256);
        }
        Map<String, String> lists = optionLists(
                workbook,
                schema.columns().stream()
                        .filter(c -> !c.options().isEmpty() && positions.get(c.key()) != null)
                        .toList());
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (SheetColumn column : schema.columns()) {
            Integer position = positions.get(column.key());
            if (position == null || position < 0) {
                continue;
            }
            head.getCell(position).setCellStyle(column.required() ? styles.requiredHeader : styles.header);
            sheet.setColumnWidth(position, column.width() * 256);
            if (column.kind() == SheetColumn.Kind.TEXT) {
                sheet.setDefaultColumnStyle(position, styles.text);
            } else if (column.kind() == SheetColumn.Kind.DATE) {
                sheet.setDefaultColumnStyle(position, styles.date);
            }
            DataValidationConstraint constraint = null;
            if (lists.containsKey(column.key())) {
                constraint = helper.createFormulaListConstraint(lists.get(column.key()));
            } else {
                constraint = switch (column.kind()) {
                    case YES_NO -> helper.createExplicitListConstraint(new String[] {"是", "否"});
                    case INTEGER ->
                        helper.createIntegerConstraint(
                                OperatorType.BETWEEN,
                                bound(column.min(), "-2147483648"),
                                bound(column.max(), "2147483647"));
                    case DECIMAL ->
                        helper.createDecimalConstraint(
                                OperatorType.BETWEEN, bound(column.min(), "-1E+15"), bound(column.max(), "1E+15"));
                    case TEXT ->
                        column.maxLength() > 0
                                ? helper.createTextLengthConstraint(
                                        OperatorType.LESS_OR_EQUAL, String.valueOf(column.maxLength()), null)
                                : null;
                    default -> null;
                };
            }
            if (constraint != null) {
                DataValidation validation = helper.createValidation(
                        constraint, new CellRangeAddressList(headerRow + 1, lastRow, position, position));
                validation.setShowErrorBox(true);
                // a drop-down of a text or number column only helps: Excel warns, but lets another value in
                boolean helping = column.kind() != SheetColumn.Kind.CHOICE && lists.containsKey(column.key());
                validation.setErrorStyle(helping ? DataValidation.ErrorStyle.WARNING : DataValidation.ErrorStyle.STOP);
                validation.createErrorBox("输入有误", limit(column.format() + "。" + column.rule(), 255));
                if (!column.rule().isEmpty()) {
                    validation.setShowPromptBox(true);
                    validation.createPromptBox(limit(column.header(), 32), limit(column.rule(), 255));
                }
                sheet.addValidationData(validation);
            }
        }
        return sheet;
    }

    private static String bound(BigDecimal value, String otherwise) {
        return value == null ? otherwise : value.toPlainString();
    }

    /**
     * Writes the columns' options into the hidden options sheet, one column each, row by row (the
     * streaming writer cannot go back to a row); returns each column's range formula by key.
     */
    private static Map<String, String> optionLists(SXSSFWorkbook workbook, List<SheetColumn> columns) {
        Map<String, String> ranges = new HashMap<>();
        if (columns.isEmpty()) {
            return ranges;
        }
        Sheet options = workbook.createSheet(SheetSchema.OPTIONS_SHEET);
        workbook.setSheetHidden(workbook.getSheetIndex(options), true);
        int longest = columns.stream().mapToInt(c -> c.options().size()).max().orElse(0);
        Row head = options.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            head.createCell(c).setCellValue(columns.get(c).header());
            String letter = CellReference.convertNumToColString(c);
            ranges.put(
                    columns.get(c).key(),
                    "'" + SheetSchema.OPTIONS_SHEET + "'!$" + letter + "$2:$" + letter + "$"
                            + (columns.get(c).options().size() + 1));
        }
        for (int r = 0; r < longest; r++) {
            Row row = options.createRow(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                List<String> values = columns.get(c).options();
                if (r < values.size()) {
                    row.createCell(c).setCellValue(values.get(r));
                }
            }
        }
        return ranges;
    }

    private static void instructions(SXSSFWorkbook workbook, SheetSchema schema, int maxRows, Styles styles) {
        Sheet sheet = workbook.createSheet(SheetSchema.INSTRUCTIONS_SHEET);
        int width = Math.max(5, schema.columns().size());
        for (int i = 0; i < width; i++) {
            sheet.setColumnWidth(i, 18 * 256);
        }
        sheet.setColumnWidth(2, 30 * 256);
        sheet.setColumnWidth(3, 60 * 256);
        int r = 0;
        Cell title = sheet.createRow(r++).createCell(0);
        title.setCellValue("“" + schema.sheetName() + "”导入模板 · 填写说明");
        title.setCellStyle(styles.title);
        List<String> notes = new ArrayList<>(List.of(
                "在“" + schema.sheetName() + "”工作表中每行填写一条记录。第一行的列名不要修改；列的顺序可以调整，不需要的非必填列可以删除。",
                "红色列名为必填项，其余可以不填。",
                "一次最多导入 " + maxRows + " 行；请勿合并单元格。",
                "导入时逐行检查全部数据：只要有一行有错误，就不导入任何数据，并返回一份在最后一列“" + SheetSchema.ERROR_HEADER
                        + "”中写明每个问题、错误行标红的文件；在这份文件里改正后可直接重新上传。"));
        notes.addAll(schema.notes());
        for (int i = 0; i < notes.size(); i++) {
            sheet.createRow(r++).createCell(0).setCellValue((i + 1) + ". " + notes.get(i));
        }
        r++;
        String[] tableHeader = {"列名", "是否必填", "格式", "填写要求", "示例"};
        Row head = sheet.createRow(r++);
        for (int i = 0; i < tableHeader.length; i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(tableHeader[i]);
            cell.setCellStyle(styles.header);
        }
        for (SheetColumn column : schema.columns()) {
            Row row = sheet.createRow(r++);
            Cell name = row.createCell(0);
            name.setCellValue(column.header());
            name.setCellStyle(column.required() ? styles.requiredName : styles.wrap);
            row.createCell(1).setCellValue(column.required() ? "必填" : "选填");
            cell(row, 2, column.format(), styles.wrap);
            cell(row, 3, column.rule(), styles.wrap);
            cell(row, 4, column.example(), styles.text);
        }
        r++;
        sheet.createRow(r++).createCell(0).setCellValue("示例行（仅作参考，请在“" + schema.sheetName() + "”工作表中填写）：");
        Row exampleHead = sheet.createRow(r++);
        Row example = sheet.createRow(r);
        for (int i = 0; i < schema.columns().size(); i++) {
            SheetColumn column = schema.columns().get(i);
            Cell cell = exampleHead.createCell(i);
            cell.setCellValue(column.header());
            cell.setCellStyle(column.required() ? styles.requiredHeader : styles.header);
            cell(example, i, column.example(), styles.text);
        }
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static String limit(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private interface Content {
        void write(SXSSFWorkbook workbook) throws IOException;
    }

    private static byte[] bytes(Content content) {
        var out = new ByteArrayOutputStream();
        write(out, content);
        return out.toByteArray();
    }

    private static void write(OutputStream out, Content content) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try (workbook) {
            content.write(workbook);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    /** The few styles the sheets use; a workbook may hold only so many. */
    private static final class Styles {

        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle errorHeader;
        final CellStyle title;
        final CellStyle text;
        final CellStyle date;
        final CellStyle wrap;
        final CellStyle requiredName;
        final CellStyle badRow;
        final CellStyle badCell;
        final CellStyle errorText;

        Styles(SXSSFWorkbook workbook) {
            var textFormat = workbook.createDataFormat().getFormat("@");
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font red = workbook.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.RED.getIndex());
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font darkRed = workbook.createFont();
            darkRed.setColor(IndexedColors.DARK_RED.getIndex());

            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setDataFormat(textFormat);
            requiredHeader = workbook.createCellStyle();
            requiredHeader.cloneStyleFrom(header);
            requiredHeader.setFont(red);
            errorHeader = workbook.createCellStyle();
            errorHeader.cloneStyleFrom(requiredHeader);
            fill(errorHeader, 0xF4, 0xA6, 0xA0);
            title = workbook.createCellStyle();
            title.setFont(big);
            text = workbook.createCellStyle();
            text.setDataFormat(textFormat);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            requiredName = workbook.createCellStyle();
            requiredName.cloneStyleFrom(wrap);
            requiredName.setFont(red);
            badRow = workbook.createCellStyle();
            badRow.setDataFormat(textFormat);
            fill(badRow, 0xFD, 0xE2, 0xE1);
            badCell = workbook.createCellStyle();
            badCell.setDataFormat(textFormat);
            badCell.setBorderBottom(BorderStyle.THIN);
            badCell.setBorderTop(BorderStyle.THIN);
            badCell.setBorderLeft(BorderStyle.THIN);
            badCell.setBorderRight(BorderStyle.THIN);
            fill(badCell, 0xF4, 0xA6, 0xA0);
            errorText = workbook.createCellStyle();
            errorText.setFont(darkRed);
            errorText.setWrapText(true);
            errorText.setVerticalAlignment(VerticalAlignment.TOP);
            fill(errorText, 0xFD, 0xE2, 0xE1);
        }

        private static void fill(CellStyle style, int red, int green, int blue) {
            ((XSSFCellStyle) style)
                    .setFillForegroundColor(new XSSFColor(new byte[] {(byte) red, (byte) green, (byte) blue}, null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
    }
}
