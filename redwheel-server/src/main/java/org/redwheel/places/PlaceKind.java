package org.redwheel.places;

/** Kinds of places (DOMAIN.md §8). */
public enum PlaceKind {
    /** 党群服务中心 */
    SERVICE_CENTRE(false),
    /** 司机之家: parking, rest, hot water, food heating, showers, laundry. */
    DRIVER_HOME(true),
    /** 红色驿站 */
    RED_POST_STATION(true),
    /** 临时停车区 */
    PARKING_AREA(true),
    /** 高速服务区 */
    SERVICE_AREA(true),
    /** 畅言吧 */
    TALK_CORNER(false);

    private final boolean restPlace;

    PlaceKind(boolean restPlace) {
        this.restPlace = restPlace;
    }

    /** Whether a truck can stop here to rest (named in fatigue reminders). */
    public boolean restPlace() {
        return restPlace;
    }

    public String messageKey() {
        return "place.kind." + name();
    }
}
