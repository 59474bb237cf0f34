package org.redwheel.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alarm handling ({@code redwheel.alarms.*}).
 *
 * @param handlingDeadline time an operator has to handle a driving alarm (fatigue, overspeed)
 * @param otherHandlingDeadline time for the other alarms (offline, invalid fixes, terminal alarms)
 * @param reminderInterval a continuing episode is reminded again at most this often
 * @param escalateAfter a driver still driving this long after a fatigue reminder is escalated to
 *     the enterprise's safety officer
 * @param tickInterval how often time-based conditions (offline) are evaluated
 * @param rules rule-set values that differ from the engine's defaults (keys as in the rule-set text
 *     format, e.g. {@code fatigue.continuousLimitS}); each is recorded with the source
 *     "configuration"
 */
@ConfigurationProperties("redwheel.alarms")
record AlarmProperties(
        Duration handlingDeadline,
        Duration otherHandlingDeadline,
        Duration reminderInterval,
        Duration escalateAfter,
        Duration tickInterval,
        java.util.Map<String, String> rules) {

    AlarmProperties {
        handlingDeadline = handlingDeadline == null ? Duration.ofMinutes(10) : handlingDeadline;
        otherHandlingDeadline = otherHandlingDeadline == null ? Duration.ofMinutes(30) : otherHandlingDeadline;
        reminderInterval = reminderInterval == null ? Duration.ofMinutes(10) : reminderInterval;
        escalateAfter = escalateAfter == null ? Duration.ofMinutes(15) : escalateAfter;
        tickInterval = tickInterval == null ? Duration.ofSeconds(30) : tickInterval;
        rules = rules == null ? java.util.Map.of() : java.util.Map.copyOf(rules);
    }
}
