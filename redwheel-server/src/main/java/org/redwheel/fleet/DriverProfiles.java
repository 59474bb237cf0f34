package org.redwheel.fleet;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.fleet.Drivers.ConsentRecord;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.FieldEncryptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A driver's own survey record, for the signed-in driver of the mobile pages: he reads all of it
 * unmasked (his own ID number is not an unmasked view of somebody else's data, so it is not
 * audited as one), and gives or withdraws his consent to location monitoring himself. There is no
 * data scope here: callers pass the id of the driver who is signed in, never an id from a request.
 */
@Service
public class DriverProfiles {

    private final JdbcClient jdbc;
    private final Drivers drivers;
    private final FieldEncryptor encryptor;
    private final FleetProperties properties;
    private final Clock clock;

    DriverProfiles(
            JdbcClient jdbc, Drivers drivers, FieldEncryptor encryptor, FleetProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.drivers = drivers;
        this.encryptor = encryptor;
        this.properties = properties;
        this.clock = clock;
    }

    /** The driver's record with his ID and qualification certificate numbers in full. */
    public OwnProfile profile(long driverId) {
        Driver driver = drivers.get(DataScope.county(), driverId);
        var secrets = jdbc.sql("select id_number_encrypted, qualification_encrypted from fleet_driver where id = :id")
                .param("id", driverId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        return new OwnProfile(
                driver,
                encryptor.decrypt(secrets[0]),
                secrets[1] == null ? null : encryptor.decrypt(secrets[1]),
                consentHistory(driverId),
                properties.consentVersion());
    }

    /** The active driver, whoever asks (the mobile pages ask for the signed-in driver only). */
    public Optional<Driver> find(long driverId) {
        return drivers.find(DataScope.county(), driverId).filter(Driver::active);
    }

    /**
     * The vehicle the driver is assigned to today: his open primary assignment if he has one, else
     * his newest open co-driver assignment. Ended assignments and inactive vehicles do not count.
     */
    public Optional<CurrentVehicle> currentVehicle(long driverId) {
        return jdbc.sql("""
                        select a.vehicle_id, v.plate, a.primary_driver, a.starts_on, v.enterprise_id
                        from fleet_assignment a join fleet_vehicle v on v.id = a.vehicle_id
                        where a.driver_id = :driver and a.ends_on is null and a.starts_on <= :today and v.active
                        order by a.primary_driver desc, a.starts_on desc, a.id desc
                        limit 1
                        """)
                .param("driver", driverId)
                .param("today", Date.valueOf(LocalDate.now(clock)))
                .query((rs, n) -> new CurrentVehicle(
                        rs.getLong("vehicle_id"),
                        rs.getString("plate"),
                        rs.getBoolean("primary_driver"),
                        rs.getObject("starts_on", LocalDate.class),
                        SqlRows.nullableLong(rs, "enterprise_id")))
                .optional();
    }

    /**
     * The driver gives his consent to location monitoring in the current version of its text, today,
     * or withdraws it. Recorded in the consent history with him as the one who recorded it; giving
     * it again when it is given in the current version changes nothing.
     *
     * @param recordedBy how the audit names him, e.g. {@code driver:42}
     * @return whether anything changed
     */
    @Transactional
    public boolean setConsent(long driverId, boolean given, String recordedBy) {
        Driver driver = find(driverId).orElseThrow(() -> new RecordNotFoundException("driver", driverId));
        String version = properties.consentVersion();
        if (given == driver.consented() && (!given || version.equals(driver.consentVersion()))) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update fleet_driver set consent_version = :version, consent_date = :date, updated_at = :now
                        where id = :id
                        """)
                .param("version", given ? version : null)
                .param("date", given ? Date.valueOf(today) : null)
                .param("now", now)
                .param("id", driverId)
                .update();
        // A withdrawal keeps the version withdrawn from and its day, so the history reads on its own.
        jdbc.sql("""
                        insert into fleet_driver_consent (driver_id, given, version, consent_date, recorded_at, recorded_by)
                        values (:driver, :given, :version, :date, :now, :by)
                        """)
                .param("driver", driverId)
                .param("given", given)
                .param("version", given ? version : driver.consentVersion())
                .param("date", Date.valueOf(today))
                .param("now", now)
                .param("by", recordedBy)
                .update();
        return true;
    }

    private List<ConsentRecord> consentHistory(long driverId) {
        return jdbc.sql("select * from fleet_driver_consent where driver_id = :id order by recorded_at, id")
                .param("id", driverId)
                .query((rs, n) -> new ConsentRecord(
                        rs.getBoolean("given"),
                        rs.getString("version"),
                        rs.getObject("consent_date", LocalDate.class),
                        SqlRows.instant(rs, "recorded_at"),
                        rs.getString("recorded_by")))
                .list();
    }

    /**
     * The driver's own record.
     *
     * @param idNumber his ID number in full
     * @param qualificationNumber his qualification certificate number in full, or null
     * @param consents his consents given and withdrawn, oldest first
     * @param currentConsentVersion the version of the consent text drivers sign now
     */
    public record OwnProfile(
            Driver driver,
            String idNumber,
            String qualificationNumber,
            List<ConsentRecord> consents,
            String currentConsentVersion) {

        /** Whether his consent is given in the current version of the text. */
        public boolean consentCurrent() {
            return driver.consented() && currentConsentVersion.equals(driver.consentVersion());
        }
    }

    /**
     * The vehicle a driver drives now.
     *
     * @param primary whether he is its primary driver (主驾), not a co-driver
     * @param since the first day of his assignment to it
     * @param enterpriseId the vehicle's enterprise, null for an independent owner's
     */
    public record CurrentVehicle(long vehicleId, String plate, boolean primary, LocalDate since, Long enterpriseId) {}
}
