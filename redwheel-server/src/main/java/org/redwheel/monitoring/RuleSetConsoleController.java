package org.redwheel.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redwheel.InvalidInputException;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
import org.redwheel.safety.RuleSet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule-set editor: every rule with its value, source and a plain description; a new version from
 * edited values; the history with what changed; activation (and rollback) of any version; export to
 * and import from the text file the replay command reads. Monitoring staff read, the system
 * administrator edits.
 */
@Controller
@RequestMapping("/console/rule-sets")
@PreAuthorize("hasAnyAuthority('MONITORING', 'SYSTEM_ADMIN')")
class RuleSetConsoleController {

    static final String VALUE = "value:";
    static final String SOURCE = "source:";

    private final RuleSets ruleSets;
    private final SafetyMonitor safety;

    RuleSetConsoleController(RuleSets ruleSets, SafetyMonitor safety) {
        this.ruleSets = ruleSets;
        this.safety = safety;
    }

    /** A rule as the editor shows it. */
    record RuleRow(String key, String group, String value, String source, String configured, boolean groupStart) {}

    /** A version in the history, with what changed from the version it was made from (null: the first). */
    record HistoryRow(RuleSetVersion version, String base, List<RuleSets.Difference> changes) {}

    /** The editor, on the active version or on the version given as {@code base}. */
    @GetMapping
    String editor(@RequestParam(required = false) Long base, Model model) {
        return editor(model, base, List.of(), Map.of(), Map.of());
    }

    @GetMapping("/{id}")
    String version(@PathVariable long id, Model model) {
        RuleSetVersion version = ruleSets.get(id);
        RuleSetVersion active = ruleSets.active();
        model.addAttribute("version", version);
        model.addAttribute("rows", rows(version.ruleSet(), Map.of(), Map.of()));
        model.addAttribute("base", ruleSets.base(version).orElse(null));
        model.addAttribute("changes", ruleSets.changes(version));
        model.addAttribute("active", active);
        model.addAttribute("againstActive", RuleSets.differences(active.ruleSet(), version.ruleSet()));
        model.addAttribute("canEdit", canEdit());
        return "monitoring/rule-set";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    String save(
            @RequestParam Map<String, String> form,
            @RequestParam long baseId,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "false") boolean activate,
            Model model,
            RedirectAttributes redirect) {
        RuleSet base = ruleSets.get(baseId).ruleSet();
        List<RuleSets.RuleChange> changes = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (RuleSet.Rule rule : base.rules()) {
            String value = form.getOrDefault(VALUE + rule.key(), rule.value());
            String source = form.getOrDefault(SOURCE + rule.key(), rule.source());
            values.put(rule.key(), value);
            sources.put(rule.key(), source);
            changes.add(new RuleSets.RuleChange(rule.key(), value, source));
        }
        long id;
        try {
            id = ruleSets.create(
                    baseId,
                    version,
                    note,
                    changes,
                    activate,
                    StaffUser.require().username());
        } catch (InvalidInputException e) {
            model.addAttribute("formVersion", version);
            model.addAttribute("formNote", note);
            model.addAttribute("formActivate", activate);
            return editor(model, baseId, e.violations(), values, sources);
        }
        AuditWriteFilter.target("rule-set", id);
        redirect.addFlashAttribute("notice", activate ? "ruleSet.savedActive" : "ruleSet.saved");
        return "redirect:/console/rule-sets/" + id;
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        AuditWriteFilter.target("rule-set", id);
        ruleSets.activate(id, StaffUser.require().username());
        redirect.addFlashAttribute("notice", "ruleSet.activated");
        return "redirect:/console/rule-sets/" + id;
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    String importText(
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "false") boolean activate,
            Model model,
            RedirectAttributes redirect) {
        long id;
        try {
            id = ruleSets.importText(
                    text, version, note, activate, StaffUser.require().username());
        } catch (InvalidInputException e) {
            model.addAttribute("importText", text);
            model.addAttribute("importVersion", version);
            model.addAttribute("importNote", note);
            model.addAttribute("importViolations", e.violations());
            return editor(model, null, List.of(), Map.of(), Map.of());
        }
        AuditWriteFilter.target("rule-set", id);
        redirect.addFlashAttribute("notice", activate ? "ruleSet.importedActive" : "ruleSet.imported");
        return "redirect:/console/rule-sets/" + id;
    }

    /** A version as the text file {@code replay --rules FILE} reads. */
    @GetMapping("/{id}/export")
    ResponseEntity<String> export(@PathVariable long id) {
        RuleSetVersion version = ruleSets.get(id);
        return textFile(version.ruleSet().toText(), version.version());
    }

    /** What the engine runs now: the active version with the configuration's overrides. */
    @GetMapping("/running/export")
    ResponseEntity<String> exportRunning() {
        RuleSet running = safety.rules();
        return textFile(running.toText(), running.version());
    }

    static ResponseEntity<String> textFile(String text, String version) {
        String safe = version.replaceAll("[^A-Za-z0-9._-]", "_");
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("redwheel-rules-" + safe + ".properties", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(text);
    }

    private String editor(
            Model model,
            Long baseId,
            List<InvalidInputException.Violation> violations,
            Map<String, String> values,
            Map<String, String> sources) {
        RuleSetVersion active = ruleSets.active();
        RuleSetVersion base = baseId == null ? active : ruleSets.get(baseId);
        Map<Long, String> labels = new LinkedHashMap<>();
        List<RuleSetVersion> versions = ruleSets.list();
        versions.forEach(v -> labels.put(v.id(), v.version()));
        List<HistoryRow> history = versions.stream()
                .map(v -> new HistoryRow(v, v.basedOn() == null ? null : labels.get(v.basedOn()), ruleSets.changes(v)))
                .toList();
        model.addAttribute("active", active);
        model.addAttribute("base", base);
        model.addAttribute("running", safety.rules().version());
        model.addAttribute("rows", rows(base.ruleSet(), values, sources));
        model.addAttribute("history", history);
        model.addAttribute("violations", violations);
        if (!model.containsAttribute("importViolations")) {
            model.addAttribute("importViolations", List.of());
        }
        model.addAttribute("canEdit", canEdit());
        return "monitoring/rule-sets";
    }

    private List<RuleRow> rows(RuleSet rules, Map<String, String> values, Map<String, String> sources) {
        Map<String, String> overrides = safety.overrides();
        List<RuleRow> rows = new ArrayList<>();
        String group = null;
        for (RuleSet.Rule rule : rules.rules()) {
            String ruleGroup = rule.key().substring(0, rule.key().indexOf('.'));
            rows.add(new RuleRow(
                    rule.key(),
                    ruleGroup,
                    values.getOrDefault(rule.key(), rule.value()),
                    sources.getOrDefault(rule.key(), rule.source()),
                    overrides.get(rule.key()),
                    !ruleGroup.equals(group)));
            group = ruleGroup;
        }
        return rows;
    }

    private static boolean canEdit() {
        return StaffUser.require().has(Permission.SYSTEM_ADMIN);
    }
}
