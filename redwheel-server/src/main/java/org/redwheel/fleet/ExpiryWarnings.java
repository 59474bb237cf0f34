package org.redwheel.fleet;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.redwheel.SqlRows;
import org.redwheel.fleet.DocumentExpiring.Document;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.identity.StaffAccounts.AccountSummary;
import org.redwheel.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warns 30 days (configurable) ahead that a driver's licence or qualification certificate, or a
 * vehicle's inspection, runs out: an in-app message to the enterprise's administrators (the county
 * office for independent drivers, or an enterprise without an account), once per document and
 * expiry date, so a renewed document warns again when its new date comes near. Runs every morning
 * and once at start-up to catch up on a day the platform was down. Each warning also publishes
 * {@link DocumentExpiring}, the hook for telling the driver himself.
 */
@Component
public class ExpiryWarnings {

    private static final Logger log = LoggerFactory.getLogger(ExpiryWarnings.class);

    /** A document that expired this many days ago and was never warned of is still warned of. */
    private static final int EXPIRED_GRACE_DAYS = 30;

    private static final String DUE = """
            select * from (
                select 'DRIVING_LICENCE' as document, d.id as subject_id, d.id as driver_id,
                       cast(null as bigint) as vehicle_id, d.enterprise_id, d.licence_expiry as expires_on,
                       d.name as label
                from fleet_driver d where d.active and d.licence_expiry between :from and :to
                union all
                select 'QUALIFICATION_CERTIFICATE', d.id, d.id, null, d.enterprise_id, d.qualification_expiry, d.name
                from fleet_driver d where d.active and d.qualification_expiry between :from and :to
                union all
                select 'VEHICLE_INSPECTION', v.id, a.driver_id, v.id, v.enterprise_id, v.inspection_expiry, v.plate
                from fleet_vehicle v
                left join fleet_assignment a on a.vehicle_id = v.id and a.primary_driver and a.ends_on is null
                where v.active and v.inspection_expiry between :from and :to
            ) due
            where not exists (select 1 from fleet_expiry_warning w
                              where w.document = due.document and w.subject_id = due.subject_id
                                and w.expires_on = due.expires_on)
            order by expires_on, document, subject_id
            """;

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final FleetProperties properties;
    private final Clock clock;

    ExpiryWarnings(
            JdbcClient jdbc,
            StaffAccounts accounts,
            Notifications notifications,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            FleetProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.notifications = notifications;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${redwheel.fleet.expiry-warning-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        send(LocalDate.now(clock));
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        try {
            int sent = send(LocalDate.now(clock));
            if (sent > 0) {
                log.info("Sent {} certificate and inspection expiry warnings", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Expiry warnings failed at start-up; the daily run tries again", e);
        }
    }

    /**
     * Warns of every document due on {@code today} that was not warned of yet.
     *
     * @return how many documents were warned of
     */
    public int send(LocalDate today) {
        List<Due> due = jdbc.sql(DUE)
                .param("from", Date.valueOf(today.minusDays(EXPIRED_GRACE_DAYS)))
                .param("to", Date.valueOf(today.plusDays(properties.expiryWarningDays())))
                .query((rs, n) -> new Due(
                        Document.valueOf(rs.getString("document")),
                        rs.getLong("subject_id"),
                        SqlRows.nullableLong(rs, "driver_id"),
                        SqlRows.nullableLong(rs, "vehicle_id"),
                        SqlRows.nullableLong(rs, "enterprise_id"),
                        rs.getObject("expires_on", LocalDate.class),
                        rs.getString("label")))
                .list();
        int sent = 0;
        for (Due document : due) {
            Boolean warned = transaction.execute(status -> warn(document, today));
            if (Boolean.TRUE.equals(warned)) {
                sent++;
            }
        }
        return sent;
    }

    /** Claims the warning (a concurrent run claims nothing twice), tells the recipients, publishes the event. */
    private boolean warn(Due due, LocalDate today) {
        Long claimed = jdbc.sql("""
                        insert into fleet_expiry_warning (document, subject_id, expires_on, sent_at, recipients)
                        values (:document, :subject, :expires, :now, 0)
                        on conflict on constraint fleet_expiry_warning_uk do nothing returning id
                        """)
                .param("document", due.document().name())
                .param("subject", due.subjectId())
                .param("expires", Date.valueOf(due.expiresOn()))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (claimed == null) {
            return false;
        }
        List<AccountSummary> recipients = recipients(due.enterpriseId());
        String title = title(due);
        String body = body(due, today);
        String link = due.document() == Document.VEHICLE_INSPECTION
                ? "/console/fleet/vehicles/" + due.subjectId()
                : "/console/fleet/drivers/" + due.subjectId();
        for (AccountSummary recipient : recipients) {
            notifications.toStaff(recipient.id(), title, body, link);
        }
        jdbc.sql("update fleet_expiry_warning set recipients = :n where id = :id")
                .param("n", recipients.size())
                .param("id", claimed)
                .update();
        events.publishEvent(new DocumentExpiring(
                due.document(), due.subjectId(), due.driverId(), due.vehicleId(), due.enterpriseId(), due.expiresOn()));
        return true;
    }

    private List<AccountSummary> recipients(Long enterpriseId) {
        if (enterpriseId != null) {
            List<AccountSummary> admins =
                    accounts.activeInScope(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterpriseId));
            if (!admins.isEmpty()) {
                return admins;
            }
        }
        return accounts.activeInScope(Role.COUNTY_ADMIN, DataScope.county());
    }

    static String title(Due due) {
        return "证件到期提醒：" + due.label() + " " + documentName(due.document());
    }

    static String body(Due due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due.expiresOn());
        String when = days > 0
                ? "将于" + due.expiresOn() + "到期（还有" + days + "天）"
                : days == 0 ? "今天（" + due.expiresOn() + "）到期" : "已于" + due.expiresOn() + "到期";
        return switch (due.document()) {
            case DRIVING_LICENCE -> "驾驶员" + due.label() + "的机动车驾驶证" + when + "，请提醒其及时换证。";
            case QUALIFICATION_CERTIFICATE -> "驾驶员" + due.label() + "的道路运输从业资格证" + when + "，请提醒其及时办理延续。";
            case VEHICLE_INSPECTION -> "车辆" + due.label() + "的检验有效期" + when + "，请及时安排检验。";
        };
    }

    private static String documentName(Document document) {
        return switch (document) {
            case DRIVING_LICENCE -> "驾驶证";
            case QUALIFICATION_CERTIFICATE -> "从业资格证";
            case VEHICLE_INSPECTION -> "车辆检验";
        };
    }

    /** A document due for a warning; {@code label} is the driver's name or the plate. */
    record Due(
            Document document,
            long subjectId,
            Long driverId,
            Long vehicleId,
            Long enterpriseId,
            LocalDate expiresOn,
            String label) {}
}
