package org.redwheel.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.redwheel.InvalidInputException;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessment metrics page (考核指标): a day's table of enterprises with each metric, its points
 * and the total, the county row, charts of the scores and the county's 30-day trend, the
 * definitions, the Excel export, and the county administrator's recomputation of a day. An
 * enterprise user sees his own enterprise's row and the county's.
 */
@Controller
@RequestMapping("/console/assessment")
@PreAuthorize("hasAnyAuthority('MONITORING', 'ORGANIZATION_READ')")
class AssessmentConsoleController {

    static final int TREND_DAYS = 30;

    /** Sort keys of the table, each with the value it sorts by; anything else sorts by the total. */
    static final Map<String, Function<AssessmentResult, Comparable<?>>> SORTS = sorts();

    private final Assessments assessments;
    private final AssessmentProperties properties;
    private final MessageSource messages;
    private final JsonMapper json;

    AssessmentConsoleController(
            Assessments assessments, AssessmentProperties properties, MessageSource messages, JsonMapper json) {
        this.assessments = assessments;
        this.properties = properties;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(defaultValue = "total") String sort,
            @RequestParam(defaultValue = "desc") String direction,
            Model model,
            Locale locale) {
        StaffUser user = StaffUser.require();
        LocalDate shown = day != null
                ? day
                : assessments.latestDay().orElse(assessments.today().minusDays(1));
        String sortKey = SORTS.containsKey(sort) ? sort : "total";
        boolean asc = "asc".equals(direction);
        List<AssessmentResult> rows = assessments.day(user.scope(), shown);
        AssessmentResult county =
                rows.stream().filter(AssessmentResult::county).findFirst().orElse(null);
        List<AssessmentResult> enterprises = sorted(rows, sortKey, asc);
        model.addAttribute("day", shown);
        model.addAttribute("today", assessments.today());
        model.addAttribute("sort", sortKey);
        model.addAttribute("direction", asc ? "asc" : "desc");
        model.addAttribute("county", county);
        model.addAttribute("enterprises", enterprises);
        model.addAttribute("properties", properties);
        model.addAttribute(
                "canRecompute",
                user.has(Permission.ORGANIZATION_WRITE) && user.scope().isCounty());
        model.addAttribute("canSpotCheck", user.has(Permission.MONITORING) || user.has(Permission.ALARM_HANDLE));
        model.addAttribute("scoresJson", json.writeValueAsString(scores(county, enterprises, locale)));
        model.addAttribute(
                "trendJson",
                json.writeValueAsString(trend(assessments.trend(user.scope(), shown, TREND_DAYS), shown, locale)));
        return "monitoring/assessment";
    }

    @GetMapping("/definitions")
    String definitions(Model model) {
        model.addAttribute("properties", properties);
        Map<String, String> rules = new LinkedHashMap<>();
        for (String key : List.of(
                "invalid.latMin",
                "invalid.latMax",
                "invalid.lonMin",
                "invalid.lonMax",
                "invalid.speedMaxKmh",
                "invalid.altitudeMinM",
                "invalid.altitudeMaxM",
                "drift.maxSpeedKmh")) {
            rules.put(key.substring(key.indexOf('.') + 1), assessments.rule(key));
        }
        model.addAttribute("rules", rules);
        return "monitoring/assessment-definitions";
    }

    /** Computes a day again from the stored data (county administrators; audited). */
    @PostMapping("/recompute")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String recompute(@RequestParam(required = false) String day, RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        if (!user.scope().isCounty()) {
            throw new AccessDeniedException("only the county recomputes assessments");
        }
        AuditWriteFilter.target("assessment", day);
        LocalDate parsed = null;
        try {
            parsed = parseDay(day);
            assessments.compute(parsed, user.username());
            redirect.addFlashAttribute("notice", "assessment.recomputed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        }
        return parsed == null ? "redirect:/console/assessment" : "redirect:/console/assessment?day=" + parsed;
    }

    private static LocalDate parseDay(String day) {
        if (day == null || day.isBlank()) {
            throw InvalidInputException.of("day", "validation.required");
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of("day", "assessment.day.format");
        }
    }

    /** The day's table as an Excel workbook with Chinese (or English) headers, county row last. */
    @GetMapping("/export.xlsx")
    void export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(defaultValue = "total") String sort,
            @RequestParam(defaultValue = "desc") String direction,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        LocalDate shown = day != null
                ? day
                : assessments.latestDay().orElse(assessments.today().minusDays(1));
        List<AssessmentResult> rows = assessments.day(StaffUser.require().scope(), shown);
        List<AssessmentResult> ordered =
                new ArrayList<>(sorted(rows, SORTS.containsKey(sort) ? sort : "total", "asc".equals(direction)));
        rows.stream().filter(AssessmentResult::county).forEach(ordered::add);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"assessment-" + shown + ".xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(message("assessment.title", locale) + " " + shown);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            List<Column> columns = columns(locale);
            Row head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                head.createCell(i).setCellValue(message(columns.get(i).header(), locale));
            }
            int r = 1;
            for (AssessmentResult result : ordered) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    Object value = column.value().apply(result);
                    var cell = row.createCell(i);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                        if (column.kind() == Kind.PERCENT) {
                            cell.setCellStyle(percent);
                        } else if (column.kind() == Kind.DECIMAL) {
                            cell.setCellStyle(decimal);
                        }
                    } else {
                        cell.setCellValue(value == null ? "—" : value.toString());
                    }
                }
            }
            sheet.createFreezePane(1, 1);
            sheet.setColumnWidth(0, 40 * 256);
            workbook.write(response.getOutputStream());
        }
    }

    enum Kind {
        TEXT,
        COUNT,
        PERCENT,
        DECIMAL
    }

    record Column(String header, Kind kind, Function<AssessmentResult, Object> value) {}

    private List<Column> columns(Locale locale) {
        String countyName = message("assessment.county", locale);
        return List.of(
                new Column("assessment.col.enterprise", Kind.TEXT, r -> r.county() ? countyName : r.enterpriseName()),
                new Column(
                        "assessment.col.vehicles", Kind.COUNT, r -> r.counts().vehicles()),
                new Column(
                        "assessment.col.connected", Kind.COUNT, r -> r.counts().connected()),
                new Column("assessment.col.online", Kind.COUNT, r -> r.counts().online()),
                new Column(
                        "assessment.col.connectionRate",
                        Kind.PERCENT,
                        r -> r.rates().connection()),
                new Column(
                        "assessment.col.connectionPoints",
                        Kind.DECIMAL,
                        r -> r.points().connection()),
                new Column(
                        "assessment.col.onlineRate",
                        Kind.PERCENT,
                        r -> r.rates().online()),
                new Column(
                        "assessment.col.onlinePoints",
                        Kind.DECIMAL,
                        r -> r.points().online()),
                new Column(
                        "assessment.col.totalKm", Kind.DECIMAL, r -> r.counts().totalKm()),
                new Column(
                        "assessment.col.completeKm",
                        Kind.DECIMAL,
                        r -> r.counts().completeKm()),
                new Column(
                        "assessment.col.completenessRate",
                        Kind.PERCENT,
                        r -> r.rates().completeness()),
                new Column(
                        "assessment.col.completenessPoints",
                        Kind.DECIMAL,
                        r -> r.points().completeness()),
                new Column("assessment.col.fixes", Kind.COUNT, r -> r.counts().fixes()),
                new Column(
                        "assessment.col.validFixes", Kind.COUNT, r -> r.counts().validFixes()),
                new Column(
                        "assessment.col.validityRate",
                        Kind.PERCENT,
                        r -> r.rates().validity()),
                new Column(
                        "assessment.col.validityPoints",
                        Kind.DECIMAL,
                        r -> r.points().validity()),
                new Column(
                        "assessment.col.drifting", Kind.COUNT, r -> r.counts().drifting()),
                new Column(
                        "assessment.col.driftRate", Kind.PERCENT, r -> r.rates().drift()),
                new Column(
                        "assessment.col.driftPoints",
                        Kind.DECIMAL,
                        r -> r.points().drift()),
                new Column(
                        "assessment.col.overspeeds", Kind.COUNT, r -> r.counts().overspeeds()),
                new Column(
                        "assessment.col.overspeedsPerVehicle",
                        Kind.DECIMAL,
                        r -> r.rates().overspeedsPerVehicle()),
                new Column(
                        "assessment.col.overspeedPoints",
                        Kind.DECIMAL,
                        r -> r.points().overspeed()),
                new Column(
                        "assessment.col.fatigueMinutes",
                        Kind.DECIMAL,
                        r -> r.rates().fatigueMinutesPerVehicle()),
                new Column(
                        "assessment.col.fatiguePoints",
                        Kind.DECIMAL,
                        r -> r.points().fatigue()),
                new Column(
                        "assessment.col.spotChecks", Kind.COUNT, r -> r.counts().spotChecks()),
                new Column(
                        "assessment.col.spotChecksInTime",
                        Kind.COUNT,
                        r -> r.counts().spotChecksInTime()),
                new Column(
                        "assessment.col.spotCheckRate",
                        Kind.PERCENT,
                        r -> r.rates().spotCheck()),
                new Column(
                        "assessment.col.spotCheckPoints",
                        Kind.DECIMAL,
                        r -> r.points().spotCheck()),
                new Column("assessment.col.total", Kind.DECIMAL, r -> r.points().total()));
    }

    /** The enterprise rows (not the county's) in the requested order; rows without a value last. */
    static List<AssessmentResult> sorted(List<AssessmentResult> rows, String sortKey, boolean asc) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Function<AssessmentResult, Comparable> key = (Function) SORTS.get(sortKey);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<Comparable> order = asc ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<AssessmentResult> comparator = Comparator.comparing(key, Comparator.nullsLast(order));
        return rows.stream()
                .filter(r -> !r.county())
                .sorted(comparator.thenComparing(AssessmentResult::enterpriseName))
                .toList();
    }

    private static Map<String, Function<AssessmentResult, Comparable<?>>> sorts() {
        Map<String, Function<AssessmentResult, Comparable<?>>> sorts = new LinkedHashMap<>();
        sorts.put("enterprise", AssessmentResult::enterpriseName);
        sorts.put("connection", r -> r.rates().connection());
        sorts.put("online", r -> r.rates().online());
        sorts.put("completeness", r -> r.rates().completeness());
        sorts.put("validity", r -> r.rates().validity());
        sorts.put("drift", r -> r.rates().drift());
        sorts.put("overspeed", r -> r.rates().overspeedsPerVehicle());
        sorts.put("fatigue", r -> r.rates().fatigueMinutesPerVehicle());
        sorts.put("spotCheck", r -> r.rates().spotCheck());
        sorts.put("total", r -> r.points().total());
        return java.util.Collections.unmodifiableMap(sorts);
    }

    /** The bar chart's data: assessed enterprises by total score, and the county's score. */
    private Map<String, Object> scores(AssessmentResult county, List<AssessmentResult> enterprises, Locale locale) {
        List<AssessmentResult> assessed = enterprises.stream()
                .filter(AssessmentResult::assessed)
                .sorted(Comparator.comparing((AssessmentResult r) -> r.points().total()))
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "names", assessed.stream().map(AssessmentResult::enterpriseName).toList());
        data.put(
                "totals",
                assessed.stream().map(r -> r.points().total().doubleValue()).toList());
        data.put(
                "county",
                county == null || county.points().total() == null
                        ? null
                        : county.points().total().doubleValue());
        data.put("countyLabel", message("assessment.countyScore", locale));
        data.put("scoreLabel", message("assessment.col.total", locale));
        return data;
    }

    /** The line chart's data: one point per day, empty where the day was not computed. */
    private Map<String, Object> trend(List<AssessmentResult> rows, LocalDate until, Locale locale) {
        List<String> days = new ArrayList<>();
        List<Double> countyLine = new ArrayList<>();
        List<Double> enterpriseLine = new ArrayList<>();
        boolean hasEnterprise = rows.stream().anyMatch(r -> !r.county());
        for (int i = TREND_DAYS - 1; i >= 0; i--) {
            LocalDate day = until.minusDays(i);
            days.add(day.toString().substring(5));
            countyLine.add(total(rows, day, true));
            enterpriseLine.add(total(rows, day, false));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("days", days);
        data.put("county", countyLine);
        data.put("countyLabel", message("assessment.county", locale));
        if (hasEnterprise) {
            data.put("enterprise", enterpriseLine);
            data.put("enterpriseLabel", message("assessment.ownEnterprise", locale));
        }
        return data;
    }

    private static Double total(List<AssessmentResult> rows, LocalDate day, boolean county) {
        return rows.stream()
                .filter(r -> r.day().equals(day)
                        && r.county() == county
                        && r.points().total() != null)
                .map(r -> r.points().total())
                .map(BigDecimal::doubleValue)
                .findFirst()
                .orElse(null);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
