package org.redwheel.care;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a driver's three-ones log.
 *
 * @param contactKind how he was contacted (contacts only)
 * @param at when; a problem solved is dated at noon of its day
 * @param photo a visit with a photo
 */
public record CareLog(
        Type type,
        long id,
        ContactKind contactKind,
        Instant at,
        String note,
        String helperName,
        boolean photo,
        Double latitude,
        Double longitude) {

    /** The Beijing day of the entry. */
    public LocalDate day() {
        return LocalDate.ofInstant(at, ThreeOnesCompliance.ZONE);
    }

    /** The entry's Beijing time as yyyy-MM-dd HH:mm. */
    public String time() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(at.atZone(ThreeOnesCompliance.ZONE));
    }

    /** What kind of log. */
    public enum Type {
        CONTACT,
        VISIT,
        PROBLEM
    }
}
