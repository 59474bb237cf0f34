package org.redwheel.care;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.SqlRows;
import org.redwheel.care.ThreeOnesCompliance.Assessment;
import org.redwheel.care.ThreeOnesCompliance.Figures;
import org.redwheel.care.ThreeOnesCompliance.HelperCompliance;
import org.redwheel.care.ThreeOnesCompliance.Logged;
import org.redwheel.care.ThreeOnesCompliance.Pairing;
import org.redwheel.care.ThreeOnesCompliance.Solved;
import org.redwheel.identity.DataScope;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "three ones" (三个一) logs: contacts, visits (with an optional photo and place) and problems
 * solved; and their compliance per helper, village, township and county ({@link
 * ThreeOnesCompliance} holds the rules). A helper logs only for a driver he cared for at that time.
 */
@Service
public class ThreeOnes {

    static final int MAX_NOTE = 500;
    /** A phone's clock a little ahead of the server's is no log from the future. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final HelperAssignments assignments;
    private final Helpers helpers;
    private final Townships townships;
    private final ObjectProvider<ResolvedAppeals> appeals;
    private final CareProperties properties;
    private final Clock clock;

    ThreeOnes(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batch,
            HelperAssignments assignments,
            Helpers helpers,
            Townships townships,
            ObjectProvider<ResolvedAppeals> appeals,
            CareProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.assignments = assignments;
        this.helpers = helpers;
        this.townships = townships;
        this.appeals = appeals;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Logs a contact (at {@code at}, now when null).
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    @Transactional
    public long logContact(long helperId, long driverId, ContactKind kind, Instant at, String note, String actor) {
        ContactEntry entry = new ContactEntry(helperId, driverId, kind, at == null ? clock.instant() : at, note);
        List<Violation> v = check(entry, pairings(helperId, driverId));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return jdbc.sql("""
                        insert into care_contact (helper_id, driver_id, kind, contacted_at, note, recorded_by, recorded_at)
                        values (:helper, :driver, :kind, :at, :note, :actor, :now) returning id
                        """)
                .paramSource(contactParams(entry, actor))
                .query(Long.class)
                .single();
    }

    /**
     * Logs many contacts at once (an import, the demo), each checked as {@link #logContact} checks
     * one; all or nothing.
     */
    @Transactional
    public int logContacts(List<ContactEntry> entries, String actor) {
        if (entries.isEmpty()) {
            return 0;
        }
        List<Pairing> pairings = assignments.pairingsSince(LocalDate.of(1970, 1, 1));
        SqlParameterSource[] rows = new SqlParameterSource[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            ContactEntry e = entries.get(i);
            List<Violation> v = check(e, of(pairings, e.helperId(), e.driverId()));
            if (!v.isEmpty()) {
                throw new InvalidInputException(v);
            }
            rows[i] = contactParams(e, actor);
        }
        batch.batchUpdate("""
                insert into care_contact (helper_id, driver_id, kind, contacted_at, note, recorded_by, recorded_at)
                values (:helper, :driver, :kind, :at, :note, :actor, :now)
                """, rows);
        return entries.size();
    }

    /**
     * Logs a visit (at {@code at}, now when null), with an optional JPEG or PNG photo and place.
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    @Transactional
    public long logVisit(VisitEntry visit, String actor) {
        VisitEntry entry = visit.at() == null ? visit.at(clock.instant()) : visit;
        List<Violation> v = check(entry, pairings(entry.helperId(), entry.driverId()));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return jdbc.sql("""
                        insert into care_visit (helper_id, driver_id, visited_at, note, latitude, longitude, photo,
                                                photo_type, recorded_by, recorded_at)
                        values (:helper, :driver, :at, :note, :lat, :lon, :photo, :photoType, :actor, :now)
                        returning id
                        """)
                .paramSource(visitParams(entry, actor))
                .query(Long.class)
                .single();
    }

    /** Logs many visits at once, each checked as {@link #logVisit} checks one; all or nothing. */
    @Transactional
    public int logVisits(List<VisitEntry> entries, String actor) {
        if (entries.isEmpty()) {
            return 0;
        }
        List<Pairing> pairings = assignments.pairingsSince(LocalDate.of(1970, 1, 1));
        SqlParameterSource[] rows = new SqlParameterSource[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            VisitEntry e = entries.get(i);
            List<Violation> v = check(e, of(pairings, e.helperId(), e.driverId()));
            if (!v.isEmpty()) {
                throw new InvalidInputException(v);
            }
            rows[i] = visitParams(e, actor);
        }
        batch.batchUpdate("""
                insert into care_visit (helper_id, driver_id, visited_at, note, latitude, longitude, photo, photo_type,
                                        recorded_by, recorded_at)
                values (:helper, :driver, :at, :note, :lat, :lon, :photo, :photoType, :actor, :now)
                """, rows);
        return entries.size();
    }

    /**
     * Records a problem the helper solved for his driver (on {@code on}, today when null), and the
     * appeal it answered if there was one.
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    @Transactional
    public long logSolvedProblem(long helperId, long driverId, LocalDate on, String note, Long appealId, String actor) {
        LocalDate today = new ThreeOnesCompliance(clock).today();
        LocalDate day = on == null ? today : on;
        String text = note == null ? "" : note.trim();
        List<Violation> v = new ArrayList<>();
        if (day.isAfter(today)) {
            v.add(new Violation("solvedOn", "validation.notInFuture"));
        } else if (pairings(helperId, driverId).stream().noneMatch(p -> p.covers(day))) {
            v.add(new Violation("driverId", "care.log.notHisDriver"));
        }
        if (text.isEmpty()) {
            v.add(new Violation("note", "validation.required"));
        } else if (text.length() > MAX_NOTE) {
            v.add(new Violation("note", "validation.tooLong"));
        }
        if (appealId != null && appealId <= 0) {
            v.add(new Violation("appealId", "validation.unknownReference"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return jdbc.sql("""
                        insert into care_problem (helper_id, driver_id, solved_on, note, appeal_id, recorded_by, recorded_at)
                        values (:helper, :driver, :on, :note, :appeal, :actor, :now) returning id
                        """)
                .param("helper", helperId)
                .param("driver", driverId)
                .param("on", Date.valueOf(day))
                .param("note", text)
                .param("appeal", appealId)
                .param("actor", actor)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** The driver's newest logs (contacts, visits, problems solved), newest first. */
    public List<CareLog> logsOf(long driverId, int limit) {
        return jdbc.sql("""
                        select * from (
                            select 'CONTACT' as type, c.id, c.kind, c.contacted_at as at, c.note, h.name as helper_name,
                                   false as photo, null::double precision as latitude, null::double precision as longitude
                            from care_contact c join care_helper h on h.id = c.helper_id where c.driver_id = :driver
                            union all
                            select 'VISIT', v.id, null, v.visited_at, v.note, h.name, v.photo is not null, v.latitude,
                                   v.longitude
                            from care_visit v join care_helper h on h.id = v.helper_id where v.driver_id = :driver
                            union all
                            select 'PROBLEM', p.id, null, (p.solved_on + time '12:00') at time zone 'Asia/Shanghai',
                                   p.note, h.name, false, null, null
                            from care_problem p join care_helper h on h.id = p.helper_id where p.driver_id = :driver
                        ) logs order by at desc, id desc limit :limit
                        """)
                .param("driver", driverId)
                .param("limit", limit)
                .query((rs, n) -> new CareLog(
                        CareLog.Type.valueOf(rs.getString("type")),
                        rs.getLong("id"),
                        rs.getString("kind") == null ? null : ContactKind.valueOf(rs.getString("kind")),
                        SqlRows.instant(rs, "at"),
                        rs.getString("note"),
                        rs.getString("helper_name"),
                        rs.getBoolean("photo"),
                        rs.getObject("latitude") == null ? null : rs.getDouble("latitude"),
                        rs.getObject("longitude") == null ? null : rs.getDouble("longitude")))
                .list();
    }

    /** A visit's photo with the driver it shows, for the caller to check who may see it. */
    public Optional<VisitPhoto> photo(long visitId) {
        return jdbc.sql("select driver_id, photo, photo_type from care_visit where id = :id and photo is not null")
                .param("id", visitId)
                .query((rs, n) ->
                        new VisitPhoto(rs.getLong("driver_id"), rs.getBytes("photo"), rs.getString("photo_type")))
                .optional();
    }

    /** The county's assessment now, for every helper. */
    public Assessment assess() {
        return assess(null);
    }

    /** One helper's standing now (computed from his own pairings and his drivers' logs only). */
    public HelperCompliance of(long helperId) {
        return assess(helperId).of(helperId);
    }

    private Assessment assess(Long helperId) {
        ThreeOnesCompliance compliance = new ThreeOnesCompliance(clock);
        Instant start = compliance.windowStart();
        LocalDate startDay = LocalDate.ofInstant(start, ThreeOnesCompliance.ZONE);
        List<Pairing> pairings = assignments.pairingsSince(startDay).stream()
                .filter(p -> helperId == null || p.helperId() == helperId)
                .toList();
        List<Long> driverIds =
                pairings.stream().map(Pairing::driverId).distinct().toList();
        if (helperId != null && driverIds.isEmpty()) {
            return compliance.assess(List.of(), List.of(), List.of(), List.of());
        }
        String onlyDrivers = helperId == null ? "" : " and driver_id in (:drivers)";
        List<Logged> contacts = jdbc.sql(
                        "select driver_id, contacted_at from care_contact where contacted_at >= :start" + onlyDrivers)
                .param("start", Timestamp.from(start))
                .params(helperId == null ? Map.of() : Map.of("drivers", driverIds))
                .query((rs, n) -> new Logged(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
        List<Logged> visits = jdbc.sql(
                        "select driver_id, visited_at from care_visit where visited_at >= :start" + onlyDrivers)
                .param("start", Timestamp.from(start))
                .params(helperId == null ? Map.of() : Map.of("drivers", driverIds))
                .query((rs, n) -> new Logged(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
        List<Solved> solved = new ArrayList<>(jdbc.sql("""
                        select helper_id, solved_on from care_problem
                        where solved_on >= :start and (cast(:helper as bigint) is null or helper_id = :helper)
                        """)
                .param("start", Date.valueOf(startDay))
                .param("helper", helperId)
                .query((rs, n) -> new Solved(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .list());
        ResolvedAppeals resolved = appeals.getIfAvailable();
        if (resolved != null) {
            Map<Long, List<Pairing>> byDriver = new HashMap<>();
            pairings.forEach(p -> byDriver.computeIfAbsent(p.driverId(), k -> new ArrayList<>())
                    .add(p));
            for (ResolvedAppeals.ResolvedAppeal appeal : resolved.resolvedSince(start)) {
                LocalDate day = LocalDate.ofInstant(appeal.resolvedAt(), ThreeOnesCompliance.ZONE);
                byDriver.getOrDefault(appeal.driverId(), List.of()).stream()
                        .filter(p -> p.covers(day))
                        .findFirst()
                        .ifPresent(p -> solved.add(new Solved(p.helperId(), day)));
            }
        }
        return compliance.assess(pairings, contacts, visits, solved);
    }

    /** The compliance of the helpers within the scope, per helper, village and township. */
    public ComplianceReport report(DataScope scope) {
        Assessment assessment = assess();
        List<Helper> visible = helpers.list(scope, null, null, null, true).stream()
                .filter(h -> h.active() || assessment.byHelper().containsKey(h.id()))
                .toList();
        List<ComplianceReport.HelperRow> rows = new ArrayList<>();
        Map<Long, List<Long>> byVillage = new LinkedHashMap<>();
        Map<Long, List<Long>> byTownship = new LinkedHashMap<>();
        for (Helper h : visible) {
            rows.add(new ComplianceReport.HelperRow(h, assessment.of(h.id())));
            byVillage.computeIfAbsent(h.villageId(), k -> new ArrayList<>()).add(h.id());
            byTownship.computeIfAbsent(h.townshipId(), k -> new ArrayList<>()).add(h.id());
        }
        Map<Long, Village> villages = new HashMap<>();
        townships.villages(null, true).forEach(v -> villages.put(v.id(), v));
        List<ComplianceReport.AreaRow> villageRows = new ArrayList<>();
        byVillage.forEach((id, ids) -> {
            Village v = villages.get(id);
            villageRows.add(new ComplianceReport.AreaRow(
                    id, v == null ? "#" + id : v.name(), v == null ? null : v.townshipName(), assessment.total(ids)));
        });
        List<ComplianceReport.AreaRow> townshipRows = new ArrayList<>();
        byTownship.forEach((id, ids) -> {
            String name = visible.stream()
                    .filter(h -> h.townshipId() == id)
                    .map(Helper::townshipName)
                    .findFirst()
                    .orElse("#" + id);
            townshipRows.add(new ComplianceReport.AreaRow(id, name, null, assessment.total(ids)));
        });
        Figures total = assessment.total(visible.stream().map(Helper::id).toList());
        return new ComplianceReport(
                new ComplianceReport.Period(
                        assessment.today(), assessment.isoWeek(), assessment.month(), assessment.year()),
                rows,
                villageRows,
                townshipRows,
                total);
    }

    private List<Pairing> pairings(long helperId, long driverId) {
        return jdbc.sql("""
                        select helper_id, driver_id, starts_on, ends_on from care_assignment
                        where helper_id = :helper and driver_id = :driver
                        """)
                .param("helper", helperId)
                .param("driver", driverId)
                .query((rs, n) -> new Pairing(
                        rs.getLong("helper_id"),
                        rs.getLong("driver_id"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .list();
    }

    private static List<Pairing> of(List<Pairing> all, long helperId, long driverId) {
        return all.stream()
                .filter(p -> p.helperId() == helperId && p.driverId() == driverId)
                .toList();
    }

    private List<Violation> check(ContactEntry e, List<Pairing> pairings) {
        List<Violation> v = new ArrayList<>();
        if (e.kind() == null) {
            v.add(new Violation("kind", "validation.required"));
        }
        checkWhen(e.at(), "contactedAt", pairings, v);
        checkNote(e.note(), v);
        return v;
    }

    private List<Violation> check(VisitEntry e, List<Pairing> pairings) {
        List<Violation> v = new ArrayList<>();
        checkWhen(e.at(), "visitedAt", pairings, v);
        checkNote(e.note(), v);
        if ((e.latitude() == null) != (e.longitude() == null)) {
            v.add(new Violation(e.latitude() == null ? "latitude" : "longitude", "validation.required"));
        } else if (e.latitude() != null) {
            if (e.latitude() < 3.85 || e.latitude() > 53.55) {
                v.add(new Violation("latitude", "validation.range"));
            }
            if (e.longitude() < 73.55 || e.longitude() > 135.083) {
                v.add(new Violation("longitude", "validation.range"));
            }
        }
        if (e.photo() != null && e.photo().length > 0) {
            if (e.photo().length > properties.maxPhotoSize().toBytes()) {
                v.add(new Violation("photo", "care.visit.photo.tooLarge"));
            } else if (photoType(e.photo()) == null) {
                v.add(new Violation("photo", "care.visit.photo.type"));
            }
        }
        return v;
    }

    private void checkWhen(Instant at, String field, List<Pairing> pairings, List<Violation> v) {
        if (at.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
            v.add(new Violation(field, "validation.notInFuture"));
            return;
        }
        LocalDate day = LocalDate.ofInstant(at, ThreeOnesCompliance.ZONE);
        if (pairings.stream().noneMatch(p -> p.covers(day))) {
            v.add(new Violation("driverId", "care.log.notHisDriver"));
        }
    }

    private static void checkNote(String note, List<Violation> v) {
        if (note != null && note.trim().length() > MAX_NOTE) {
            v.add(new Violation("note", "validation.tooLong"));
        }
    }

    /** The photo's type from its first bytes (never from what the upload claims); null when neither. */
    static String photoType(byte[] photo) {
        if (startsWith(photo, JPEG)) {
            return "image/jpeg";
        }
        return startsWith(photo, PNG) ? "image/png" : null;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private MapSqlParameterSource contactParams(ContactEntry e, String actor) {
        return new MapSqlParameterSource()
                .addValue("helper", e.helperId())
                .addValue("driver", e.driverId())
                .addValue("kind", e.kind().name())
                .addValue("at", Timestamp.from(e.at()))
                .addValue("note", blankToNull(e.note()))
                .addValue("actor", actor)
                .addValue("now", Timestamp.from(clock.instant()));
    }

    private MapSqlParameterSource visitParams(VisitEntry e, String actor) {
        boolean photo = e.photo() != null && e.photo().length > 0;
        return new MapSqlParameterSource()
                .addValue("helper", e.helperId())
                .addValue("driver", e.driverId())
                .addValue("at", Timestamp.from(e.at()))
                .addValue("note", blankToNull(e.note()))
                .addValue("lat", e.latitude())
                .addValue("lon", e.longitude())
                .addValue("photo", photo ? e.photo() : null)
                .addValue("photoType", photo ? photoType(e.photo()) : null)
                .addValue("actor", actor)
                .addValue("now", Timestamp.from(clock.instant()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A contact to log. */
    public record ContactEntry(long helperId, long driverId, ContactKind kind, Instant at, String note) {}

    /**
     * A visit to log.
     *
     * @param photo a JPEG or PNG, optional
     */
    public record VisitEntry(
            long helperId, long driverId, Instant at, String note, Double latitude, Double longitude, byte[] photo) {

        VisitEntry at(Instant instant) {
            return new VisitEntry(helperId, driverId, instant, note, latitude, longitude, photo);
        }
    }

    /** A visit's photo and the driver it was taken for. */
    public record VisitPhoto(long driverId, byte[] bytes, String contentType) {}
}
