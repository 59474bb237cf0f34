package org.redwheel.care;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.fleet.Driver;
import org.redwheel.identity.DriverUser;
import org.redwheel.identity.FieldEncryptor;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.identity.StaffUser;
import org.redwheel.places.Place;
import org.redwheel.places.PlaceKind;
import org.redwheel.places.Places;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counselling at the talk corners (心理疏导), CONFIDENTIAL. A record's content is stored only
 * encrypted and is shown to exactly two people: the counsellor (the staff account that wrote it)
 * and the driver concerned, on his own mobile pages. Nobody else reads it: not the county office,
 * not the auditor, not the system administrator; no list, search or export carries it. A record
 * of somebody else is simply not found. Only the number of records appears in statistics.
 *
 * <p>Counsellors are the county office's staff (for the drivers within their scope) and helpers
 * (for their own drivers).
 */
@Service
public class Counselling {

    private static final int MAX_CONTENT = 4000;

    private static final String SELECT = """
            select id, corner_id, driver_id, counsellor_account_id, held_on, content_encrypted, recorded_at
            from care_counselling
            """;

    private final JdbcClient jdbc;
    private final FieldEncryptor encryptor;
    private final CareDrivers drivers;
    private final Helpers helpers;
    private final HelperAssignments assignments;
    private final Places places;
    private final StaffAccounts accounts;
    private final Clock clock;

    Counselling(
            JdbcClient jdbc,
            FieldEncryptor encryptor,
            CareDrivers drivers,
            Helpers helpers,
            HelperAssignments assignments,
            Places places,
            StaffAccounts accounts,
            Clock clock) {
        this.jdbc = jdbc;
        this.encryptor = encryptor;
        this.drivers = drivers;
        this.helpers = helpers;
        this.assignments = assignments;
        this.places = places;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Whether the staff member may counsel (and so has records of his own to read). */
    public static boolean mayCounsel(StaffUser user) {
        return user.has(Permission.ORGANIZATION_WRITE) || user.has(Permission.CARE_HELPER);
    }

    /**
     * Records a counselling session by the signed-in counsellor.
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     * @throws RecordNotFoundException for a driver the counsellor may not counsel
     */
    @Transactional
    public long record(StaffUser counsellor, CounsellingData data) {
        if (!mayCounsel(counsellor)) {
            throw new RecordNotFoundException("counselling", "new");
        }
        List<Violation> v = new ArrayList<>();
        if (data.driverId() == null) {
            v.add(new Violation("driverId", "validation.required"));
        } else if (!mayCounsel(counsellor, data.driverId())) {
            throw new RecordNotFoundException("driver", data.driverId());
        }
        if (data.cornerId() != null
                && places.find(data.cornerId())
                        .filter(p -> p.kind() == PlaceKind.TALK_CORNER)
                        .isEmpty()) {
            v.add(new Violation("cornerId", "validation.unknownReference"));
        }
        LocalDate today = new ThreeOnesCompliance(clock).today();
        if (data.heldOn() == null) {
            v.add(new Violation("heldOn", "validation.required"));
        } else if (data.heldOn().isAfter(today)) {
            v.add(new Violation("heldOn", "validation.notInFuture"));
        }
        String content = data.content() == null ? "" : data.content().strip();
        if (content.isEmpty()) {
            v.add(new Violation("content", "validation.required"));
        } else if (content.length() > MAX_CONTENT) {
            v.add(new Violation("content", "validation.tooLong"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return jdbc.sql("""
                        insert into care_counselling (corner_id, driver_id, counsellor_account_id, held_on,
                                                      content_encrypted, recorded_at)
                        values (:corner, :driver, :counsellor, :heldOn, :content, :now) returning id
                        """)
                .param("corner", data.cornerId())
                .param("driver", data.driverId())
                .param("counsellor", counsellor.accountId())
                .param("heldOn", Date.valueOf(data.heldOn()))
                .param("content", encryptor.encrypt(content))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** The counsellor's own records, newest first, without their content. */
    public List<CounsellingRecord> mine(StaffUser counsellor) {
        List<Row> rows = jdbc.sql(SELECT + " where counsellor_account_id = :me order by held_on desc, id desc")
                .param("me", counsellor.accountId())
                .query(Counselling::row)
                .list();
        return records(rows, false);
    }

    /** One record of the counsellor's own, with its content; any other record is not found. */
    public CounsellingRecord get(StaffUser counsellor, long id) {
        Row row = jdbc.sql(SELECT + " where id = :id and counsellor_account_id = :me")
                .param("id", id)
                .param("me", counsellor.accountId())
                .query(Counselling::row)
                .optional()
                .orElseThrow(() -> new RecordNotFoundException("counselling", id));
        return records(List.of(row), true).get(0);
    }

    /**
     * The signed-in driver's own counselling records, with their content, for his mobile pages.
     * Answers only the driver himself: for anybody else (no driver signed in, another driver, a
     * staff member) they are not found.
     */
    public List<CounsellingRecord> counsellingOf(long driverId) {
        DriverUser driver = DriverUser.current()
                .filter(d -> d.driverId() == driverId)
                .orElseThrow(() -> new RecordNotFoundException("counselling of driver", driverId));
        List<Row> rows = jdbc.sql(SELECT + " where driver_id = :driver order by held_on desc, id desc")
                .param("driver", driver.driverId())
                .query(Counselling::row)
                .list();
        return records(rows, true);
    }

    /** How many records there are: the only figure of counselling anybody else sees. */
    public long count() {
        return jdbc.sql("select count(*) from care_counselling")
                .query(Long.class)
                .single();
    }

    /** The drivers this counsellor may choose: an office user's within his scope, a helper's own. */
    public List<Driver> counselled(StaffUser counsellor) {
        if (counsellor.has(Permission.CARE_HELPER)) {
            return helpers.ofAccount(counsellor.accountId())
                    .map(h -> drivers.byIds(assignments.driversOf(h.id())).values().stream()
                            .toList())
                    .orElse(List.of());
        }
        return counsellor.has(Permission.ORGANIZATION_WRITE)
                ? drivers.active(counsellor.scope(), null, null)
                : List.of();
    }

    private boolean mayCounsel(StaffUser counsellor, long driverId) {
        if (counsellor.has(Permission.CARE_HELPER)) {
            return helpers.ofAccount(counsellor.accountId())
                    .map(h -> assignments.caresFor(h.id(), driverId))
                    .orElse(false);
        }
        return counsellor.has(Permission.ORGANIZATION_WRITE)
                && drivers.find(counsellor.scope(), driverId).isPresent();
    }

    private List<CounsellingRecord> records(List<Row> rows, boolean withContent) {
        Map<Long, Driver> names =
                drivers.byIds(rows.stream().map(Row::driverId).distinct().toList());
        List<CounsellingRecord> records = new ArrayList<>();
        for (Row r : rows) {
            Driver d = names.get(r.driverId());
            records.add(new CounsellingRecord(
                    r.id(),
                    r.cornerId(),
                    r.cornerId() == null
                            ? null
                            : places.find(r.cornerId()).map(Place::name).orElse(null),
                    r.driverId(),
                    d == null ? "#" + r.driverId() : d.name(),
                    r.heldOn(),
                    accounts.find(r.counsellorAccountId())
                            .map(StaffAccounts.AccountSummary::displayName)
                            .orElse(null),
                    withContent ? encryptor.decrypt(r.contentEncrypted()) : null,
                    r.recordedAt()));
        }
        return records;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                SqlRows.nullableLong(rs, "corner_id"),
                rs.getLong("driver_id"),
                rs.getLong("counsellor_account_id"),
                rs.getObject("held_on", LocalDate.class),
                rs.getString("content_encrypted"),
                SqlRows.instant(rs, "recorded_at"));
    }

    private record Row(
            long id,
            Long cornerId,
            long driverId,
            long counsellorAccountId,
            LocalDate heldOn,
            String contentEncrypted,
            java.time.Instant recordedAt) {}

    /** What the counsellor enters. */
    public record CounsellingData(Long cornerId, Long driverId, LocalDate heldOn, String content) {}

    /**
     * A counselling record as its counsellor or its driver sees it.
     *
     * @param content the decrypted content; null in lists
     */
    public record CounsellingRecord(
            long id,
            Long cornerId,
            String cornerName,
            long driverId,
            String driverName,
            LocalDate heldOn,
            String counsellorName,
            String content,
            java.time.Instant recordedAt) {}
}
