package org.redwheel.fleet;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.redwheel.InvalidInputException;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vehicles with their JT/T 808 terminals as a spreadsheet: the import template (plate colours,
 * vehicle types, common lengths, protocol versions and the scope's enterprises in drop-downs), the
 * import itself (one row is a vehicle, optionally the terminal fitted to it and its primary driver
 * by ID number; every rule of {@link Vehicles#create} and {@link Terminals#create} applies; the
 * vehicles, terminals and assignments are stored in one transaction) and the export's columns.
 */
@Component
class VehicleSheets {

    static final String SHEET = "车辆与终端";

    /** Plate colours as written on registration papers, by JT/T 808 code. */
    static final Map<Integer, String> PLATE_COLOURS = plateColourLabels();

    private static final List<String> PROTOCOL_YEARS = List.of("2011", "2013", "2019");

    private static final Map<String, String> VEHICLE_COLUMN_OF_FIELD =
            Map.of("totalMassKg", "totalMass", "lengthM", "length", "enterpriseId", "enterprise");

    private static final Map<String, String> TERMINAL_COLUMN_OF_FIELD =
            Map.of("phone", "terminalPhone", "model", "terminalModel");

    /** The columns of the terminal: filling any of them fits the vehicle with one. */
    private static final List<String> TERMINAL_COLUMNS =
            List.of("terminalPhone", "deviceId", "terminalModel", "protocolVersion", "sim");

    /**
     * One row of the file: the vehicle, its terminal (null without one; the vehicle id is filled in
     * when stored) and its primary driver's normalised ID number (null without one).
     */
    record VehicleRow(VehicleData vehicle, TerminalData terminal, String primaryDriverIdNumber) {}

    private final Vehicles vehicles;
    private final Terminals terminals;
    private final Drivers drivers;
    private final Assignments assignments;
    private final FleetScopes scopes;
    private final Townships townships;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VehicleSheets(
            Vehicles vehicles,
            Terminals terminals,
            Drivers drivers,
            Assignments assignments,
            FleetScopes scopes,
            Townships townships,
            TransactionTemplate transactions,
            Clock clock) {
        this.vehicles = vehicles;
        this.terminals = terminals;
        this.drivers = drivers;
        this.assignments = assignments;
        this.scopes = scopes;
        this.townships = townships;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The template for a staff member of the scope: the enterprises offered are those within it. */
    SheetSchema schema(DataScope scope) {
        return schema(
                ImportReferences.load(scope, scopes, townships).enterpriseNames(),
                scope.kind() == ScopeKind.ENTERPRISE);
    }

    private static SheetSchema schema(List<String> enterpriseNames, boolean enterpriseUser) {
        List<SheetColumn> columns = List.of(
                SheetColumn.text("plate", "车牌号")
                        .notBlank()
                        .maxLength(10)
                        .rule("如 鲁Q12345；新能源车8位，如 鲁QD12345；挂车如 鲁Q1234挂。不能与已登记的车辆相同")
                        .example("鲁Q12345"),
                SheetColumn.choice("plateColor", "车牌颜色", List.copyOf(PLATE_COLOURS.values()))
                        .notBlank()
                        .rule("普通货车多为黄色，新能源车为绿色")
                        .example(PLATE_COLOURS.get(2)),
                SheetColumn.text("vehicleType", "车辆类型")
                        .maxLength(30)
                        .withOptions(VehicleRegistryConsoleController.VEHICLE_TYPES)
                        .rule("行驶证上的车辆类型，可从下拉列表中选择，也可填写其他类型")
                        .example("重型厢式货车")
                        .width(18),
                SheetColumn.integer("totalMass", "总质量（千克）", 1, 100_000)
                        .rule("行驶证上的总质量，单位千克，如 18000（18吨）")
                        .example("18000")
                        .width(16),
                SheetColumn.decimal("length", "车长（米）", "1.0", "30.0")
                        .withOptions(Vehicles.COMMON_LENGTHS)
                        .rule("货厢长度，单位米，最多一位小数；常见车长可从下拉列表中选择")
                        .example("9.6"),
                SheetColumn.text("enterprise", "所属企业")
                        .withOptions(enterpriseNames)
                        .rule(
                                enterpriseUser
                                        ? "本企业的全称或统一社会信用代码；不填即为本企业。企业管理员只能导入本企业的车辆"
                                        : "所属企业的全称或统一社会信用代码，可从下拉列表中选择；个体车辆不填")
                        .example(enterpriseNames.isEmpty() ? "" : enterpriseNames.get(0))
                        .width(30),
                SheetColumn.text("transportPermit", "道路运输证号")
                        .maxLength(30)
                        .rule("6–30位数字、字母或汉字")
                        .example("371329123456")
                        .width(18),
                SheetColumn.date("inspectionExpiry", "检验有效期至")
                        .rule("行驶证上的检验有效期")
                        .example("2026-08-31")
                        .width(16),
                SheetColumn.text("terminalPhone", "终端手机号")
                        .maxLength(20)
                        .rule("车载终端报文头中的手机号（SIM卡号），前导0可省略；不能与已登记的终端相同。没有终端的车辆不填本列和以后的终端各列")
                        .example("13912345678")
                        .width(16),
                SheetColumn.text("deviceId", "终端ID")
                        .uniqueInFile()
                        .maxLength(30)
                        .rule("终端ID，大写字母和数字：2011、2013版最多7位，2019版最多30位；不能与已登记的终端相同")
                        .example("A123456")
                        .width(14),
                SheetColumn.text("terminalModel", "终端型号")
                        .maxLength(30)
                        .rule("2011、2013版最多20个字符，2019版最多30个字符")
                        .example("RW-T1"),
                SheetColumn.choice("protocolVersion", "协议版本", PROTOCOL_YEARS)
                        .rule("终端使用的 JT/T 808 版本；有终端而不填的，按2013版")
                        .example("2013"),
                SheetColumn.text("sim", "SIM卡号")
                        .maxLength(20)
                        .rule("SIM卡的ICCID或卡号，11–20位数字（ICCID可含字母A–F）")
                        .example("89860012345678901234")
                        .width(24),
                SheetColumn.text("primaryDriver", "主驾身份证号")
                        .rule("本车主驾的身份证号，须是已登记的在册司机（可先导入司机）；导入后从今天起为本车主驾。不填则不绑定")
                        .example(DriverSheets.exampleIdNumber())
                        .width(22));
        return new SheetSchema(
                SHEET,
                columns,
                List.of(
                        "每行一辆车；装有车载终端的，在同一行填写终端信息，导入后终端即装在这辆车上。",
                        "车牌号、终端手机号和终端ID不能与已登记的相同，文件内也不能重复。",
                        "主驾按身份证号对应已登记的司机；身份证号不会出现在导入结果中。"));
    }

    /** The import for a staff member with the right to register vehicles, within his scope. */
    SheetImport<VehicleRow> importer(StaffUser user) {
        DataScope scope = user.scope();
        ImportReferences references = ImportReferences.load(scope, scopes, townships);
        SheetSchema schema = schema(references.enterpriseNames(), scope.kind() == ScopeKind.ENTERPRISE);
        return new SheetImport<>() {

            @Override
            public SheetSchema schema() {
                return schema;
            }

            @Override
            public String recordType() {
                return "vehicle";
            }

            @Override
            public List<VehicleRow> check(List<SheetRow> rows, Progress progress) {
                List<VehicleRow> records = new ArrayList<>(rows.size());
                Map<String, Integer> plates = new HashMap<>();
                Map<String, Integer> terminalPhones = new HashMap<>();
                LocalDate today = LocalDate.now(clock);
                for (SheetRow row : rows) {
                    records.add(data(row, references, plates, terminalPhones, today));
                }
                progress.done(rows.size() / 3);
                List<List<Violation>> vehicleViolations = vehicles.checkNew(
                        scope, records.stream().map(VehicleRow::vehicle).toList());
                for (int i = 0; i < rows.size(); i++) {
                    DriverSheets.report(rows.get(i), vehicleViolations.get(i), VEHICLE_COLUMN_OF_FIELD);
                }
                progress.done(2 * rows.size() / 3);
                List<Integer> fitted = indicesWithTerminal(records);
                List<List<Violation>> terminalViolations = terminals.checkNewOnNewVehicles(
                        fitted.stream().map(i -> records.get(i).terminal()).toList());
                for (int j = 0; j < fitted.size(); j++) {
                    DriverSheets.report(rows.get(fitted.get(j)), terminalViolations.get(j), TERMINAL_COLUMN_OF_FIELD);
                }
                Map<String, Driver> found = primaryDrivers(scope, records);
                for (int i = 0; i < rows.size(); i++) {
                    String idNumber = records.get(i).primaryDriverIdNumber();
                    if (idNumber == null) {
                        continue;
                    }
                    Driver driver = found.get(idNumber);
                    if (driver == null) {
                        rows.get(i).problem("primaryDriver", "fleetImport.unknownDriver", IdNumbers.mask(idNumber));
                    } else if (!driver.active()) {
                        rows.get(i).problem("primaryDriver", "fleetImport.inactiveDriver", IdNumbers.mask(idNumber));
                    }
                }
                progress.done(rows.size());
                return records;
            }

            @Override
            public int store(List<VehicleRow> records, Progress progress) {
                Integer stored = transactions.execute(status -> storeAll(scope, records, progress));
                return stored == null ? 0 : stored;
            }
        };
    }

    /**
     * Stores the vehicles, their terminals and their primary drivers in the caller's transaction,
     * after checking everything again (someone may have registered a plate since the check).
     */
    private int storeAll(DataScope scope, List<VehicleRow> records, SheetImport.Progress progress) {
        List<VehicleData> vehicleData =
                records.stream().map(VehicleRow::vehicle).toList();
        requireGood(vehicles.checkNew(scope, vehicleData));
        List<Integer> fitted = indicesWithTerminal(records);
        requireGood(terminals.checkNewOnNewVehicles(
                fitted.stream().map(i -> records.get(i).terminal()).toList()));
        Map<String, Driver> found = primaryDrivers(scope, records);
        for (VehicleRow row : records) {
            String idNumber = row.primaryDriverIdNumber();
            if (idNumber != null
                    && Optional.ofNullable(found.get(idNumber))
                            .map(d -> !d.active())
                            .orElse(true)) {
                throw InvalidInputException.of("primaryDriver", "fleetImport.unknownDriver");
            }
        }
        List<Long> ids = vehicles.insertAll(scope, vehicleData, progress::done);
        terminals.insertAll(fitted.stream()
                .map(i -> {
                    TerminalData t = records.get(i).terminal();
                    return new TerminalData(
                            t.phone(), t.deviceId(), t.model(), t.protocolVersion(), t.sim(), ids.get(i));
                })
                .toList());
        Map<Long, Long> driverOfVehicle = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String idNumber = records.get(i).primaryDriverIdNumber();
            if (idNumber != null) {
                driverOfVehicle.put(ids.get(i), found.get(idNumber).id());
            }
        }
        assignments.assignPrimariesOfNewVehicles(driverOfVehicle, LocalDate.now(clock));
        progress.done(records.size());
        return records.size();
    }

    private static void requireGood(List<List<Violation>> violations) {
        for (List<Violation> v : violations) {
            if (!v.isEmpty()) {
                throw new InvalidInputException(v);
            }
        }
    }

    private static List<Integer> indicesWithTerminal(List<VehicleRow> records) {
        List<Integer> fitted = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).terminal() != null) {
                fitted.add(i);
            }
        }
        return fitted;
    }

    private Map<String, Driver> primaryDrivers(DataScope scope, List<VehicleRow> records) {
        return drivers.findByIdNumbers(
                scope,
                records.stream()
                        .map(VehicleRow::primaryDriverIdNumber)
                        .filter(Objects::nonNull)
                        .toList());
    }

    private static VehicleRow data(
            SheetRow row,
            ImportReferences references,
            Map<String, Integer> plates,
            Map<String, Integer> terminalPhones,
            LocalDate today) {
        String plate = row.text("plate");
        if (plate != null && !row.hasProblem("plate")) {
            unique(row, "plate", Plates.normalize(plate), plates);
        }
        String colour = row.text("plateColor");
        Integer plateColor = PLATE_COLOURS.entrySet().stream()
                .filter(e -> e.getValue().equals(colour))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        BigDecimal length = row.hasProblem("length") ? null : row.decimal("length");
        var vehicle = new VehicleData(
                plate,
                plateColor,
                row.text("vehicleType"),
                row.integer("totalMass"),
                length,
                references.enterprise(row, "enterprise"),
                row.text("transportPermit"),
                row.date("inspectionExpiry"));
        TerminalData terminal = null;
        boolean anyTerminalCell = TERMINAL_COLUMNS.stream().anyMatch(key -> row.text(key) != null);
        String terminalPhone = row.text("terminalPhone");
        if (anyTerminalCell && terminalPhone == null) {
            row.problem("terminalPhone", "fleetImport.terminalPhoneMissing");
        } else if (terminalPhone != null) {
            if (!row.hasProblem("terminalPhone")) {
                unique(
                        row,
                        "terminalPhone",
                        FleetRegistry.normalizePhone(terminalPhone.replaceAll("\\s", "")),
                        terminalPhones);
            }
            String year = row.text("protocolVersion");
            terminal = new TerminalData(
                    terminalPhone,
                    row.text("deviceId"),
                    row.text("terminalModel"),
                    "V" + (year == null || !PROTOCOL_YEARS.contains(year) ? "2013" : year),
                    row.text("sim"),
                    null);
        }
        String driverIdNumber = IdNumbers.normalize(row.text("primaryDriver"));
        if (driverIdNumber != null) {
            Optional<String> wrong = IdNumbers.violation(driverIdNumber, today);
            if (wrong.isPresent()) {
                row.problem("primaryDriver", wrong.get());
                driverIdNumber = null;
            }
        }
        return new VehicleRow(vehicle, terminal, driverIdNumber);
    }

    /** Two rows may not hold the same value once normalised as the registry stores it (鲁Q·12345 is 鲁Q12345). */
    private static void unique(SheetRow row, String key, String normalized, Map<String, Integer> first) {
        if (normalized == null || normalized.isEmpty()) {
            return;
        }
        Integer earlier = first.putIfAbsent(normalized, row.number());
        if (earlier != null) {
            row.problem(key, "spreadsheet.cell.duplicate", earlier);
        }
    }

    /** The export's columns: the template's, then the primary driver and the status. */
    List<SheetColumn> exportColumns() {
        List<SheetColumn> columns = new ArrayList<>(schema(List.of(), false).columns());
        columns.add(SheetColumn.text("primaryDriverName", "主驾姓名"));
        columns.add(SheetColumn.text("primaryDriverPhone", "主驾手机号").width(16));
        columns.add(SheetColumn.text("active", "状态").width(10));
        return columns;
    }

    /**
     * One vehicle as an export row.
     *
     * @param terminal its terminal, or null
     * @param primaryDriver its primary driver as the exporting user may see him (ID number always
     *     masked, phone masked unless he may see it), or null
     */
    static List<Object> exportRow(VehicleDetails v, TerminalDetails terminal, Driver primaryDriver) {
        List<Object> values = new ArrayList<>();
        values.add(v.plate());
        values.add(PLATE_COLOURS.getOrDefault(v.plateColor(), String.valueOf(v.plateColor())));
        values.add(v.vehicleType());
        values.add(v.totalMassKg());
        values.add(v.lengthM());
        values.add(v.enterpriseName());
        values.add(v.transportPermit());
        values.add(v.inspectionExpiry());
        values.add(terminal == null ? null : terminal.phone());
        values.add(terminal == null ? null : terminal.deviceId());
        values.add(terminal == null ? null : terminal.model());
        values.add(
                terminal == null || terminal.protocolVersion() == null
                        ? null
                        : terminal.protocolVersion().replaceFirst("^V", ""));
        values.add(terminal == null ? null : terminal.sim());
        values.add(primaryDriver == null ? null : primaryDriver.idNumberMasked());
        values.add(primaryDriver == null ? v.primaryDriverName() : primaryDriver.name());
        values.add(primaryDriver == null ? null : primaryDriver.phone());
        values.add(v.active() ? "在册" : "已停用");
        return values;
    }

    private static Map<Integer, String> plateColourLabels() {
        Map<Integer, String> labels = new LinkedHashMap<>();
        labels.put(1, "蓝色");
        labels.put(2, "黄色");
        labels.put(3, "黑色");
        labels.put(4, "白色");
        labels.put(5, "绿色");
        labels.put(9, "其他");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
