package org.redwheel.appeals;

import java.math.BigDecimal;

/**
 * An appeal as it comes in.
 *
 * @param driverId the driver concerned; a driver's own appeal is always his
 * @param latitude where the driver was, from his browser; with the longitude or not at all
 * @param sourceAlarmId the alarm the monitoring desk raised it from
 * @param photo a JPEG or PNG photo, or null
 */
public record NewAppeal(
        Long driverId,
        AppealCategory category,
        AppealChannel channel,
        String description,
        BigDecimal latitude,
        BigDecimal longitude,
        Long sourceAlarmId,
        AppealPhoto photo) {}
