package org.redwheel.safety.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.redwheel.safety.SafetyEvent;

/** An event as one JSON line; times at the rules' offset (Beijing time by default). */
final class EventJson {

    private EventJson() {}

    static String of(SafetyEvent event, ZoneOffset offset) {
        return new JsonLine()
                .field("type", event.type().name())
                .field("vehicle", event.vehicleId())
                .field("driver", event.driverId())
                .field("start", time(event.start(), offset))
                .field("end", time(event.end(), offset))
                .field("phase", event.phase().name())
                .field("realtime", event.realtime())
                .field("lat", event.lat(), 6)
                .field("lon", event.lon(), 6)
                .field("limitKmh", event.limitKmh())
                .field("maxSpeedKmh", event.maxSpeedKmh(), 1)
                .field("grade", event.grade() == null ? null : event.grade().name())
                .field("limitSource", event.limitSource())
                .field("continuousDrivingS", event.continuousDrivingS())
                .field("dailyDrivingS", event.dailyDrivingS())
                .field("terminalAlarmBit", event.terminalAlarmBit())
                .field("ruleSet", event.ruleSetVersion())
                .field("id", event.id())
                .toString();
    }

    static String error(String message, long line) {
        return new JsonLine().field("error", message).field("line", line).toString();
    }

    private static String time(Instant instant, ZoneOffset offset) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
    }
}
