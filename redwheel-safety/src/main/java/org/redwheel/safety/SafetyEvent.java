package org.redwheel.safety;

import java.time.Instant;
import java.util.Objects;

/**
 * A change in a safety episode: one is {@link Phase#OPENED}, possibly {@link Phase#UPDATED}, then
 * {@link Phase#CLOSED}; all of an episode's events share its {@link #id()}, so a consumer raises an
 * alarm once and clears it later. An instant condition still has a start and an end.
 *
 * @param id the episode's identity: subject, type and start ({@code V1/OVERSPEED/1714968000}); stable
 *     across its events and across engines fed the same fixes
 * @param driverId the driver the episode belongs to, {@code null} when not identified
 * @param end {@code null} while the episode is open
 * @param realtime {@code false} when the fix behind this event arrived late (received more than the
 *     lateness after it was taken, or older than the vehicle's newest fix): record it, do not remind
 *     the driver about it
 * @param lat where the episode started (the fix that opened it), WGS-84 degrees
 * @param limitKmh overspeed types: the limit at the worst fix
 * @param maxSpeedKmh overspeed types: the speed at the worst fix (highest percentage over the limit)
 * @param grade {@link EventType#OVERSPEED} only
 * @param limitSource overspeed types: {@code zone:<name>}, {@code road:<class>}, {@code
 *     vehicle:<class>} or {@code terminal}
 * @param continuousDrivingS fatigue types: continuous driving at this event's moment (the start when
 *     opened, the end when closed)
 * @param dailyDrivingS {@link EventType#DAILY_DRIVING_EXCEEDED}: driving in the rolling window at this
 *     event's moment
 * @param terminalAlarmBit the JT/T 808 alarm bit of a {@link EventType#TERMINAL_ALARM}, or the bit the
 *     terminal raised for a computed episode it was attached to
 * @param ruleSetVersion the version of the rules that produced the event
 */
public record SafetyEvent(
        String id,
        EventType type,
        Phase phase,
        String vehicleId,
        String driverId,
        Instant start,
        Instant end,
        boolean realtime,
        double lat,
        double lon,
        Integer limitKmh,
        Double maxSpeedKmh,
        Grade grade,
        String limitSource,
        Long continuousDrivingS,
        Long dailyDrivingS,
        Integer terminalAlarmBit,
        String ruleSetVersion) {

    public SafetyEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
    }

    /** Whether the episode was still open at this event. */
    public boolean open() {
        return end == null;
    }
}
