package org.redwheel.appeals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for overdue appeals every minute (redwheel.appeals.escalation-interval) and escalates them to the office. */
@Component
class AppealEscalationSchedule {

    private static final Logger log = LoggerFactory.getLogger(AppealEscalationSchedule.class);

    private final AppealSupervision supervision;

    AppealEscalationSchedule(AppealSupervision supervision) {
        this.supervision = supervision;
    }

    @Scheduled(
            initialDelayString = "${redwheel.appeals.escalation-delay:PT20S}",
            fixedDelayString = "${redwheel.appeals.escalation-interval:PT1M}")
    void escalate() {
        try {
            int made = supervision.escalateOverdue();
            if (made > 0) {
                log.info("Escalated {} overdue appeal deadlines to the office", made);
            }
        } catch (RuntimeException e) {
            log.warn("Overdue appeals could not be escalated: {}", e.toString());
        }
    }
}
