package org.redwheel.fleet;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.redwheel.identity.DataScope;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.Township;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.springframework.stereotype.Component;

/**
 * The organisation records that drivers and vehicles refer to by id: enterprises, townships and
 * villages. Reads them through the organisation module's services, never its tables.
 */
@Component
class FleetReferences {

    private final EnterpriseRegistry enterprises;
    private final Townships townships;

    FleetReferences(EnterpriseRegistry enterprises, Townships townships) {
        this.enterprises = enterprises;
        this.townships = townships;
    }

    Optional<Enterprise> enterprise(Long id) {
        return id == null ? Optional.empty() : enterprises.find(DataScope.county(), id);
    }

    boolean activeEnterprise(Long id) {
        return enterprise(id).map(Enterprise::active).orElse(false);
    }

    Optional<Village> village(Long id) {
        return id == null ? Optional.empty() : townships.findVillage(id);
    }

    Optional<Township> township(Long id) {
        return id == null ? Optional.empty() : townships.find(id);
    }

    /** A memo of names for one list or one report, so each enterprise or village is read once. */
    Names names() {
        return new Names();
    }

    final class Names {

        private final Map<Long, String> enterpriseNames = new ConcurrentHashMap<>();
        private Map<Long, Village> villages;

        String enterprise(Long id) {
            if (id == null) {
                return null;
            }
            return enterpriseNames.computeIfAbsent(
                    id,
                    key -> FleetReferences.this
                            .enterprise(key)
                            .map(Enterprise::name)
                            .orElse("#" + key));
        }

        String village(Long id) {
            Village village = id == null ? null : villages().get(id);
            return village == null ? null : village.name();
        }

        String township(Long villageId, Long townshipId) {
            Village village = villageId == null ? null : villages().get(villageId);
            if (village != null) {
                return village.townshipName();
            }
            return townshipId == null
                    ? null
                    : townships.find(townshipId).map(Township::name).orElse(null);
        }

        private Map<Long, Village> villages() {
            if (villages == null) {
                villages = townships.villages(null, true).stream()
                        .collect(Collectors.toMap(Village::id, Function.identity()));
            }
            return villages;
        }
    }
}
