package org.redwheel.mobile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redwheel.InvalidInputException;
import org.redwheel.PageRequest;
import org.redwheel.SqlRows;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.DriverFilter;
import org.redwheel.fleet.Drivers;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.DriverUser;
import org.redwheel.identity.FieldEncryptor;
import org.redwheel.notification.SmsGateway;
import org.redwheel.organization.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drivers' sign-in with a one-time code sent by SMS to a phone number of the survey.
 *
 * <p>Whoever asks gets the same answer whether or not the number belongs to an active driver (no
 * enumeration): the request is recorded and counted against the limits alike, only no code exists
 * and no SMS goes out for an unknown number, and its code never matches. Codes are kept as a keyed
 * hash, live {@link CodeExpiry five minutes}, serve once, and only the newest code of a phone
 * counts. Sending is {@link SendLimits limited} per phone and per address; wrong codes {@link
 * Lockout lock} the phone. Every request, sign-in, failure and lock is audited.
 */
@Service
class DriverLogins {

    private static final Logger log = LoggerFactory.getLogger(DriverLogins.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TARGET = "driver";

    private final JdbcClient jdbc;
    private final Drivers drivers;
    private final SmsGateway sms;
    private final FieldEncryptor encryptor;
    private final AuditLog audit;
    private final MobileProperties.Login settings;
    private final Clock clock;

    DriverLogins(
            JdbcClient jdbc,
            Drivers drivers,
            SmsGateway sms,
            FieldEncryptor encryptor,
            AuditLog audit,
            MobileProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.drivers = drivers;
        this.sms = sms;
        this.encryptor = encryptor;
        this.audit = audit;
        this.settings = properties.login();
        this.clock = clock;
    }

    /**
     * Sends a code to the phone if it is an active driver's and the limits allow.
     *
     * @throws InvalidInputException when the phone is not a mobile number; nothing is recorded
     */
    @Transactional
    public CodeRequest requestCode(String phoneInput, String remoteAddress) {
        String phone = phone(phoneInput);
        String address = remoteAddress == null ? "unknown" : remoteAddress;
        // Concurrent requests for one address or one phone queue here, so the limits hold exactly.
        advisoryLock("mobile-login-address:" + address);
        advisoryLock("mobile-login-phone:" + phone);
        Instant now = clock.instant();
        String actor = actor(phone);
        Optional<Driver> driver = drivers.findActiveByPhone(phone);
        String driverId = driver.map(d -> String.valueOf(d.id())).orElse(null);

        Instant lockedUntil = lockedUntil(phone);
        if (settings.lockout().lockedAt(lockedUntil, now)) {
            audit.record(
                    actor, "LOGIN_CODE", TARGET, driverId, AuditLog.FAILURE, "locked until " + lockedUntil, address);
            return CodeRequest.refused(CodeRequest.Outcome.LOCKED, PhoneNumbers.masked(phone), lockedUntil);
        }
        Instant from = now.minus(SendLimits.WINDOW);
        List<Instant> phoneSends = sendTimes("phone", phone, from);
        List<Instant> addressSends = sendTimes("remote_address", address, from);
        SendLimits.Decision decision = settings.sendLimits().decide(phoneSends, addressSends, now);
        if (!decision.allowed()) {
            audit.record(
                    actor,
                    "LOGIN_CODE",
                    TARGET,
                    driverId,
                    AuditLog.FAILURE,
                    "rate limited: " + decision.refusal(),
                    address);
            return CodeRequest.refused(
                    decision.refusal() == SendLimits.Refusal.ADDRESS_HOURLY
                            ? CodeRequest.Outcome.TOO_MANY_FROM_ADDRESS
                            : CodeRequest.Outcome.TOO_MANY_FOR_PHONE,
                    PhoneNumbers.masked(phone),
                    decision.retryAt());
        }

        String code = driver.isPresent() ? newCode() : null;
        jdbc.sql("""
                        insert into mobile_login_code (phone, driver_id, code_hash, requested_at, expires_at, remote_address)
                        values (:phone, :driver, :hash, :now, :expires, :address)
                        """)
                .param("phone", phone)
                .param("driver", driver.map(Driver::id).orElse(null))
                .param("hash", code == null ? null : hash(phone, code))
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(settings.codeExpiry().expiresAt(now)))
                .param("address", address)
                .update();
        String detail;
        if (code != null) {
            detail = send(phone, code) ? "code sent" : "code recorded; the SMS provider did not accept it";
        } else {
            detail = "not an active driver's number: no code, no SMS";
        }
        audit.record(actor, "LOGIN_CODE", TARGET, driverId, AuditLog.SUCCESS, detail, address);
        return CodeRequest.sent(PhoneNumbers.masked(phone), settings.showCodeOnScreen() ? code : null);
    }

    /**
     * Signs the driver in when the code is the newest one sent to his phone, unused and alive.
     *
     * @throws InvalidInputException when the phone or the code is malformed; nothing is counted
     */
    @Transactional
    public SignIn signIn(String phoneInput, String codeInput, String remoteAddress) {
        String phone = phone(phoneInput);
        String code = code(codeInput);
        advisoryLock("mobile-login-phone:" + phone);
        Instant now = clock.instant();
        String actor = actor(phone);
        Lockout lockout = settings.lockout();

        var lock = jdbc.sql("select failed_attempts, locked_until from mobile_login_lock where phone = :phone")
                .param("phone", phone)
                .query((rs, n) -> new Lockout.State(rs.getInt(1), SqlRows.instant(rs, "locked_until")))
                .optional()
                .orElse(new Lockout.State(0, null));
        if (lockout.lockedAt(lock.lockedUntil(), now)) {
            audit.record(
                    actor,
                    "LOGIN",
                    TARGET,
                    null,
                    AuditLog.FAILURE,
                    "locked until " + lock.lockedUntil(),
                    remoteAddress);
            return SignIn.locked(lock.lockedUntil());
        }

        Optional<IssuedCode> latest = jdbc.sql("""
                        select id, driver_id, code_hash, requested_at, used_at from mobile_login_code
                        where phone = :phone order by requested_at desc, id desc limit 1
                        """)
                .param("phone", phone)
                .query((rs, n) -> new IssuedCode(
                        rs.getLong("id"),
                        SqlRows.nullableLong(rs, "driver_id"),
                        rs.getString("code_hash"),
                        SqlRows.instant(rs, "requested_at"),
                        SqlRows.instant(rs, "used_at")))
                .optional();
        String problem = problem(latest, phone, code, now);
        Optional<Driver> driver = problem == null
                ? drivers.findActiveByPhone(phone)
                        .filter(d -> d.id() == latest.get().driverId())
                : Optional.empty();
        if (problem == null && driver.isEmpty()) {
            problem = "the driver is no longer active";
        }
        String driverId = latest.map(IssuedCode::driverId).map(String::valueOf).orElse(null);

        if (problem == null) {
            Driver d = driver.get();
            jdbc.sql("update mobile_login_code set used_at = :now where id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", latest.get().id())
                    .update();
            saveLock(phone, new Lockout.State(0, null), now);
            DriverUser user = new DriverUser(d.id(), d.name(), d.phone());
            audit.record(actorOf(user), "LOGIN", TARGET, driverId, AuditLog.SUCCESS, null, remoteAddress);
            return SignIn.success(user);
        }

        Lockout.State after = lockout.afterWrongCode(lock.failures(), now);
        saveLock(phone, after, now);
        audit.record(actor, "LOGIN", TARGET, driverId, AuditLog.FAILURE, problem, remoteAddress);
        if (after.locked()) {
            // Whatever code is out there dies with the lock: after it, a new one must be requested.
            jdbc.sql("update mobile_login_code set used_at = :now where phone = :phone and used_at is null")
                    .param("now", Timestamp.from(now))
                    .param("phone", phone)
                    .update();
            audit.record(
                    actor,
                    "LOCKOUT",
                    TARGET,
                    driverId,
                    AuditLog.FAILURE,
                    lockout.maxWrongCodes() + " wrong codes in a row: locked until " + after.lockedUntil(),
                    remoteAddress);
            return SignIn.locked(after.lockedUntil());
        }
        return SignIn.wrong(lockout.attemptsLeft(after.failures()));
    }

    /** Audits a driver's sign-out. */
    void signedOut(DriverUser user, String remoteAddress) {
        audit.record(
                actorOf(user),
                "LOGOUT",
                TARGET,
                String.valueOf(user.driverId()),
                AuditLog.SUCCESS,
                null,
                remoteAddress);
    }

    /**
     * For the demo only (when codes are shown on screen): a few drivers' numbers to try, the first
     * ones of the survey, who drive the demo's simulated trucks.
     */
    List<String> demoPhones() {
        if (!settings.showCodeOnScreen()) {
            return List.of();
        }
        return drivers
                .search(DataScope.county(), DriverFilter.activeOnes(), new PageRequest(0, 3, "createdAt", true))
                .content()
                .stream()
                .map(Driver::phone)
                .toList();
    }

    /** Code requests and idle locks hold phone numbers: they are kept no longer than needed. */
    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
    void purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(settings.purgeAfter()));
        int codes = jdbc.sql("delete from mobile_login_code where requested_at < :before")
                .param("before", before)
                .update();
        int locks = jdbc.sql("""
                        delete from mobile_login_lock
                        where updated_at < :before and (locked_until is null or locked_until < :before)
                        """).param("before", before).update();
        if (codes + locks > 0) {
            log.debug("Purged {} code requests and {} idle locks", codes, locks);
        }
    }

    /** Why the code does not sign in, or null when it does. For the audit only, never for the page. */
    private String problem(Optional<IssuedCode> latest, String phone, String code, Instant now) {
        if (latest.isEmpty()) {
            return "no code requested";
        }
        IssuedCode issued = latest.get();
        if (issued.driverId() == null) {
            return "not an active driver's number";
        }
        if (issued.usedAt() != null) {
            return "code already used or withdrawn";
        }
        if (!settings.codeExpiry().usableAt(issued.sentAt(), now)) {
            return "code expired";
        }
        if (!MessageDigest.isEqual(
                hash(phone, code).getBytes(StandardCharsets.US_ASCII),
                issued.codeHash().getBytes(StandardCharsets.US_ASCII))) {
            return "wrong code";
        }
        return null;
    }

    private boolean send(String phone, String code) {
        long minutes = Math.max(1, settings.codeLifetime().toMinutes());
        String text = "【红色方向盘】您的登录验证码是" + code + "，" + minutes + "分钟内有效，仅限本人使用。如非本人操作，请忽略本短信。";
        try {
            return sms.send(phone, text);
        } catch (RuntimeException e) {
            log.warn(
                    "The SMS provider failed to send a sign-in code to {}: {}",
                    PhoneNumbers.masked(phone),
                    e.toString());
            return false;
        }
    }

    private Instant lockedUntil(String phone) {
        return jdbc.sql("select locked_until from mobile_login_lock where phone = :phone")
                .param("phone", phone)
                .query((rs, n) -> SqlRows.instant(rs, "locked_until"))
                .optional()
                .orElse(null);
    }

    private void saveLock(String phone, Lockout.State state, Instant now) {
        jdbc.sql("""
                        insert into mobile_login_lock (phone, failed_attempts, locked_until, updated_at)
                        values (:phone, :failures, :until, :now)
                        on conflict (phone) do update
                            set failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until,
                                updated_at = excluded.updated_at
                        """)
                .param("phone", phone)
                .param("failures", state.failures())
                .param("until", state.lockedUntil() == null ? null : Timestamp.from(state.lockedUntil()))
                .param("now", Timestamp.from(now))
                .update();
    }

    private List<Instant> sendTimes(String column, String value, Instant from) {
        // column is one of two fixed names chosen above, never request input.
        return jdbc.sql("select requested_at from mobile_login_code where " + column
                        + " = :value and requested_at > :from")
                .param("value", value)
                .param("from", Timestamp.from(from))
                .query((rs, n) -> SqlRows.instant(rs, "requested_at"))
                .list();
    }

    private void advisoryLock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", key)
                .query((rs, n) -> 1)
                .single();
    }

    private String hash(String phone, String code) {
        return encryptor.blindIndex("mobile-login-code:" + phone + ":" + code);
    }

    private static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** The phone as typed, without spaces, dashes or the country code; must be a mainland mobile number. */
    static String phone(String input) {
        String clean = input == null ? "" : input.replaceAll("[\\s\\-()]", "");
        if (clean.startsWith("+86")) {
            clean = clean.substring(3);
        } else if (clean.startsWith("0086")) {
            clean = clean.substring(4);
        } else if (clean.length() == 13 && clean.startsWith("86")) {
            clean = clean.substring(2);
        }
        if (clean.isEmpty()) {
            throw InvalidInputException.of("phone", "validation.required");
        }
        if (!PhoneNumbers.isMobile(clean)) {
            throw InvalidInputException.of("phone", "mobile.login.phone.invalid");
        }
        return clean;
    }

    /** The phone as {@link #phone} cleans it, or null when it is not a mobile number. */
    static String phoneOrNull(String input) {
        try {
            return phone(input);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static String code(String input) {
        String clean = input == null ? "" : input.replaceAll("\\s", "");
        if (clean.isEmpty()) {
            throw InvalidInputException.of("code", "validation.required");
        }
        if (!clean.matches("\\d{6}")) {
            throw InvalidInputException.of("code", "mobile.login.code.format");
        }
        return clean;
    }

    /** How the audit log names a driver after he signed in. */
    static String actorOf(DriverUser user) {
        return "driver:" + user.driverId();
    }

    /** Before sign-in only the number typed is known, and the audit shows it masked. */
    private static String actor(String phone) {
        return "phone:" + PhoneNumbers.masked(phone);
    }

    private record IssuedCode(long id, Long driverId, String codeHash, Instant sentAt, Instant usedAt) {}

    /**
     * The answer to a code request. {@link Outcome#SENT} is the neutral answer: a code went out if
     * the number is an active driver's.
     *
     * @param retryAt when a refused request may be repeated
     * @param shownCode the code, only when the demo shows it on screen and one was sent
     */
    record CodeRequest(Outcome outcome, String maskedPhone, Instant retryAt, String shownCode) {

        enum Outcome {
            SENT,
            TOO_MANY_FOR_PHONE,
            TOO_MANY_FROM_ADDRESS,
            LOCKED
        }

        static CodeRequest sent(String maskedPhone, String shownCode) {
            return new CodeRequest(Outcome.SENT, maskedPhone, null, shownCode);
        }

        static CodeRequest refused(Outcome outcome, String maskedPhone, Instant retryAt) {
            return new CodeRequest(outcome, maskedPhone, retryAt, null);
        }
    }

    /**
     * The answer to a sign-in: the driver, or why not (a wrong, used or expired code look alike).
     *
     * @param attemptsLeft wrong codes left before the phone is locked
     * @param lockedUntil when the phone is locked, until when
     */
    record SignIn(DriverUser driver, int attemptsLeft, Instant lockedUntil) {

        static SignIn success(DriverUser driver) {
            return new SignIn(driver, 0, null);
        }

        static SignIn wrong(int attemptsLeft) {
            return new SignIn(null, attemptsLeft, null);
        }

        static SignIn locked(Instant until) {
            return new SignIn(null, 0, until);
        }

        boolean succeeded() {
            return driver != null;
        }

        boolean locked() {
            return lockedUntil != null;
        }
    }
}
