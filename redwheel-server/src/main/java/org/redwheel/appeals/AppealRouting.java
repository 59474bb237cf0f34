package org.redwheel.appeals;

import java.util.Optional;
import org.redwheel.fleet.HelperDirectory;
import org.redwheel.identity.DataScope;
import org.redwheel.organization.GovernmentUnit;
import org.redwheel.organization.GovernmentUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where a new appeal goes: a personal matter to the driver's helper (his staff account) when he has
 * one, a department's field to that department when the configured unit exists and is active, and
 * everything else to the industry committee's office queue.
 */
@Component
class AppealRouting {

    private static final Logger log = LoggerFactory.getLogger(AppealRouting.class);

    private final AppealsProperties properties;
    private final GovernmentUnits units;
    private final ObjectProvider<HelperDirectory> helpers;

    AppealRouting(AppealsProperties properties, GovernmentUnits units, ObjectProvider<HelperDirectory> helpers) {
        this.properties = properties;
        this.units = units;
        this.helpers = helpers;
    }

    AppealHandler route(AppealCategory category, long driverId) {
        if (properties.personal(category)) {
            return helperOf(driverId).map(AppealHandler::helper).orElseGet(AppealHandler::office);
        }
        return department(category).map(AppealHandler::department).orElseGet(AppealHandler::office);
    }

    /** The driver's helper's staff account; none until the care module answers. */
    Optional<Long> helperOf(long driverId) {
        HelperDirectory directory = helpers.getIfAvailable();
        return directory == null ? Optional.empty() : directory.helperAccountOf(driverId);
    }

    /** The category's department, when configured and active: by id, name or short name. */
    Optional<Long> department(AppealCategory category) {
        String configured = properties.department(category);
        if (configured == null) {
            return Optional.empty();
        }
        Optional<GovernmentUnit> unit;
        if (configured.chars().allMatch(Character::isDigit)) {
            unit = units.find(DataScope.county(), Long.parseLong(configured));
        } else {
            unit = units.list(DataScope.county(), null, null, false).stream()
                    .filter(u -> configured.equals(u.name()) || configured.equals(u.shortName()))
                    .findFirst();
        }
        Optional<Long> id = unit.filter(GovernmentUnit::active).map(GovernmentUnit::id);
        if (id.isEmpty()) {
            log.warn(
                    "The department {} of appeals of category {} is not an active unit: routed to the office",
                    configured,
                    category);
        }
        return id;
    }
}
