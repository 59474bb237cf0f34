package org.redwheel.care;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.fleet.Driver;
import org.redwheel.identity.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The care package (爱"新"大礼包): each quarter's kinds (services, policy advice, goods), who received
 * which (when, handed over by whom), and how far it reached, per enterprise and per village. A
 * driver receives each kind at most once.
 */
@Service
public class CarePackages {

    private static final int MAX_NAME = 60;
    private static final int MAX_TEXT = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final CareDrivers drivers;
    private final Clock clock;

    CarePackages(JdbcClient jdbc, NamedParameterJdbcTemplate batch, CareDrivers drivers, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.drivers = drivers;
        this.clock = clock;
    }

    /** The kinds of a quarter, with how many drivers received each. */
    public List<PackageKind> kinds(int year, int quarter) {
        return jdbc.sql("""
                        select k.*, (select count(*) from care_package_distribution d where d.kind_id = k.id) as received
                        from care_package_kind k where k.year = :year and k.quarter = :quarter order by k.id
                        """)
                .param("year", year)
                .param("quarter", quarter)
                .query((rs, n) -> new PackageKind(
                        rs.getLong("id"),
                        rs.getInt("year"),
                        rs.getInt("quarter"),
                        rs.getString("name"),
                        PackageCategory.valueOf(rs.getString("category")),
                        rs.getString("description"),
                        rs.getInt("received")))
                .list();
    }

    public Optional<PackageKind> findKind(long id) {
        return jdbc.sql("""
                        select k.*, (select count(*) from care_package_distribution d where d.kind_id = k.id) as received
                        from care_package_kind k where k.id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new PackageKind(
                        rs.getLong("id"),
                        rs.getInt("year"),
                        rs.getInt("quarter"),
                        rs.getString("name"),
                        PackageCategory.valueOf(rs.getString("category")),
                        rs.getString("description"),
                        rs.getInt("received")))
                .optional();
    }

    public PackageKind getKind(long id) {
        return findKind(id).orElseThrow(() -> new RecordNotFoundException("care package kind", id));
    }

    /**
     * Defines a kind of the quarter's package.
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    @Transactional
    public long defineKind(KindData data) {
        String name = data.name() == null ? "" : data.name().trim();
        List<Violation> v = new ArrayList<>();
        if (data.year() == null || data.year() < 2020 || data.year() > 2100) {
            v.add(new Violation("year", "validation.range"));
        }
        if (data.quarter() == null || data.quarter() < 1 || data.quarter() > 4) {
            v.add(new Violation("quarter", "validation.range"));
        }
        if (name.isEmpty()) {
            v.add(new Violation("name", "validation.required"));
        } else if (name.length() > MAX_NAME) {
            v.add(new Violation("name", "validation.tooLong"));
        } else if (data.year() != null
                && data.quarter() != null
                && jdbc.sql("""
                                select count(*) from care_package_kind
                                where year = :year and quarter = :quarter and name = :name
                                """)
                                .param("year", data.year())
                                .param("quarter", data.quarter())
                                .param("name", name)
                                .query(Long.class)
                                .single()
                        > 0) {
            v.add(new Violation("name", "care.package.kind.taken"));
        }
        if (data.category() == null) {
            v.add(new Violation("category", "validation.required"));
        }
        if (data.description() != null && data.description().trim().length() > MAX_TEXT) {
            v.add(new Violation("description", "validation.tooLong"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return jdbc.sql("""
                        insert into care_package_kind (year, quarter, name, category, description, created_at)
                        values (:year, :quarter, :name, :category, :description, :now) returning id
                        """)
                .param("year", data.year())
                .param("quarter", data.quarter())
                .param("name", name)
                .param("category", data.category().name())
                .param("description", blankToNull(data.description()))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /**
     * Records that these drivers (within the scope) received the kind on a day (today when null),
     * handed over by {@code distributedBy}. Drivers who already received it are left as they are.
     *
     * @return how many drivers were recorded now
     * @throws InvalidInputException naming every wrong field (a single driver who already has it
     *     included); nothing is stored then
     */
    @Transactional
    public int distribute(
            DataScope scope,
            long kindId,
            Collection<Long> driverIds,
            LocalDate on,
            String distributedBy,
            String note,
            String actor) {
        PackageKind kind = getKind(kindId);
        LocalDate today = new ThreeOnesCompliance(clock).today();
        LocalDate day = on == null ? today : on;
        String by = distributedBy == null ? "" : distributedBy.trim();
        List<Violation> v = new ArrayList<>();
        if (driverIds.isEmpty()) {
            v.add(new Violation("driverId", "validation.required"));
        }
        Set<Long> received =
                new HashSet<>(jdbc.sql("select driver_id from care_package_distribution where kind_id = :kind")
                        .param("kind", kindId)
                        .query(Long.class)
                        .list());
        Set<Long> ids = new LinkedHashSet<>(driverIds);
        Set<Long> visible = new HashSet<>();
        if (ids.size() == 1) {
            drivers.find(scope, ids.iterator().next()).ifPresent(d -> visible.add(d.id()));
        } else if (!ids.isEmpty()) {
            drivers.active(scope, null, null).forEach(d -> visible.add(d.id()));
        }
        List<Long> toRecord = new ArrayList<>();
        for (Long id : ids) {
            if (!visible.contains(id)) {
                throw new RecordNotFoundException("driver", id);
            }
            if (!received.contains(id)) {
                toRecord.add(id);
            }
        }
        if (ids.size() == 1 && toRecord.isEmpty()) {
            v.add(new Violation("driverId", "care.package.alreadyReceived"));
        }
        if (day.isAfter(today)) {
            v.add(new Violation("distributedOn", "validation.notInFuture"));
        } else if (day.isBefore(LocalDate.of(kind.year(), (kind.quarter() - 1) * 3 + 1, 1))) {
            v.add(new Violation("distributedOn", "care.package.beforeQuarter"));
        }
        if (by.isEmpty()) {
            v.add(new Violation("distributedBy", "validation.required"));
        } else if (by.length() > MAX_NAME) {
            v.add(new Violation("distributedBy", "validation.tooLong"));
        }
        if (note != null && note.trim().length() > MAX_TEXT) {
            v.add(new Violation("note", "validation.tooLong"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var now = Timestamp.from(clock.instant());
        batch.batchUpdate(
                """
                insert into care_package_distribution
                    (kind_id, driver_id, distributed_on, distributed_by, note, recorded_by, recorded_at)
                values (:kind, :driver, :on, :by, :note, :actor, :now)
                on conflict on constraint care_package_distribution_uk do nothing
                """,
                toRecord.stream()
                        .map(id -> new MapSqlParameterSource()
                                .addValue("kind", kindId)
                                .addValue("driver", id)
                                .addValue("on", Date.valueOf(day))
                                .addValue("by", by)
                                .addValue("note", blankToNull(note))
                                .addValue("actor", actor)
                                .addValue("now", now))
                        .toArray(SqlParameterSource[]::new));
        return toRecord.size();
    }

    /** Who received the kind, newest first, among the drivers within the scope. */
    public List<Distribution> distributions(DataScope scope, long kindId) {
        getKind(kindId);
        List<Distribution> all = jdbc.sql("""
                        select * from care_package_distribution where kind_id = :kind order by distributed_on desc, id desc
                        """)
                .param("kind", kindId)
                .query((rs, n) -> new Distribution(
                        rs.getLong("id"),
                        rs.getLong("kind_id"),
                        rs.getLong("driver_id"),
                        null,
                        rs.getObject("distributed_on", LocalDate.class),
                        rs.getString("distributed_by"),
                        rs.getString("note"),
                        SqlRows.instant(rs, "recorded_at")))
                .list();
        Map<Long, Driver> visible = new HashMap<>();
        drivers.active(scope, null, null).forEach(d -> visible.put(d.id(), d));
        return all.stream()
                .filter(d -> visible.containsKey(d.driverId()))
                .map(d -> d.withDriverName(visible.get(d.driverId()).name()))
                .toList();
    }

    /** The packages a driver received, newest first. */
    public List<Received> receivedBy(long driverId) {
        return jdbc.sql("""
                        select d.distributed_on, d.distributed_by, k.year, k.quarter, k.name, k.category
                        from care_package_distribution d join care_package_kind k on k.id = d.kind_id
                        where d.driver_id = :driver order by d.distributed_on desc, d.id desc
                        """)
                .param("driver", driverId)
                .query((rs, n) -> new Received(
                        rs.getInt("year"),
                        rs.getInt("quarter"),
                        rs.getString("name"),
                        PackageCategory.valueOf(rs.getString("category")),
                        rs.getObject("distributed_on", LocalDate.class),
                        rs.getString("distributed_by")))
                .list();
    }

    /**
     * How far the quarter's package reached the active drivers within the scope: per enterprise
     * (independent drivers in a row of their own) and per village, each with the drivers who
     * received at least one kind and how many received each kind.
     */
    public PackageCoverage coverage(DataScope scope, int year, int quarter) {
        List<PackageKind> kinds = kinds(year, quarter);
        Map<Long, Set<Long>> kindsByDriver = new HashMap<>();
        jdbc.sql("""
                        select d.driver_id, d.kind_id from care_package_distribution d
                        join care_package_kind k on k.id = d.kind_id where k.year = :year and k.quarter = :quarter
                        """).param("year", year).param("quarter", quarter).query(rs -> {
            kindsByDriver.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        Map<Long, Tally> byEnterprise = new LinkedHashMap<>();
        Map<Long, Tally> byVillage = new LinkedHashMap<>();
        Tally total = new Tally(null, null, null);
        for (Driver d : drivers.active(scope, null, null)) {
            Set<Long> got = kindsByDriver.getOrDefault(d.id(), Set.of());
            for (Tally t : List.of(
                    total,
                    byEnterprise.computeIfAbsent(d.enterpriseId(), k -> new Tally(k, d.enterpriseName(), null)),
                    byVillage.computeIfAbsent(d.villageId(), k -> new Tally(k, d.villageName(), d.townshipName())))) {
                t.drivers++;
                t.reached += got.isEmpty() ? 0 : 1;
                got.forEach(kind -> t.byKind.merge(kind, 1, Integer::sum));
            }
        }
        Comparator<CoverageRow> order = Comparator.comparing((CoverageRow r) -> r.id() == null)
                .thenComparing(r -> r.township() == null ? "" : r.township())
                .thenComparing(r -> r.name() == null ? "" : r.name());
        return new PackageCoverage(
                year,
                quarter,
                kinds,
                byEnterprise.values().stream()
                        .map(t -> t.row(kinds))
                        .sorted(order)
                        .toList(),
                byVillage.values().stream().map(t -> t.row(kinds)).sorted(order).toList(),
                total.row(kinds));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static final class Tally {
        final Long id;
        final String name;
        final String township;
        final Map<Long, Integer> byKind = new HashMap<>();
        int drivers;
        int reached;

        Tally(Long id, String name, String township) {
            this.id = id;
            this.name = name;
            this.township = township;
        }

        CoverageRow row(List<PackageKind> kinds) {
            return new CoverageRow(
                    id,
                    name,
                    township,
                    drivers,
                    reached,
                    kinds.stream().map(k -> byKind.getOrDefault(k.id(), 0)).toList());
        }
    }

    /** What a kind of care package is. */
    public enum PackageCategory {
        SERVICE,
        POLICY_ADVICE,
        GOODS;

        public String messageKey() {
            return "care.package.category." + name();
        }
    }

    /** A kind of a quarter's package, with how many drivers received it. */
    public record PackageKind(
            long id, int year, int quarter, String name, PackageCategory category, String description, int received) {}

    /** What the office enters for a kind. */
    public record KindData(Integer year, Integer quarter, String name, PackageCategory category, String description) {}

    /** A driver's receipt of a kind. */
    public record Distribution(
            long id,
            long kindId,
            long driverId,
            String driverName,
            LocalDate distributedOn,
            String distributedBy,
            String note,
            java.time.Instant recordedAt) {

        Distribution withDriverName(String name) {
            return new Distribution(id, kindId, driverId, name, distributedOn, distributedBy, note, recordedAt);
        }
    }

    /** A package a driver received. */
    public record Received(
            int year,
            int quarter,
            String name,
            PackageCategory category,
            LocalDate distributedOn,
            String distributedBy) {}

    /**
     * The quarter's reach.
     *
     * @param byEnterprise one row per enterprise; the row with a null id counts independent drivers
     * @param byVillage one row per village; the row with a null id counts drivers without one
     */
    public record PackageCoverage(
            int year,
            int quarter,
            List<PackageKind> kinds,
            List<CoverageRow> byEnterprise,
            List<CoverageRow> byVillage,
            CoverageRow total) {}

    /**
     * One line of the coverage.
     *
     * @param reached drivers who received at least one kind
     * @param perKind drivers who received each kind, in the order of the kinds
     */
    public record CoverageRow(Long id, String name, String township, int drivers, int reached, List<Integer> perKind) {

        public int percent() {
            return drivers == 0 ? 0 : (int) Math.floor(100.0 * reached / drivers);
        }
    }
}
