package org.redwheel.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing enterprises from Excel over real HTTP, as the console's page does it: files made with
 * POI in the test, uploaded, the background import polled to its end, the database and the audit
 * log checked, and the annotated file read back with POI.
 */
@RedWheelTest
class EnterpriseImportTests {

    private static final Pattern JOB = Pattern.compile("/console/imports/([A-Za-z0-9_-]{20,})");
    private static final Pattern STATE = Pattern.compile("data-state=\"([A-Z]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    Townships townships;

    @Autowired
    PartyOrganizations partyOrganizations;

    @Autowired
    JdbcClient jdbc;

    WebClient web;

    @BeforeEach
    void signIn() {
        web = new WebClient(port);
        web.login(new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county()), TestAccounts.PASSWORD);
    }

    @Test
    void aGoodFileImportsEveryRowInOneAuditedImport() {
        Township township = townships.list(false).get(0);
        PartyOrganization branch = partyOrganizations.tree(DataScope.county(), false).stream()
                .filter(o -> o.kind() == PartyOrganizationKind.BRANCH)
                .findFirst()
                .orElseThrow();
        List<List<String>> rows = new ArrayList<>();
        rows.add(EnterpriseWorkbooks.row("导入甲", township.name(), branch.name()));
        rows.add(EnterpriseWorkbooks.row("导入乙", null, null));
        rows.add(EnterpriseWorkbooks.row("导入丙", township.name(), null));
        rows.add(EnterpriseWorkbooks.row("导入丁", null, branch.name()));
        rows.add(EnterpriseWorkbooks.row("导入戊", null, null));
        rows.get(1).set(1, rows.get(1).get(1).toLowerCase()); // codes are read in either case
        rows.get(4).set(11, ""); // blank yes/no means no

        var response = upload("企业名单.xlsx", EnterpriseWorkbooks.file(EnterpriseWorkbooks.HEADERS, rows));
        assertThat(response.statusCode()).isEqualTo(200);
        String job = jobId(response.body());
        String done = awaitFinished(job);

        assertThat(state(done)).isEqualTo("DONE");
        assertThat(done).contains("导入成功：文件中的 5 行已全部导入，新增 5 条记录。");
        for (List<String> row : rows) {
            Enterprise e = byName(row.get(0));
            assertThat(e.creditCode()).isEqualTo(row.get(1).toUpperCase());
            assertThat(e.legalRepresentative()).isEqualTo("导入法人");
            assertThat(e.safetyOfficerPhone()).isEqualTo("13905390001");
            assertThat(e.fleetSize()).isEqualTo(12);
            assertThat(e.latitude()).isEqualByComparingTo("34.9302");
        }
        Enterprise first = byName(rows.get(0).get(0));
        assertThat(first.townshipId()).isEqualTo(township.id());
        assertThat(first.partyOrgId()).isEqualTo(branch.id());
        assertThat(first.hasUnion()).isTrue();
        assertThat(first.hasYouthLeague()).isFalse();
        assertThat(byName(rows.get(4).get(0)).hasUnion()).isFalse();

        var audit = auditOf(job, "IMPORT enterprise");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("result")).isEqualTo("SUCCESS");
        assertThat(audit.get(0).get("detail")).isEqualTo("file=企业名单.xlsx rows=5 imported=5");
        assertThat(auditOf(job, "POST /console/enterprises/import"))
                .as("the upload request itself")
                .hasSize(1);
    }

    @Test
    void aFileWithThreeBadRowsImportsNothingAndMarksExactlyThoseRows() throws Exception {
        String township = townships.list(false).get(0).name();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(EnterpriseWorkbooks.row("三错" + i, township, null));
        }
        String code = rows.get(1).get(1);
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        rows.get(1).set(1, code.substring(0, 17) + wrong); // Excel row 3: wrong check character
        rows.get(3).set(1, rows.get(0).get(1)); // Excel row 5: the credit code of row 2 again
        rows.get(4).set(7, "不存在镇"); // Excel row 6: a township the county does not have
        long before = count();

        var response = upload("三行有错.xlsx", EnterpriseWorkbooks.file(EnterpriseWorkbooks.HEADERS, rows));
        String job = jobId(response.body());
        String summary = awaitFinished(job);

        assertThat(state(summary)).isEqualTo("REJECTED");
        assertThat(summary)
                .contains("没有导入任何数据：文件共 6 行，其中 3 行有错误（共 3 个问题）")
                .contains("/console/imports/" + job + "/annotated.xlsx");
        assertThat(count()).isEqualTo(before);
        for (List<String> row : rows) {
            assertThat(enterprises
                            .list(
                                    DataScope.county(),
                                    filter(row.get(0)),
                                    new org.redwheel.PageRequest(0, 5, "name", true))
                            .content())
                    .as("nothing of the file is stored")
                    .isEmpty();
        }

        byte[] annotated = web.getBytes("/console/imports/" + job + "/annotated.xlsx");
        Map<Integer, String> errors = new TreeMap<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
            Sheet sheet = workbook.getSheet("物流企业");
            Row header = sheet.getRow(0);
            int errorColumn = header.getLastCellNum() - 1;
            assertThat(header.getCell(errorColumn).getStringCellValue()).isEqualTo("错误说明");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String text = new DataFormatter().formatCellValue(row.getCell(errorColumn));
                if (!text.isBlank()) {
                    errors.put(r + 1, text);
                    var fill = ((XSSFCellStyle) row.getCell(0).getCellStyle()).getFillForegroundXSSFColor();
                    assertThat(fill).as("bad row %d highlighted", r + 1).isNotNull();
                }
            }
            assertThat(new DataFormatter().formatCellValue(sheet.getRow(2).getCell(0)))
                    .as("the rows are written back as uploaded")
                    .isEqualTo(rows.get(1).get(0));
            assertThat(workbook.getSheet("填写说明")).isNotNull();
        }
        assertThat(errors).containsOnlyKeys(3, 5, 6);
        assertThat(errors.get(3)).isEqualTo("统一社会信用代码：统一社会信用代码不正确（应为18位，最后一位校验码须正确）。");
        assertThat(errors.get(5)).isEqualTo("统一社会信用代码：与第 2 行重复。");
        assertThat(errors.get(6)).isEqualTo("所在镇街：找不到名为“不存在镇”的镇街（或已停用）。");

        var audit = auditOf(job, "IMPORT enterprise");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("result")).isEqualTo("FAILURE");
        assertThat((String) audit.get(0).get("detail")).contains("file=三行有错.xlsx rows=6 bad=3 problems=3 imported=0");
    }

    @Test
    void aRowDuplicatingARegisteredEnterpriseIsReported() {
        Enterprise existing =
                enterprises.get(DataScope.county(), enterprises.create(org.redwheel.TestEnterprises.valid("已登记")));
        List<String> row = EnterpriseWorkbooks.row("重复", null, null);
        row.set(0, existing.name());
        row.set(1, existing.creditCode());

        String summary = awaitFinished(
                jobId(upload("重复.xlsx", EnterpriseWorkbooks.file(EnterpriseWorkbooks.HEADERS, List.of(row)))
                        .body()));

        assertThat(state(summary)).isEqualTo("REJECTED");
        assertThat(summary).contains("已有同名企业。").contains("该统一社会信用代码已登记。");
    }

    @Test
    void filesThatAreNotWorkbooksOrHaveTheWrongColumnsGetAClearMessageAndChangeNothing() throws Exception {
        long before = count();

        var csv = upload("企业.xlsx", "企业名称,统一社会信用代码\n某物流,91371300MA0000001X\n".getBytes(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.body()).contains("文件不是 Excel 工作簿（.xlsx）");

        var xls = new ByteArrayOutputStream();
        try (var old = new HSSFWorkbook()) {
            old.createSheet("物流企业").createRow(0).createCell(0).setCellValue("企业名称");
            old.write(xls);
        }
        var oldFormat = upload("企业.xls", xls.toByteArray());
        assertThat(oldFormat.statusCode()).isEqualTo(400);
        assertThat(oldFormat.body()).contains("这是旧版 Excel 97-2003 工作簿（.xls）");

        var empty = upload("企业.xlsx", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("文件是空的");

        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("企业.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        var archive = upload("企业.xlsx", zip.toByteArray());
        assertThat(archive.statusCode()).isEqualTo(400);
        assertThat(archive.body()).contains("文件是压缩包或其他 Office 文档，不是 Excel 工作簿（.xlsx）");

        var wrongColumns = upload(
                "司机.xlsx",
                EnterpriseWorkbooks.file(
                        List.of("姓名", "身份证号", "地址"), List.of(List.of("张三", "371329199001011234", "临沭"))));
        assertThat(wrongColumns.statusCode()).isEqualTo(400);
        assertThat(wrongColumns.body()).contains("缺少必填列：企业名称、统一社会信用代码、法定代表人。").contains("无法识别的列：姓名、身份证号（请使用模板中的列名）。");

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedWithTheLimit() {
        byte[] big = new byte[10 * 1024 * 1024 + 512 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');

        var response = upload("大文件.xlsx", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("上传的文件超过 10 MB 的上限，没有导入任何数据。");
    }

    @Test
    void tenThousandRowsImportInOneGo() {
        String township = townships.list(false).get(0).name();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(EnterpriseWorkbooks.row("万行", i % 3 == 0 ? township : null, null));
        }
        byte[] file = EnterpriseWorkbooks.file(EnterpriseWorkbooks.HEADERS, rows);
        try {
            long start = System.nanoTime();
            var response = upload("一万行.xlsx", file);
            String job = jobId(response.body());
            String summary = awaitFinished(job);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Matcher took = Pattern.compile("用时 ([0-9.]+) 秒").matcher(summary);
            System.out.printf(
                    "10,000-row enterprise import (%d KB): %d ms from upload to finished summary, %s s on the server%n",
                    file.length / 1024, millis, took.find() ? took.group(1) : "?");

            assertThat(state(summary)).isEqualTo("DONE");
            assertThat(summary).contains("新增 10,000 条记录");
            assertThat(jdbc.sql("select count(*) from organization_enterprise where name like '万行物流有限公司%'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(10_000);
        } finally {
            // keep the shared database's enterprise list small for the other tests
            jdbc.sql("delete from organization_enterprise where name like '万行物流有限公司%'")
                    .update();
        }
    }

    @Test
    void anImportIsSeenOnlyInTheSessionThatStartedIt() {
        String job = jobId(upload(
                        "会话.xlsx",
                        EnterpriseWorkbooks.file(
                                EnterpriseWorkbooks.HEADERS, List.of(EnterpriseWorkbooks.row("会话", null, null))))
                .body());
        awaitFinished(job);

        var other = new WebClient(port);
        other.login(
                new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county()), TestAccounts.PASSWORD);
        assertThat(other.get("/console/imports/" + job).statusCode()).isEqualTo(404);
        assertThat(other.get("/console/imports/" + job + "/annotated.xlsx").statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyOrganisationWritersDownloadTheTemplateAndImport() throws Exception {
        byte[] template = web.getBytes("/console/enterprises/template.xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row header = workbook.getSheet("物流企业").getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(EnterpriseWorkbooks.HEADERS);
            var help = workbook.getSheet("填写说明");
            List<String> texts = new ArrayList<>();
            help.forEach(r -> r.forEach(c -> texts.add(new DataFormatter().formatCellValue(c))));
            assertThat(texts).contains("统一社会信用代码", "营业执照上的18位代码，最后一位是校验码；字母大小写均可", "必填", "选填");
            Sheet options = workbook.getSheet("选项");
            List<String> listed = new ArrayList<>();
            options.forEach(r -> r.forEach(c -> listed.add(c.getStringCellValue())));
            assertThat(listed).contains(townships.list(false).get(0).name());
        }

        var operator = new WebClient(port);
        operator.login(
                new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county()),
                TestAccounts.PASSWORD);
        assertThat(operator.get("/console/enterprises/template.xlsx").statusCode())
                .isEqualTo(403);
        assertThat(operator.get("/console/enterprises/import").statusCode()).isEqualTo(403);
        assertThat(operator.get("/console/enterprises").body())
                .doesNotContain("data-testid=\"enterprise-import\"")
                .contains("data-testid=\"enterprise-export\"");
        var refused = operator.postFile(
                "/console/enterprises",
                "/console/enterprises/import",
                "file",
                "x.xlsx",
                EnterpriseWorkbooks.file(
                        EnterpriseWorkbooks.HEADERS, List.of(EnterpriseWorkbooks.row("无权", null, null))));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> upload(String fileName, byte[] content) {
        return web.postFile("/console/enterprises/import", "/console/enterprises/import", "file", fileName, content);
    }

    private static String jobId(String body) {
        Matcher m = JOB.matcher(body);
        assertThat(m.find()).as("an import was started: %s", body).isTrue();
        return m.group(1);
    }

    private String awaitFinished(String job) {
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> web.get("/console/imports/" + job).body(), body -> switch (state(body)) {
                    case "DONE", "REJECTED", "FAILED" -> true;
                    default -> false;
                });
    }

    private static String state(String body) {
        Matcher m = STATE.matcher(body);
        return m.find() ? m.group(1) : "";
    }

    private Enterprise byName(String name) {
        var found = enterprises
                .list(DataScope.county(), filter(name), new org.redwheel.PageRequest(0, 5, "name", true))
                .content();
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private static EnterpriseFilter filter(String name) {
        return new EnterpriseFilter(name, null, null, null, null);
    }

    private long count() {
        return jdbc.sql("select count(*) from organization_enterprise")
                .query(Long.class)
                .single();
    }

    private List<Map<String, Object>> auditOf(String job, String action) {
        return jdbc.sql("select result, detail from identity_audit_event where target_id = :job and action = :action")
                .param("job", job)
                .param("action", action)
                .query()
                .listOfRows();
    }
}
