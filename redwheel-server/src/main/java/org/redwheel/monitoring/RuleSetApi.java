package org.redwheel.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.StaffUser;
import org.redwheel.safety.RuleSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the driving-safety rule set: its versions, what changed between them, activation (and
 * rollback) that the engine follows at once, export to and import from the replay command's text
 * format. Monitoring staff read; the system administrator writes.
 */
@RestController
@RequestMapping("/api/v1/monitoring/rule-sets")
@PreAuthorize("hasAnyAuthority('MONITORING', 'SYSTEM_ADMIN')")
@Tag(name = "rule-sets", description = "Driving-safety rule sets, versioned (安全规则集)")
@SecurityRequirement(name = "bearer")
class RuleSetApi {

    private final RuleSets ruleSets;
    private final SafetyMonitor safety;

    RuleSetApi(RuleSets ruleSets, SafetyMonitor safety) {
        this.ruleSets = ruleSets;
        this.safety = safety;
    }

    /**
     * A version without its rules.
     *
     * @param basedOn the version it was made from (an edit's base, or the version active at an import)
     * @param changes what differs from that version
     */
    record VersionSummary(
            long id,
            String version,
            Long basedOn,
            String note,
            String createdBy,
            Instant createdAt,
            boolean active,
            Instant activatedAt,
            String activatedBy,
            List<RuleSets.Difference> changes) {}

    /**
     * A rule of a version.
     *
     * @param configuredValue the value {@code redwheel.alarms.rules.<key>} puts over it while this
     *     version is active, or null
     */
    record RuleView(String key, String value, String source, String configuredValue) {}

    /** A version with every rule. */
    record VersionView(VersionSummary summary, List<RuleView> rules) {}

    /** Rules the engine runs now: the active version with the configuration's overrides. */
    record RunningView(String version, List<RuleView> rules) {}

    /**
     * A new version from changed rules.
     *
     * @param baseId the version the changes apply to; the active one when absent
     * @param version the label; generated (date and number) when absent
     * @param rules the changed rules; a source left out keeps the base's
     * @param activate make the new version active at once
     */
    record NewVersion(Long baseId, String version, String note, Boolean activate, List<RuleSets.RuleChange> rules) {}

    /**
     * A rule set in the text form, as exported.
     *
     * @param version a label that replaces the file's {@code version=}
     */
    record Import(String text, String version, String note, Boolean activate) {}

    @GetMapping
    @Operation(summary = "Every version, newest first, with what changed from the version it was made from")
    List<VersionSummary> list() {
        return ruleSets.list().stream()
                .map(v -> summary(v, ruleSets.changes(v)))
                .toList();
    }

    @GetMapping("/active")
    @Operation(summary = "The active version with every rule")
    VersionView active() {
        return view(ruleSets.active());
    }

    @GetMapping(value = "/active/text", produces = "text/plain;charset=UTF-8")
    @Operation(
            summary = "The active version as the text file the replay command reads",
            description = "`java -jar redwheel-safety-cli.jar replay --rules FILE` reads it unchanged.")
    String activeText() {
        return ruleSets.active().ruleSet().toText();
    }

    @GetMapping("/running")
    @Operation(
            summary = "The rules the engine runs now",
            description = "The active version with the values redwheel.alarms.rules.* overrides.")
    RunningView running() {
        RuleSet running = safety.rules();
        Map<String, String> overrides = safety.overrides();
        return new RunningView(
                running.version(),
                running.rules().stream()
                        .map(r -> new RuleView(r.key(), r.value(), r.source(), overrides.get(r.key())))
                        .toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One version with every rule", description = "404 when there is no such version.")
    VersionView get(@PathVariable long id) {
        return view(ruleSets.get(id));
    }

    @GetMapping(value = "/{id}/text", produces = "text/plain;charset=UTF-8")
    @Operation(summary = "One version as the text file the replay command reads")
    String text(@PathVariable long id) {
        return ruleSets.get(id).ruleSet().toText();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    @Operation(
            summary = "Store a new version from changed rules",
            description = "Each value is checked by the engine's rule set; 400 names every wrong key with the"
                    + " reason, and nothing is stored then.")
    ResponseEntity<VersionView> create(@RequestBody NewVersion body) {
        long base = body.baseId() != null ? body.baseId() : ruleSets.active().id();
        long id = ruleSets.create(
                base,
                body.version(),
                body.note(),
                body.rules() == null ? List.of() : body.rules(),
                Boolean.TRUE.equals(body.activate()),
                StaffUser.require().username());
        AuditWriteFilter.target("rule-set", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(ruleSets.get(id)));
    }

    @PostMapping(value = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    @Operation(
            summary = "Store a rule-set file as a new version",
            description = "The text form (`key=value # source` lines, `version=` required); 400 names the key"
                    + " and the reason of a bad line, and nothing is stored then.")
    ResponseEntity<VersionView> importJson(@RequestBody Import body) {
        return imported(body.text(), body.version(), body.note(), Boolean.TRUE.equals(body.activate()));
    }

    @PostMapping(value = "/import", consumes = MediaType.TEXT_PLAIN_VALUE)
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    @Operation(summary = "Store a rule-set file (sent as text/plain) as a new version")
    ResponseEntity<VersionView> importText(
            @RequestBody String text,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "false") boolean activate) {
        return imported(text, version, note, activate);
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    @Operation(
            summary = "Make a version the active one",
            description = "Also a rollback to an older version. The running engine takes it at once.")
    VersionView activate(@PathVariable long id) {
        AuditWriteFilter.target("rule-set", id);
        ruleSets.activate(id, StaffUser.require().username());
        return view(ruleSets.get(id));
    }

    private ResponseEntity<VersionView> imported(String text, String version, String note, boolean activate) {
        long id = ruleSets.importText(
                text, version, note, activate, StaffUser.require().username());
        AuditWriteFilter.target("rule-set", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(ruleSets.get(id)));
    }

    private VersionView view(RuleSetVersion version) {
        List<RuleSets.Difference> changes = ruleSets.changes(version);
        Map<String, String> overrides = version.active() ? safety.overrides() : Map.of();
        return new VersionView(
                summary(version, changes),
                version.ruleSet().rules().stream()
                        .map(r -> new RuleView(r.key(), r.value(), r.source(), overrides.get(r.key())))
                        .toList());
    }

    private static VersionSummary summary(RuleSetVersion v, List<RuleSets.Difference> changes) {
        return new VersionSummary(
                v.id(),
                v.version(),
                v.basedOn(),
                v.note(),
                v.createdBy(),
                v.createdAt(),
                v.active(),
                v.activatedAt(),
                v.activatedBy(),
                changes);
    }
}
