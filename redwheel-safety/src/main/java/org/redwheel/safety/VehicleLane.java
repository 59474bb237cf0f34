package org.redwheel.safety;

import java.util.List;

/**
 * The per-vehicle machines that look at consecutive fixes: invalid fixes, drift, overspeed and its
 * pre-warning, night driving, long parking and the terminal's own alarm bits. A vehicle has a live
 * lane for fixes in time order and, while a blind-area backlog older than its newest fix arrives, a
 * late lane for that backlog, whose events are never real-time.
 */
final class VehicleLane {

    static final long NONE = Long.MIN_VALUE;

    final boolean late;

    long newestTime = NONE;
    long lastReceivedAt = NONE;
    boolean lastDriving;

    private boolean hasAnchor;
    private long anchorTime;
    private double anchorLat;
    private double anchorLon;
    private boolean hasSuspect;
    private long suspectTime;
    private double suspectLat;
    private double suspectLon;

    Episode invalid;
    Episode drift;
    Episode overspeed;
    Episode preWarning;
    Episode nightDriving;
    Episode parking;
    private Episode[] terminal;

    private final Stretch over = new Stretch();
    private final Stretch near = new Stretch();
    private long nightLastDriving;
    private long stopStart = NONE;
    private double stopLat;
    private double stopLon;
    private long lastStopped;
    private int alarmFlags;

    VehicleLane(boolean late) {
        this.late = late;
    }

    /**
     * @param time the fix time, or the receive time for a fix dated in the future
     * @param futureTime whether the fix is dated in the future
     */
    void accept(Fix fix, long time, boolean futureTime, DriverState driver, SpeedLimits limits, Context ctx) {
        RuleSet rules = ctx.rules;
        lastReceivedAt = Math.max(lastReceivedAt, fix.receivedAt().getEpochSecond());
        newestTime = Math.max(newestTime, time);
        if (futureTime || isOutOfRange(fix, rules)) {
            if (invalid == null) {
                invalid = new Episode(
                        Episode.id(ctx.vehicleId, EventType.INVALID_FIX, time),
                        EventType.INVALID_FIX,
                        time,
                        ctx.vehicleId,
                        ctx.driverId,
                        fix.lat(),
                        fix.lon());
                ctx.open(invalid);
            } else {
                invalid.lastSeen = time;
                ctx.continued(invalid);
            }
            if (!futureTime) {
                alarms(fix.alarmFlags(), driver, ctx);
            }
            return;
        }
        if (invalid != null) {
            ctx.close(invalid, invalid.lastSeen);
            invalid = null;
        }
        if (isDrift(fix, time, rules)) {
            if (drift == null) {
                drift = new Episode(
                        Episode.id(ctx.vehicleId, EventType.DRIFT, time),
                        EventType.DRIFT,
                        time,
                        ctx.vehicleId,
                        ctx.driverId,
                        fix.lat(),
                        fix.lon());
                ctx.open(drift);
            } else {
                drift.lastSeen = time;
                ctx.continued(drift);
            }
            hasSuspect = true;
            suspectTime = time;
            suspectLat = fix.lat();
            suspectLon = fix.lon();
            alarms(fix.alarmFlags(), driver, ctx);
            return;
        }
        if (drift != null) {
            ctx.close(drift, drift.lastSeen);
            drift = null;
        }
        hasSuspect = false;
        hasAnchor = true;
        anchorTime = time;
        anchorLat = fix.lat();
        anchorLon = fix.lon();

        boolean driving = fix.speedKmh() > rules.drivingThresholdKmh;
        limits.resolve(fix.lat(), fix.lon(), fix.vehicleClass(), fix.terminalSpeedLimitKmh(), rules, ctx);
        speeding(fix.speedKmh(), ctx);
        nightDriving(driving, ctx);
        parking(driving, ctx);
        driver.accept(time, fix.lat(), fix.lon(), driving, fix.receivedAt().getEpochSecond(), ctx);
        alarms(fix.alarmFlags(), driver, ctx);
        lastDriving = driving;
    }

    /** Closes the speeding episodes of a vehicle that fell silent: no fix can extend them any more. */
    void endSpeeding(Context ctx) {
        endOverspeed(ctx);
        endNearLimit(ctx);
    }

    boolean speeding() {
        return over.active() || near.active();
    }

    /** Closes everything: the backlog this lane was replaying is over. */
    void closeAll(Context ctx) {
        endSpeeding(ctx);
        if (invalid != null) {
            ctx.close(invalid, invalid.lastSeen);
            invalid = null;
        }
        if (drift != null) {
            ctx.close(drift, drift.lastSeen);
            drift = null;
        }
        if (nightDriving != null) {
            ctx.close(nightDriving, nightLastDriving);
            nightDriving = null;
        }
        if (parking != null) {
            ctx.close(parking, lastStopped);
            parking = null;
        }
        if (terminal != null) {
            for (int bit = 0; bit < terminal.length; bit++) {
                if (terminal[bit] != null) {
                    ctx.close(terminal[bit], terminal[bit].lastSeen);
                    terminal[bit] = null;
                }
            }
        }
    }

    void collectOpen(List<Episode> into) {
        for (Episode episode : new Episode[] {invalid, drift, overspeed, preWarning, nightDriving, parking}) {
            if (episode != null) {
                into.add(episode);
            }
        }
        if (terminal != null) {
            for (Episode episode : terminal) {
                if (episode != null) {
                    into.add(episode);
                }
            }
        }
    }

    private static boolean isOutOfRange(Fix fix, RuleSet rules) {
        double lat = fix.lat();
        double lon = fix.lon();
        double speed = fix.speedKmh();
        return !(lat >= rules.latMin && lat <= rules.latMax)
                || !(lon >= rules.lonMin && lon <= rules.lonMax)
                || !(speed >= 0 && speed <= rules.speedMaxKmh)
                || fix.altitudeM() < rules.altitudeMinM
                || fix.altitudeM() > rules.altitudeMaxM;
    }

    /**
     * Too far from the last trusted position for the time between them. If it agrees with the previous
     * suspect instead, the trusted position was the wrong one: trust this fix from now on.
     */
    private boolean isDrift(Fix fix, long time, RuleSet rules) {
        if (!hasAnchor || impliedKmh(anchorLat, anchorLon, anchorTime, fix, time) <= rules.driftMaxSpeedKmh) {
            return false;
        }
        return !hasSuspect || impliedKmh(suspectLat, suspectLon, suspectTime, fix, time) > rules.driftMaxSpeedKmh;
    }

    private static double impliedKmh(double lat, double lon, long from, Fix fix, long to) {
        return Geo.metres(lat, lon, fix.lat(), fix.lon()) / Math.max(1, to - from) * 3.6;
    }

    private void speeding(double speed, Context ctx) {
        RuleSet rules = ctx.rules;
        long time = ctx.time;
        int limit = ctx.limitKmh;
        if (over.active() && time - over.last >= rules.overspeedMergeGapS) {
            endOverspeed(ctx);
        }
        if (near.active() && time - near.last >= rules.overspeedMergeGapS) {
            endNearLimit(ctx);
        }
        if (limit <= 0) {
            return;
        }
        if (speed > limit * (1 + rules.overspeedTolerancePct / 100)) {
            over.extend(time, speed, limit, ctx);
            if (overspeed == null) {
                if (time - over.first >= rules.overspeedMinDurationS) {
                    overspeed = over.open(EventType.OVERSPEED, ctx);
                    overspeed.grade = grade(overspeed, rules);
                    if (preWarning != null) {
                        ctx.close(preWarning, over.first);
                        preWarning = null;
                    }
                    near.reset();
                    ctx.open(overspeed);
                }
            } else {
                overspeed.lastSeen = time;
                Grade before = overspeed.grade;
                if (over.copyWorst(overspeed, ctx)) {
                    overspeed.grade = grade(overspeed, rules);
                }
                if (overspeed.grade != before) {
                    ctx.emit(overspeed, Phase.UPDATED, ctx.realtime);
                } else {
                    ctx.continued(overspeed);
                }
            }
        } else if (speed > limit - rules.overspeedPreWarningKmh && overspeed == null) {
            near.extend(time, speed, limit, ctx);
            if (preWarning == null) {
                if (time - near.first >= rules.overspeedMinDurationS) {
                    preWarning = near.open(EventType.OVERSPEED_PRE_WARNING, ctx);
                    ctx.open(preWarning);
                }
            } else {
                preWarning.lastSeen = time;
                near.copyWorst(preWarning, ctx);
                ctx.continued(preWarning);
            }
        }
    }

    private void endOverspeed(Context ctx) {
        if (overspeed != null) {
            ctx.close(overspeed, over.last);
            overspeed = null;
        }
        over.reset();
    }

    private void endNearLimit(Context ctx) {
        if (preWarning != null) {
            ctx.close(preWarning, near.last);
            preWarning = null;
        }
        near.reset();
    }

    private static Grade grade(Episode episode, RuleSet rules) {
        // from speed and limit, not the ratio: 108 over 90 must be 20 %, not 19.999...
        double percent = (episode.speedKmh - episode.limitKmh) * 100 / episode.limitKmh;
        if (percent >= rules.severePct) {
            return Grade.SEVERE;
        }
        if (percent >= rules.seriousPct) {
            return Grade.SERIOUS;
        }
        if (percent >= rules.minorPct) {
            return Grade.MINOR;
        }
        return Grade.SLIGHT;
    }

    private void nightDriving(boolean driving, Context ctx) {
        RuleSet rules = ctx.rules;
        long time = ctx.time;
        boolean inWindow = rules.nightDrivingEnabled && rules.nightDriving.contains(time);
        if (nightDriving != null && (!inWindow || (!driving && time - nightLastDriving >= rules.minRestS))) {
            ctx.close(nightDriving, nightLastDriving);
            nightDriving = null;
        }
        if (inWindow && driving) {
            if (nightDriving == null) {
                nightDriving = new Episode(
                        Episode.id(ctx.vehicleId, EventType.NIGHT_DRIVING, time),
                        EventType.NIGHT_DRIVING,
                        time,
                        ctx.vehicleId,
                        ctx.driverId,
                        ctx.lat,
                        ctx.lon);
                ctx.open(nightDriving);
            } else {
                nightDriving.lastSeen = time;
                ctx.continued(nightDriving);
            }
            nightLastDriving = time;
        }
    }

    private void parking(boolean driving, Context ctx) {
        long time = ctx.time;
        if (driving) {
            if (parking != null) {
                ctx.close(parking, lastStopped);
                parking = null;
            }
            stopStart = NONE;
            return;
        }
        if (stopStart == NONE) {
            stopStart = time;
            stopLat = ctx.lat;
            stopLon = ctx.lon;
        }
        lastStopped = time;
        long maxS = ctx.rules.parkingMaxS;
        if (parking == null) {
            if (maxS > 0 && time - stopStart >= maxS) {
                parking = new Episode(
                        Episode.id(ctx.vehicleId, EventType.LONG_PARKING, stopStart),
                        EventType.LONG_PARKING,
                        stopStart,
                        ctx.vehicleId,
                        ctx.driverId,
                        stopLat,
                        stopLon);
                ctx.open(parking);
            }
        } else {
            parking.lastSeen = time;
            ctx.continued(parking);
        }
    }

    /**
     * The terminal's own alarm bits. A bit whose computed counterpart is open is attached to it (one
     * UPDATED event) rather than reported twice; otherwise it is a TERMINAL_ALARM episode of its own,
     * closed when the bit clears, or when a computed counterpart opens and takes the bit over.
     */
    private void alarms(int flags, DriverState driver, Context ctx) {
        int mask = ctx.rules.terminalAlarmMask;
        int raised = flags & mask;
        int bits = raised | (alarmFlags & mask);
        alarmFlags = flags;
        while (bits != 0) {
            int bit = Integer.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            Episode own = terminal == null ? null : terminal[bit];
            if ((raised & (1 << bit)) == 0) {
                if (own != null) {
                    ctx.close(own, own.lastSeen);
                    terminal[bit] = null;
                }
                continue;
            }
            Episode computed = computedFor(bit, driver);
            if (computed != null) {
                if (computed.terminalAlarmBit != bit) {
                    computed.terminalAlarmBit = bit;
                    computed.vehicleId = ctx.vehicleId;
                    ctx.emit(computed, Phase.UPDATED, ctx.realtime);
                }
                if (own != null) {
                    ctx.close(own, ctx.time);
                    terminal[bit] = null;
                }
            } else if (own == null) {
                if (terminal == null) {
                    terminal = new Episode[32];
                }
                own = new Episode(
                        ctx.vehicleId + "/" + EventType.TERMINAL_ALARM + "/" + bit + "/" + ctx.time,
                        EventType.TERMINAL_ALARM,
                        ctx.time,
                        ctx.vehicleId,
                        ctx.driverId,
                        ctx.lat,
                        ctx.lon);
                own.terminalAlarmBit = bit;
                terminal[bit] = own;
                ctx.open(own);
            } else {
                own.lastSeen = ctx.time;
                ctx.continued(own);
            }
        }
    }

    private Episode computedFor(int bit, DriverState driver) {
        return switch (bit) {
            case 1 -> overspeed;
            case 13 -> preWarning;
            case 19 -> parking;
            default -> driver.computedFor(bit);
        };
    }

    /** Consecutive fixes over (or near) the limit, with dips shorter than the merge gap. */
    private static final class Stretch {
        long first = NONE;
        long last;
        double worstRatio;
        double worstSpeed;
        int worstLimit;
        Context.LimitSource worstSource;
        Object worstRef;
        double firstLat;
        double firstLon;

        boolean active() {
            return first != NONE;
        }

        void reset() {
            first = NONE;
        }

        void extend(long time, double speed, int limit, Context ctx) {
            double ratio = speed / limit;
            if (first == NONE) {
                first = time;
                firstLat = ctx.lat;
                firstLon = ctx.lon;
                worstRatio = 0;
            }
            last = time;
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worstSpeed = speed;
                worstLimit = limit;
                worstSource = ctx.limitSource;
                worstRef = ctx.limitRef;
            }
        }

        Episode open(EventType type, Context ctx) {
            Episode episode = new Episode(
                    Episode.id(ctx.vehicleId, type, first),
                    type,
                    first,
                    ctx.vehicleId,
                    ctx.driverId,
                    firstLat,
                    firstLon);
            episode.lastSeen = last;
            copyWorst(episode, ctx);
            return episode;
        }

        /** Whether the episode's worst fix changed. */
        boolean copyWorst(Episode episode, Context ctx) {
            if (worstRatio <= episode.ratio) {
                return false;
            }
            episode.ratio = worstRatio;
            episode.speedKmh = worstSpeed;
            episode.limitKmh = worstLimit;
            episode.limitSource = worstSource.describe(worstRef);
            return true;
        }
    }
}
