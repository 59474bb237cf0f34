package org.redwheel.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.ScopeKind;
import org.redwheel.identity.StaffUser;
import org.redwheel.organization.Townships;
import org.redwheel.spreadsheet.SheetColumn;
import org.redwheel.spreadsheet.SheetImport;
import org.redwheel.spreadsheet.SheetRow;
import org.redwheel.spreadsheet.SheetSchema;
import org.springframework.stereotype.Component;

/**
 * The driver survey as a spreadsheet: the import template (licence classes and Party status in
 * drop-downs, the scope's enterprises, townships and villages offered by name), the import itself
 * (rows become {@link DriverData}; the enterprise is named by its full name or credit code, the
 * residence by township and village names; every rule of {@link Drivers#create} applies, checked
 * for the whole file at once) and the export's columns.
 */
@Component
class DriverSheets {

    static final String SHEET = "货运司机";

    /** Party status as survey forms write it; a blank cell is 群众. */
    static final Map<PartyStatus, String> PARTY_STATUS = partyStatusLabels();

    /** Fields of the registry's violations that are columns by another key. */
    private static final Map<String, String> COLUMN_OF_FIELD =
            Map.of("enterpriseId", "enterprise", "townshipId", "township", "villageId", "village");

    private static final String EXAMPLE_ID_NUMBER = "37132919900101123" + IdNumbers.checkCharacter("37132919900101123");

    private final Drivers drivers;
    private final FleetScopes scopes;
    private final Townships townships;
    private final FleetProperties properties;

    DriverSheets(Drivers drivers, FleetScopes scopes, Townships townships, FleetProperties properties) {
        this.drivers = drivers;
        this.scopes = scopes;
        this.townships = townships;
        this.properties = properties;
    }

    /** A valid ID number of the demo county for the templates' examples. */
    static String exampleIdNumber() {
        return EXAMPLE_ID_NUMBER;
    }

    /** The template for a staff member of the scope: the drop-downs offer what the scope may choose. */
    SheetSchema schema(DataScope scope) {
        return schema(ImportReferences.load(scope, scopes, townships), scope.kind() == ScopeKind.ENTERPRISE);
    }

    private SheetSchema schema(ImportReferences references, boolean enterpriseUser) {
        List<String> enterpriseNames = references.enterpriseNames();
        List<String> townshipNames = references.townshipNames();
        List<String> villageNames = references.villageNames();
        List<SheetColumn> columns = List.of(
                SheetColumn.text("name", "姓名")
                        .notBlank()
                        .maxLength(40)
                        .rule("与身份证上的姓名一致，不能含数字")
                        .example("张三"),
                SheetColumn.text("phone", "手机号")
                        .notBlank()
                        .uniqueInFile()
                        .rule("司机本人的11位手机号码；不能与已登记的司机相同")
                        .example("13905391234")
                        .width(16),
                SheetColumn.text("idNumber", "身份证号")
                        .notBlank()
                        .uniqueInFile()
                        .rule("18位公民身份号码，最后一位是校验码（可为X）；须年满18周岁；不能与已登记的司机相同。加密保存，页面和导出只显示前6位和后4位")
                        .example(EXAMPLE_ID_NUMBER)
                        .width(22),
                SheetColumn.choice(
                                "licenceClass",
                                "准驾车型",
                                Arrays.stream(LicenceClass.values())
                                        .map(Enum::name)
                                        .toList())
                        .notBlank()
                        .rule("驾驶证上的准驾车型，货车司机多为 A2、B2 或 C1")
                        .example("A2"),
                SheetColumn.date("licenceExpiry", "驾驶证有效期至")
                        .rule("驾驶证的有效期限；长期有效的不填")
                        .example("2030-06-30")
                        .width(16),
                SheetColumn.text("qualificationNumber", "从业资格证号")
                        .maxLength(30)
                        .rule("道路运输从业资格证号，6–30位数字或字母（多为身份证号）；没有的不填。加密保存")
                        .example(EXAMPLE_ID_NUMBER)
                        .width(22),
                SheetColumn.date("qualificationExpiry", "从业资格证有效期至")
                        .rule("填写了从业资格证号时必填")
                        .example("2029-12-31")
                        .width(18),
                SheetColumn.text("enterprise", "所属企业")
                        .withOptions(enterpriseNames)
                        .rule(
                                enterpriseUser
                                        ? "本企业的全称或统一社会信用代码；不填即为本企业。企业管理员只能导入本企业的司机"
                                        : "挂靠企业的全称或统一社会信用代码，可从下拉列表中选择；个体司机不填")
                        .example(enterpriseNames.isEmpty() ? "" : enterpriseNames.get(0))
                        .width(30),
                SheetColumn.text("township", "户籍镇街")
                        .withOptions(townshipNames)
                        .rule("户籍所在的镇或街道，从下拉列表中选择；村居名称在全县唯一时可以不填")
                        .example(townshipNames.isEmpty() ? "" : townshipNames.get(0))
                        .width(14),
                SheetColumn.text("village", "户籍村居")
                        .withOptions(villageNames)
                        .rule("户籍所在的村或社区，须属于所填镇街")
                        .example(villageNames.isEmpty() ? "" : villageNames.get(0))
                        .width(14),
                SheetColumn.choice("partyStatus", "政治面貌", List.copyOf(PARTY_STATUS.values()))
                        .rule("从下拉列表中选择；不填视为群众")
                        .example(PARTY_STATUS.get(PartyStatus.NONE)),
                SheetColumn.text("emergencyContactName", "紧急联系人")
                        .maxLength(40)
                        .rule("与紧急联系人电话同时填写或同时不填")
                        .example("李四"),
                SheetColumn.text("emergencyContactPhone", "紧急联系人电话")
                        .maxLength(20)
                        .rule("手机号11位，或带区号的固定电话，如 0539-6212345")
                        .example("0539-6212345")
                        .width(18),
                SheetColumn.date("consentDate", "授权签署日期")
                        .rule("司机签署定位监控授权书（个人信息保护法要求单独同意）的日期，不能晚于今天；未签署的不填")
                        .example("2025-03-01")
                        .width(16),
                SheetColumn.text("consentVersion", "授权书版本")
                        .maxLength(40)
                        .rule("所签授权书的版本；已签署但不填的，记为当前版本 " + properties.consentVersion())
                        .example(properties.consentVersion()));
        return new SheetSchema(
                SHEET,
                columns,
                List.of(
                        "身份证号和手机号不能与已登记的司机相同，文件内也不能重复。",
                        "所属企业、户籍镇街和户籍村居按名称填写，须是系统中已有的（可从下拉列表中选择）。",
                        "身份证号和从业资格证号加密保存；页面和导出只显示前6位和后4位。"));
    }

    /** The import for a staff member with the right to register drivers, within his scope. */
    SheetImport<DriverData> importer(StaffUser user) {
        DataScope scope = user.scope();
        ImportReferences references = ImportReferences.load(scope, scopes, townships);
        SheetSchema schema = schema(references, scope.kind() == ScopeKind.ENTERPRISE);
        String actor = user.username();
        return new SheetImport<>() {

            @Override
            public SheetSchema schema() {
                return schema;
            }

            @Override
            public String recordType() {
                return "driver";
            }

            @Override
            public List<DriverData> check(List<SheetRow> rows, Progress progress) {
                List<DriverData> records = new ArrayList<>(rows.size());
                for (SheetRow row : rows) {
                    records.add(data(row, references));
                    if (records.size() % 500 == 0) {
                        // reading the cells is about half the checking, the registry's batch check the rest
                        progress.done(records.size() / 2);
                    }
                }
                List<List<Violation>> violations = drivers.checkNew(scope, records);
                for (int i = 0; i < rows.size(); i++) {
                    report(rows.get(i), violations.get(i), COLUMN_OF_FIELD);
                }
                progress.done(rows.size());
                return records;
            }

            @Override
            public int store(List<DriverData> records, Progress progress) {
                return drivers.createAll(scope, records, actor, progress::done);
            }
        };
    }

    /**
     * Adds the registry's violations to the row, each on its column; a cell the reader or the
     * import already found wrong says why, so the registry would only repeat it.
     */
    static void report(SheetRow row, List<Violation> violations, Map<String, String> columnOfField) {
        for (Violation v : violations) {
            String column = columnOfField.getOrDefault(v.field(), v.field());
            if (!row.hasProblem(column)) {
                row.problem(column, v.messageKey());
            }
        }
    }

    private static DriverData data(SheetRow row, ImportReferences references) {
        Long enterpriseId = references.enterprise(row, "enterprise");
        ImportReferences.Residence residence = references.residence(row, "township", "village");
        String licence = row.text("licenceClass");
        LicenceClass licenceClass = Arrays.stream(LicenceClass.values())
                .filter(c -> c.name().equals(licence))
                .findFirst()
                .orElse(null);
        String status = row.text("partyStatus");
        PartyStatus partyStatus = PARTY_STATUS.entrySet().stream()
                .filter(e -> e.getValue().equals(status))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(PartyStatus.NONE);
        var consentDate = row.date("consentDate");
        String consentVersion = row.text("consentVersion");
        if (consentVersion != null && consentDate == null && !row.hasProblem("consentDate")) {
            row.problem("consentDate", "fleetImport.consentDateMissing");
        }
        return new DriverData(
                row.text("name"),
                row.text("phone"),
                row.text("idNumber"),
                licenceClass,
                row.date("licenceExpiry"),
                row.text("qualificationNumber"),
                row.date("qualificationExpiry"),
                enterpriseId,
                residence.townshipId(),
                residence.villageId(),
                partyStatus,
                row.text("emergencyContactName"),
                row.text("emergencyContactPhone"),
                consentDate != null,
                consentDate,
                consentVersion);
    }

    /** The export's columns: the template's, then the status. */
    List<SheetColumn> exportColumns() {
        List<SheetColumn> columns =
                new ArrayList<>(schema(ImportReferences.empty(), false).columns());
        columns.add(SheetColumn.text("active", "状态").width(10));
        return columns;
    }

    /**
     * One driver as an export row, as the exporting user may see him (phones already masked where
     * he may not see them).
     *
     * @param fullIdNumber the full ID number for a user allowed and asking to see it; null for the
     *     masked one
     */
    static List<Object> exportRow(Driver d, String fullIdNumber) {
        List<Object> values = new ArrayList<>();
        values.add(d.name());
        values.add(d.phone());
        values.add(fullIdNumber != null ? fullIdNumber : d.idNumberMasked());
        values.add(d.licenceClass().name());
        values.add(d.licenceExpiry());
        values.add(d.qualificationMasked());
        values.add(d.qualificationExpiry());
        values.add(d.enterpriseName());
        values.add(d.townshipName());
        values.add(d.villageName());
        values.add(PARTY_STATUS.get(d.partyStatus()));
        values.add(d.emergencyContactName());
        values.add(d.emergencyContactPhone());
        values.add(d.consentDate());
        values.add(d.consentVersion());
        values.add(d.active() ? "在册" : "已停用");
        return values;
    }

    private static Map<PartyStatus, String> partyStatusLabels() {
        Map<PartyStatus, String> labels = new LinkedHashMap<>();
        labels.put(PartyStatus.NONE, "群众");
        labels.put(PartyStatus.APPLICANT, "入党申请人");
        labels.put(PartyStatus.ACTIVIST, "入党积极分子");
        labels.put(PartyStatus.CANDIDATE, "发展对象");
        labels.put(PartyStatus.PROBATIONARY_MEMBER, "预备党员");
        labels.put(PartyStatus.FULL_MEMBER, "正式党员");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
