package org.redwheel.fleet;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.Page;
import org.redwheel.PageRequest;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.FieldEncryptor;
import org.redwheel.identity.ScopeKind;
import org.redwheel.identity.StaffUser;
import org.redwheel.organization.PhoneNumbers;
import org.redwheel.organization.Township;
import org.redwheel.organization.Village;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The survey of freight drivers (精准摸排). Reads and writes are within a data scope; writes check
 * everything first and change nothing when any field is wrong. ID numbers and qualification
 * certificate numbers are stored only encrypted, with a keyed hash of the ID number for
 * uniqueness and exact search.
 *
 * <p>{@link #check} is the validator of one driver, usable row by row by an importer: it reports
 * every violation, including duplicates in the database, without changing anything.
 */
@Service
public class Drivers {

    /** Sort keys the list accepts, mapped to their SQL. Anything else sorts by name. */
    public static final Map<String, String> SORTS = Map.of(
            "name", "d.name",
            "enterprise", "d.enterprise_id",
            "village", "d.village_id",
            "licenceExpiry", "d.licence_expiry",
            "qualificationExpiry", "d.qualification_expiry",
            "partyStatus", "d.party_status",
            "createdAt", "d.created_at");

    private static final int MAX_NAME = 40;
    /** Rows of one multi-row insert, and values of one {@code in} list. */
    private static final int INSERT_ROWS = 500;

    private static final int CHUNK = 1000;
    private static final int MIN_AGE = 18;

    private final JdbcClient jdbc;
    private final FieldEncryptor encryptor;
    private final FleetScopes scopes;
    private final FleetReferences references;
    private final FleetProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    Drivers(
            JdbcClient jdbc,
            FieldEncryptor encryptor,
            FleetScopes scopes,
            FleetReferences references,
            FleetProperties properties,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.encryptor = encryptor;
        this.scopes = scopes;
        this.references = references;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<Driver> search(DataScope scope, DriverFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, params);
        long total = jdbc.sql("select count(*) from fleet_driver d" + where)
                .params(params)
                .query(Long.class)
                .single();
        var names = references.names();
        List<Driver> content = jdbc.sql("select d.* from fleet_driver d" + where + page.orderBy(SORTS, "name", "d.id")
                        + " offset :offset limit :limit")
                .params(params)
                .param("offset", page.offset())
                .param("limit", page.size())
                .query((rs, n) -> map(rs, names))
                .list();
        return new Page<>(content, page.page(), page.size(), total);
    }

    /** The driver, if he exists and lies within the scope. */
    public Optional<Driver> find(DataScope scope, long id) {
        FleetScopes.Condition condition = scopes.drivers(scope, "d");
        var names = references.names();
        return jdbc.sql("select d.* from fleet_driver d where d.id = :id and " + condition.sql())
                .params(condition.params())
                .param("id", id)
                .query((rs, n) -> map(rs, names))
                .optional();
    }

    public Driver get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new RecordNotFoundException("driver", id));
    }

    /** The driver with exactly this ID number, within the scope (found by its keyed hash). */
    public Optional<Driver> findByIdNumber(DataScope scope, String idNumber) {
        String number = IdNumbers.normalize(idNumber);
        if (number == null || number.isEmpty()) {
            return Optional.empty();
        }
        FleetScopes.Condition condition = scopes.drivers(scope, "d");
        var names = references.names();
        return jdbc.sql("select d.* from fleet_driver d where d.id_number_hash = :hash and " + condition.sql())
                .params(condition.params())
                .param("hash", encryptor.blindIndex(number))
                .query((rs, n) -> map(rs, names))
                .optional();
    }

    /** The active driver with this mobile number, whoever asks: for the drivers' own sign-in. */
    public Optional<Driver> findActiveByPhone(String phone) {
        String clean = cleanPhone(phone);
        if (clean == null) {
            return Optional.empty();
        }
        var names = references.names();
        return jdbc.sql("select d.* from fleet_driver d where d.phone = :phone and d.active")
                .param("phone", clean)
                .query((rs, n) -> map(rs, names))
                .optional();
    }

    /**
     * Every violation of the driver's data, as a create (no {@code id}) or a change of driver
     * {@code id} would report it, without changing anything.
     */
    public List<Violation> check(DataScope scope, DriverData data, Long id) {
        return violations(scope, clean(data), id);
    }

    /**
     * Registers a driver within the scope (an enterprise user registers his enterprise's drivers).
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    @Transactional
    public long create(DataScope scope, DriverData data) {
        DriverData d = withScopeDefaults(scope, clean(data));
        List<Violation> v = violations(scope, d, null);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into fleet_driver
                            (name, phone, id_number_encrypted, id_number_hash, id_number_masked, licence_class,
                             licence_expiry, qualification_encrypted, qualification_masked, qualification_expiry,
                             enterprise_id, township_id, village_id, party_status, emergency_contact_name,
                             emergency_contact_phone, consent_version, consent_date, created_at, updated_at)
                        values (:name, :phone, :idEncrypted, :idHash, :idMasked, :licenceClass, :licenceExpiry,
                                :qualificationEncrypted, :qualificationMasked, :qualificationExpiry, :enterpriseId,
                                :townshipId, :villageId, :partyStatus, :emergencyName, :emergencyPhone,
                                :consentVersion, :consentDate, :now, :now)
                        returning id
                        """)
                .params(columns(d))
                .param("idEncrypted", encryptor.encrypt(d.idNumber()))
                .param("idHash", encryptor.blindIndex(d.idNumber()))
                .param("idMasked", IdNumbers.mask(d.idNumber()))
                .param(
                        "qualificationEncrypted",
                        d.qualificationNumber() == null ? null : encryptor.encrypt(d.qualificationNumber()))
                .param("qualificationMasked", DriverPrivacy.maskNumber(d.qualificationNumber()))
                .param("now", now)
                .query(Long.class)
                .single();
        if (d.consented()) {
            recordConsent(id, d);
        }
        return id;
    }

    /** Changes a driver within the scope; he must stay within it. A blank ID number keeps the stored one. */
    @Transactional
    public void update(DataScope scope, long id, DriverData data) {
        Driver before = get(scope, id);
        DriverData d = withScopeDefaults(scope, clean(data));
        List<Violation> v = violations(scope, d, id);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var statement = jdbc.sql("""
                        update fleet_driver set
                            name = :name, phone = :phone, licence_class = :licenceClass, licence_expiry = :licenceExpiry,
                            qualification_expiry = :qualificationExpiry, enterprise_id = :enterpriseId,
                            township_id = :townshipId, village_id = :villageId, party_status = :partyStatus,
                            emergency_contact_name = :emergencyName, emergency_contact_phone = :emergencyPhone,
                            consent_version = :consentVersion, consent_date = :consentDate, updated_at = :now
                        """
                        + (d.idNumber() == null
                                ? ""
                                : ", id_number_encrypted = :idEncrypted, id_number_hash = :idHash, id_number_masked = :idMasked")
                        + (d.qualificationNumber() == null
                                ? ""
                                : ", qualification_encrypted = :qualificationEncrypted, qualification_masked = :qualificationMasked")
                        + " where id = :id")
                .params(columns(d))
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()));
        if (d.idNumber() != null) {
            statement = statement
                    .param("idEncrypted", encryptor.encrypt(d.idNumber()))
                    .param("idHash", encryptor.blindIndex(d.idNumber()))
                    .param("idMasked", IdNumbers.mask(d.idNumber()));
        }
        if (d.qualificationNumber() != null) {
            statement = statement
                    .param("qualificationEncrypted", encryptor.encrypt(d.qualificationNumber()))
                    .param("qualificationMasked", DriverPrivacy.maskNumber(d.qualificationNumber()));
        }
        statement.update();
        boolean consentChanged = before.consented() != d.consented()
                || (d.consented()
                        && (!d.consentDate().equals(before.consentDate())
                                || !d.consentVersion().equals(before.consentVersion())));
        if (consentChanged) {
            recordConsent(id, d);
        }
    }

    /** Deactivates (or reactivates) a driver; deactivation ends his open assignments. History stays. */
    @Transactional
    public void setActive(DataScope scope, long id, boolean active) {
        get(scope, id);
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("update fleet_driver set active = :active, updated_at = :now where id = :id")
                .param("active", active)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (!active) {
            jdbc.sql("""
                            update fleet_assignment set ends_on = greatest(starts_on, :today)
                            where driver_id = :id and ends_on is null
                            """).param("today", Date.valueOf(today)).param("id", id).update();
        }
    }

    /**
     * The driver's full ID number, for a user allowed to see it (the caller checks the
     * permission). Every call is written to the audit log.
     */
    public String revealIdNumber(DataScope scope, long id, String actor, String remoteAddress) {
        FleetScopes.Condition condition = scopes.drivers(scope, "d");
        String stored = jdbc.sql(
                        "select d.id_number_encrypted from fleet_driver d where d.id = :id and " + condition.sql())
                .params(condition.params())
                .param("id", id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new RecordNotFoundException("driver", id));
        audit.record(
                actor,
                "SHOW driver ID number",
                "driver",
                String.valueOf(id),
                AuditLog.SUCCESS,
                "unmasked view of personal data",
                remoteAddress);
        return encryptor.decrypt(stored);
    }

    /** The consents given and withdrawn, oldest first. */
    public List<ConsentRecord> consentHistory(DataScope scope, long id) {
        get(scope, id);
        return jdbc.sql("select * from fleet_driver_consent where driver_id = :id order by recorded_at, id")
                .param("id", id)
                .query((rs, n) -> new ConsentRecord(
                        rs.getBoolean("given"),
                        rs.getString("version"),
                        rs.getObject("consent_date", LocalDate.class),
                        SqlRows.instant(rs, "recorded_at"),
                        rs.getString("recorded_by")))
                .list();
    }

    /** The last day a document may expire on and be due for renewal: today plus the warning days. */
    public LocalDate dueLimit() {
        return LocalDate.now(clock).plusDays(properties.expiryWarningDays());
    }

    /** Drivers within the scope, for pick lists: id and name of the active ones, by name. */
    public List<DriverChoice> choices(DataScope scope, Long enterpriseId) {
        FleetScopes.Condition condition = scopes.drivers(scope, "d");
        return jdbc.sql("select d.id, d.name, d.phone from fleet_driver d where d.active and " + condition.sql()
                        + " and (cast(:enterprise as bigint) is null or d.enterprise_id = :enterprise)"
                        + " order by d.name, d.id limit 2000")
                .params(condition.params())
                .param("enterprise", enterpriseId)
                .query((rs, n) -> new DriverChoice(
                        rs.getLong("id"), rs.getString("name"), DriverPrivacy.maskPhone(rs.getString("phone"))))
                .list();
    }

    /** A consent to location monitoring given or withdrawn. */
    public record ConsentRecord(
            boolean given, String version, LocalDate consentDate, java.time.Instant recordedAt, String recordedBy) {}

    /** A driver in a pick list. */
    public record DriverChoice(long id, String name, String maskedPhone) {}

    /**
     * Checks new drivers as {@link #create} would, for a whole batch at once (an import): the
     * database is read a few times for the batch, not once per driver, and ID numbers are compared by
     * their keyed hashes (nothing is decrypted). Duplicates inside the batch are the caller's to find.
     *
     * @return the violations of each driver, in order (empty for a good one)
     */
    public List<List<Violation>> checkNew(DataScope scope, List<DriverData> batch) {
        List<DriverData> clean =
                batch.stream().map(d -> withScopeDefaults(scope, clean(d))).toList();
        BatchLookups lookups = new BatchLookups(scope, clean);
        return clean.stream().map(d -> violations(d, null, lookups)).toList();
    }

    /**
     * Registers many drivers within the scope in one transaction, all or nothing, with multi-row
     * inserts; ID numbers are stored encrypted as {@link #create} stores them, and each consent is
     * recorded. Everything is checked again inside the transaction.
     *
     * @param actor who registers them, for the consent records
     * @param stored told how many are stored so far
     * @return how many were stored
     * @throws InvalidInputException when any driver is wrong (the first wrong one's violations)
     */
    @Transactional
    public int createAll(DataScope scope, List<DriverData> batch, String actor, IntConsumer stored) {
        List<DriverData> clean =
                batch.stream().map(d -> withScopeDefaults(scope, clean(d))).toList();
        BatchLookups lookups = new BatchLookups(scope, clean);
        for (DriverData d : clean) {
            List<Violation> v = violations(d, null, lookups);
            if (!v.isEmpty()) {
                throw new InvalidInputException(v);
            }
        }
        var now = Timestamp.from(clock.instant());
        int count = 0;
        for (int from = 0; from < clean.size(); from += INSERT_ROWS) {
            List<DriverData> chunk = clean.subList(from, Math.min(from + INSERT_ROWS, clean.size()));
            insertRows(chunk, lookups, now);
            List<String> consented = chunk.stream()
                    .filter(DriverData::consented)
                    .map(DriverData::phone)
                    .toList();
            if (!consented.isEmpty()) {
                jdbc.sql("""
                                insert into fleet_driver_consent
                                    (driver_id, given, version, consent_date, recorded_at, recorded_by)
                                select id, true, consent_version, consent_date, :now, :by from fleet_driver
                                where phone in (:phones) and consent_date is not null
                                """)
                        .param("now", now)
                        .param("by", actor)
                        .param("phones", consented)
                        .update();
            }
            count += chunk.size();
            stored.accept(count);
        }
        return count;
    }

    /**
     * The drivers within the scope who have these ID numbers, by normalised ID number; found by their
     * keyed hashes, nothing decrypted. Numbers nobody within the scope has are missing from the map.
     */
    public Map<String, Driver> findByIdNumbers(DataScope scope, Collection<String> idNumbers) {
        Map<String, String> numberOfHash = new HashMap<>();
        for (String idNumber : idNumbers) {
            String number = IdNumbers.normalize(idNumber);
            if (number != null && !number.isEmpty()) {
                numberOfHash.put(encryptor.blindIndex(number), number);
            }
        }
        FleetScopes.Condition condition = scopes.drivers(scope, "d");
        var names = references.names();
        List<String> hashes = List.copyOf(numberOfHash.keySet());
        Map<String, Driver> found = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += CHUNK) {
            jdbc.sql("select d.* from fleet_driver d where d.id_number_hash in (:hashes) and " + condition.sql())
                    .params(condition.params())
                    .param("hashes", hashes.subList(from, Math.min(from + CHUNK, hashes.size())))
                    .query((rs, n) -> Map.entry(numberOfHash.get(rs.getString("id_number_hash")), map(rs, names)))
                    .list()
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /** The drivers with these ids that lie within the scope, by id. */
    public Map<Long, Driver> findAll(DataScope scope, Collection<Long> ids) {
        FleetScopes.Condition condition = scopes.drivers(scope, "d");
        var names = references.names();
        List<Long> wanted = ids.stream().distinct().toList();
        Map<Long, Driver> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            jdbc.sql("select d.* from fleet_driver d where d.id in (:ids) and " + condition.sql())
                    .params(condition.params())
                    .param("ids", wanted.subList(from, Math.min(from + CHUNK, wanted.size())))
                    .query((rs, n) -> map(rs, names))
                    .list()
                    .forEach(d -> found.put(d.id(), d));
        }
        return found;
    }

    /**
     * The whole filtered list in the requested order, for an export.
     *
     * @param limit at most this many
     */
    public List<Driver> export(DataScope scope, DriverFilter filter, String sortKey, boolean ascending, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, params);
        var names = references.names();
        return jdbc.sql("select d.* from fleet_driver d" + where
                        + new PageRequest(0, 1, sortKey, ascending).orderBy(SORTS, "name", "d.id") + " limit :limit")
                .params(params)
                .param("limit", limit)
                .query((rs, n) -> map(rs, names))
                .list();
    }

    /**
     * The full ID numbers of these drivers within the scope, by driver id, for an export by a user
     * allowed to see them (the caller checks the permission and audits the export).
     */
    public Map<Long, String> fullIdNumbers(DataScope scope, Collection<Long> ids) {
        FleetScopes.Condition condition = scopes.drivers(scope, "d");
        List<Long> wanted = ids.stream().distinct().toList();
        Map<Long, String> numbers = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            jdbc.sql("select d.id, d.id_number_encrypted from fleet_driver d where d.id in (:ids) and "
                            + condition.sql())
                    .params(condition.params())
                    .param("ids", wanted.subList(from, Math.min(from + CHUNK, wanted.size())))
                    .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("id_number_encrypted")))
                    .list()
                    .forEach(e -> numbers.put(e.getKey(), encryptor.decrypt(e.getValue())));
        }
        return numbers;
    }

    private void recordConsent(long driverId, DriverData d) {
        jdbc.sql("""
                        insert into fleet_driver_consent (driver_id, given, version, consent_date, recorded_at, recorded_by)
                        values (:driver, :given, :version, :date, :now, :by)
                        """)
                .param("driver", driverId)
                .param("given", d.consented())
                .param("version", d.consentVersion())
                .param("date", d.consentDate() == null ? null : Date.valueOf(d.consentDate()))
                .param("now", Timestamp.from(clock.instant()))
                .param("by", StaffUser.current().map(StaffUser::username).orElse("system"))
                .update();
    }

    private String where(DataScope scope, DriverFilter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        FleetScopes.Condition condition = scopes.drivers(scope, "d");
        clauses.add(condition.sql());
        params.putAll(condition.params());
        String q = filter.q() == null ? "" : filter.q().trim();
        if (!q.isEmpty()) {
            if (IdNumbers.normalize(q).matches("\\d{17}[\\dX]")) {
                clauses.add("d.id_number_hash = :idHash");
                params.put("idHash", encryptor.blindIndex(IdNumbers.normalize(q)));
            } else {
                clauses.add("(d.name ilike :q or d.phone like :q)");
                params.put(
                        "q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (filter.enterpriseId() != null) {
            clauses.add("d.enterprise_id = :enterpriseId");
            params.put("enterpriseId", filter.enterpriseId());
        }
        if (filter.independent() != null) {
            clauses.add(filter.independent() ? "d.enterprise_id is null" : "d.enterprise_id is not null");
        }
        if (filter.townshipId() != null) {
            clauses.add("d.township_id = :townshipId");
            params.put("townshipId", filter.townshipId());
        }
        if (filter.villageId() != null) {
            clauses.add("d.village_id = :villageId");
            params.put("villageId", filter.villageId());
        }
        if (filter.partyStatus() != null) {
            clauses.add("d.party_status = :partyStatus");
            params.put("partyStatus", filter.partyStatus().name());
        }
        if (Boolean.TRUE.equals(filter.expiring())) {
            clauses.add("(d.licence_expiry <= :dueLimit or d.qualification_expiry <= :dueLimit)");
            params.put("dueLimit", Date.valueOf(dueLimit()));
        }
        if (filter.active() != null) {
            clauses.add(filter.active() ? "d.active" : "not d.active");
        }
        return " where " + String.join(" and ", clauses);
    }

    /** An enterprise user's drivers belong to his enterprise, unless he names another (refused). */
    private static DriverData withScopeDefaults(DataScope scope, DriverData d) {
        if (scope.kind() == ScopeKind.ENTERPRISE && d.enterpriseId() == null) {
            return new DriverData(
                    d.name(),
                    d.phone(),
                    d.idNumber(),
                    d.licenceClass(),
                    d.licenceExpiry(),
                    d.qualificationNumber(),
                    d.qualificationExpiry(),
                    scope.targetId(),
                    d.townshipId(),
                    d.villageId(),
                    d.partyStatus(),
                    d.emergencyContactName(),
                    d.emergencyContactPhone(),
                    d.locationConsent(),
                    d.consentDate(),
                    d.consentVersion());
        }
        return d;
    }

    private DriverData clean(DriverData d) {
        boolean consent = d.consented();
        Long townshipId = d.townshipId();
        if (townshipId == null && d.villageId() != null) {
            townshipId =
                    references.village(d.villageId()).map(Village::townshipId).orElse(null);
        }
        return new DriverData(
                trim(d.name()),
                cleanPhone(d.phone()),
                blankToNull(IdNumbers.normalize(d.idNumber())),
                d.licenceClass(),
                d.licenceExpiry(),
                blankToNull(
                        d.qualificationNumber() == null
                                ? null
                                : d.qualificationNumber().replaceAll("\\s", "").toUpperCase()),
                d.qualificationExpiry(),
                d.enterpriseId(),
                townshipId,
                d.villageId(),
                d.partyStatus() == null ? PartyStatus.NONE : d.partyStatus(),
                trim(d.emergencyContactName()),
                cleanPhone(d.emergencyContactPhone()),
                consent,
                consent ? (d.consentDate() == null ? LocalDate.now(clock) : d.consentDate()) : null,
                consent
                        ? (trim(d.consentVersion()) == null ? properties.consentVersion() : trim(d.consentVersion()))
                        : null);
    }

    private List<Violation> violations(DataScope scope, DriverData d, Long id) {
        return violations(d, id, new SingleLookups(scope));
    }

    private List<Violation> violations(DriverData d, Long id, Lookups lookups) {
        LocalDate today = LocalDate.now(clock);
        List<Violation> v = new ArrayList<>();
        if (d.name() == null) {
            v.add(new Violation("name", "validation.required"));
        } else if (d.name().length() > MAX_NAME) {
            v.add(new Violation("name", "validation.tooLong"));
        } else if (d.name().matches(".*\\d.*")) {
            v.add(new Violation("name", "driver.name.format"));
        }
        if (d.phone() == null) {
            v.add(new Violation("phone", "validation.required"));
        } else if (!PhoneNumbers.isMobile(d.phone())) {
            v.add(new Violation("phone", "driver.phone.mobile"));
        } else if (lookups.phoneTaken(d.phone(), id)) {
            v.add(new Violation("phone", "driver.phone.taken"));
        }
        if (d.idNumber() == null) {
            if (id == null) {
                v.add(new Violation("idNumber", "validation.required"));
            }
        } else {
            Optional<String> wrong = IdNumbers.violation(d.idNumber(), today);
            if (wrong.isPresent()) {
                v.add(new Violation("idNumber", wrong.get()));
            } else if (IdNumbers.birthDate(d.idNumber())
                    .orElseThrow()
                    .plusYears(MIN_AGE)
                    .isAfter(today)) {
                v.add(new Violation("idNumber", "driver.idNumber.tooYoung"));
            } else if (lookups.idNumberTaken(d.idNumber(), id)) {
                v.add(new Violation("idNumber", "driver.idNumber.taken"));
            }
        }
        if (d.licenceClass() == null) {
            v.add(new Violation("licenceClass", "validation.required"));
        }
        if (d.qualificationNumber() != null && !d.qualificationNumber().matches("[0-9A-Z]{6,30}")) {
            v.add(new Violation("qualificationNumber", "driver.qualificationNumber.format"));
        }
        if (d.qualificationNumber() != null && d.qualificationExpiry() == null) {
            v.add(new Violation("qualificationExpiry", "validation.required"));
        }
        if (d.enterpriseId() != null && !lookups.activeEnterprise(d.enterpriseId())) {
            v.add(new Violation("enterpriseId", "validation.unknownReference"));
        }
        if (d.villageId() != null) {
            Optional<Village> village = lookups.village(d.villageId());
            if (village.isEmpty() || !village.get().active()) {
                v.add(new Violation("villageId", "validation.unknownReference"));
            } else if (d.townshipId() != null && village.get().townshipId() != d.townshipId()) {
                v.add(new Violation("villageId", "driver.village.notInTownship"));
            }
        }
        if (d.townshipId() != null
                && lookups.township(d.townshipId()).map(t -> !t.active()).orElse(true)) {
            v.add(new Violation("townshipId", "validation.unknownReference"));
        }
        if (!v.stream()
                        .anyMatch(x ->
                                x.field().equals("enterpriseId") || x.field().equals("villageId"))
                && !lookups.covers(d.enterpriseId(), d.villageId())) {
            v.add(new Violation("enterpriseId", "fleet.outOfScope"));
        }
        if ((d.emergencyContactName() == null) != (d.emergencyContactPhone() == null)) {
            v.add(new Violation(
                    d.emergencyContactName() == null ? "emergencyContactName" : "emergencyContactPhone",
                    "driver.emergencyContact.pair"));
        }
        if (d.emergencyContactPhone() != null && !PhoneNumbers.isValid(d.emergencyContactPhone())) {
            v.add(new Violation("emergencyContactPhone", "validation.phone"));
        }
        if (d.consented()) {
            if (d.consentDate().isAfter(today)) {
                v.add(new Violation("consentDate", "validation.notInFuture"));
            }
            if (d.consentVersion().length() > 40) {
                v.add(new Violation("consentVersion", "validation.tooLong"));
            }
        }
        return v;
    }

    /**
     * One multi-row insert: far quicker than a row-by-row batch. Every parameter's SQL type is named,
     * or the driver would be asked for it for every null.
     */
    private void insertRows(List<DriverData> rows, BatchLookups lookups, Timestamp now) {
        var sql = new StringBuilder("""
                insert into fleet_driver
                    (name, phone, id_number_encrypted, id_number_hash, id_number_masked, licence_class, licence_expiry,
                     qualification_encrypted, qualification_masked, qualification_expiry, enterprise_id, township_id,
                     village_id, party_status, emergency_contact_name, emergency_contact_phone, consent_version,
                     consent_date, created_at, updated_at)
                values\s""");
        var params = new MapSqlParameterSource("now", now);
        for (int i = 0; i < rows.size(); i++) {
            DriverData d = rows.get(i);
            String qualification = d.qualificationNumber();
            String p = "r" + i + "_";
            sql.append(i == 0 ? "(" : ", (");
            bind(sql, params, p + "name", d.name(), Types.VARCHAR);
            bind(sql, params, p + "phone", d.phone(), Types.VARCHAR);
            bind(sql, params, p + "idEncrypted", encryptor.encrypt(d.idNumber()), Types.VARCHAR);
            bind(sql, params, p + "idHash", lookups.hash(d.idNumber()), Types.VARCHAR);
            bind(sql, params, p + "idMasked", IdNumbers.mask(d.idNumber()), Types.VARCHAR);
            bind(sql, params, p + "licenceClass", d.licenceClass().name(), Types.VARCHAR);
            bind(sql, params, p + "licenceExpiry", date(d.licenceExpiry()), Types.DATE);
            bind(
                    sql,
                    params,
                    p + "qualificationEncrypted",
                    qualification == null ? null : encryptor.encrypt(qualification),
                    Types.VARCHAR);
            bind(sql, params, p + "qualificationMasked", DriverPrivacy.maskNumber(qualification), Types.VARCHAR);
            bind(sql, params, p + "qualificationExpiry", date(d.qualificationExpiry()), Types.DATE);
            bind(sql, params, p + "enterpriseId", d.enterpriseId(), Types.BIGINT);
            bind(sql, params, p + "townshipId", d.townshipId(), Types.BIGINT);
            bind(sql, params, p + "villageId", d.villageId(), Types.BIGINT);
            bind(sql, params, p + "partyStatus", d.partyStatus().name(), Types.VARCHAR);
            bind(sql, params, p + "emergencyName", d.emergencyContactName(), Types.VARCHAR);
            bind(sql, params, p + "emergencyPhone", d.emergencyContactPhone(), Types.VARCHAR);
            bind(sql, params, p + "consentVersion", d.consentVersion(), Types.VARCHAR);
            bind(sql, params, p + "consentDate", date(d.consentDate()), Types.DATE);
            sql.append(":now, :now)");
        }
        jdbc.sql(sql.toString()).paramSource(params).update();
    }

    private static void bind(StringBuilder sql, MapSqlParameterSource params, String name, Object value, int type) {
        sql.append(':').append(name).append(", ");
        params.addValue(name, value, type);
    }

    /**
     * What the rules of a driver ask the database: one question at a time for a form, or answered
     * from a few bulk reads for a whole batch.
     */
    private interface Lookups {

        boolean phoneTaken(String phone, Long id);

        boolean idNumberTaken(String idNumber, Long id);

        boolean activeEnterprise(Long enterpriseId);

        Optional<Village> village(Long villageId);

        Optional<Township> township(Long townshipId);

        boolean covers(Long enterpriseId, Long villageId);
    }

    /** The database asked for one driver. */
    private final class SingleLookups implements Lookups {

        private final DataScope scope;

        SingleLookups(DataScope scope) {
            this.scope = scope;
        }

        @Override
        public boolean phoneTaken(String phone, Long id) {
            return exists("select count(*) from fleet_driver where phone = :value and id <> :id", phone, id);
        }

        @Override
        public boolean idNumberTaken(String idNumber, Long id) {
            return exists(
                    "select count(*) from fleet_driver where id_number_hash = :value and id <> :id",
                    encryptor.blindIndex(idNumber),
                    id);
        }

        @Override
        public boolean activeEnterprise(Long enterpriseId) {
            return references.activeEnterprise(enterpriseId);
        }

        @Override
        public Optional<Village> village(Long villageId) {
            return references.village(villageId);
        }

        @Override
        public Optional<Township> township(Long townshipId) {
            return references.township(townshipId);
        }

        @Override
        public boolean covers(Long enterpriseId, Long villageId) {
            return scopes.covers(scope, enterpriseId, villageId);
        }
    }

    /**
     * The database read once for a batch of new drivers: which of their phones and ID numbers (by
     * keyed hash) are taken, then each enterprise, village, township and scope question answered once.
     */
    private final class BatchLookups implements Lookups {

        private final DataScope scope;
        private final Map<String, String> hashes = new HashMap<>();
        private final Set<String> takenPhones;
        private final Set<String> takenHashes;
        private final Map<Long, Boolean> enterprises = new HashMap<>();
        private final Map<Long, Optional<Village>> villages = new HashMap<>();
        private final Map<Long, Optional<Township>> townships = new HashMap<>();
        private final Map<List<Long>, Boolean> covered = new HashMap<>();

        BatchLookups(DataScope scope, List<DriverData> batch) {
            this.scope = scope;
            for (DriverData d : batch) {
                if (d.idNumber() != null) {
                    hashes.computeIfAbsent(d.idNumber(), encryptor::blindIndex);
                }
            }
            this.takenPhones =
                    existing("phone", batch.stream().map(DriverData::phone).filter(PhoneNumbers::isMobile));
            this.takenHashes = existing("id_number_hash", hashes.values().stream());
        }

        String hash(String idNumber) {
            return hashes.computeIfAbsent(idNumber, encryptor::blindIndex);
        }

        @Override
        public boolean phoneTaken(String phone, Long id) {
            return takenPhones.contains(phone);
        }

        @Override
        public boolean idNumberTaken(String idNumber, Long id) {
            return takenHashes.contains(hash(idNumber));
        }

        @Override
        public boolean activeEnterprise(Long enterpriseId) {
            return enterprises.computeIfAbsent(enterpriseId, references::activeEnterprise);
        }

        @Override
        public Optional<Village> village(Long villageId) {
            return villages.computeIfAbsent(villageId, references::village);
        }

        @Override
        public Optional<Township> township(Long townshipId) {
            return townships.computeIfAbsent(townshipId, references::township);
        }

        @Override
        public boolean covers(Long enterpriseId, Long villageId) {
            return covered.computeIfAbsent(
                    Arrays.asList(enterpriseId, villageId), k -> scopes.covers(scope, enterpriseId, villageId));
        }
    }

    /** Which of the values a column of fleet_driver already holds, asked in chunks. */
    private Set<String> existing(String column, Stream<String> values) {
        List<String> wanted = values.filter(Objects::nonNull).distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            found.addAll(jdbc.sql("select " + column + " from fleet_driver where " + column + " in (:values)")
                    .param("values", wanted.subList(from, Math.min(from + CHUNK, wanted.size())))
                    .query(String.class)
                    .list());
        }
        return found;
    }

    private boolean exists(String sql, Object value, Long id) {
        return jdbc.sql(sql)
                        .param("value", value)
                        .param("id", id == null ? -1L : id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Map<String, Object> columns(DriverData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", d.name());
        p.put("phone", d.phone());
        p.put("licenceClass", d.licenceClass().name());
        p.put("licenceExpiry", date(d.licenceExpiry()));
        p.put("qualificationExpiry", date(d.qualificationExpiry()));
        p.put("enterpriseId", d.enterpriseId());
        p.put("townshipId", d.townshipId());
        p.put("villageId", d.villageId());
        p.put("partyStatus", d.partyStatus().name());
        p.put("emergencyName", d.emergencyContactName());
        p.put("emergencyPhone", d.emergencyContactPhone());
        p.put("consentVersion", d.consentVersion());
        p.put("consentDate", date(d.consentDate()));
        return p;
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static String cleanPhone(String phone) {
        String clean = phone == null ? null : phone.replaceAll("[\\s]", "");
        return clean == null || clean.isEmpty() ? null : clean;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Driver map(ResultSet rs, FleetReferences.Names names) throws SQLException {
        Long enterpriseId = SqlRows.nullableLong(rs, "enterprise_id");
        Long townshipId = SqlRows.nullableLong(rs, "township_id");
        Long villageId = SqlRows.nullableLong(rs, "village_id");
        return new Driver(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("id_number_masked"),
                LicenceClass.valueOf(rs.getString("licence_class")),
                rs.getObject("licence_expiry", LocalDate.class),
                rs.getString("qualification_masked"),
                rs.getObject("qualification_expiry", LocalDate.class),
                enterpriseId,
                names.enterprise(enterpriseId),
                townshipId,
                names.township(villageId, townshipId),
                villageId,
                names.village(villageId),
                PartyStatus.valueOf(rs.getString("party_status")),
                rs.getString("emergency_contact_name"),
                rs.getString("emergency_contact_phone"),
                rs.getString("consent_version"),
                rs.getObject("consent_date", LocalDate.class),
                rs.getBoolean("active"),
                SqlRows.instant(rs, "created_at"),
                SqlRows.instant(rs, "updated_at"));
    }
}
