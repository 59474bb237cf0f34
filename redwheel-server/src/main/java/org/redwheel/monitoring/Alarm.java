package org.redwheel.monitoring;

import java.time.Instant;

/** An alarm of the monitoring ledger with its handling. */
public record Alarm(
        long id,
        String episodeId,
        String type,
        AlarmStatus status,
        Long vehicleId,
        Long terminalId,
        Long enterpriseId,
        String plate,
        String driverId,
        boolean realtime,
        Instant startTime,
        Instant endTime,
        Double latitude,
        Double longitude,
        Integer limitKmh,
        Float maxSpeedKmh,
        String grade,
        Long continuousDrivingS,
        Long dailyDrivingS,
        Integer terminalAlarmBit,
        String ruleSetVersion,
        Instant raisedAt,
        Instant dueAt,
        int reminderCount,
        Instant lastReminderAt,
        Instant remindedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant handledAt,
        String handledBy,
        HandlingAction handlingAction,
        String handlingNote,
        Instant escalatedAt,
        Instant closedAt) {

    public boolean episodeOpen() {
        return endTime == null;
    }

    /** Overdue: still unhandled after its deadline. */
    public boolean overdueAt(Instant now) {
        return status.open() && dueAt.isBefore(now);
    }

    public String typeMessageKey() {
        return "alarm.type." + type;
    }

    /** The figures of the alarm in a line, for the ledger: limit, top speed, grade, driving time. */
    public String detail() {
        StringBuilder d = new StringBuilder();
        if (limitKmh != null) {
            d.append("限速 ").append(limitKmh).append(" km/h");
        }
        if (maxSpeedKmh != null) {
            d.append(d.isEmpty() ? "" : "，")
                    .append("最高 ")
                    .append(Math.round(maxSpeedKmh))
                    .append(" km/h");
        }
        if (grade != null) {
            d.append(d.isEmpty() ? "" : "，").append(grade);
        }
        if (continuousDrivingS != null && continuousDrivingS > 0) {
            d.append(d.isEmpty() ? "" : "，").append("连续驾驶 ").append(ReminderTexts.duration(continuousDrivingS));
        }
        return d.toString();
    }
}
