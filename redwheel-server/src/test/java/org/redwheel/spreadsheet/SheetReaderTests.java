package org.redwheel.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader and writer on their own: real xlsx files made with POI, no server. */
class SheetReaderTests {

    static final SheetSchema SCHEMA = new SheetSchema(
            "人员",
            List.of(
                    SheetColumn.text("name", "姓名")
                            .notBlank()
                            .maxLength(4)
                            .rule("真实姓名")
                            .example("张三"),
                    SheetColumn.text("phone", "手机号").uniqueInFile().example("13905390000"),
                    SheetColumn.integer("age", "年龄", 18, 70).example("40"),
                    SheetColumn.decimal("weight", "体重", "0", null).example("70.5"),
                    SheetColumn.date("born", "出生日期").example("1985-06-30"),
                    SheetColumn.yesNo("member", "党员").example("是"),
                    SheetColumn.choice("licence", "准驾车型", List.of("A2", "B2", "C1"))
                            .example("A2")),
            List.of("测试说明"));

    @TempDir
    Path dir;

    @Test
    void readsCellsAsPeopleTypeThemInWhateverColumnOrder() throws Exception {
        Path file = write(workbook -> {
            Sheet sheet = workbook.createSheet("人员");
            row(sheet, 0, "出生日期", "手机号", "* 姓名", "年龄", "体重", "党员", "准驾车型");
            Row one = sheet.createRow(1);
            var date = workbook.createCellStyle();
            date.setDataFormat((short) 14); // Excel's built-in short date, shown m/d/yy by POI
            one.createCell(0).setCellValue(LocalDate.of(1985, 6, 30));
            one.getCell(0).setCellStyle(date);
            one.createCell(1).setCellValue(13905390000.0); // a phone typed as a number
            one.createCell(2).setCellValue(" 王五 ");
            one.createCell(3).setCellValue(40);
            one.createCell(4).setCellValue(70.5);
            one.createCell(5).setCellValue("是");
            one.createCell(6).setCellValue("B2");
            // row 3 left blank: skipped, numbering keeps Excel's
            row(sheet, 3, "1990年1月2日", "13905390001", "李四", "18", "1,070", "N", "C1");
        });

        var data = SheetReader.read(file, SCHEMA, 100, (n, total) -> {});

        assertThat(data.rows()).hasSize(2);
        SheetRow first = data.rows().get(0);
        assertThat(first.number()).isEqualTo(2);
        assertThat(first.text("name")).isEqualTo("王五");
        assertThat(first.text("phone")).isEqualTo("13905390000");
        assertThat(first.date("born")).isEqualTo(LocalDate.of(1985, 6, 30));
        assertThat(first.integer("age")).isEqualTo(40);
        assertThat(first.decimal("weight")).isEqualByComparingTo("70.5");
        assertThat(first.yes("member")).isTrue();
        assertThat(first.problems()).isEmpty();
        SheetRow second = data.rows().get(1);
        assertThat(second.number()).isEqualTo(4);
        assertThat(second.date("born")).isEqualTo(LocalDate.of(1990, 1, 2));
        assertThat(second.decimal("weight")).isEqualByComparingTo("1070");
        assertThat(second.yes("member")).isFalse();
        assertThat(second.problems()).isEmpty();
    }

    @Test
    void findsEveryCellProblemWithItsColumn() throws Exception {
        Path file = write(workbook -> {
            Sheet sheet = workbook.createSheet("人员");
            row(sheet, 0, "姓名", "手机号", "年龄", "体重", "出生日期", "党员", "准驾车型");
            row(sheet, 1, "张三", "13900000001", "40", "70", "1985-06-30", "是", "A2");
            row(sheet, 2, "", "13900000001", "17.5", "abc", "1985-13-01", "也许", "D");
            row(sheet, 3, "欧阳司马长", "139 0000 0001", "71", "-1", "", "", "");
        });

        var rows = SheetReader.read(file, SCHEMA, 100, (n, total) -> {}).rows();

        assertThat(rows.get(0).problems()).isEmpty();
        assertThat(rows.get(1).problems())
                .extracting(SheetRow.Problem::columnKey, SheetRow.Problem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", "spreadsheet.cell.required"),
                        org.assertj.core.groups.Tuple.tuple("phone", "spreadsheet.cell.duplicate"),
                        org.assertj.core.groups.Tuple.tuple("age", "spreadsheet.cell.integer"),
                        org.assertj.core.groups.Tuple.tuple("weight", "spreadsheet.cell.decimal"),
                        org.assertj.core.groups.Tuple.tuple("born", "spreadsheet.cell.date"),
                        org.assertj.core.groups.Tuple.tuple("member", "spreadsheet.cell.yesNo"),
                        org.assertj.core.groups.Tuple.tuple("licence", "spreadsheet.cell.choice"));
        assertThat(rows.get(1).problems().get(1).args()).containsExactly(2);
        assertThat(rows.get(2).problems())
                .extracting(SheetRow.Problem::columnKey, SheetRow.Problem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", "spreadsheet.cell.tooLong"),
                        org.assertj.core.groups.Tuple.tuple("phone", "spreadsheet.cell.duplicate"),
                        org.assertj.core.groups.Tuple.tuple("age", "spreadsheet.cell.range"),
                        org.assertj.core.groups.Tuple.tuple("weight", "spreadsheet.cell.min"));
    }

    @Test
    void refusesWhatIsNotAnXlsxWorkbookWithTheReason() throws Exception {
        assertRefused(Files.write(dir.resolve("empty.xlsx"), new byte[0]), "spreadsheet.file.empty");
        assertRefused(
                Files.write(dir.resolve("list.xlsx"), "姓名,手机号\n张三,13900000000\n".getBytes(StandardCharsets.UTF_8)),
                "spreadsheet.file.notWorkbook");
        var xls = new ByteArrayOutputStream();
        try (var old = new HSSFWorkbook()) {
            old.createSheet("人员").createRow(0).createCell(0).setCellValue("姓名");
            old.write(xls);
        }
        assertRefused(Files.write(dir.resolve("old.xlsx"), xls.toByteArray()), "spreadsheet.file.xls");
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertRefused(
                Files.write(dir.resolve("archive.xlsx"), zip.toByteArray()), "spreadsheet.file.notSpreadsheetZip");
        assertRefused(encrypted(), "spreadsheet.file.encrypted");
    }

    @Test
    void namesMissingAndUnknownColumns() throws Exception {
        Path file = write(workbook -> {
            Sheet sheet = workbook.createSheet("人员");
            row(sheet, 0, "手机号", "身份证号", "备注");
            row(sheet, 1, "13900000000", "371329199001011234", "");
        });

        assertThatThrownBy(() -> SheetReader.check(file, SCHEMA))
                .isInstanceOfSatisfying(
                        ImportRefusedException.class,
                        e -> assertThat(e.reasons())
                                .containsExactly(
                                        new ImportRefusedException.Reason(
                                                "spreadsheet.file.missingColumns", List.of("姓名")),
                                        new ImportRefusedException.Reason(
                                                "spreadsheet.file.unknownColumns", List.of("身份证号、备注"))));
    }

    @Test
    void refusesAFileWithoutRowsOrWithTooMany() throws Exception {
        Path headerOnly = write(workbook -> row(workbook.createSheet("人员"), 0, "姓名"));
        assertRefused(headerOnly, "spreadsheet.file.noRows");
        Path three = write(workbook -> {
            Sheet sheet = workbook.createSheet("人员");
            row(sheet, 0, "姓名");
            for (int i = 1; i <= 3; i++) {
                row(sheet, i, "人" + i);
            }
        });
        assertThatThrownBy(() -> SheetReader.read(three, SCHEMA, 2, (n, total) -> {}))
                .isInstanceOfSatisfying(
                        ImportRefusedException.class,
                        e -> assertThat(e.reasons())
                                .containsExactly(
                                        new ImportRefusedException.Reason("spreadsheet.file.tooManyRows", List.of(2))));
    }

    @Test
    void theTemplateHasTheHeaderTheInstructionsAndTheDropDowns() throws Exception {
        byte[] template = SheetWriter.template(SCHEMA, 500);

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet data = workbook.getSheet("人员");
            assertThat(cells(data.getRow(0))).containsExactly("姓名", "手机号", "年龄", "体重", "出生日期", "党员", "准驾车型");
            assertThat(data.getLastRowNum())
                    .as("no example row to import by mistake")
                    .isZero();
            assertThat(workbook.getFontAt(
                                    data.getRow(0).getCell(0).getCellStyle().getFontIndex())
                            .getColor())
                    .as("required header in red")
                    .isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
            assertThat(data.getDataValidations())
                    .extracting(v -> v.getRegions().getCellRangeAddress(0).formatAsString())
                    .contains("A2:A501", "C2:C501", "F2:F501", "G2:G501");
            assertThat(data.getDataValidations())
                    .anySatisfy(v -> assertThat(v.getValidationConstraint().getFormula1())
                            .isEqualTo("'选项'!$A$2:$A$4"));
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex(SheetSchema.OPTIONS_SHEET)))
                    .isTrue();
            Sheet help = workbook.getSheet(SheetSchema.INSTRUCTIONS_SHEET);
            var texts = new ArrayList<String>();
            help.forEach(r -> texts.addAll(cells(r)));
            assertThat(texts).contains("姓名", "必填", "真实姓名", "文本，最多4个字", "整数，18–70", "13905390000");
            assertThat(String.join(" ", texts)).contains("测试说明").contains("最多导入 500 行");
        }
        // the template reads back as a sheet without rows
        Path file = Files.write(dir.resolve("template.xlsx"), template);
        assertRefused(file, "spreadsheet.file.noRows");
    }

    @Test
    void theAnnotatedFileNamesEachProblemAndMarksTheBadRows() throws Exception {
        Path file = write(workbook -> {
            Sheet sheet = workbook.createSheet("人员");
            row(sheet, 0, "姓名", "年龄");
            row(sheet, 1, "张三", "40");
            row(sheet, 2, "李四", "abc");
        });
        var data = SheetReader.read(file, SCHEMA, 100, (n, total) -> {});
        data.rows().get(1).problem(null, "whole row");

        byte[] annotated = SheetWriter.annotated(
                SCHEMA,
                data,
                row -> String.join(
                        "；",
                        row.problems().stream()
                                .map(SheetRow.Problem::messageKey)
                                .toList()),
                100);

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
            Sheet sheet = workbook.getSheet("人员");
            assertThat(cells(sheet.getRow(0))).containsExactly("姓名", "年龄", SheetSchema.ERROR_HEADER);
            assertThat(cells(sheet.getRow(1))).containsExactly("张三", "40");
            assertThat(cells(sheet.getRow(2))).containsExactly("李四", "abc", "spreadsheet.cell.integer；whole row");
            assertThat(fill(sheet.getRow(2).getCell(1).getCellStyle())).isEqualTo("F4A6A0");
            assertThat(fill(sheet.getRow(2).getCell(0).getCellStyle())).isEqualTo("FDE2E1");
        }
        // the corrected file can be uploaded as it is: the error column is ignored
        Path again = Files.write(dir.resolve("again.xlsx"), annotated);
        assertThat(SheetReader.read(again, SCHEMA, 100, (n, total) -> {}).rows())
                .hasSize(2);
    }

    private static String fill(CellStyle style) {
        return ((XSSFCellStyle) style).getFillForegroundXSSFColor().getARGBHex().substring(2);
    }

    private void assertRefused(Path file, String messageKey) {
        assertThatThrownBy(() -> SheetReader.check(file, SCHEMA))
                .isInstanceOfSatisfying(
                        ImportRefusedException.class,
                        e -> assertThat(e.reasons())
                                .extracting(ImportRefusedException.Reason::messageKey)
                                .containsExactly(messageKey));
    }

    private Path encrypted() throws Exception {
        var plain = new ByteArrayOutputStream();
        try (var workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("人员"), 0, "姓名");
            workbook.write(plain);
        }
        try (var fs = new POIFSFileSystem()) {
            var info = new EncryptionInfo(EncryptionMode.agile);
            var encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(plain.toByteArray());
            }
            var bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return Files.write(dir.resolve("locked.xlsx"), bytes.toByteArray());
        }
    }

    interface Content {
        void fill(XSSFWorkbook workbook) throws Exception;
    }

    private Path write(Content content) throws Exception {
        try (var workbook = new XSSFWorkbook()) {
            content.fill(workbook);
            Path file = Files.createTempFile(dir, "sheet", ".xlsx");
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private static List<String> cells(Row row) {
        var texts = new ArrayList<String>();
        if (row != null) {
            row.forEach(c -> texts.add(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c)));
        }
        return texts;
    }
}
