package org.redwheel.monitoring;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Computes the assessment of each day shortly after it ends (00:10 Beijing time), and fills the
 * days that are missing (the platform was down at midnight, or has just been installed) at start-up
 * and every few hours.
 */
@Component
class AssessmentSchedule {

    private static final Logger log = LoggerFactory.getLogger(AssessmentSchedule.class);

    private final Assessments assessments;

    AssessmentSchedule(Assessments assessments) {
        this.assessments = assessments;
    }

    @Scheduled(cron = "${redwheel.assessment.cron:0 10 0 * * *}", zone = "Asia/Shanghai")
    void computeYesterday() {
        LocalDate yesterday = assessments.today().minusDays(1);
        try {
            assessments.compute(yesterday, Assessments.SYSTEM);
            log.info("Computed the assessment of {}", yesterday);
        } catch (RuntimeException e) {
            // The next fill picks the day up again.
            log.warn("The assessment of {} could not be computed: {}", yesterday, e.toString());
        }
    }

    @Scheduled(
            initialDelayString = "${redwheel.assessment.fill-delay:PT30S}",
            fixedDelayString = "${redwheel.assessment.fill-interval:PT6H}")
    void fillMissing() {
        for (LocalDate day : assessments.missingDays()) {
            try {
                if (assessments.computeIfMissing(day)) {
                    log.info("Computed the missing assessment of {}", day);
                }
            } catch (RuntimeException e) {
                log.warn("The assessment of {} could not be computed: {}", day, e.toString());
            }
        }
    }
}
