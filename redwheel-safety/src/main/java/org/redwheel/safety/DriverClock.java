package org.redwheel.safety;

/**
 * The continuous-driving and daily-driving clocks of one driver, advanced over his {@link
 * DrivingLedger}: a stop of at least the minimum rest resets continuous driving; shorter stops pause
 * it. Where continuous driving passes its limit (the night limit while inside the night window), a
 * fatigue episode opens at that exact second; a pre-warning opens the configured time earlier; where
 * the rolling daily window passes its limit while driving, a daily episode opens. All three close
 * when a rest begins.
 *
 * <p>The clock is a pure function of the ledger and the rules: advancing it in one step or in many,
 * or running a copy from any rest, finds the same episodes. That is what lets late fixes be placed
 * in the past and the episodes found again.
 */
final class DriverClock {

    static final long NONE = Long.MIN_VALUE;

    /** Receives what the clock finds, at the second it happens. */
    interface Listener {
        void opened(EventType type, long start, long continuousS, long dailyS);

        void closed(EventType type, long end, long continuousS, long dailyS);
    }

    /** The ledger has been taken into account up to here. */
    long cursor = NONE;
    /** Driving since the last rest, up to {@link #lastDriveEnd}. */
    long continuousS;
    /** Where the latest driving up to the cursor ended; {@link #NONE} before any. */
    long lastDriveEnd = NONE;
    /** A rest of at least the minimum lies between the latest driving and the cursor. */
    boolean resting = true;

    /** FATIGUE or NIGHT_FATIGUE while open. */
    EventType fatigue;

    boolean preWarning;
    boolean daily;

    void copyFrom(DriverClock other) {
        cursor = other.cursor;
        continuousS = other.continuousS;
        lastDriveEnd = other.lastDriveEnd;
        resting = other.resting;
        fatigue = other.fatigue;
        preWarning = other.preWarning;
        daily = other.daily;
    }

    /** Continuous driving at the cursor: 0 once a rest is complete. */
    long continuousNow(RuleSet rules) {
        if (resting || lastDriveEnd == NONE) {
            return 0;
        }
        return cursor - lastDriveEnd >= rules.minRestS ? 0 : continuousS;
    }

    void advance(DrivingLedger ledger, RuleSet rules, long to, Listener listener) {
        if (cursor != NONE && to <= cursor) {
            return;
        }
        for (int i = cursor == NONE ? 0 : ledger.firstEndingAfter(cursor); i < ledger.size(); i++) {
            long a = cursor == NONE ? ledger.start(i) : Math.max(ledger.start(i), cursor);
            long b = Math.min(ledger.end(i), to);
            if (a >= to) {
                break;
            }
            if (b <= a) {
                continue;
            }
            if (lastDriveEnd != NONE && a - lastDriveEnd >= rules.minRestS) {
                rest(ledger, rules, listener);
            }
            if (resting) {
                resting = false;
                continuousS = 0;
            }
            drive(ledger, rules, a, b, listener);
        }
        if (!resting && lastDriveEnd != NONE && to - lastDriveEnd >= rules.minRestS) {
            rest(ledger, rules, listener);
        }
        cursor = to;
    }

    private void rest(DrivingLedger ledger, RuleSet rules, Listener listener) {
        if (!resting) {
            long dailyS = ledger.drivingBetween(lastDriveEnd - rules.dailyWindowS, lastDriveEnd);
            if (preWarning) {
                preWarning = false;
                listener.closed(EventType.FATIGUE_PRE_WARNING, lastDriveEnd, continuousS, dailyS);
            }
            if (fatigue != null) {
                EventType type = fatigue;
                fatigue = null;
                listener.closed(type, lastDriveEnd, continuousS, dailyS);
            }
            if (daily) {
                daily = false;
                listener.closed(EventType.DAILY_DRIVING_EXCEEDED, lastDriveEnd, continuousS, dailyS);
            }
        }
        resting = true;
        continuousS = 0;
    }

    /** Driving over {@code [a, b)}. */
    private void drive(DrivingLedger ledger, RuleSet rules, long a, long b, Listener listener) {
        long c = continuousS;
        if (fatigue == null) {
            long fatigueAt = crossing(a, b, c, rules.continuousLimitS, rules.nightLimitS, rules.fatigueNight);
            long warningAt = preWarning
                    ? NONE
                    : crossing(
                            a,
                            b,
                            c,
                            Math.max(0, rules.continuousLimitS - rules.fatiguePreWarningS),
                            Math.max(0, rules.nightLimitS - rules.fatiguePreWarningS),
                            rules.fatigueNight);
            if (warningAt != NONE && (fatigueAt == NONE || warningAt < fatigueAt)) {
                preWarning = true;
                listener.opened(
                        EventType.FATIGUE_PRE_WARNING, warningAt, c + warningAt - a, daily(ledger, rules, warningAt));
            }
            if (fatigueAt != NONE) {
                long dailyS = daily(ledger, rules, fatigueAt);
                if (preWarning) {
                    preWarning = false;
                    listener.closed(EventType.FATIGUE_PRE_WARNING, fatigueAt, c + fatigueAt - a, dailyS);
                }
                fatigue = rules.fatigueNight.contains(fatigueAt) && rules.nightLimitS < rules.continuousLimitS
                        ? EventType.NIGHT_FATIGUE
                        : EventType.FATIGUE;
                listener.opened(fatigue, fatigueAt, c + fatigueAt - a, dailyS);
            }
        }
        if (!daily && daily(ledger, rules, b) > rules.dailyLimitS) {
            long low = a;
            long high = b;
            // the rolling sum never falls while driving: find the first second past the limit
            while (low < high) {
                long mid = low + (high - low) / 2;
                if (daily(ledger, rules, mid) > rules.dailyLimitS) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            long at = Math.max(a, low - 1);
            daily = true;
            listener.opened(EventType.DAILY_DRIVING_EXCEEDED, at, c + at - a, daily(ledger, rules, at));
        }
        continuousS = c + b - a;
        lastDriveEnd = b;
    }

    private static long daily(DrivingLedger ledger, RuleSet rules, long at) {
        return ledger.drivingBetween(at - rules.dailyWindowS, at);
    }

    /**
     * The first second in {@code [a, b)} at which continuous driving, {@code c} at {@code a}, has
     * reached the limit in force and goes on beyond it; {@link #NONE} if there is none.
     */
    static long crossing(long a, long b, long c, long dayLimit, long nightLimit, TimeWindow night) {
        long t = a;
        long accumulated = c;
        while (t < b) {
            boolean inNight = night.contains(t);
            long segmentEnd = Math.min(b, night.nextBoundary(t));
            long limit = inNight ? nightLimit : dayLimit;
            long at = t + Math.max(0, limit - accumulated);
            if (at < segmentEnd) {
                return at;
            }
            accumulated += segmentEnd - t;
            t = segmentEnd;
        }
        return NONE;
    }
}
