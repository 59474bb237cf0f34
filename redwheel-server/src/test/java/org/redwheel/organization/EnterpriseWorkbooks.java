package org.redwheel.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.redwheel.TestEnterprises;

/**
 * Enterprise import files as a clerk would fill them in, made with POI in the test: the template's
 * headers and one row per enterprise, with valid unique names and credit codes from {@link
 * TestEnterprises}.
 */
final class EnterpriseWorkbooks {

    static final List<String> HEADERS = List.of(
            "企业名称",
            "统一社会信用代码",
            "地址",
            "法定代表人",
            "安全负责人",
            "安全负责人电话",
            "车辆数",
            "所在镇街",
            "党组织",
            "纬度",
            "经度",
            "工会",
            "共青团",
            "妇联",
            "党建示范点");

    private EnterpriseWorkbooks() {}

    /** A good row for a new enterprise; the township and Party organisation may be null. */
    static List<String> row(String prefix, String township, String partyOrg) {
        EnterpriseData data = TestEnterprises.valid(prefix);
        return new ArrayList<>(List.of(
                data.name(),
                data.creditCode(),
                "临沭县导入路1号",
                "导入法人",
                "安全员",
                "13905390001",
                "12",
                township == null ? "" : township,
                partyOrg == null ? "" : partyOrg,
                "34.930200",
                "118.651000",
                "是",
                "否",
                "否",
                "否"));
    }

    /** An xlsx with the data sheet of the template: the headers, then the rows. */
    static byte[] file(List<String> headers, List<List<String>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet sheet = workbook.createSheet("物流企业");
            write(sheet.createRow(0), headers);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i));
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Workbook workbook) throws IOException {
        var out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static void write(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                row.createCell(i).setCellValue(values.get(i));
            }
        }
    }
}
