package org.redwheel.monitoring;

import java.util.Optional;
import org.redwheel.places.RestPlaceAhead;
import org.redwheel.safety.EventType;
import org.redwheel.safety.SafetyEvent;

/**
 * The Chinese text a terminal speaks (TTS) for a safety event. Fatigue reminders name the nearest
 * place to rest ahead of the truck, e.g. “您已连续驾驶3小时30分钟，前方约12公里有司机之家（物流园司机之家），请及时停车休息”.
 */
final class ReminderTexts {

    private ReminderTexts() {}

    /** Whether the driver is reminded of this kind of event at all. */
    static boolean remindable(EventType type) {
        return switch (type) {
            case FATIGUE,
                    FATIGUE_PRE_WARNING,
                    NIGHT_FATIGUE,
                    DAILY_DRIVING_EXCEEDED,
                    OVERSPEED,
                    OVERSPEED_PRE_WARNING,
                    NIGHT_DRIVING -> true;
            default -> false;
        };
    }

    static String compose(SafetyEvent event, Optional<RestPlaceAhead> place) {
        return switch (event.type()) {
            case FATIGUE_PRE_WARNING ->
                "您已连续驾驶" + duration(event.continuousDrivingS()) + "，即将达到疲劳驾驶时限，" + restHint(place, "请及时停车休息");
            case FATIGUE -> "您已连续驾驶" + duration(event.continuousDrivingS()) + "，属于疲劳驾驶，" + restHint(place, "请立即就近停车休息");
            case NIGHT_FATIGUE -> "夜间连续驾驶已超过2小时，属于疲劳驾驶，" + restHint(place, "请立即就近停车休息");
            case DAILY_DRIVING_EXCEEDED -> "您24小时内累计驾驶已超过8小时，" + restHint(place, "请停车休息");
            case OVERSPEED -> "您已超速，当前路段限速" + event.limitKmh() + "公里每小时，请立即减速慢行";
            case OVERSPEED_PRE_WARNING -> "即将超速，当前路段限速" + event.limitKmh() + "公里每小时，请控制车速";
            case NIGHT_DRIVING -> "现在是夜间禁行时段，" + restHint(place, "请就近停车休息");
            default -> "请注意行车安全";
        };
    }

    private static String restHint(Optional<RestPlaceAhead> place, String advice) {
        if (place.isEmpty()) {
            return advice;
        }
        RestPlaceAhead p = place.get();
        long km = Math.max(1, Math.round(p.distanceKm()));
        String kind = switch (p.place().kind()) {
            case DRIVER_HOME -> "司机之家";
            case RED_POST_STATION -> "红色驿站";
            case PARKING_AREA -> "临时停车区";
            case SERVICE_AREA -> "服务区";
            default -> "休息点";
        };
        return (p.ahead() ? "前方约" : "附近约") + km + "公里有" + kind + "（" + p.place().name() + "），" + advice;
    }

    /** Whole hours and minutes in Chinese, e.g. 3小时30分钟, 4小时, 45分钟. */
    static String duration(Long seconds) {
        long s = seconds == null ? 0 : seconds;
        long hours = s / 3600;
        long minutes = (s % 3600) / 60;
        if (hours == 0) {
            return minutes + "分钟";
        }
        return minutes == 0 ? hours + "小时" : hours + "小时" + minutes + "分钟";
    }
}
