package org.redwheel.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * One driver's driving: his ledger (across whatever vehicles he drove), his clocks, and the fatigue,
 * pre-warning and daily episodes they open. A vehicle's unidentified driver has one of these too.
 *
 * <p>Time between two consecutive fixes of the driver counts as driving when both fixes are moving and
 * they are at most {@code timeline.maxSampleGapS} apart. A longer silence is judged by the distance
 * covered: if it could not have been covered at {@code timeline.gapSpeedKmh} with a minimum rest to
 * spare, all of it is driving; otherwise a stop, then the least driving that explains the distance at
 * its end. A vehicle that barely moved across a silence was stopped. A terminal that goes silent
 * therefore neither hides driving nor fakes a rest.
 *
 * <p>A late fix that falls into such a silence is placed exactly: the silence is split and judged
 * again, and the clocks are run again from the last rest before it. A backlog filling a silence in
 * time order (or in reverse) is placed fix by fix. A late fix between two fixes already closer than
 * the sample gap (fixes of one backlog arriving shuffled) is below the ledger's resolution and
 * leaves it as it is.
 */
final class DriverState {

    private static final int RECENT_EPISODES = 16;

    /**
     * Backlogs arrive soon after the terminal reconnects, so only the latest silences need to stay open
     * for late fixes; older ones are dropped, which bounds a parked truck reporting every few minutes.
     */
    private static final int OPEN_SILENCES = 16;

    final String driverId;
    /** Subject of this driver's episode ids: {@code driver:<id>} or {@code vehicle:<id>}. */
    final String key;

    final DrivingLedger ledger = new DrivingLedger();
    final DriverClock clock = new DriverClock();

    boolean hasFix;
    long firstTime;
    double firstLat;
    double firstLon;
    boolean firstDriving;
    long lastTime;
    double lastLat;
    double lastLon;
    boolean lastDriving;
    long lastReceivedAt;

    Episode fatigue;
    Episode preWarning;
    Episode daily;

    /** Late fixes at or before this are too old to place. */
    private long horizon = Long.MIN_VALUE;

    private long nextPruneAt = Long.MIN_VALUE;
    private List<Silence> silences;
    private List<Episode> recent;
    private final LiveListener live = new LiveListener();

    DriverState(String driverId, String key) {
        this.driverId = driverId;
        this.key = key;
    }

    void accept(long time, double lat, double lon, boolean driving, long receivedAt, Context ctx) {
        RuleSet rules = ctx.rules;
        lastReceivedAt = Math.max(lastReceivedAt, receivedAt);
        if (!hasFix) {
            hasFix = true;
            firstTime = lastTime = time;
            firstLat = lastLat = lat;
            firstLon = lastLon = lon;
            firstDriving = lastDriving = driving;
            clock.advance(ledger, rules, time, live.with(ctx));
            return;
        }
        if (time > lastTime) {
            if (time - lastTime > rules.maxSampleGapS) {
                judge(lastTime, lastLat, lastLon, lastDriving, time, lat, lon, driving, true, true, rules);
            } else if (lastDriving && driving) {
                ledger.add(lastTime, time);
            }
            lastTime = time;
            lastLat = lat;
            lastLon = lon;
            lastDriving = driving;
            clock.advance(ledger, rules, time, live.with(ctx));
            if (driving) {
                continued(ctx);
            }
            if (time >= nextPruneAt) {
                prune(time - rules.dailyWindowS, rules);
                nextPruneAt = time + 3600;
            }
        } else if (time < lastTime && time != firstTime) {
            placeLate(time, lat, lon, driving, ctx);
        }
    }

    /** Closes the episodes of a driver who stopped and has been silent long enough for a rest. */
    void closeIfSilentlyResting(long now, Context ctx) {
        if (!hasFix || lastDriving || clock.lastDriveEnd == DriverClock.NONE) {
            return;
        }
        if (fatigue == null && preWarning == null && daily == null) {
            return;
        }
        long rested = lastTime - clock.lastDriveEnd + Math.max(0, now - lastReceivedAt);
        if (rested < ctx.rules.minRestS) {
            return;
        }
        long end = clock.lastDriveEnd;
        long dailyS = ledger.drivingBetween(end - ctx.rules.dailyWindowS, end);
        for (Episode episode : openEpisodes()) {
            ctx.vehicleId = episode.vehicleId;
            details(episode, clock.continuousS, dailyS);
            ctx.close(episode, end);
            remember(episode);
        }
        preWarning = fatigue = daily = null;
        clock.preWarning = clock.daily = false;
        clock.fatigue = null;
    }

    List<Episode> openEpisodes() {
        List<Episode> open = new ArrayList<>(3);
        if (preWarning != null) {
            open.add(preWarning);
        }
        if (fatigue != null) {
            open.add(fatigue);
        }
        if (daily != null) {
            open.add(daily);
        }
        return open;
    }

    /** The open fatigue-family, pre-warning or daily episode a terminal alarm bit corresponds to. */
    Episode computedFor(int alarmBit) {
        return switch (alarmBit) {
            case 2 -> fatigue;
            case 14 -> preWarning;
            case 18 -> daily;
            default -> null;
        };
    }

    private void continued(Context ctx) {
        continued(preWarning, ctx);
        continued(fatigue, ctx);
        continued(daily, ctx);
    }

    private static void continued(Episode episode, Context ctx) {
        if (episode != null && ctx.realtime && !episode.realtimeReported) {
            episode.vehicleId = ctx.vehicleId;
            ctx.continued(episode);
        }
    }

    /**
     * Adds the time between two consecutive fixes to the ledger. A silence longer than the sample gap
     * is kept so that a late fix can still be placed into it; so are its two outer remainders whatever
     * their length, which a backlog in time order (or in reverse) fills fix by fix.
     */
    private void judge(
            long from,
            double fromLat,
            double fromLon,
            boolean fromDriving,
            long to,
            double toLat,
            double toLon,
            boolean toDriving,
            boolean leftmost,
            boolean rightmost,
            RuleSet rules) {
        long gap = to - from;
        long driveFrom = to;
        if (gap <= rules.maxSampleGapS) {
            if (fromDriving && toDriving) {
                driveFrom = from;
            }
        } else {
            double metres = Geo.metres(fromLat, fromLon, toLat, toLon);
            if (metres / gap * 3.6 > rules.drivingThresholdKmh) {
                long needed = (long) Math.ceil(metres / (rules.gapSpeedKmh / 3.6));
                driveFrom = gap - needed >= rules.minRestS ? to - needed : from;
            }
        }
        ledger.add(driveFrom, to);
        if (gap <= rules.maxSampleGapS && !leftmost && !rightmost) {
            return;
        }
        if (silences == null) {
            silences = new ArrayList<>(4);
        }
        int at = silences.size();
        while (at > 0 && silences.get(at - 1).from > from) {
            at--;
        }
        silences.add(
                at,
                new Silence(
                        from,
                        fromLat,
                        fromLon,
                        fromDriving,
                        to,
                        toLat,
                        toLon,
                        toDriving,
                        driveFrom,
                        leftmost,
                        rightmost));
        if (silences.size() > OPEN_SILENCES) {
            silences.remove(0);
        }
    }

    private void placeLate(long time, double lat, double lon, boolean driving, Context ctx) {
        RuleSet rules = ctx.rules;
        if (time <= horizon) {
            return;
        }
        long changedFrom;
        if (time < firstTime) {
            judge(time, lat, lon, driving, firstTime, firstLat, firstLon, firstDriving, true, true, rules);
            firstTime = time;
            firstLat = lat;
            firstLon = lon;
            firstDriving = driving;
            changedFrom = time;
        } else {
            Silence silence = silenceAround(time);
            if (silence == null) {
                return;
            }
            silences.remove(silence);
            ledger.remove(silence.driveFrom, silence.to);
            judge(
                    silence.from,
                    silence.fromLat,
                    silence.fromLon,
                    silence.fromDriving,
                    time,
                    lat,
                    lon,
                    driving,
                    silence.leftmost,
                    false,
                    rules);
            judge(
                    time,
                    lat,
                    lon,
                    driving,
                    silence.to,
                    silence.toLat,
                    silence.toLon,
                    silence.toDriving,
                    false,
                    silence.rightmost,
                    rules);
            changedFrom = silence.from;
        }
        runAgainFrom(changedFrom, ctx);
    }

    private Silence silenceAround(long time) {
        if (silences != null) {
            for (Silence silence : silences) {
                if (silence.from < time && time < silence.to) {
                    return silence;
                }
            }
        }
        return null;
    }

    /**
     * Runs a fresh clock from the last rest before the change to the newest fix and reconciles what it
     * finds with the episodes already reported: new ones are reported (late), open ones that ended are
     * closed, closed ones stay closed, and open ones that no longer hold are closed at the rest that
     * undid them (or withdrawn: closed at their start).
     */
    private void runAgainFrom(long changedFrom, Context ctx) {
        RuleSet rules = ctx.rules;
        int restart = ledger.lastStartingAtOrBefore(changedFrom);
        while (restart > 0 && ledger.start(restart) - ledger.end(restart - 1) < rules.minRestS) {
            restart--;
        }
        DriverClock fresh = new DriverClock();
        long restStart = DriverClock.NONE;
        if (restart >= 0) {
            fresh.cursor = ledger.start(restart);
            if (restart > 0) {
                restStart = ledger.end(restart - 1);
            }
        }
        Found found = new Found();
        fresh.advance(ledger, rules, lastTime, found);
        long from = restart >= 0 ? ledger.start(restart) : Long.MIN_VALUE;

        List<Episode> reported = new ArrayList<>(openEpisodes());
        if (recent != null) {
            for (Episode episode : recent) {
                if (episode.end >= from) {
                    reported.add(episode);
                }
            }
        }
        List<Episode> matched = new ArrayList<>();
        Episode newFatigue = null;
        Episode newPreWarning = null;
        Episode newDaily = null;
        for (Found.Item item : found.items) {
            Episode match = null;
            for (Episode episode : reported) {
                if (!matched.contains(episode) && episode.type.sameFamily(item.type) && overlaps(episode, item)) {
                    match = episode;
                    break;
                }
            }
            Episode live;
            if (match != null) {
                matched.add(match);
                if (!match.isOpen()) {
                    continue;
                }
                live = match;
                if (item.end != Episode.OPEN) {
                    match.vehicleId = ctx.vehicleId;
                    details(match, item.endContinuousS, item.endDailyS);
                    ctx.close(match, item.end);
                    remember(match);
                    continue;
                }
            } else {
                live = new Episode(
                        Episode.id(key, item.type, item.start),
                        item.type,
                        item.start,
                        ctx.vehicleId,
                        driverId,
                        ctx.lat,
                        ctx.lon);
                details(live, item.startContinuousS, item.startDailyS);
                ctx.open(live);
                if (item.end != Episode.OPEN) {
                    details(live, item.endContinuousS, item.endDailyS);
                    ctx.close(live, item.end);
                    remember(live);
                    continue;
                }
            }
            switch (item.type) {
                case FATIGUE_PRE_WARNING -> newPreWarning = live;
                case DAILY_DRIVING_EXCEEDED -> newDaily = live;
                default -> newFatigue = live;
            }
        }
        for (Episode episode : openEpisodes()) {
            if (!matched.contains(episode)) {
                long end = episode.start < from && restStart != DriverClock.NONE ? restStart : episode.start;
                episode.vehicleId = ctx.vehicleId;
                ctx.close(episode, end);
                remember(episode);
            }
        }
        fatigue = newFatigue;
        preWarning = newPreWarning;
        daily = newDaily;
        clock.copyFrom(fresh);
        clock.fatigue = fatigue == null ? null : fatigue.type;
        clock.preWarning = preWarning != null;
        clock.daily = daily != null;
    }

    private static boolean overlaps(Episode episode, Found.Item item) {
        long episodeEnd = episode.isOpen() ? Long.MAX_VALUE : episode.end;
        long itemEnd = item.end == Episode.OPEN ? Long.MAX_VALUE : item.end;
        return episode.start <= itemEnd && item.start <= episodeEnd;
    }

    private void prune(long cut, RuleSet rules) {
        horizon = Math.max(horizon, cut);
        int keepFrom = ledger.firstEndingAfter(cut);
        while (keepFrom > 0
                && keepFrom < ledger.size()
                && ledger.start(keepFrom) - ledger.end(keepFrom - 1) < rules.minRestS) {
            keepFrom--;
        }
        ledger.dropFirst(keepFrom);
        if (silences != null) {
            silences.removeIf(silence -> silence.to <= cut);
        }
        if (recent != null) {
            recent.removeIf(episode -> episode.end < cut);
        }
    }

    private void remember(Episode episode) {
        if (recent == null) {
            recent = new ArrayList<>(4);
        }
        recent.add(episode);
        if (recent.size() > RECENT_EPISODES) {
            recent.remove(0);
        }
    }

    private static void details(Episode episode, long continuousS, long dailyS) {
        if (episode.type == EventType.DAILY_DRIVING_EXCEEDED) {
            episode.dailyDrivingS = dailyS;
        } else {
            episode.continuousDrivingS = continuousS;
        }
    }

    /**
     * A stretch without fixes that a late fix may still fill: its two bounding fixes and where the
     * driving judged into it begins ({@code to} when none).
     *
     * @param leftmost the remainder that starts at the fix before the original silence
     * @param rightmost the remainder that ends at the fix after it
     */
    private record Silence(
            long from,
            double fromLat,
            double fromLon,
            boolean fromDriving,
            long to,
            double toLat,
            double toLon,
            boolean toDriving,
            long driveFrom,
            boolean leftmost,
            boolean rightmost) {}

    /** Reports the clock's findings as events of the fix in hand. */
    private final class LiveListener implements DriverClock.Listener {

        private Context ctx;

        LiveListener with(Context ctx) {
            this.ctx = ctx;
            return this;
        }

        @Override
        public void opened(EventType type, long start, long continuousS, long dailyS) {
            Episode episode =
                    new Episode(Episode.id(key, type, start), type, start, ctx.vehicleId, driverId, ctx.lat, ctx.lon);
            details(episode, continuousS, dailyS);
            switch (type) {
                case FATIGUE_PRE_WARNING -> preWarning = episode;
                case DAILY_DRIVING_EXCEEDED -> daily = episode;
                default -> fatigue = episode;
            }
            ctx.open(episode);
        }

        @Override
        public void closed(EventType type, long end, long continuousS, long dailyS) {
            Episode episode = switch (type) {
                case FATIGUE_PRE_WARNING -> preWarning;
                case DAILY_DRIVING_EXCEEDED -> daily;
                default -> fatigue;
            };
            switch (type) {
                case FATIGUE_PRE_WARNING -> preWarning = null;
                case DAILY_DRIVING_EXCEEDED -> daily = null;
                default -> fatigue = null;
            }
            if (episode != null) {
                episode.vehicleId = ctx.vehicleId;
                details(episode, continuousS, dailyS);
                ctx.close(episode, end);
                remember(episode);
            }
        }
    }

    /** Collects what a fresh clock finds, without reporting it. */
    private static final class Found implements DriverClock.Listener {

        final List<Item> items = new ArrayList<>();

        @Override
        public void opened(EventType type, long start, long continuousS, long dailyS) {
            items.add(new Item(type, start, continuousS, dailyS));
        }

        @Override
        public void closed(EventType type, long end, long continuousS, long dailyS) {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item item = items.get(i);
                if (item.type == type && item.end == Episode.OPEN) {
                    item.end = end;
                    item.endContinuousS = continuousS;
                    item.endDailyS = dailyS;
                    return;
                }
            }
        }

        static final class Item {
            final EventType type;
            final long start;
            final long startContinuousS;
            final long startDailyS;
            long end = Episode.OPEN;
            long endContinuousS;
            long endDailyS;

            Item(EventType type, long start, long startContinuousS, long startDailyS) {
                this.type = type;
                this.start = start;
                this.startContinuousS = startContinuousS;
                this.startDailyS = startDailyS;
            }
        }
    }
}
