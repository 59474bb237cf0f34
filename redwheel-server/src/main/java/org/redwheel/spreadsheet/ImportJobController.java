package org.redwheel.spreadsheet;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.redwheel.RecordNotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * An import's progress and summary, polled by the console with htmx, and the uploaded file with
 * its problems marked. Only the account and session that started an import see it; to anyone else
 * it does not exist.
 */
@Controller
@RequestMapping("/console/imports")
class ImportJobController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SheetImports imports;

    ImportJobController(SheetImports imports) {
        this.imports = imports;
    }

    @GetMapping("/{id}")
    String status(
            @PathVariable String id,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            Model model) {
        ImportJob job = imports.find(id, request).orElseThrow(() -> new RecordNotFoundException("import", id));
        model.addAttribute("job", imports.view(job));
        return htmx != null ? "spreadsheet/import :: job" : "spreadsheet/job";
    }

    @GetMapping("/{id}/annotated.xlsx")
    ResponseEntity<byte[]> annotated(@PathVariable String id, HttpServletRequest request) {
        ImportJob job = imports.find(id, request).orElseThrow(() -> new RecordNotFoundException("import", id));
        ImportJob.Outcome outcome = job.outcome();
        if (outcome == null || outcome.annotated() == null) {
            throw new RecordNotFoundException("annotated import file", id);
        }
        String base = job.fileName.replaceFirst("(?i)\\.(xlsx|xlsm|xls|csv)$", "");
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(base + "-" + SheetSchema.ERROR_HEADER + ".xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(outcome.annotated());
    }
}
