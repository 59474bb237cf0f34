package org.redwheel.mobile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.DriverProfiles;
import org.redwheel.fleet.DriverProfiles.CurrentVehicle;
import org.redwheel.fleet.HelperContacts;
import org.redwheel.fleet.HelperContacts.HelperContact;
import org.redwheel.identity.DataScope;
import org.redwheel.monitoring.Alarm;
import org.redwheel.monitoring.Alarms;
import org.redwheel.monitoring.DrivingStatus;
import org.redwheel.organization.Enterprise;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.safety.VehicleStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a driver's home page shows: his day on the vehicle he drives now (from the safety engine's
 * running state), the vehicle's recent alarms with the reminders spoken to him, his badges, his
 * helper and his enterprise. Everything is read for the signed-in driver only.
 */
@Component
class DriverHome {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final DriverProfiles profiles;
    private final org.redwheel.fleet.Drivers drivers;
    private final DrivingStatus driving;
    private final Alarms alarms;
    private final EnterpriseRegistry enterprises;
    private final ObjectProvider<HelperContacts> helpers;
    private final MobileProperties properties;
    private final Clock clock;

    DriverHome(
            DriverProfiles profiles,
            org.redwheel.fleet.Drivers drivers,
            DrivingStatus driving,
            Alarms alarms,
            EnterpriseRegistry enterprises,
            ObjectProvider<HelperContacts> helpers,
            MobileProperties properties,
            Clock clock) {
        this.profiles = profiles;
        this.drivers = drivers;
        this.driving = driving;
        this.alarms = alarms;
        this.enterprises = enterprises;
        this.helpers = helpers;
        this.properties = properties;
        this.clock = clock;
    }

    View of(Driver driver) {
        Instant now = clock.instant();
        Optional<CurrentVehicle> vehicle = profiles.currentVehicle(driver.id());
        Day day = vehicle.flatMap(v -> driving.of(v.vehicleId()))
                .map(status -> day(status, now))
                .orElse(Day.UNKNOWN);
        List<RecentAlarm> recent = vehicle.map(v -> recent(v, now)).orElse(List.of());
        Optional<HelperContact> helper =
                Optional.ofNullable(helpers.getIfAvailable()).flatMap(h -> h.helperOf(driver.id()));
        Optional<Enterprise> enterprise = Optional.ofNullable(driver.enterpriseId())
                .flatMap(id -> enterprises.find(DataScope.enterprise(id), id));
        return new View(
                driver,
                greetingKey(now),
                vehicle.orElse(null),
                day,
                recent,
                badges(driver, LocalDate.ofInstant(now, BEIJING)),
                due(driver, LocalDate.ofInstant(now, BEIJING), drivers.dueLimit()),
                helper.orElse(null),
                enterprise.orElse(null));
    }

    /**
     * The engine's figures count as today's only when its newest fix is of today (Beijing time): a
     * truck last heard of yesterday has no known day yet.
     */
    static Day day(VehicleStatus status, Instant now) {
        Instant last = status.lastFixTime();
        if (last == null || !LocalDate.ofInstant(last, BEIJING).equals(LocalDate.ofInstant(now, BEIJING))) {
            return Day.UNKNOWN;
        }
        return new Day(status.todayDrivingS(), status.continuousDrivingS(), last);
    }

    /**
     * The vehicle's newest alarms of the last days, but none from before he drove it (they may be
     * another driver's), newest first, each with the last reminder spoken for it.
     */
    private List<RecentAlarm> recent(CurrentVehicle vehicle, Instant now) {
        Instant from = now.minus(java.time.Duration.ofDays(properties.recentDays()));
        Instant since = vehicle.since().atStartOfDay(BEIJING).toInstant();
        if (since.isAfter(from)) {
            from = since;
        }
        // The vehicle is his own current one, so the county-wide read is limited to it by the id.
        List<Alarm> all = alarms.ofVehicle(DataScope.county(), vehicle.vehicleId(), from, now, 500);
        return all.stream()
                .sorted(Comparator.comparing(Alarm::startTime).reversed())
                .limit(properties.recentLines())
                .map(a -> new RecentAlarm(
                        a.startTime(),
                        a.typeMessageKey(),
                        a.episodeOpen(),
                        alarms.steps(a.id()).stream()
                                .filter(s -> "REMINDER_SENT".equals(s.step()))
                                .map(Alarms.Step::detail)
                                .reduce((first, second) -> second)
                                .orElse(null)))
                .toList();
    }

    /** The badges of his record, until the recognition module awards real ones. */
    static List<String> badges(Driver driver, LocalDate today) {
        List<String> keys = new ArrayList<>();
        if (driver.partyStatus().isMember()) {
            keys.add("mobile.badge.partyMember");
        } else if (driver.partyStatus() != org.redwheel.fleet.PartyStatus.NONE) {
            keys.add(driver.partyStatus().messageKey());
        }
        if (driver.consented()) {
            keys.add("mobile.badge.consent");
        }
        if (driver.licenceExpiry() != null && !driver.licenceExpiry().isBefore(today)) {
            keys.add("mobile.badge.licenceValid");
        }
        if (driver.qualificationExpiry() != null
                && !driver.qualificationExpiry().isBefore(today)) {
            keys.add("mobile.badge.qualified");
        }
        return keys;
    }

    /**
     * His licence and qualification certificate when they expire by {@code limit} (the platform's
     * warning days ahead) or have expired: the in-app reminder to renew them, soonest first.
     */
    static List<DueDocument> due(Driver driver, LocalDate today, LocalDate limit) {
        List<DueDocument> due = new ArrayList<>();
        if (driver.licenceExpiry() != null && !driver.licenceExpiry().isAfter(limit)) {
            due.add(new DueDocument(
                    "mobile.due.licence",
                    driver.licenceExpiry(),
                    driver.licenceExpiry().isBefore(today)));
        }
        if (driver.qualificationExpiry() != null
                && !driver.qualificationExpiry().isAfter(limit)) {
            due.add(new DueDocument(
                    "mobile.due.qualification",
                    driver.qualificationExpiry(),
                    driver.qualificationExpiry().isBefore(today)));
        }
        due.sort(Comparator.comparing(DueDocument::expiry));
        return due;
    }

    /** A document of his to renew: its name, its expiry date, and whether that has passed. */
    record DueDocument(String nameKey, LocalDate expiry, boolean expired) {}

    static String greetingKey(Instant now) {
        LocalTime time = LocalTime.ofInstant(now, BEIJING);
        int hour = time.getHour();
        if (hour >= 5 && hour < 11) {
            return "mobile.greeting.morning";
        }
        if (hour >= 11 && hour < 13) {
            return "mobile.greeting.noon";
        }
        if (hour >= 13 && hour < 18) {
            return "mobile.greeting.afternoon";
        }
        return "mobile.greeting.evening";
    }

    /**
     * @param vehicle null when he is assigned to no vehicle now
     * @param helper null when no helper is assigned (or the care module is not there yet)
     * @param enterprise null for an independent driver
     */
    record View(
            Driver driver,
            String greetingKey,
            CurrentVehicle vehicle,
            Day day,
            List<RecentAlarm> recent,
            List<String> badgeKeys,
            List<DueDocument> due,
            HelperContact helper,
            Enterprise enterprise) {}

    /**
     * Today's driving of the vehicle's driver as of the newest fix.
     *
     * @param todayDrivingS null when unknown
     * @param continuousDrivingS null when unknown
     */
    record Day(Long todayDrivingS, Long continuousDrivingS, Instant asOf) {

        static final Day UNKNOWN = new Day(null, null, null);

        boolean known() {
            return todayDrivingS != null;
        }
    }

    /**
     * @param ongoing the episode has not ended yet
     * @param reminder the last text spoken to the driver for it, if any
     */
    record RecentAlarm(Instant at, String typeKey, boolean ongoing, String reminder) {}
}
