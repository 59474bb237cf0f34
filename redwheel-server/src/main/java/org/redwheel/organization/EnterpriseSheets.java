package org.redwheel.organization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.identity.DataScope;
import org.redwheel.spreadsheet.SheetColumn;
import org.redwheel.spreadsheet.SheetImport;
import org.redwheel.spreadsheet.SheetRow;
import org.redwheel.spreadsheet.SheetSchema;
import org.springframework.stereotype.Component;

/**
 * The enterprise list as a spreadsheet: the import template's columns, the import itself (rows
 * become {@link EnterpriseData}, townships and Party organisations are given by name and looked up
 * within the importer's scope, every rule of {@link EnterpriseRegistry#create} applies), and the
 * export's columns.
 */
@Component
class EnterpriseSheets {

    static final String SHEET = "物流企业";

    /** Fields of the registry's violations that are columns by another key. */
    private static final Map<String, String> COLUMN_OF_FIELD =
            Map.of("townshipId", "township", "partyOrgId", "partyOrg");

    private static final String EXAMPLE_CODE = "91371329MA3C12345" + CreditCode.checkCharacter("91371329MA3C12345");

    private final EnterpriseRegistry enterprises;
    private final Townships townships;
    private final PartyOrganizations partyOrganizations;

    EnterpriseSheets(EnterpriseRegistry enterprises, Townships townships, PartyOrganizations partyOrganizations) {
        this.enterprises = enterprises;
        this.townships = townships;
        this.partyOrganizations = partyOrganizations;
    }

    /** The schema for a staff member of the scope: the drop-downs offer what the scope may choose. */
    SheetSchema schema(DataScope scope) {
        return schema(
                townshipIds().keySet().stream().toList(),
                partyOrgIds(scope).keySet().stream().toList());
    }

    private static SheetSchema schema(List<String> townshipNames, List<String> partyOrgNames) {
        List<SheetColumn> columns = List.of(
                SheetColumn.text("name", "企业名称")
                        .notBlank()
                        .uniqueInFile()
                        .maxLength(100)
                        .rule("营业执照上的企业全称；不能与已登记的企业重名")
                        .example("临沭县示例物流有限公司")
                        .width(30),
                SheetColumn.text("creditCode", "统一社会信用代码")
                        .notBlank()
                        .uniqueInFile()
                        .rule("营业执照上的18位代码，最后一位是校验码；字母大小写均可")
                        .example(EXAMPLE_CODE)
                        .width(24),
                SheetColumn.text("address", "地址")
                        .notBlank()
                        .maxLength(200)
                        .rule("经营地址")
                        .example("临沭县沭河大街1号")
                        .width(30),
                SheetColumn.text("legalRepresentative", "法定代表人")
                        .notBlank()
                        .maxLength(50)
                        .rule("营业执照上的法定代表人姓名")
                        .example("张三"),
                SheetColumn.text("safetyOfficerName", "安全负责人")
                        .maxLength(50)
                        .rule("负责安全生产的人员姓名，报警升级时通知此人")
                        .example("李四"),
                SheetColumn.text("safetyOfficerPhone", "安全负责人电话")
                        .maxLength(20)
                        .rule("手机号11位，或带区号的固定电话，如 0539-6212345")
                        .example("13905390000")
                        .width(18),
                SheetColumn.integer("fleetSize", "车辆数", 0, 100_000)
                        .rule("本企业营运货车数量；不填为0")
                        .example("25"),
                SheetColumn.text("township", "所在镇街")
                        .withOptions(townshipNames)
                        .rule("本县的镇或街道，从下拉列表中选择；不填表示未指定")
                        .example(townshipNames.isEmpty() ? "" : townshipNames.get(0))
                        .width(16),
                SheetColumn.text("partyOrg", "党组织")
                        .withOptions(partyOrgNames)
                        .rule("企业所属党支部或党总支的全称，从下拉列表中选择；尚未建立党组织的不填")
                        .example(partyOrgNames.isEmpty() ? "" : partyOrgNames.get(0))
                        .width(30),
                SheetColumn.decimal("latitude", "纬度", "3.85", "53.55")
                        .rule("WGS-84 坐标，度；与经度同时填写或同时不填")
                        .example("34.930200"),
                SheetColumn.decimal("longitude", "经度", "73.55", "135.083")
                        .rule("WGS-84 坐标，度；与纬度同时填写或同时不填")
                        .example("118.651000"),
                SheetColumn.yesNo("hasUnion", "工会").rule("企业是否已建立工会").example("是"),
                SheetColumn.yesNo("hasYouthLeague", "共青团").rule("企业是否已建立团组织").example("否"),
                SheetColumn.yesNo("hasWomensFederation", "妇联")
                        .rule("企业是否已建立妇联组织")
                        .example("否"),
                SheetColumn.yesNo("demonstrationSite", "党建示范点")
                        .rule("是否为党建示范点")
                        .example("否")
                        .width(14));
        return new SheetSchema(SHEET, columns, List.of("统一社会信用代码和企业名称都不能与已登记的企业相同，文件内也不能重复。"));
    }

    /** The import for a staff member with the right to register enterprises. */
    SheetImport<EnterpriseData> importer(DataScope scope) {
        Map<String, Long> townshipIds = townshipIds();
        Map<String, Long> partyOrgIds = partyOrgIds(scope);
        SheetSchema schema = schema(List.copyOf(townshipIds.keySet()), List.copyOf(partyOrgIds.keySet()));
        return new SheetImport<>() {

            @Override
            public SheetSchema schema() {
                return schema;
            }

            @Override
            public String recordType() {
                return "enterprise";
            }

            @Override
            public List<EnterpriseData> check(List<SheetRow> rows, Progress progress) {
                List<EnterpriseData> records = new ArrayList<>(rows.size());
                for (SheetRow row : rows) {
                    records.add(data(row, townshipIds, partyOrgIds));
                    if (records.size() % 500 == 0) {
                        // reading the cells is about half the checking, the registry's batch check the rest
                        progress.done(records.size() / 2);
                    }
                }
                List<List<Violation>> violations = enterprises.check(records);
                for (int i = 0; i < rows.size(); i++) {
                    SheetRow row = rows.get(i);
                    for (Violation v : violations.get(i)) {
                        String column = COLUMN_OF_FIELD.getOrDefault(v.field(), v.field());
                        // a cell the reader found wrong already says why; the registry would repeat it
                        if (!row.hasProblem(column)) {
                            row.problem(column, v.messageKey());
                        }
                    }
                }
                progress.done(rows.size());
                return records;
            }

            @Override
            public int store(List<EnterpriseData> records, Progress progress) {
                return enterprises.createAll(records, progress::done);
            }
        };
    }

    private static EnterpriseData data(SheetRow row, Map<String, Long> townshipIds, Map<String, Long> partyOrgIds) {
        String township = row.text("township");
        Long townshipId = township == null ? null : townshipIds.get(township);
        if (township != null && townshipId == null) {
            row.problem("township", "enterprise.import.unknownTownship", township);
        }
        String partyOrg = row.text("partyOrg");
        Long partyOrgId = partyOrg == null ? null : partyOrgIds.get(partyOrg);
        if (partyOrg != null && partyOrgId == null) {
            row.problem("partyOrg", "enterprise.import.unknownPartyOrg", partyOrg);
        }
        return new EnterpriseData(
                row.text("name"),
                row.text("creditCode"),
                row.text("address"),
                row.decimal("latitude"),
                row.decimal("longitude"),
                row.text("legalRepresentative"),
                row.text("safetyOfficerName"),
                row.text("safetyOfficerPhone"),
                row.integer("fleetSize"),
                townshipId,
                partyOrgId,
                row.yes("hasUnion"),
                row.yes("hasYouthLeague"),
                row.yes("hasWomensFederation"),
                row.yes("demonstrationSite"));
    }

    /** The export's columns: the template's, then the status. */
    List<SheetColumn> exportColumns() {
        List<SheetColumn> columns = new ArrayList<>(schema(List.of(), List.of()).columns());
        columns.add(SheetColumn.text("active", "状态").width(10));
        return columns;
    }

    /** One enterprise as an export row; phone numbers masked unless the reader needs them whole. */
    static List<Object> exportRow(Enterprise e, boolean maskPhones) {
        List<Object> values = new ArrayList<>();
        values.add(e.name());
        values.add(e.creditCode());
        values.add(e.address());
        values.add(e.legalRepresentative());
        values.add(e.safetyOfficerName());
        values.add(maskPhones ? PhoneNumbers.masked(e.safetyOfficerPhone()) : e.safetyOfficerPhone());
        values.add(e.fleetSize());
        values.add(e.townshipName());
        values.add(e.partyOrgName());
        values.add(e.latitude());
        values.add(e.longitude());
        values.add(e.hasUnion());
        values.add(e.hasYouthLeague());
        values.add(e.hasWomensFederation());
        values.add(e.demonstrationSite());
        values.add(e.active() ? "在册" : "已停用");
        return values;
    }

    private Map<String, Long> townshipIds() {
        Map<String, Long> ids = new LinkedHashMap<>();
        townships.list(false).forEach(t -> ids.put(t.name(), t.id()));
        return ids;
    }

    /** The branches and general branches an enterprise of the scope may belong to, by name. */
    private Map<String, Long> partyOrgIds(DataScope scope) {
        Map<String, Long> ids = new LinkedHashMap<>();
        partyOrganizations.tree(scope, false).stream()
                .filter(o -> PartyOrganizationKind.HOSTS_ENTERPRISES.contains(o.kind()))
                .forEach(o -> ids.put(o.name(), o.id()));
        return ids;
    }
}
