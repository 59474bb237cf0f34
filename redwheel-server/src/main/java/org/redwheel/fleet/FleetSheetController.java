package org.redwheel.fleet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.StaffUser;
import org.redwheel.spreadsheet.ImportJobView;
import org.redwheel.spreadsheet.ImportRefusedException;
import org.redwheel.spreadsheet.SheetImport;
import org.redwheel.spreadsheet.SheetImports;
import org.redwheel.spreadsheet.SheetWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The driver list and the vehicle list in Excel: the import templates, the import pages and
 * uploads (fleet writers, into their own scope), and the export of each list as filtered and sorted
 * on screen (every fleet reader; ID numbers masked unless a user allowed to see them asks for them
 * in full, phone numbers masked for roles that do not call drivers; each export audited).
 */
@Controller
@RequestMapping("/console/fleet")
@PreAuthorize("hasAuthority('FLEET_READ')")
class FleetSheetController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final int EXPORT_LIMIT = 100_000;

    /** The value of {@code idNumbers} that asks for full ID numbers in a driver export. */
    static final String FULL = "full";

    private final DriverSheets driverSheets;
    private final VehicleSheets vehicleSheets;
    private final Drivers drivers;
    private final Vehicles vehicles;
    private final Terminals terminals;
    private final SheetImports imports;
    private final AuditLog audit;
    private final Clock clock;

    FleetSheetController(
            DriverSheets driverSheets,
            VehicleSheets vehicleSheets,
            Drivers drivers,
            Vehicles vehicles,
            Terminals terminals,
            SheetImports imports,
            AuditLog audit,
            Clock clock) {
        this.driverSheets = driverSheets;
        this.vehicleSheets = vehicleSheets;
        this.drivers = drivers;
        this.vehicles = vehicles;
        this.terminals = terminals;
        this.imports = imports;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/drivers/template.xlsx")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    ResponseEntity<byte[]> driverTemplate() {
        return xlsx(
                DriverSheets.SHEET + "导入模板.xlsx",
                imports.template(driverSheets.schema(StaffUser.require().scope())));
    }

    @GetMapping("/vehicles/template.xlsx")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    ResponseEntity<byte[]> vehicleTemplate() {
        return xlsx(
                VehicleSheets.SHEET + "导入模板.xlsx",
                imports.template(vehicleSheets.schema(StaffUser.require().scope())));
    }

    @GetMapping("/drivers/import")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String driverImportPage(Model model) {
        return importPage(model, "drivers");
    }

    @GetMapping("/vehicles/import")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String vehicleImportPage(Model model) {
        return importPage(model, "vehicles");
    }

    @PostMapping("/drivers/import")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String uploadDrivers(
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return upload(driverSheets.importer(StaffUser.require()), "drivers", file, htmx, request, response, model);
    }

    @PostMapping("/vehicles/import")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    String uploadVehicles(
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return upload(vehicleSheets.importer(StaffUser.require()), "vehicles", file, htmx, request, response, model);
    }

    /**
     * The driver list as filtered and sorted on screen, as a workbook.
     *
     * @param idNumbers {@value #FULL} for the full ID numbers (only for users allowed to see them)
     */
    @GetMapping("/drivers/export.xlsx")
    void exportDrivers(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Long villageId,
            @RequestParam(required = false) String partyStatus,
            @RequestParam(required = false) Boolean expiring,
            @RequestParam(defaultValue = "true") Boolean active,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @RequestParam(required = false) String idNumbers,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        StaffUser user = StaffUser.require();
        boolean full = FULL.equals(idNumbers);
        if (full && !DriverPrivacy.mayRevealIdNumber(user)) {
            throw new AccessDeniedException("full ID numbers need the driver personal data right");
        }
        boolean independent = DriverConsoleController.INDEPENDENT.equals(enterprise);
        Long enterpriseId = independent ? null : FleetForms.id(enterprise);
        PartyStatus status = FleetForms.enumOrNull(PartyStatus.class, partyStatus);
        var filter = new DriverFilter(
                q, enterpriseId, independent ? Boolean.TRUE : null, townshipId, villageId, status, expiring, active);
        String sortKey = Drivers.SORTS.containsKey(sort) ? sort : "name";
        boolean ascending = !"desc".equals(direction);
        List<Driver> rows = drivers.export(user.scope(), filter, sortKey, ascending, EXPORT_LIMIT);
        Map<Long, String> fullNumbers = full
                ? drivers.fullIdNumbers(
                        user.scope(), rows.stream().map(Driver::id).toList())
                : Map.of();
        boolean phonesInFull = DriverPrivacy.seesPhones(user);
        audit.record(
                user.username(),
                "EXPORT drivers",
                "driver",
                null,
                AuditLog.SUCCESS,
                "filter: q=" + auditable(q) + ", enterprise=" + text(enterprise) + ", townshipId=" + text(townshipId)
                        + ", villageId=" + text(villageId) + ", partyStatus=" + (status == null ? "" : status.name())
                        + ", expiring=" + text(expiring) + ", active=" + text(active) + "; sort=" + sortKey
                        + (ascending ? " asc" : " desc") + "; rows=" + rows.size()
                        + (rows.size() == EXPORT_LIMIT ? " (limit reached)" : "")
                        + (full ? "; ID numbers in full (unmasked)" : "; ID numbers masked")
                        + (phonesInFull ? "; phones in full" : "; phones masked"),
                request.getRemoteAddr());
        startDownload(response, DriverSheets.SHEET);
        SheetWriter.export(
                DriverSheets.SHEET,
                driverSheets.exportColumns(),
                rows.stream()
                        .map(d -> DriverSheets.exportRow(DriverPrivacy.forViewer(d, user), fullNumbers.get(d.id())))
                        .toList(),
                response.getOutputStream());
    }

    /** The vehicle list as filtered and sorted on screen, with terminals and primary drivers, as a workbook. */
    @GetMapping("/vehicles/export.xlsx")
    void exportVehicles(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) Boolean expiring,
            @RequestParam(required = false) Boolean withTerminal,
            @RequestParam(defaultValue = "true") Boolean active,
            @RequestParam(defaultValue = "plate") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        StaffUser user = StaffUser.require();
        boolean independent = DriverConsoleController.INDEPENDENT.equals(enterprise);
        Long enterpriseId = independent ? null : FleetForms.id(enterprise);
        var filter =
                new VehicleFilter(q, enterpriseId, independent ? Boolean.TRUE : null, expiring, withTerminal, active);
        String sortKey = Vehicles.SORTS.containsKey(sort) ? sort : "plate";
        boolean ascending = !"desc".equals(direction);
        List<VehicleDetails> rows = vehicles.export(user.scope(), filter, sortKey, ascending, EXPORT_LIMIT);
        Map<Long, TerminalDetails> fitted =
                terminals.ofVehicles(rows.stream().map(VehicleDetails::id).toList());
        Map<Long, Driver> primaries = drivers.findAll(
                user.scope(),
                rows.stream()
                        .map(VehicleDetails::primaryDriverId)
                        .filter(Objects::nonNull)
                        .toList());
        boolean phonesInFull = DriverPrivacy.seesPhones(user);
        audit.record(
                user.username(),
                "EXPORT vehicles",
                "vehicle",
                null,
                AuditLog.SUCCESS,
                "filter: q=" + auditable(q) + ", enterprise=" + text(enterprise) + ", expiring=" + text(expiring)
                        + ", withTerminal=" + text(withTerminal) + ", active=" + text(active) + "; sort=" + sortKey
                        + (ascending ? " asc" : " desc") + "; rows=" + rows.size()
                        + (rows.size() == EXPORT_LIMIT ? " (limit reached)" : "")
                        + "; primary drivers' ID numbers masked"
                        + (phonesInFull ? "; phones in full" : "; phones masked"),
                request.getRemoteAddr());
        startDownload(response, VehicleSheets.SHEET);
        SheetWriter.export(
                VehicleSheets.SHEET,
                vehicleSheets.exportColumns(),
                rows.stream()
                        .map(v -> {
                            Driver primary = v.primaryDriverId() == null ? null : primaries.get(v.primaryDriverId());
                            return VehicleSheets.exportRow(
                                    v,
                                    fitted.get(v.id()),
                                    primary == null ? null : DriverPrivacy.forViewer(primary, user));
                        })
                        .toList(),
                response.getOutputStream());
    }

    private String importPage(Model model, String kind) {
        model.addAttribute("limits", imports.limits());
        model.addAttribute("kind", kind);
        return "fleet/import";
    }

    private String upload(
            SheetImport<?> importer,
            String kind,
            MultipartFile file,
            String htmx,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("limits", imports.limits());
        model.addAttribute("kind", kind);
        try {
            ImportJobView job = imports.start(importer, file, request, "/console/fleet/" + kind);
            AuditWriteFilter.target("import-job", job.id());
            model.addAttribute("job", job);
            return htmx != null ? "spreadsheet/import :: job" : "fleet/import";
        } catch (ImportRefusedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", imports.explain(e, request));
            return htmx != null ? "spreadsheet/import :: refused" : "fleet/import";
        }
    }

    /** The search text for the audit log: a whole ID number searched for is written masked. */
    private static String auditable(String q) {
        if (q == null) {
            return "";
        }
        String number = IdNumbers.normalize(q);
        return number.matches("\\d{17}[\\dX]") ? IdNumbers.mask(number) : q.strip();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private void startDownload(HttpServletResponse response, String sheet) {
        response.setContentType(XLSX.toString());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, disposition(sheet + "-" + STAMP.format(clock.instant()) + ".xlsx"));
    }

    private static ResponseEntity<byte[]> xlsx(String fileName, byte[] body) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
                .body(body);
    }

    private static String disposition(String fileName) {
        return ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString();
    }
}
