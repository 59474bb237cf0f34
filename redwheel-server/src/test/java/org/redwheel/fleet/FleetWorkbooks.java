package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.redwheel.WebClient;

/**
 * Driver and vehicle import files as a clerk fills them in, made with POI in the test, and the
 * upload-and-wait of the console's import. Generated numbers are valid and unique in a test run and
 * apart from the demo's and the other tests': ID numbers of region 371302 (the demo uses 371329,
 * {@link TestDrivers} 371300), mobiles 198…, plates 鲁QU…, terminal numbers 1490… and device ids
 * U….
 */
final class FleetWorkbooks {

    static final List<String> DRIVER_HEADERS = List.of(
            "姓名",
            "手机号",
            "身份证号",
            "准驾车型",
            "驾驶证有效期至",
            "从业资格证号",
            "从业资格证有效期至",
            "所属企业",
            "户籍镇街",
            "户籍村居",
            "政治面貌",
            "紧急联系人",
            "紧急联系人电话",
            "授权签署日期",
            "授权书版本");

    static final List<String> VEHICLE_HEADERS = List.of(
            "车牌号", "车牌颜色", "车辆类型", "总质量（千克）", "车长（米）", "所属企业", "道路运输证号", "检验有效期至", "终端手机号", "终端ID", "终端型号", "协议版本",
            "SIM卡号", "主驾身份证号");

    /** Driver columns by header, for tests that change one cell. */
    static final int PHONE = 1;

    static final int ID_NUMBER = 2;
    static final int ENTERPRISE = 7;
    static final int TOWNSHIP = 8;
    static final int VILLAGE = 9;
    static final int PARTY_STATUS = 10;

    /** Vehicle columns by header. */
    static final int PLATE = 0;

    static final int VEHICLE_ENTERPRISE = 5;
    static final int TERMINAL_PHONE = 8;
    static final int DEVICE_ID = 9;
    static final int PROTOCOL = 11;
    static final int PRIMARY_DRIVER = 13;

    private static final Pattern JOB = Pattern.compile("/console/imports/([A-Za-z0-9_-]{20,})");
    private static final Pattern STATE = Pattern.compile("data-state=\"([A-Z]+)\"");
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final AtomicLong PLATES = new AtomicLong(System.nanoTime() % 10_000);
    private static final String NUMERALS = "零一二三四五六七八九";

    private FleetWorkbooks() {}

    /** A valid ID number (born 1960–1998, so of age), unique in this test run. */
    static String idNumber() {
        long n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n % 14_000);
        String first17 =
                "371302" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", (n / 14_000) % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** The same number with a wrong check character. */
    static String withWrongCheckCharacter(String idNumber) {
        char right = idNumber.charAt(17);
        return idNumber.substring(0, 17) + (right == '0' ? '1' : '0');
    }

    static String phone() {
        return "198" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000);
    }

    /** A name without digits, unique in this test run. */
    static String name(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (char digit : Long.toString(SEQUENCE.incrementAndGet() % 1_000_000).toCharArray()) {
            name.append(NUMERALS.charAt(digit - '0'));
        }
        return name.toString();
    }

    static String plate() {
        return "鲁QU" + String.format("%04d", PLATES.incrementAndGet() % 10_000);
    }

    static String terminalPhone() {
        return "1490" + String.format("%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    }

    static String deviceId() {
        return "U" + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
    }

    /** A good driver row; the enterprise, township and village may be null (blank cells). */
    static List<String> driverRow(String prefix, String enterprise, String township, String village) {
        String idNumber = idNumber();
        return new ArrayList<>(List.of(
                name(prefix),
                phone(),
                idNumber,
                "A2",
                "2030-06-30",
                idNumber,
                "2029-12-31",
                enterprise == null ? "" : enterprise,
                township == null ? "" : township,
                village == null ? "" : village,
                "",
                "测试家属",
                "0539-6212345",
                LocalDate.now().minusDays(10).toString(),
                ""));
    }

    /** A good vehicle row with a 2013 terminal; the enterprise and the primary driver may be null. */
    static List<String> vehicleRow(String enterprise, String primaryDriverIdNumber) {
        return new ArrayList<>(List.of(
                plate(),
                "黄色",
                "重型厢式货车",
                "18000",
                "9.6",
                enterprise == null ? "" : enterprise,
                "371329123456",
                LocalDate.now().plusMonths(8).toString(),
                terminalPhone(),
                deviceId(),
                "RW-T1",
                "2013",
                "89860012345678901234",
                primaryDriverIdNumber == null ? "" : primaryDriverIdNumber));
    }

    /** An xlsx with one data sheet: the headers, then the rows. */
    static byte[] file(String sheetName, List<String> headers, List<List<String>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet sheet = workbook.createSheet(sheetName);
            write(sheet.createRow(0), headers);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i));
            }
            var out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] drivers(List<List<String>> rows) {
        return file("货运司机", DRIVER_HEADERS, rows);
    }

    static byte[] vehicles(List<List<String>> rows) {
        return file("车辆与终端", VEHICLE_HEADERS, rows);
    }

    /** Uploads the file to the import of {@code drivers} or {@code vehicles} as the console page does. */
    static HttpResponse<String> upload(WebClient web, String kind, String fileName, byte[] content) {
        String page = "/console/fleet/" + kind + "/import";
        return web.postFile(page, page, "file", fileName, content);
    }

    static String jobId(String body) {
        Matcher m = JOB.matcher(body);
        assertThat(m.find()).as("an import was started: %s", body).isTrue();
        return m.group(1);
    }

    /** Polls the import as the page does until it has finished; returns its summary. */
    static String awaitFinished(WebClient web, String job) {
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> web.get("/console/imports/" + job).body(), body -> switch (state(body)) {
                    case "DONE", "REJECTED", "FAILED" -> true;
                    default -> false;
                });
    }

    static String state(String body) {
        Matcher m = STATE.matcher(body);
        return m.find() ? m.group(1) : "";
    }

    /** The 错误说明 column of an annotated file, by Excel row number (rows without a problem left out). */
    static Map<Integer, String> errors(byte[] annotated, String sheetName) throws IOException {
        Map<Integer, String> errors = new TreeMap<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
            Sheet sheet = workbook.getSheet(sheetName);
            Row header = sheet.getRow(0);
            int errorColumn = header.getLastCellNum() - 1;
            assertThat(header.getCell(errorColumn).getStringCellValue()).isEqualTo("错误说明");
            var format = new DataFormatter();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                String text = format.formatCellValue(sheet.getRow(r).getCell(errorColumn));
                if (!text.isBlank()) {
                    errors.put(r + 1, text);
                }
            }
        }
        return errors;
    }

    /** Every row of a sheet as texts, the header first. */
    static List<List<String>> read(byte[] xlsx, String sheetName) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(sheetName);
            var format = new DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static void write(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                row.createCell(i).setCellValue(values.get(i));
            }
        }
    }
}
