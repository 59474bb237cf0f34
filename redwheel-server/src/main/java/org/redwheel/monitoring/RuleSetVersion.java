package org.redwheel.monitoring;

import java.time.Instant;
import org.redwheel.safety.RuleSet;

/**
 * One stored version of the driving-safety rule set.
 *
 * @param version the label, also the {@code version=} line of its text
 * @param text the whole set in the text form the replay command reads
 * @param basedOn the version it was made from (an edit's base, or the version active when a file was
 *     imported); null for the first
 * @param active whether the engine runs this version (with the configuration's overrides on top)
 */
record RuleSetVersion(
        long id,
        String version,
        String text,
        Long basedOn,
        String note,
        String createdBy,
        Instant createdAt,
        boolean active,
        Instant activatedAt,
        String activatedBy) {

    /** The rules of this version. */
    RuleSet ruleSet() {
        try {
            return RuleSet.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rule set version " + version + " cannot be read: " + e.getMessage(), e);
        }
    }
}
