package org.redwheel.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redwheel.SqlRows;
import org.redwheel.identity.DataScope;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Coverage of the precise survey (精准摸排) per enterprise and per residence village: drivers
 * surveyed, Party members among them, drivers with a helper, vehicles and how many have their
 * terminal online. The helper figure is unknown (null) until the care module answers {@link
 * HelperCoverage}; the online figure comes from {@link TerminalPresence}.
 */
@Service
public class Survey {

    private final JdbcClient jdbc;
    private final FleetScopes scopes;
    private final Townships townships;
    private final ObjectProvider<TerminalPresence> presence;
    private final ObjectProvider<HelperCoverage> helpers;

    Survey(
            JdbcClient jdbc,
            FleetScopes scopes,
            Townships townships,
            ObjectProvider<TerminalPresence> presence,
            ObjectProvider<HelperCoverage> helpers) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.townships = townships;
        this.presence = presence;
        this.helpers = helpers;
    }

    /** The coverage within the scope: every enterprise and village in it, even those with nobody surveyed yet. */
    public Coverage coverage(DataScope scope) {
        Set<Long> online = presence.getIfAvailable(() -> Set::of).onlineVehicleIds();
        HelperCoverage helperCoverage = helpers.getIfAvailable();
        Set<Long> withHelper = helperCoverage == null ? null : helperCoverage.driversWithHelper();

        FleetScopes.Condition driverScope = scopes.drivers(scope, "d");
        List<DriverRow> drivers = jdbc.sql("""
                        select d.id, d.enterprise_id, d.village_id, d.party_status from fleet_driver d
                        where d.active and\s""" + driverScope.sql())
                .params(driverScope.params())
                .query((rs, n) -> new DriverRow(
                        rs.getLong("id"),
                        SqlRows.nullableLong(rs, "enterprise_id"),
                        SqlRows.nullableLong(rs, "village_id"),
                        PartyStatus.valueOf(rs.getString("party_status")).isMember()))
                .list();
        FleetScopes.Condition vehicleScope = scopes.vehicles(scope, "v");
        List<VehicleRow> vehicles = jdbc.sql("""
                        select v.id, v.enterprise_id, d.village_id from fleet_vehicle v
                        left join fleet_assignment a on a.vehicle_id = v.id and a.primary_driver and a.ends_on is null
                        left join fleet_driver d on d.id = a.driver_id
                        where v.active and\s""" + vehicleScope.sql())
                .params(vehicleScope.params())
                .query((rs, n) -> new VehicleRow(
                        rs.getLong("id"),
                        SqlRows.nullableLong(rs, "enterprise_id"),
                        SqlRows.nullableLong(rs, "village_id")))
                .list();

        Map<Long, Tally> byEnterprise = new LinkedHashMap<>();
        Map<Long, String> enterpriseNames = new LinkedHashMap<>();
        for (Enterprise e : scopes.enterprisesWithin(scope)) {
            if (e.active()) {
                enterpriseNames.put(e.id(), e.name());
                byEnterprise.put(e.id(), new Tally());
            }
        }
        Map<Long, Tally> byVillage = new LinkedHashMap<>();
        Map<Long, Village> villages = new LinkedHashMap<>();
        for (Village v : townships.villages(null, false)) {
            villages.put(v.id(), v);
            if (scope.isCounty()) {
                byVillage.put(v.id(), new Tally());
            }
        }
        Tally total = new Tally();
        for (DriverRow d : drivers) {
            boolean helped = withHelper != null && withHelper.contains(d.id());
            for (Tally t : List.of(
                    total,
                    byEnterprise.computeIfAbsent(d.enterpriseId(), k -> new Tally()),
                    byVillage.computeIfAbsent(d.villageId(), k -> new Tally()))) {
                t.drivers++;
                t.members += d.member() ? 1 : 0;
                t.helped += helped ? 1 : 0;
            }
        }
        for (VehicleRow v : vehicles) {
            boolean up = online.contains(v.id());
            List<Tally> tallies =
                    new ArrayList<>(List.of(total, byEnterprise.computeIfAbsent(v.enterpriseId(), k -> new Tally())));
            // A vehicle counts in the village its primary driver lives in; without one, in none.
            if (v.driverVillageId() != null) {
                tallies.add(byVillage.computeIfAbsent(v.driverVillageId(), k -> new Tally()));
            }
            for (Tally t : tallies) {
                t.vehicles++;
                t.online += up ? 1 : 0;
            }
        }
        boolean helpersKnown = withHelper != null;
        List<Row> enterpriseRows = new ArrayList<>();
        byEnterprise.forEach((id, t) -> enterpriseRows.add(
                t.row(id, id == null ? null : enterpriseNames.getOrDefault(id, "#" + id), null, helpersKnown)));
        enterpriseRows.sort(
                Comparator.comparing((Row r) -> r.id() == null).thenComparing(r -> r.name() == null ? "" : r.name()));
        List<Row> villageRows = new ArrayList<>();
        byVillage.forEach((id, t) -> {
            Village v = id == null ? null : villages.get(id);
            villageRows.add(t.row(id, v == null ? null : v.name(), v == null ? null : v.townshipName(), helpersKnown));
        });
        return new Coverage(enterpriseRows, villageRows, total.row(null, null, null, helpersKnown), helpersKnown);
    }

    /**
     * The survey's figures.
     *
     * @param byEnterprise one row per enterprise; the row with a null id counts independent drivers
     * @param byVillage one row per residence village (with its township); a null id counts drivers
     *     whose village is not recorded
     * @param helpersKnown whether the helper figures are known yet (the care module answers them)
     */
    public record Coverage(List<Row> byEnterprise, List<Row> byVillage, Row total, boolean helpersKnown) {}

    /**
     * One line of the survey.
     *
     * @param withHelper null while unknown
     */
    public record Row(
            Long id,
            String name,
            String township,
            long drivers,
            long partyMembers,
            Long withHelper,
            long vehicles,
            long vehiclesOnline) {

        public int memberPercent() {
            return drivers == 0 ? 0 : (int) Math.round(100.0 * partyMembers / drivers);
        }

        public int onlinePercent() {
            return vehicles == 0 ? 0 : (int) Math.round(100.0 * vehiclesOnline / vehicles);
        }
    }

    private record DriverRow(long id, Long enterpriseId, Long villageId, boolean member) {}

    private record VehicleRow(long id, Long enterpriseId, Long driverVillageId) {}

    private static final class Tally {
        long drivers;
        long members;
        long helped;
        long vehicles;
        long online;

        Row row(Long id, String name, String township, boolean helpersKnown) {
            return new Row(id, name, township, drivers, members, helpersKnown ? helped : null, vehicles, online);
        }
    }
}
