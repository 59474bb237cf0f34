package org.redwheel.care;

import java.util.Optional;
import java.util.Set;
import org.redwheel.fleet.HelperContacts;
import org.redwheel.fleet.HelperCoverage;
import org.redwheel.fleet.HelperDirectory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Answers the fleet's questions about helpers: which drivers have one (the survey's coverage), the
 * staff account of a driver's helper (appeals route his personal matters there), and whom the
 * driver calls (his mobile home page).
 */
@Component
@Primary
class CareDirectory implements HelperDirectory, HelperCoverage, HelperContacts {

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
    public Optional<HelperContact> helperOf(long driverId) {
        return assignments
                .current(driverId)
                .flatMap(a -> helpers.byId(a.helperId()))
                .filter(Helper::active)
                .map(h -> new HelperContact(h.name(), h.phone()));
    }

    @Override
    public Set<Long> driversWithHelper() {
        return Set.copyOf(assignments.currentHelpers().keySet());
    }
}
