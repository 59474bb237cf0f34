package org.redwheel.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's view of the audit log: search and export, never edit. */
@Controller
@RequestMapping("/console/audit")
@PreAuthorize("hasAuthority('AUDIT_READ')")
class AuditController {

    private static final int PAGE_SIZE = 50;
    private static final int EXPORT_LIMIT = 100_000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    String search(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var query = new AuditLog.AuditQuery(actor, action, result, from, to);
        int safePage = Math.max(page, 0);
        model.addAttribute("events", audit.search(query, safePage * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("total", audit.count(query));
        model.addAttribute("page", safePage);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("query", query);
        return "identity/audit";
    }

    /** CSV with a byte-order mark, so Excel opens the Chinese text correctly. */
    @GetMapping("/export.csv")
    void export(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        var query = new AuditLog.AuditQuery(actor, action, result, from, to);
        List<AuditEvent> events = audit.search(query, 0, EXPORT_LIMIT);
        audit.record(
                StaffUser.require().username(),
                "EXPORT audit log",
                "audit",
                null,
                AuditLog.SUCCESS,
                events.size() + " rows",
                null);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        PrintWriter out = response.getWriter();
        out.write('\uFEFF');
        out.println("id,time,actor,action,target_type,target_id,result,detail,remote_address");
        for (AuditEvent e : events) {
            out.println(String.join(
                    ",",
                    String.valueOf(e.id()),
                    TIME.format(e.occurredAt()),
                    csv(e.actor()),
                    csv(e.action()),
                    csv(e.targetType()),
                    csv(e.targetId()),
                    csv(e.result()),
                    csv(e.detail()),
                    csv(e.remoteAddress())));
        }
        out.flush();
    }

    /** Quotes a CSV cell and defuses spreadsheet formulas (a cell starting with = + - @). */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
