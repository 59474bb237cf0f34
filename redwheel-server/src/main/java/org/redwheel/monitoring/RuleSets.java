package org.redwheel.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.safety.RuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The versions of the driving-safety rule set (DOMAIN.md: every threshold is a configurable, versioned
 * setting that records its source). A version is never changed: an edit or an import makes a new one,
 * validated by {@link RuleSet}; activating any version (a rollback too) hands it to the listeners,
 * the running {@link SafetyMonitor}, once the change is committed.
 */
@Service
class RuleSets {

    /** Serialises activations and new versions, so two administrators never leave two active. */
    private static final long LOCK_KEY = 808_010L;

    private static final Pattern VERSION = Pattern.compile("[\\p{L}\\p{N}._+-]{1,40}");
    private static final Pattern LINE_PREFIX = Pattern.compile("^line (\\d+): ");
    private static final int NOTE_LIMIT = 500;
    private static final int SOURCE_LIMIT = 300;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    RuleSets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One change to a rule: the new value and its source (null keeps the base's). */
    record RuleChange(String key, String value, String source) {}

    /** A rule whose value or source differs between two versions. */
    record Difference(
            String key,
            String valueBefore,
            String valueAfter,
            String sourceBefore,
            String sourceAfter,
            boolean valueChanged) {}

    /** Called (on the committing thread) after another version became active. */
    void whenActivated(Runnable listener) {
        listeners.add(listener);
    }

    /** Every version, newest first. */
    List<RuleSetVersion> list() {
        return jdbc.sql("select * from monitoring_rule_set order by created_at desc, id desc")
                .query(RuleSets::map)
                .list();
    }

    Optional<RuleSetVersion> find(long id) {
        return jdbc.sql("select * from monitoring_rule_set where id = :id")
                .param("id", id)
                .query(RuleSets::map)
                .optional();
    }

    RuleSetVersion get(long id) {
        return find(id).orElseThrow(() -> new RecordNotFoundException("rule set", id));
    }

    /**
     * The active version. An empty table (the first start) gets the engine's defaults as version
     * {@code default}, active.
     */
    @Transactional
    RuleSetVersion active() {
        Optional<RuleSetVersion> active = findActive();
        if (active.isPresent()) {
            return active.get();
        }
        lock();
        active = findActive();
        if (active.isPresent()) {
            return active.get();
        }
        RuleSet defaults = RuleSet.defaults();
        Optional<RuleSetVersion> existing = byVersion(defaults.version());
        long id = existing.isPresent()
                ? existing.get().id()
                : insert(defaults, null, "RuleSet.defaults(): DOMAIN.md §2 and §3", "system");
        markActive(id, "system");
        return get(id);
    }

    /** The version this one was made from, whose rules it is compared with. */
    Optional<RuleSetVersion> base(RuleSetVersion version) {
        return version.basedOn() == null ? Optional.empty() : find(version.basedOn());
    }

    /** What changed from the version this one was made from; empty for the first. */
    List<Difference> changes(RuleSetVersion version) {
        return base(version)
                .map(base -> differences(base.ruleSet(), version.ruleSet()))
                .orElse(List.of());
    }

    /**
     * A new version: the base version with the changes applied (each validated by the engine's rule
     * set), under the label given or a generated one. Nothing is stored when any change is wrong.
     *
     * @return the new version's id
     */
    @Transactional
    long create(long baseId, String version, String note, List<RuleChange> changes, boolean activate, String actor) {
        RuleSetVersion base = get(baseId);
        RuleSet rules = base.ruleSet();
        List<Violation> violations = new ArrayList<>();
        Map<String, RuleChange> effective = new LinkedHashMap<>();
        for (RuleChange change : changes) {
            String key = change.key() == null ? "" : change.key().strip();
            RuleSet.Rule current;
            try {
                current = rules.rule(key);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(key.isEmpty() ? "key" : key, "ruleSet.problem.unknown"));
                continue;
            }
            String value = change.value() == null ? "" : change.value().strip();
            String source =
                    change.source() == null ? current.source() : change.source().strip();
            if (value.equals(current.value()) && source.equals(current.source())) {
                continue;
            }
            String sourceProblem = sourceProblem(source);
            if (sourceProblem != null) {
                violations.add(new Violation(key, sourceProblem));
                continue;
            }
            try {
                // Each change alone first, so that every wrong value is reported at once.
                rules.with(key, value, source);
                effective.put(key, new RuleChange(key, value, source));
            } catch (IllegalArgumentException e) {
                violations.add(violation(e.getMessage(), key));
            }
        }
        if (violations.isEmpty() && effective.isEmpty()) {
            violations.add(new Violation("rules", "ruleSet.noChanges"));
        }
        String label = version == null ? "" : version.strip();
        checkVersionLabel(label, violations);
        checkNote(note, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        try {
            for (RuleChange change : effective.values()) {
                rules = rules.with(change.key(), change.value(), change.source());
            }
        } catch (IllegalArgumentException e) {
            // A rule that depends on another (grade bands rising, sample gap shorter than a rest).
            throw new InvalidInputException(List.of(violation(e.getMessage(), "rules")));
        }
        lock();
        return store(rules, base.id(), label, note, activate, actor);
    }

    /**
     * A new version from the text form (an exported file). The label is the file's {@code version}
     * unless another is given.
     */
    @Transactional
    long importText(String text, String version, String note, boolean activate, String actor) {
        List<Violation> violations = new ArrayList<>();
        RuleSet rules = null;
        if (text == null || text.isBlank()) {
            violations.add(new Violation("text", "validation.required"));
        } else {
            try {
                rules = RuleSet.parse(text);
            } catch (IllegalArgumentException e) {
                violations.add(violation(e.getMessage(), "text"));
            }
        }
        if (rules != null) {
            for (RuleSet.Rule rule : rules.rules()) {
                String problem = sourceProblem(rule.source());
                if (problem != null) {
                    violations.add(new Violation(rule.key(), problem));
                }
            }
        }
        String label = version == null || version.isBlank() ? (rules == null ? "-" : rules.version()) : version.strip();
        if (rules != null || (version != null && !version.isBlank())) {
            checkVersionLabel(label, violations);
        }
        checkNote(note, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        lock();
        return store(rules, active().id(), label, note, activate, actor);
    }

    /** Makes a version the active one (a rollback when it is an older one); the engine follows at once. */
    @Transactional
    void activate(long id, String actor) {
        get(id);
        lock();
        markActive(id, actor);
    }

    /** What changed from one version to the next, in the rule set's order. */
    static List<Difference> differences(RuleSet before, RuleSet after) {
        List<Difference> differences = new ArrayList<>();
        for (RuleSet.Rule rule : after.rules()) {
            RuleSet.Rule old = before.rule(rule.key());
            if (!old.value().equals(rule.value()) || !old.source().equals(rule.source())) {
                differences.add(new Difference(
                        rule.key(),
                        old.value(),
                        rule.value(),
                        old.source(),
                        rule.source(),
                        !old.value().equals(rule.value())));
            }
        }
        return differences;
    }

    /**
     * The engine's message ({@code [line N: ]key: problem[: 'value']}) as a violation of that key with a
     * message the console can show in Chinese or English.
     */
    static Violation violation(String message, String fallbackField) {
        String text = message == null ? "" : message;
        Matcher line = LINE_PREFIX.matcher(text);
        if (line.find()) {
            text = text.substring(line.end());
        }
        String field = fallbackField;
        int colon = text.indexOf(": ");
        if (colon > 0 && !text.substring(0, colon).contains(" ")) {
            field = text.substring(0, colon);
        }
        return new Violation(field, problemKey(text));
    }

    private static String problemKey(String message) {
        if (message.contains("unknown rule")) {
            return "ruleSet.problem.unknown";
        }
        if (message.contains("not a whole number of seconds")) {
            return "ruleSet.problem.seconds";
        }
        if (message.contains("not a finite number") || message.contains("not a number")) {
            return "ruleSet.problem.number";
        }
        if (message.contains("must not be negative")) {
            return "ruleSet.problem.negative";
        }
        if (message.contains("not true or false")) {
            return "ruleSet.problem.boolean";
        }
        if (message.contains("not a time of day")) {
            return "ruleSet.problem.time";
        }
        if (message.contains("alarm bits") || message.contains("bit numbers")) {
            return "ruleSet.problem.bits";
        }
        if (message.contains("UTC offset")) {
            return "ruleSet.problem.offset";
        }
        if (message.contains("grade bands must rise")) {
            return "ruleSet.problem.grades";
        }
        if (message.contains("fatigue.minRestS")) {
            return "ruleSet.problem.sampleGap";
        }
        if (message.contains("must be above")) {
            return "ruleSet.problem.bounds";
        }
        if (message.contains("must be positive")) {
            return "ruleSet.problem.positive";
        }
        if (message.startsWith("version")) {
            return "ruleSet.problem.version";
        }
        if (message.contains("expected key=value")) {
            return "ruleSet.problem.syntax";
        }
        return "ruleSet.problem.other";
    }

    private long store(RuleSet rules, long basedOn, String label, String note, boolean activate, String actor) {
        if (label.isEmpty()) {
            label = generatedLabel();
        }
        RuleSet labelled = rules.withVersion(label);
        // The stored text must read back to the same set, or an export would not be what runs.
        if (!RuleSet.parse(labelled.toText()).equals(labelled)) {
            throw InvalidInputException.of("rules", "ruleSet.problem.other");
        }
        long id = insert(labelled, basedOn, blankToNull(note), actor);
        if (activate) {
            markActive(id, actor);
        }
        return id;
    }

    private long insert(RuleSet rules, Long basedOn, String note, String actor) {
        return jdbc.sql("""
                        insert into monitoring_rule_set (version, body, based_on, note, created_by, created_at)
                        values (:version, :body, :basedOn, :note, :actor, :now) returning id
                        """)
                .param("version", rules.version())
                .param("body", rules.toText())
                .param("basedOn", basedOn)
                .param("note", note)
                .param("actor", actor)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    private void markActive(long id, String actor) {
        jdbc.sql("update monitoring_rule_set set active = false where active and id <> :id")
                .param("id", id)
                .update();
        int changed = jdbc.sql("""
                        update monitoring_rule_set set active = true, activated_at = :now, activated_by = :actor
                        where id = :id and not active
                        """)
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .update();
        if (changed > 0) {
            afterCommit(() -> listeners.forEach(Runnable::run));
        }
    }

    private void checkVersionLabel(String label, List<Violation> violations) {
        if (label.isEmpty()) {
            return;
        }
        if (!VERSION.matcher(label).matches()) {
            violations.add(new Violation("version", "ruleSet.version.format"));
        } else if (byVersion(label).isPresent()) {
            violations.add(new Violation("version", "ruleSet.version.taken"));
        }
    }

    private static void checkNote(String note, List<Violation> violations) {
        if (note != null && note.length() > NOTE_LIMIT) {
            violations.add(new Violation("note", "validation.tooLong"));
        }
    }

    /** A source is written after {@code #} on the rule's line: one line, not too long. */
    private static String sourceProblem(String source) {
        if (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0) {
            return "ruleSet.source.oneLine";
        }
        if (source.length() > SOURCE_LIMIT) {
            return "validation.tooLong";
        }
        return null;
    }

    private String generatedLabel() {
        String day = LocalDate.now(clock.withZone(PositionPartitions.BEIJING))
                .format(DateTimeFormatter.ofPattern("yyyy.MM.dd"));
        for (int n = 1; ; n++) {
            String label = day + "-" + n;
            if (byVersion(label).isEmpty()) {
                return label;
            }
        }
    }

    private Optional<RuleSetVersion> findActive() {
        return jdbc.sql("select * from monitoring_rule_set where active")
                .query(RuleSets::map)
                .optional();
    }

    private Optional<RuleSetVersion> byVersion(String version) {
        return jdbc.sql("select * from monitoring_rule_set where version = :v")
                .param("v", version)
                .query(RuleSets::map)
                .optional();
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", LOCK_KEY)
                .query((rs, row) -> 1)
                .list();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static RuleSetVersion map(ResultSet rs, int row) throws SQLException {
        return new RuleSetVersion(
                rs.getLong("id"),
                rs.getString("version"),
                rs.getString("body"),
                SqlRows.nullableLong(rs, "based_on"),
                rs.getString("note"),
                rs.getString("created_by"),
                SqlRows.instant(rs, "created_at"),
                rs.getBoolean("active"),
                SqlRows.instant(rs, "activated_at"),
                rs.getString("activated_by"));
    }
}
