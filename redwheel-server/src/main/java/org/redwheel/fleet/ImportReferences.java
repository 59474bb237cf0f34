package org.redwheel.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.ScopeKind;
import org.redwheel.organization.CreditCode;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.Township;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.redwheel.spreadsheet.SheetRow;

/**
 * The organisation records an import file names in words, read once per import: enterprises by
 * full name or unified social credit code, townships and villages by name. A cell naming nothing
 * known gets a problem that repeats what was written. An enterprise administrator's file may name
 * only his own enterprise.
 */
final class ImportReferences {

    /** The enterprise administrator's own enterprise; null for other scopes. */
    private final Enterprise own;

    private final Map<String, Long> enterprises = new HashMap<>();
    private final List<String> enterpriseOptions;
    private final Map<String, Township> townships = new LinkedHashMap<>();
    private final Map<String, List<Village>> villages = new LinkedHashMap<>();

    private ImportReferences(DataScope scope, FleetScopes scopes, Townships townshipRegistry) {
        List<Enterprise> within = scopes.enterprisesWithin(scope).stream()
                .filter(Enterprise::active)
                .toList();
        this.enterpriseOptions = within.stream().map(Enterprise::name).toList();
        if (scope.kind() == ScopeKind.ENTERPRISE) {
            this.own = within.stream()
                    .filter(e -> e.id() == scope.targetId())
                    .findFirst()
                    .orElse(null);
        } else {
            this.own = null;
            // any active enterprise may be named; whether the record then lies within the scope is
            // the registry's rule
            for (Enterprise e : scopes.enterprisesWithin(DataScope.county())) {
                if (e.active()) {
                    enterprises.put(e.name(), e.id());
                    if (e.creditCode() != null) {
                        enterprises.put(e.creditCode(), e.id());
                    }
                }
            }
        }
        townshipRegistry.list(false).forEach(t -> townships.put(t.name(), t));
        townshipRegistry
                .villages(null, false)
                .forEach(v -> villages.computeIfAbsent(v.name(), k -> new ArrayList<>())
                        .add(v));
    }

    private ImportReferences() {
        this.own = null;
        this.enterpriseOptions = List.of();
    }

    static ImportReferences load(DataScope scope, FleetScopes scopes, Townships townships) {
        return new ImportReferences(scope, scopes, townships);
    }

    /** No records at all: for the columns of an export, which need no drop-downs. */
    static ImportReferences empty() {
        return new ImportReferences();
    }

    /** Enterprise names for the template's drop-down: those within the scope. */
    List<String> enterpriseNames() {
        return enterpriseOptions;
    }

    List<String> townshipNames() {
        return List.copyOf(townships.keySet());
    }

    /** Village names for the template's drop-down (a name two townships share appears once). */
    List<String> villageNames() {
        return List.copyOf(new LinkedHashSet<>(villages.keySet()));
    }

    /**
     * The enterprise the cell names, or null when it is blank (an independent driver or owner; the
     * administrator's own enterprise for an enterprise administrator) or names none, which is then a
     * problem of the row.
     */
    Long enterprise(SheetRow row, String key) {
        String text = row.text(key);
        if (text == null) {
            return null;
        }
        String code = CreditCode.normalize(text);
        if (own != null) {
            if (own.name().equals(text) || own.creditCode().equals(code)) {
                return own.id();
            }
            row.problem(key, "fleetImport.notOwnEnterprise", own.name(), text);
            return null;
        }
        Long id = enterprises.containsKey(text) ? enterprises.get(text) : enterprises.get(code);
        if (id == null) {
            row.problem(key, "fleetImport.unknownEnterprise", text);
        }
        return id;
    }

    /** A residence: the township, and the village within it (either may be null). */
    record Residence(Long townshipId, Long villageId) {}

    /**
     * The township and village the cells name. The village alone is enough when no other township
     * has a village of that name; a village outside the named township, an unknown name or an
     * ambiguous one is a problem of the row.
     */
    Residence residence(SheetRow row, String townshipKey, String villageKey) {
        String townshipName = row.text(townshipKey);
        String villageName = row.text(villageKey);
        Township township = townshipName == null ? null : townships.get(townshipName);
        if (townshipName != null && township == null) {
            row.problem(townshipKey, "enterprise.import.unknownTownship", townshipName);
        }
        if (villageName == null || (townshipName != null && township == null)) {
            return new Residence(township == null ? null : township.id(), null);
        }
        List<Village> named = villages.getOrDefault(villageName, List.of());
        if (named.isEmpty()) {
            row.problem(villageKey, "fleetImport.unknownVillage", villageName);
            return new Residence(township == null ? null : township.id(), null);
        }
        if (township != null) {
            Village inTownship = named.stream()
                    .filter(v -> v.townshipId() == township.id())
                    .findFirst()
                    .orElse(null);
            if (inTownship == null) {
                row.problem(villageKey, "fleetImport.villageNotInTownship", villageName, townshipName);
                return new Residence(township.id(), null);
            }
            return new Residence(township.id(), inTownship.id());
        }
        if (named.size() > 1) {
            row.problem(villageKey, "fleetImport.ambiguousVillage", villageName);
            return new Residence(null, null);
        }
        return new Residence(named.get(0).townshipId(), named.get(0).id());
    }
}
