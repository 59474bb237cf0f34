package org.redwheel.care;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redwheel.PageRequest;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.DriverFilter;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.DataScope;
import org.springframework.stereotype.Component;

/** Reads drivers through the fleet's service (never its tables). */
@Component
class CareDrivers {

    private final Drivers drivers;

    CareDrivers(Drivers drivers) {
        this.drivers = drivers;
    }

    /** The active drivers within the scope, of a village or an enterprise when given, by name. */
    List<Driver> active(DataScope scope, Long villageId, Long enterpriseId) {
        List<Driver> all = new ArrayList<>();
        var filter = new DriverFilter(null, enterpriseId, null, null, villageId, null, null, true);
        for (int page = 0; ; page++) {
            var result = drivers.search(scope, filter, new PageRequest(page, PageRequest.MAX_SIZE, "name", true));
            all.addAll(result.content());
            if (!result.hasNext()) {
                return all;
            }
        }
    }

    /** The driver, if he exists and lies within the scope. */
    Optional<Driver> find(DataScope scope, long id) {
        return drivers.find(scope, id);
    }

    /** Any driver by id, active or not: for records the module itself already holds. */
    Optional<Driver> any(long id) {
        return drivers.find(DataScope.county(), id);
    }

    /** These drivers, active or not, in the order asked. */
    Map<Long, Driver> byIds(Collection<Long> ids) {
        Map<Long, Driver> found = new LinkedHashMap<>();
        for (Long id : ids) {
            if (!found.containsKey(id)) {
                any(id).ifPresent(d -> found.put(id, d));
            }
        }
        return found;
    }
}
