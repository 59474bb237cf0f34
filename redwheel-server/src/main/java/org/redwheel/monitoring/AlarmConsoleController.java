package org.redwheel.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.redwheel.InvalidInputException;
import org.redwheel.PageRequest;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The monitoring ledger (动态监控台账): search, export to Excel, and each alarm's handling. */
@Controller
@RequestMapping("/console/alarms")
@PreAuthorize("hasAuthority('FLEET_READ')")
class AlarmConsoleController {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int EXPORT_LIMIT = 100_000;

    private final Alarms alarms;
    private final SafetyMonitor safety;
    private final MessageSource messages;

    AlarmConsoleController(Alarms alarms, SafetyMonitor safety, MessageSource messages) {
        this.alarms = alarms;
        this.safety = safety;
        this.messages = messages;
    }

    @GetMapping
    String ledger(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) AlarmStatus status,
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        var scope = StaffUser.require().scope();
        var filter = filter(type, status, plate, from, to, overdue);
        model.addAttribute("result", alarms.search(scope, filter, new PageRequest(page, 30, "start", false)));
        model.addAttribute("type", type);
        model.addAttribute("status", status);
        model.addAttribute("plate", plate);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("overdue", overdue);
        model.addAttribute("types", org.redwheel.safety.EventType.values());
        model.addAttribute("statuses", AlarmStatus.values());
        LocalDate today = LocalDate.now(BEIJING);
        model.addAttribute(
                "rate",
                alarms.handlingRate(
                        scope, today.minusDays(30).atStartOfDay(BEIJING).toInstant(), Instant.now()));
        return htmx != null ? "monitoring/alarms :: results" : "monitoring/alarms";
    }

    @GetMapping("/{id}")
    String alarm(@PathVariable long id, Model model) {
        StaffUser user = StaffUser.require();
        Alarm alarm = alarms.get(user.scope(), id);
        model.addAttribute("alarm", alarm);
        model.addAttribute("steps", alarms.steps(id));
        model.addAttribute("actions", HandlingAction.values());
        model.addAttribute("canHandle", user.has(Permission.ALARM_HANDLE));
        model.addAttribute("overdue", alarm.overdueAt(Instant.now()));
        if (alarm.vehicleId() != null) {
            safety.status(alarm.vehicleId()).ifPresent(status -> {
                model.addAttribute("todayDriving", ReminderTexts.duration(status.todayDrivingS()));
                model.addAttribute("continuousDriving", ReminderTexts.duration(status.continuousDrivingS()));
                model.addAttribute("currentLimit", status.currentLimitKmh());
            });
        }
        return "monitoring/alarm";
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasAuthority('ALARM_HANDLE')")
    Object acknowledge(
            @PathVariable long id,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("alarm", id);
        alarms.acknowledge(user.scope(), id, user.username());
        if (htmx != null) {
            return ResponseEntity.noContent().build();
        }
        redirect.addFlashAttribute("notice", "alarm.acknowledged");
        return "redirect:/console/alarms/" + id;
    }

    @PostMapping("/{id}/handle")
    @PreAuthorize("hasAuthority('ALARM_HANDLE')")
    String handle(
            @PathVariable long id,
            @RequestParam(required = false) HandlingAction action,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.require();
        AuditWriteFilter.target("alarm", id);
        try {
            alarms.handle(user.scope(), id, user.username(), action, note);
            redirect.addFlashAttribute("notice", "alarm.handled");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        }
        return "redirect:/console/alarms/" + id;
    }

    /** The filtered ledger as an Excel workbook (streamed, so large exports use little memory). */
    @GetMapping("/export.xlsx")
    void export(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) AlarmStatus status,
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean overdue,
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        var locale = RequestContextUtils.getLocale(request);
        var filter = filter(type, status, plate, from, to, overdue);
        List<Alarm> rows = alarms.export(StaffUser.require().scope(), filter, EXPORT_LIMIT);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"monitoring-ledger.xlsx\"");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(messages.getMessage("alarm.ledger", null, locale));
            String[] headers = {
                "alarm.id",
                "vehicle.plate",
                "alarm.type",
                "alarm.start",
                "alarm.end",
                "alarm.detail",
                "alarm.status",
                "alarm.reminders",
                "alarm.handledBy",
                "alarm.handledAt",
                "alarm.action",
                "alarm.note"
            };
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(messages.getMessage(headers[i], null, locale));
            }
            int r = 1;
            for (Alarm a : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(a.id());
                row.createCell(1).setCellValue(text(a.plate()));
                row.createCell(2).setCellValue(messages.getMessage(a.typeMessageKey(), null, a.type(), locale));
                row.createCell(3).setCellValue(time(a.startTime()));
                row.createCell(4).setCellValue(time(a.endTime()));
                row.createCell(5).setCellValue(a.detail());
                row.createCell(6).setCellValue(messages.getMessage(a.status().messageKey(), null, locale));
                row.createCell(7).setCellValue(a.reminderCount());
                row.createCell(8).setCellValue(text(a.handledBy()));
                row.createCell(9).setCellValue(time(a.handledAt()));
                row.createCell(10)
                        .setCellValue(
                                a.handlingAction() == null
                                        ? ""
                                        : messages.getMessage(a.handlingAction().messageKey(), null, locale));
                row.createCell(11).setCellValue(text(a.handlingNote()));
            }
            workbook.write(response.getOutputStream());
        }
    }

    private static Alarms.Filter filter(
            String type, AlarmStatus status, String plate, LocalDate from, LocalDate to, boolean overdue) {
        return new Alarms.Filter(
                type,
                status,
                plate,
                from == null ? null : from.atStartOfDay(BEIJING).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(BEIJING).toInstant(),
                overdue);
    }

    private static String time(Instant instant) {
        return instant == null
                ? ""
                : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .format(instant.atZone(BEIJING));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
