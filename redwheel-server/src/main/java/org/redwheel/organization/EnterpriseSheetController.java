package org.redwheel.organization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
import org.redwheel.spreadsheet.ImportJobView;
import org.redwheel.spreadsheet.ImportRefusedException;
import org.redwheel.spreadsheet.SheetImports;
import org.redwheel.spreadsheet.SheetWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The enterprise list in Excel: the import template, the import page and upload (county-level
 * writers), and the export of the filtered list (every reader, phone numbers masked for readers
 * without the organisation-write right; each export audited).
 */
@Controller
@RequestMapping("/console/enterprises")
@PreAuthorize("hasAuthority('ORGANIZATION_READ')")
class EnterpriseSheetController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final int EXPORT_LIMIT = 100_000;

    private final EnterpriseSheets sheets;
    private final EnterpriseRegistry enterprises;
    private final SheetImports imports;
    private final AuditLog audit;
    private final Clock clock;

    EnterpriseSheetController(
            EnterpriseSheets sheets,
            EnterpriseRegistry enterprises,
            SheetImports imports,
            AuditLog audit,
            Clock clock) {
        this.sheets = sheets;
        this.enterprises = enterprises;
        this.imports = imports;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/template.xlsx")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    ResponseEntity<byte[]> template() {
        return xlsx(
                EnterpriseSheets.SHEET + "导入模板.xlsx",
                imports.template(sheets.schema(StaffUser.require().scope())));
    }

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String importPage(Model model) {
        model.addAttribute("limits", imports.limits());
        return "organization/enterprise-import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    String upload(
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("limits", imports.limits());
        try {
            ImportJobView job =
                    imports.start(sheets.importer(StaffUser.require().scope()), file, request, "/console/enterprises");
            AuditWriteFilter.target("import-job", job.id());
            model.addAttribute("job", job);
            return htmx != null ? "spreadsheet/import :: job" : "organization/enterprise-import";
        } catch (ImportRefusedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", imports.explain(e, request));
            return htmx != null ? "spreadsheet/import :: refused" : "organization/enterprise-import";
        }
    }

    /** The list as filtered and sorted on screen, as a workbook. */
    @GetMapping("/export.xlsx")
    void export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long townshipId,
            @RequestParam(required = false) Boolean withPartyOrganization,
            @RequestParam(defaultValue = "true") Boolean active,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        StaffUser user = StaffUser.require();
        var filter = new EnterpriseFilter(q, townshipId, withPartyOrganization, null, active);
        String sortKey = EnterpriseRegistry.SORTS.containsKey(sort) ? sort : "name";
        boolean ascending = !"desc".equals(direction);
        List<Enterprise> rows = enterprises.export(user.scope(), filter, sortKey, ascending, EXPORT_LIMIT);
        boolean masked = !user.has(Permission.ORGANIZATION_WRITE);
        audit.record(
                user.username(),
                "EXPORT enterprises",
                "enterprise",
                null,
                AuditLog.SUCCESS,
                "filter: q=" + (q == null ? "" : q) + ", townshipId=" + (townshipId == null ? "" : townshipId)
                        + ", withPartyOrganization=" + (withPartyOrganization == null ? "" : withPartyOrganization)
                        + ", active=" + active + "; sort=" + sortKey + (ascending ? " asc" : " desc") + "; rows="
                        + rows.size() + (rows.size() == EXPORT_LIMIT ? " (limit reached)" : "")
                        + (masked ? "; phones masked" : "; phones in full"),
                request.getRemoteAddr());
        response.setContentType(XLSX.toString());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                disposition(EnterpriseSheets.SHEET + "-" + STAMP.format(clock.instant()) + ".xlsx"));
        SheetWriter.export(
                EnterpriseSheets.SHEET,
                sheets.exportColumns(),
                rows.stream().map(e -> EnterpriseSheets.exportRow(e, masked)).toList(),
                response.getOutputStream());
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
