package org.redwheel.monitoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The scoring of the national networked-monitoring assessment, enterprise version, 100 points
 * (DOMAIN.md §3). Pure: counts in, rates and points out.
 *
 * <table>
 *   <caption>metrics and points</caption>
 *   <tr><th>metric</th><th>rate</th><th>points</th></tr>
 *   <tr><td>入网率 connection</td><td>connected ÷ vehicles</td><td>5 × rate; below 90 % → 0</td></tr>
 *   <tr><td>上线率 online</td><td>online ÷ connected</td><td>5 × rate</td></tr>
 *   <tr><td>轨迹完整率 track completeness</td><td>complete km ÷ total km</td><td>15 × rate; below 70 % → 0</td></tr>
 *   <tr><td>数据合格率 data validity</td><td>valid fixes ÷ all fixes</td><td>15 × rate; below 80 % → 0</td></tr>
 *   <tr><td>漂移率 drift</td><td>drifting vehicles ÷ online vehicles</td><td>10 − 10 × rate; above 5 % → 0</td></tr>
 *   <tr><td>average overspeeds per vehicle</td><td>E against the regional average A</td><td>0–20</td></tr>
 *   <tr><td>average fatigue minutes per vehicle</td><td>E against the regional average A</td><td>0–20</td></tr>
 *   <tr><td>查岗 spot-check answers</td><td>answered in time ÷ sent</td><td>10 × rate</td></tr>
 * </table>
 *
 * <p>E against A: E ≤ A → 10 + (A − E) ÷ A × 10; A &lt; E &lt; 2A → (2A − E) ÷ A × 10; E ≥ 2A → 0.
 * When A is 0, E is 0 too (A is the average over all vehicles, E's among them) and scores 20.
 *
 * <p>Where a rate has nothing to measure the rules are: an enterprise without vehicles is not
 * assessed (every rate and point is null); with vehicles but none connected, the online rate is 0;
 * with no vehicle online that day the track-based metrics (completeness, validity, drift, overspeed,
 * fatigue) have no rate and score 0, since nothing was monitored; online vehicles that did not move
 * have a complete track (rate 1); a day without spot-checks has the rate 1. Rates are taken to six
 * decimal places before the thresholds apply (so 0.7 computed as 0.6999999999 is 70 %); points are
 * rounded half up to two decimals and the total is the sum of the rounded points.
 */
public final class AssessmentScoring {

    static final double CONNECTION_MIN = 0.90;
    static final double COMPLETENESS_MIN = 0.70;
    static final double VALIDITY_MIN = 0.80;
    static final double DRIFT_MAX = 0.05;

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);

    private AssessmentScoring() {}

    /**
     * What a day's data of an enterprise (or of the county) comes to.
     *
     * @param vehicles active vehicles registered to the enterprise (should be connected)
     * @param connected of those, vehicles whose bound terminal has authenticated at least once
     * @param online of those, vehicles with at least one fix that day
     * @param completeKm km of the day's track between consecutive valid fixes without a gap
     * @param totalKm km of the day's track between consecutive valid fixes
     * @param drifting online vehicles with a drift alarm that day
     * @param overspeeds overspeed alarms of online vehicles that day
     * @param fatigueSeconds time within the day covered by fatigue and night-fatigue alarms
     * @param spotChecksInTime spot-checks answered by their deadline
     */
    public record Counts(
            int vehicles,
            int connected,
            int online,
            long fixes,
            long validFixes,
            double totalKm,
            double completeKm,
            int drifting,
            int overspeeds,
            long fatigueSeconds,
            int spotChecks,
            int spotChecksInTime) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(
                    vehicles + o.vehicles,
                    connected + o.connected,
                    online + o.online,
                    fixes + o.fixes,
                    validFixes + o.validFixes,
                    totalKm + o.totalKm,
                    completeKm + o.completeKm,
                    drifting + o.drifting,
                    overspeeds + o.overspeeds,
                    fatigueSeconds + o.fatigueSeconds,
                    spotChecks + o.spotChecks,
                    spotChecksInTime + o.spotChecksInTime);
        }
    }

    /** The rates (0–1) and the per-vehicle averages; null where there is nothing to measure. */
    public record Rates(
            Double connection,
            Double online,
            Double completeness,
            Double validity,
            Double drift,
            Double overspeedsPerVehicle,
            Double fatigueMinutesPerVehicle,
            Double spotCheck) {}

    /** The points of each metric and the total; all null when the enterprise is not assessed. */
    public record Points(
            BigDecimal connection,
            BigDecimal online,
            BigDecimal completeness,
            BigDecimal validity,
            BigDecimal drift,
            BigDecimal overspeed,
            BigDecimal fatigue,
            BigDecimal spotCheck,
            BigDecimal total) {

        static final Points NOT_ASSESSED = new Points(null, null, null, null, null, null, null, null, null);
    }

    public static Rates rates(Counts c) {
        if (c.vehicles() == 0) {
            return new Rates(null, null, null, null, null, null, null, null);
        }
        Double spotCheck = c.spotChecks() == 0 ? 1.0 : ratio(c.spotChecksInTime(), c.spotChecks());
        Double online = c.connected() == 0 ? 0.0 : ratio(c.online(), c.connected());
        if (c.online() == 0) {
            return new Rates(ratio(c.connected(), c.vehicles()), online, null, null, null, null, null, spotCheck);
        }
        return new Rates(
                ratio(c.connected(), c.vehicles()),
                online,
                c.totalKm() <= 0 ? 1.0 : round6(Math.min(1.0, c.completeKm() / c.totalKm())),
                c.fixes() == 0 ? null : ratio(c.validFixes(), c.fixes()),
                ratio(c.drifting(), c.online()),
                round6((double) c.overspeeds() / c.online()),
                round6(c.fatigueSeconds() / 60.0 / c.online()),
                spotCheck);
    }

    /**
     * The points of an enterprise's rates against the region's (the county's) averages.
     *
     * @param region the county's rates, whose per-vehicle averages are A
     */
    public static Points points(Rates rates, Rates region) {
        if (rates.connection() == null) {
            return Points.NOT_ASSESSED;
        }
        BigDecimal connection = connectionPoints(rates.connection());
        BigDecimal online = onlinePoints(rates.online());
        BigDecimal completeness =
                rates.completeness() == null ? BigDecimal.ZERO.setScale(2) : completenessPoints(rates.completeness());
        BigDecimal validity = rates.validity() == null ? BigDecimal.ZERO.setScale(2) : validityPoints(rates.validity());
        BigDecimal drift = rates.drift() == null ? BigDecimal.ZERO.setScale(2) : driftPoints(rates.drift());
        BigDecimal overspeed = relative(rates.overspeedsPerVehicle(), region.overspeedsPerVehicle());
        BigDecimal fatigue = relative(rates.fatigueMinutesPerVehicle(), region.fatigueMinutesPerVehicle());
        BigDecimal spotCheck = spotCheckPoints(rates.spotCheck());
        BigDecimal total = connection
                .add(online)
                .add(completeness)
                .add(validity)
                .add(drift)
                .add(overspeed)
                .add(fatigue)
                .add(spotCheck);
        return new Points(connection, online, completeness, validity, drift, overspeed, fatigue, spotCheck, total);
    }

    /** 入网率: 5 × rate; below 90 % → 0. */
    public static BigDecimal connectionPoints(double rate) {
        return round6(rate) < CONNECTION_MIN ? zero() : times(5, rate);
    }

    /** 上线率: 5 × rate. */
    public static BigDecimal onlinePoints(double rate) {
        return times(5, rate);
    }

    /** 轨迹完整率: 15 × rate; below 70 % → 0. */
    public static BigDecimal completenessPoints(double rate) {
        return round6(rate) < COMPLETENESS_MIN ? zero() : times(15, rate);
    }

    /** 数据合格率: 15 × rate; below 80 % → 0. */
    public static BigDecimal validityPoints(double rate) {
        return round6(rate) < VALIDITY_MIN ? zero() : times(15, rate);
    }

    /** 漂移率: 10 − 10 × rate; above 5 % → 0. */
    public static BigDecimal driftPoints(double rate) {
        return round6(rate) > DRIFT_MAX
                ? zero()
                : TEN.subtract(TEN.multiply(BigDecimal.valueOf(round6(rate)))).setScale(2, RoundingMode.HALF_UP);
    }

    /** 查岗响应率: 10 × rate. */
    public static BigDecimal spotCheckPoints(double rate) {
        return times(10, rate);
    }

    /**
     * A per-vehicle average E against the regional average A, out of 20: E ≤ A → 10 + (A − E) ÷ A ×
     * 10; A &lt; E &lt; 2A → (2A − E) ÷ A × 10; E ≥ 2A → 0.
     */
    public static BigDecimal relativePoints(double e, double a) {
        BigDecimal ev = BigDecimal.valueOf(round6(e));
        BigDecimal av = BigDecimal.valueOf(round6(a));
        if (ev.compareTo(av) <= 0) {
            if (av.signum() == 0) {
                return TWENTY.setScale(2);
            }
            return TEN.add(av.subtract(ev).divide(av, MathContext.DECIMAL64).multiply(TEN))
                    .setScale(2, RoundingMode.HALF_UP);
        }
        if (ev.compareTo(av.multiply(TWO)) < 0) {
            return av.multiply(TWO)
                    .subtract(ev)
                    .divide(av, MathContext.DECIMAL64)
                    .multiply(TEN)
                    .setScale(2, RoundingMode.HALF_UP);
        }
        return zero();
    }

    private static BigDecimal relative(Double e, Double a) {
        return e == null || a == null ? zero() : relativePoints(e, a);
    }

    private static BigDecimal times(int weight, double rate) {
        return BigDecimal.valueOf(weight)
                .multiply(BigDecimal.valueOf(round6(rate)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    static double ratio(long part, long whole) {
        return round6((double) part / whole);
    }

    static double round6(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).doubleValue();
    }
}
