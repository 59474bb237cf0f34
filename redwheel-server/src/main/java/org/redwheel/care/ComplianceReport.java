package org.redwheel.care;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.redwheel.care.ThreeOnesCompliance.Figures;
import org.redwheel.care.ThreeOnesCompliance.HelperCompliance;

/**
 * The three-ones compliance of the helpers within a scope.
 *
 * @param period the day and periods it was computed for
 * @param total all helpers within the scope together
 */
public record ComplianceReport(
        Period period, List<HelperRow> helpers, List<AreaRow> villages, List<AreaRow> townships, Figures total) {

    /**
     * The periods of a report: today, the current ISO week (e.g. 2026-W48), month and year.
     */
    public record Period(LocalDate today, String isoWeek, YearMonth month, int year) {}

    /** One helper with his standing. */
    public record HelperRow(Helper helper, HelperCompliance compliance) {

        public Figures figures() {
            return compliance.figures();
        }
    }

    /**
     * A village or a township.
     *
     * @param township the village's township (null on a township's own row)
     */
    public record AreaRow(long id, String name, String township, Figures figures) {}
}
