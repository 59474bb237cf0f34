package org.redwheel.care;

import java.util.Optional;
import java.util.Set;
import org.redwheel.fleet.HelperCoverage;
import org.redwheel.fleet.HelperDirectory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Answers the fleet's questions about helpers: which drivers have one (the survey's coverage), and
 * the staff account of a driver's helper (appeals route his personal matters there).
 */
@Component
@Primary
class CareDirectory implements HelperDirectory, HelperCoverage {

    private final HelperAssignments assignments;
    private final Helpers helpers;

    CareDirectory(HelperAssignments assignments, Helpers helpers) {
        this.assignments = assignments;
        this.helpers = helpers;
    }

    @Override
    public Optional<Long> helperAccountOf(long driverId) {
        return assignments
                .current(driverId)
                .flatMap(a -> helpers.byId(a.helperId()))
                .filter(Helper::active)
                .map(Helper::accountId);
    }

    @Override
    public Set<Long> driversWithHelper() {
        return Set.copyOf(assignments.currentHelpers().keySet());
    }
}
