package org.redwheel.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The enterprise list exported as filtered and sorted on screen, masked by role, and audited. */
@RedWheelTest
class EnterpriseExportTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theExportHoldsExactlyTheFilteredRowsMaskedForAReaderWithoutWriteRightAndIsAudited() throws Exception {
        String prefix = "导出" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String small = register(prefix, 5, "13905390011");
        String large = register(prefix, 30, "13905390012");
        String middle = register(prefix, 12, "0539-6212345");
        String inactive = register(prefix, 40, "13905390014");
        enterprises.setActive(DataScope.county(), idOf(inactive), false);
        register("别的" + prefix.substring(2), 50, "13905390015");
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        var web = new WebClient(port);
        web.login(operator, TestAccounts.PASSWORD);
        String query = "?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8)
                + "&active=true&sort=fleetSize&direction=desc";

        assertThat(web.get("/console/enterprises" + query).body())
                .as("the list offers the export of what it shows")
                .containsPattern(
                        "/console/enterprises/export.xlsx\\?q=[^\"]*&amp;active=true&amp;sort=fleetSize&amp;direction=desc\"");
        List<List<String>> rows = read(web.getBytes("/console/enterprises/export.xlsx" + query));

        assertThat(rows.get(0)).startsWith("企业名称", "统一社会信用代码").endsWith("党建示范点", "状态");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).containsExactly(large, middle, small);
        int phone = rows.get(0).indexOf("安全负责人电话");
        assertThat(rows.subList(1, rows.size()))
                .extracting(r -> r.get(phone))
                .containsExactly("139****0012", "053****2345", "139****0011");
        assertThat(rows.get(1).get(rows.get(0).indexOf("车辆数"))).isEqualTo("30");
        assertThat(rows.get(1).get(rows.get(0).indexOf("状态"))).isEqualTo("在册");

        var audit = jdbc.sql(
                        "select detail from identity_audit_event where actor = :actor and action = 'EXPORT enterprises'")
                .param("actor", operator)
                .query(String.class)
                .list();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0))
                .contains("q=" + prefix)
                .contains("active=true")
                .contains("sort=fleetSize desc")
                .contains("rows=3")
                .contains("phones masked");

        var admin = new WebClient(port);
        admin.login(
                new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county()), TestAccounts.PASSWORD);
        List<List<String>> full = read(admin.getBytes("/console/enterprises/export.xlsx" + query));
        assertThat(full.subList(1, full.size()))
                .extracting(r -> r.get(phone))
                .containsExactly("13905390012", "0539-6212345", "13905390011");
    }

    @Test
    void anEnterpriseAdministratorExportsOnlyHisOwnEnterprise() throws Exception {
        String prefix = "本企" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String own = register(prefix, 3, "13905390021");
        register(prefix, 4, "13905390022");
        String admin = new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(idOf(own)));
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);

        List<List<String>> rows = read(web.getBytes(
                "/console/enterprises/export.xlsx?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8)));

        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).containsExactly(own);
    }

    private String register(String prefix, int fleetSize, String phone) {
        EnterpriseData valid = TestEnterprises.valid(prefix);
        enterprises.create(new EnterpriseData(
                valid.name(),
                valid.creditCode(),
                valid.address(),
                null,
                null,
                "导出法人",
                "安全员",
                phone,
                fleetSize,
                null,
                null,
                true,
                false,
                false,
                false));
        return valid.name();
    }

    private long idOf(String name) {
        return jdbc.sql("select id from organization_enterprise where name = :name")
                .params(Map.of("name", name))
                .query(Long.class)
                .single();
    }

    private static List<List<String>> read(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("物流企业");
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
}
