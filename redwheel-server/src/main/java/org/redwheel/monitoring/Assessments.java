package org.redwheel.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redwheel.InvalidInputException;
import org.redwheel.PageRequest;
import org.redwheel.SqlRows;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.fleet.Vehicle;
import org.redwheel.identity.DataScope;
import org.redwheel.monitoring.AssessmentScoring.Counts;
import org.redwheel.monitoring.AssessmentScoring.Points;
import org.redwheel.monitoring.AssessmentScoring.Rates;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseFilter;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily assessment metrics (DOMAIN.md §3) of every active enterprise and of the county,
 * computed from the stored data with SQL over the day's position partition and kept in {@code
 * monitoring_assessment}. A day is a Beijing calendar day.
 *
 * <ul>
 *   <li><b>Vehicles</b> (应入网): active vehicles registered to the enterprise.
 *   <li><b>Connected</b> (入网): of those, vehicles with a bound terminal that authenticated before
 *       the day's end (or that sent fixes that day, which needs an authentication).
 *   <li><b>Online</b> (上线): connected vehicles with at least one fix that day.
 *   <li><b>Data validity</b> (数据合格率): valid ÷ all fixes of the day. A fix is invalid when its
 *       time is in the future of its arrival, or its latitude, longitude, speed or altitude lies
 *       outside the ranges of the rule set (DOMAIN.md §3). A fix dated in the future counts on the
 *       day it arrived; so do the fixes kept aside in {@code monitoring_position_outlier} (dated
 *       beyond the partitions: in the future, or older than the retention period, i.e. a terminal
 *       clock that was never set), which are all invalid.
 *   <li><b>Track completeness</b> (轨迹完整率): the day's valid fixes of each vehicle in time order
 *       form segments. A segment longer than {@code redwheel.assessment.gap-distance-km} (2 km) or
 *       longer in time than {@code gap-interval} (5 min) is a gap: its km count in the total but
 *       not as complete track. A segment whose implied speed exceeds the drift limit of the rule set
 *       (200 km/h) is a position jump, not travel, and counts nowhere (drift is scored separately).
 *       The segment across midnight belongs to neither day. Rate = complete km ÷ total km.
 *   <li><b>Drift rate</b> (漂移率): online vehicles with a DRIFT alarm starting that day ÷ online
 *       vehicles.
 *   <li><b>Overspeeds per vehicle</b>: OVERSPEED alarms of online vehicles starting that day ÷ online
 *       vehicles. <b>Fatigue minutes per vehicle</b>: the part of the day covered by FATIGUE and
 *       NIGHT_FATIGUE alarms (an episode still open counts up to the computation time) ÷ online
 *       vehicles. Both are scored against the county's value as the regional average.
 *   <li><b>Spot-check rate</b> (查岗响应率): spot-checks sent that day answered by their deadline ÷
 *       spot-checks sent that day; 1 when none was sent.
 * </ul>
 *
 * <p>The county row sums the counts of all assessed enterprises. The fleet is taken as it stands
 * when the day is computed. Computations of the same day never overlap (a database advisory lock),
 * so the scheduled job, the start-up fill and an administrator's recomputation cannot interleave.
 */
@Service
public class Assessments {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String SYSTEM = "system";
    private static final long LOCK_KEY = 0x5244_5748_4153_5331L;

    private final JdbcClient jdbc;
    private final FleetRegistry fleet;
    private final EnterpriseRegistry enterprises;
    private final AssessmentProperties properties;
    private final GatewayProperties gateway;
    private final SafetyMonitor safety;
    private final Clock clock;

    Assessments(
            JdbcClient jdbc,
            FleetRegistry fleet,
            EnterpriseRegistry enterprises,
            AssessmentProperties properties,
            GatewayProperties gateway,
            SafetyMonitor safety,
            Clock clock) {
        this.jdbc = jdbc;
        this.fleet = fleet;
        this.enterprises = enterprises;
        this.properties = properties;
        this.gateway = gateway;
        this.safety = safety;
        this.clock = clock;
    }

    /** Today in the county. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(BEIJING));
    }

    /**
     * Checks that a day can be (re)computed: not in the future, and not older than the positions
     * are kept.
     *
     * @throws InvalidInputException naming the field {@code day}
     */
    public void requireComputable(LocalDate day) {
        if (day == null) {
            throw InvalidInputException.of("day", "validation.required");
        }
        if (day.isAfter(today())) {
            throw InvalidInputException.of("day", "validation.notInFuture");
        }
        if (day.isBefore(today().minusDays(gateway.retentionDays()))) {
            throw InvalidInputException.of("day", "assessment.day.tooOld");
        }
    }

    /** Computes (again) one day for every active enterprise and the county, replacing what was stored. */
    @Transactional
    public void compute(LocalDate day, String actor) {
        requireComputable(day);
        lock();
        store(day, actor);
    }

    /** Computes the day unless it is stored already; returns whether it computed. */
    @Transactional
    boolean computeIfMissing(LocalDate day) {
        lock();
        if (stored(day)) {
            return false;
        }
        store(day, SYSTEM);
        return true;
    }

    /**
     * The days of the last {@code backfillDays} up to yesterday without a stored assessment, from the
     * first day with stored positions on (so a fresh install gets no history of empty days).
     */
    List<LocalDate> missingDays() {
        LocalDate yesterday = today().minusDays(1);
        LocalDate from = today().minusDays(properties.backfillDays());
        Optional<LocalDate> firstData = firstPositionDay();
        if (firstData.isEmpty()) {
            return List.of();
        }
        if (firstData.get().isAfter(from)) {
            from = firstData.get();
        }
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(yesterday); day = day.plusDays(1)) {
            if (!stored(day)) {
                missing.add(day);
            }
        }
        return missing;
    }

    /**
     * The day's rows within the scope: the county row first, then the enterprises the scope reaches
     * (an enterprise user sees only his own), in name order.
     */
    public List<AssessmentResult> day(DataScope scope, LocalDate day) {
        Set<Long> visible = visibleEnterprises(scope);
        Map<Long, String> names = names(scope);
        List<AssessmentResult> rows = jdbc.sql("select * from monitoring_assessment where day = :day")
                .param("day", day)
                .query((rs, n) -> map(rs, null))
                .list();
        List<AssessmentResult> result = new ArrayList<>();
        rows.stream().filter(AssessmentResult::county).forEach(result::add);
        rows.stream()
                .filter(r -> !r.county() && (visible == null || visible.contains(r.enterpriseId())))
                .map(r -> withName(r, names.getOrDefault(r.enterpriseId(), "#" + r.enterpriseId())))
                .sorted(java.util.Comparator.comparing(AssessmentResult::enterpriseName))
                .forEach(result::add);
        return result;
    }

    /**
     * The county's rows (and, for an enterprise user, his enterprise's) of the {@code days} days up
     * to {@code until}, oldest first.
     */
    public List<AssessmentResult> trend(DataScope scope, LocalDate until, int days) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", until.minusDays(days - 1L));
        params.put("until", until);
        String who = "enterprise_id is null";
        if (scope.kind() == org.redwheel.identity.ScopeKind.ENTERPRISE) {
            who = "(enterprise_id is null or enterprise_id = :enterprise)";
            params.put("enterprise", scope.targetId());
        }
        return jdbc.sql("select * from monitoring_assessment where day between :from and :until and " + who
                        + " order by day, enterprise_id nulls first")
                .params(params)
                .query((rs, n) -> map(rs, null))
                .list();
    }

    /** The county's most recent stored assessment (a computed today counts, as far as it goes). */
    public Optional<AssessmentResult> latestCounty() {
        return jdbc.sql("select * from monitoring_assessment where enterprise_id is null order by day desc limit 1")
                .query((rs, n) -> map(rs, null))
                .optional();
    }

    /** The most recent day with a stored assessment. */
    public Optional<LocalDate> latestDay() {
        return latestCounty().map(AssessmentResult::day);
    }

    private boolean stored(LocalDate day) {
        return jdbc.sql("select count(*) from monitoring_assessment where day = :day and enterprise_id is null")
                        .param("day", day)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", LOCK_KEY)
                .query((rs, n) -> 1)
                .list();
    }

    private void store(LocalDate day, String actor) {
        Instant now = clock.instant();
        Map<Long, Counts> byEnterprise = counts(day, now);
        Counts county = Counts.NONE;
        for (Counts counts : byEnterprise.values()) {
            county = county.plus(counts);
        }
        Rates region = AssessmentScoring.rates(county);
        jdbc.sql("delete from monitoring_assessment where day = :day")
                .param("day", day)
                .update();
        insert(day, null, county, region, AssessmentScoring.points(region, region), now, actor);
        for (var entry : byEnterprise.entrySet()) {
            Rates rates = AssessmentScoring.rates(entry.getValue());
            insert(day, entry.getKey(), entry.getValue(), rates, AssessmentScoring.points(rates, region), now, actor);
        }
    }

    /** Every active enterprise's counts of the day (enterprises without vehicles have zero counts). */
    private Map<Long, Counts> counts(LocalDate day, Instant now) {
        Instant start = day.atStartOfDay(BEIJING).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(BEIJING).toInstant();
        Map<Long, Tally> tallies = new LinkedHashMap<>();
        forEachEnterprise(DataScope.county(), EnterpriseFilter.activeOnes(), e -> tallies.put(e.id(), new Tally()));

        Map<Long, TrackRow> tracks = new HashMap<>();
        trackRows(start, end).forEach(t -> tracks.put(t.vehicleId(), t));
        Map<Long, AlarmRow> alarms = new HashMap<>();
        alarmRows(start, end, now).forEach(a -> alarms.put(a.vehicleId(), a));
        Set<Long> authenticated = new HashSet<>(
                jdbc.sql("select terminal_id from monitoring_terminal_state where first_connected_at < :end")
                        .param("end", Timestamp.from(end))
                        .query(Long.class)
                        .list());

        for (Vehicle vehicle : fleet.vehicles(DataScope.county(), null, 0, Integer.MAX_VALUE)) {
            Tally tally = vehicle.enterpriseId() == null ? null : tallies.get(vehicle.enterpriseId());
            if (tally == null || !vehicle.active()) {
                continue;
            }
            TrackRow track = tracks.get(vehicle.id());
            tally.vehicles++;
            boolean connected = vehicle.terminalId() != null
                    && (authenticated.contains(vehicle.terminalId()) || (track != null && track.fixes() > 0));
            if (!connected) {
                continue;
            }
            tally.connected++;
            if (track == null || track.fixes() == 0) {
                continue;
            }
            tally.online++;
            tally.fixes += track.fixes();
            tally.validFixes += track.validFixes();
            tally.totalKm += track.totalKm();
            tally.completeKm += track.completeKm();
            AlarmRow alarm = alarms.get(vehicle.id());
            if (alarm != null) {
                tally.drifting += alarm.drifts() > 0 ? 1 : 0;
                tally.overspeeds += alarm.overspeeds();
                tally.fatigueSeconds += alarm.fatigueSeconds();
            }
        }
        jdbc.sql("""
                        select enterprise_id, count(*) as sent,
                               count(*) filter (where answered_at is not null and answered_at <= due_at) as in_time
                        from monitoring_spot_check where sent_at >= :start and sent_at < :end group by enterprise_id
                        """)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .query((rs, n) -> {
                    Tally tally = tallies.get(rs.getLong("enterprise_id"));
                    if (tally != null) {
                        tally.spotChecks += rs.getInt("sent");
                        tally.spotChecksInTime += rs.getInt("in_time");
                    }
                    return 1;
                })
                .list();
        Map<Long, Counts> result = new LinkedHashMap<>();
        tallies.forEach((id, b) -> result.put(id, b.build()));
        return result;
    }

    record TrackRow(long vehicleId, long fixes, long validFixes, double totalKm, double completeKm) {}

    record AlarmRow(long vehicleId, int overspeeds, int drifts, long fatigueSeconds) {}

    /** Each vehicle's fixes, valid fixes, and total and complete km of the day, in one statement. */
    List<TrackRow> trackRows(Instant start, Instant end) {
        String valid = """
                (p.fix_time <= p.received_at + make_interval(secs => :tolerance)
                 and p.latitude between :latMin and :latMax and p.longitude between :lonMin and :lonMax
                 and p.speed_kmh between 0 and :speedMax and p.altitude_m between :altMin and :altMax)
                """;
        return jdbc.sql("""
                        with fixes as (
                            select p.vehicle_id, p.fix_time, p.latitude, p.longitude, %s as valid
                            from monitoring_position p
                            where p.fix_time >= :start and p.fix_time < :end and p.vehicle_id is not null
                              and (p.received_at >= :start or p.fix_time <= p.received_at + make_interval(secs => :tolerance))
                            union all
                            select p.vehicle_id, p.fix_time, p.latitude, p.longitude, false
                            from monitoring_position p
                            where p.fix_time >= :end and p.fix_time < :lookahead and p.vehicle_id is not null
                              and p.received_at >= :start and p.received_at < :end
                              and p.fix_time > p.received_at + make_interval(secs => :tolerance)
                            union all
                            select o.vehicle_id, o.fix_time, o.latitude, o.longitude, false
                            from monitoring_position_outlier o
                            where o.received_at >= :start and o.received_at < :end and o.vehicle_id is not null
                        ),
                        track as (
                            select vehicle_id, fix_time, latitude, longitude,
                                   lag(fix_time) over w as prev_time,
                                   lag(latitude) over w as prev_lat,
                                   lag(longitude) over w as prev_lon
                            from fixes where valid
                            window w as (partition by vehicle_id order by fix_time)
                        ),
                        segments as (
                            select vehicle_id,
                                   extract(epoch from fix_time - prev_time)::double precision as seconds,
                                   2 * 6371.0088 * asin(least(1.0, sqrt(
                                       power(sin(radians(latitude - prev_lat) / 2), 2)
                                       + cos(radians(prev_lat)) * cos(radians(latitude))
                                         * power(sin(radians(longitude - prev_lon) / 2), 2)))) as km
                            from track where prev_time is not null
                        ),
                        travel as (
                            select vehicle_id,
                                   sum(km) as total_km,
                                   coalesce(sum(km) filter (where km <= :gapKm and seconds <= :gapSeconds), 0) as complete_km
                            from segments
                            where km * 3600 <= :driftKmh * greatest(seconds, 1)
                            group by vehicle_id
                        ),
                        counted as (
                            select vehicle_id, count(*) as fixes, count(*) filter (where valid) as valid_fixes
                            from fixes group by vehicle_id
                        )
                        select c.vehicle_id, c.fixes, c.valid_fixes,
                               coalesce(t.total_km, 0) as total_km, coalesce(t.complete_km, 0) as complete_km
                        from counted c left join travel t on t.vehicle_id = c.vehicle_id
                        """.formatted(valid))
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("lookahead", Timestamp.from(end.plus(java.time.Duration.ofDays(3))))
                .param("tolerance", (double) Long.parseLong(rule("invalid.futureToleranceS")))
                .param("latMin", number("invalid.latMin"))
                .param("latMax", number("invalid.latMax"))
                .param("lonMin", number("invalid.lonMin"))
                .param("lonMax", number("invalid.lonMax"))
                .param("speedMax", number("invalid.speedMaxKmh"))
                .param("altMin", number("invalid.altitudeMinM"))
                .param("altMax", number("invalid.altitudeMaxM"))
                .param("driftKmh", number("drift.maxSpeedKmh"))
                .param("gapKm", properties.gapDistanceKm())
                .param("gapSeconds", (double) properties.gapInterval().toSeconds())
                .query((rs, n) -> new TrackRow(
                        rs.getLong("vehicle_id"),
                        rs.getLong("fixes"),
                        rs.getLong("valid_fixes"),
                        rs.getDouble("total_km"),
                        rs.getDouble("complete_km")))
                .list();
    }

    /** Each vehicle's overspeed and drift alarms starting in the day, and its fatigue time within it. */
    private List<AlarmRow> alarmRows(Instant start, Instant end, Instant now) {
        return jdbc.sql("""
                        select a.vehicle_id,
                               count(*) filter (where a.type = 'OVERSPEED' and a.start_time >= :start) as overspeeds,
                               count(*) filter (where a.type = 'DRIFT' and a.start_time >= :start) as drifts,
                               coalesce(sum(greatest(0, extract(epoch from
                                       least(coalesce(a.end_time, :now), :end) - greatest(a.start_time, :start))))
                                   filter (where a.type in ('FATIGUE', 'NIGHT_FATIGUE')), 0) as fatigue_s
                        from monitoring_alarm a
                        where a.vehicle_id is not null and a.start_time < :end and a.start_time >= :fatigueFrom
                          and a.type in ('OVERSPEED', 'DRIFT', 'FATIGUE', 'NIGHT_FATIGUE')
                        group by a.vehicle_id
                        """)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("now", Timestamp.from(now))
                // A fatigue episode rarely lasts a day; one open for longer (never closed) stops counting.
                .param("fatigueFrom", Timestamp.from(start.minus(java.time.Duration.ofDays(1))))
                .query((rs, n) -> new AlarmRow(
                        rs.getLong("vehicle_id"),
                        rs.getInt("overspeeds"),
                        rs.getInt("drifts"),
                        Math.round(rs.getDouble("fatigue_s"))))
                .list();
    }

    private void insert(LocalDate day, Long enterpriseId, Counts c, Rates r, Points p, Instant now, String actor) {
        jdbc.sql("""
                        insert into monitoring_assessment
                            (day, enterprise_id, vehicles, connected, online, fixes, valid_fixes, total_km, complete_km,
                             drifting, overspeeds, fatigue_s, spot_checks, spot_checks_in_time,
                             connection_rate, online_rate, completeness_rate, validity_rate, drift_rate,
                             overspeeds_per_vehicle, fatigue_min_per_vehicle, spot_check_rate,
                             connection_points, online_points, completeness_points, validity_points, drift_points,
                             overspeed_points, fatigue_points, spot_check_points, total_score, computed_at, computed_by)
                        values (:day, :enterprise, :vehicles, :connected, :online, :fixes, :validFixes, :totalKm,
                                :completeKm, :drifting, :overspeeds, :fatigueS, :spotChecks, :spotChecksInTime,
                                :connectionRate, :onlineRate, :completenessRate, :validityRate, :driftRate,
                                :overspeedsPerVehicle, :fatigueMinPerVehicle, :spotCheckRate,
                                :connectionPoints, :onlinePoints, :completenessPoints, :validityPoints, :driftPoints,
                                :overspeedPoints, :fatiguePoints, :spotCheckPoints, :total, :now, :actor)
                        """)
                .param("day", day)
                .param("enterprise", enterpriseId, java.sql.Types.BIGINT)
                .param("vehicles", c.vehicles())
                .param("connected", c.connected())
                .param("online", c.online())
                .param("fixes", c.fixes())
                .param("validFixes", c.validFixes())
                .param("totalKm", c.totalKm())
                .param("completeKm", c.completeKm())
                .param("drifting", c.drifting())
                .param("overspeeds", c.overspeeds())
                .param("fatigueS", c.fatigueSeconds())
                .param("spotChecks", c.spotChecks())
                .param("spotChecksInTime", c.spotChecksInTime())
                .param("connectionRate", r.connection(), java.sql.Types.DOUBLE)
                .param("onlineRate", r.online(), java.sql.Types.DOUBLE)
                .param("completenessRate", r.completeness(), java.sql.Types.DOUBLE)
                .param("validityRate", r.validity(), java.sql.Types.DOUBLE)
                .param("driftRate", r.drift(), java.sql.Types.DOUBLE)
                .param("overspeedsPerVehicle", r.overspeedsPerVehicle(), java.sql.Types.DOUBLE)
                .param("fatigueMinPerVehicle", r.fatigueMinutesPerVehicle(), java.sql.Types.DOUBLE)
                .param("spotCheckRate", r.spotCheck(), java.sql.Types.DOUBLE)
                .param("connectionPoints", p.connection(), java.sql.Types.NUMERIC)
                .param("onlinePoints", p.online(), java.sql.Types.NUMERIC)
                .param("completenessPoints", p.completeness(), java.sql.Types.NUMERIC)
                .param("validityPoints", p.validity(), java.sql.Types.NUMERIC)
                .param("driftPoints", p.drift(), java.sql.Types.NUMERIC)
                .param("overspeedPoints", p.overspeed(), java.sql.Types.NUMERIC)
                .param("fatiguePoints", p.fatigue(), java.sql.Types.NUMERIC)
                .param("spotCheckPoints", p.spotCheck(), java.sql.Types.NUMERIC)
                .param("total", p.total(), java.sql.Types.NUMERIC)
                .param("now", Timestamp.from(now))
                .param("actor", actor)
                .update();
    }

    private static AssessmentResult map(ResultSet rs, String name) throws SQLException {
        Counts counts = new Counts(
                rs.getInt("vehicles"),
                rs.getInt("connected"),
                rs.getInt("online"),
                rs.getLong("fixes"),
                rs.getLong("valid_fixes"),
                rs.getDouble("total_km"),
                rs.getDouble("complete_km"),
                rs.getInt("drifting"),
                rs.getInt("overspeeds"),
                rs.getLong("fatigue_s"),
                rs.getInt("spot_checks"),
                rs.getInt("spot_checks_in_time"));
        Rates rates = new Rates(
                (Double) rs.getObject("connection_rate"),
                (Double) rs.getObject("online_rate"),
                (Double) rs.getObject("completeness_rate"),
                (Double) rs.getObject("validity_rate"),
                (Double) rs.getObject("drift_rate"),
                (Double) rs.getObject("overspeeds_per_vehicle"),
                (Double) rs.getObject("fatigue_min_per_vehicle"),
                (Double) rs.getObject("spot_check_rate"));
        Points points = new Points(
                rs.getBigDecimal("connection_points"),
                rs.getBigDecimal("online_points"),
                rs.getBigDecimal("completeness_points"),
                rs.getBigDecimal("validity_points"),
                rs.getBigDecimal("drift_points"),
                rs.getBigDecimal("overspeed_points"),
                rs.getBigDecimal("fatigue_points"),
                rs.getBigDecimal("spot_check_points"),
                rs.getBigDecimal("total_score"));
        return new AssessmentResult(
                rs.getDate("day").toLocalDate(),
                SqlRows.nullableLong(rs, "enterprise_id"),
                name,
                counts,
                rates,
                points,
                SqlRows.instant(rs, "computed_at"),
                rs.getString("computed_by"));
    }

    private static AssessmentResult withName(AssessmentResult r, String name) {
        return new AssessmentResult(
                r.day(), r.enterpriseId(), name, r.counts(), r.rates(), r.points(), r.computedAt(), r.computedBy());
    }

    /** The enterprises a scope reaches; null for the whole county. */
    Set<Long> visibleEnterprises(DataScope scope) {
        return switch (scope.kind()) {
            case COUNTY -> null;
            case ENTERPRISE -> Set.of(scope.targetId());
            default -> {
                Set<Long> ids = new HashSet<>();
                forEachEnterprise(scope, new EnterpriseFilter(null, null, null, null, null), e -> ids.add(e.id()));
                yield ids;
            }
        };
    }

    private Map<Long, String> names(DataScope scope) {
        Map<Long, String> names = new HashMap<>();
        forEachEnterprise(scope, new EnterpriseFilter(null, null, null, null, null), e -> names.put(e.id(), e.name()));
        return names;
    }

    private void forEachEnterprise(
            DataScope scope, EnterpriseFilter filter, java.util.function.Consumer<Enterprise> action) {
        for (int page = 0; ; page++) {
            var result = enterprises.list(scope, filter, new PageRequest(page, PageRequest.MAX_SIZE, "name", true));
            result.content().forEach(action);
            if (!result.hasNext()) {
                return;
            }
        }
    }

    private Optional<LocalDate> firstPositionDay() {
        return jdbc.sql("""
                        select c.relname from pg_inherits i
                        join pg_class c on c.oid = i.inhrelid
                        join pg_class p on p.oid = i.inhparent
                        where p.relname = 'monitoring_position' and c.relname ~ '^monitoring_position_p[0-9]{8}$'
                        order by c.relname limit 1
                        """)
                .query(String.class)
                .optional()
                .map(name -> LocalDate.parse(
                        name.substring(name.length() - 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
    }

    /** A value of the rule set the computation uses (the safety engine's). */
    String rule(String key) {
        return safety.rules().rule(key).value();
    }

    private double number(String key) {
        return Double.parseDouble(rule(key));
    }

    /** One enterprise's vehicles summed up. */
    private static final class Tally {
        int vehicles;
        int connected;
        int online;
        long fixes;
        long validFixes;
        double totalKm;
        double completeKm;
        int drifting;
        int overspeeds;
        long fatigueSeconds;
        int spotChecks;
        int spotChecksInTime;

        Counts build() {
            return new Counts(
                    vehicles,
                    connected,
                    online,
                    fixes,
                    validFixes,
                    totalKm,
                    completeKm,
                    drifting,
                    overspeeds,
                    fatigueSeconds,
                    spotChecks,
                    spotChecksInTime);
        }
    }
}
