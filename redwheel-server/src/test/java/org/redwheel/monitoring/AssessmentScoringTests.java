package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.redwheel.monitoring.AssessmentScoring.Counts;
import org.redwheel.monitoring.AssessmentScoring.Points;
import org.redwheel.monitoring.AssessmentScoring.Rates;

/** The national assessment's scoring (DOMAIN.md §3) at every boundary. */
class AssessmentScoringTests {

    static BigDecimal points(String value) {
        return new BigDecimal(value);
    }

    @Test
    void anAverageAtOrBelowTheRegionalOneScoresTenPlusItsShareBelow() {
        assertThat(AssessmentScoring.relativePoints(1.0, 1.0)).isEqualTo(points("10.00"));
        assertThat(AssessmentScoring.relativePoints(0.5, 1.0)).isEqualTo(points("15.00"));
        assertThat(AssessmentScoring.relativePoints(0.25, 2.0)).isEqualTo(points("18.75"));
        assertThat(AssessmentScoring.relativePoints(0.0, 1.0)).isEqualTo(points("20.00"));
        assertThat(AssessmentScoring.relativePoints(0.0, 0.0))
                .as("no overspeed anywhere in the county: full points")
                .isEqualTo(points("20.00"));
    }

    @Test
    void anAverageBetweenOnceAndTwiceTheRegionalOneLosesPointsLinearly() {
        assertThat(AssessmentScoring.relativePoints(1.1, 1.0)).isEqualTo(points("9.00"));
        assertThat(AssessmentScoring.relativePoints(1.5, 1.0)).isEqualTo(points("5.00"));
        assertThat(AssessmentScoring.relativePoints(1.999, 1.0)).isEqualTo(points("0.01"));
        assertThat(AssessmentScoring.relativePoints(4.0, 3.0)).isEqualTo(points("6.67"));
    }

    @Test
    void anAverageOfTwiceTheRegionalOneOrMoreScoresNothing() {
        assertThat(AssessmentScoring.relativePoints(2.0, 1.0)).isEqualTo(points("0.00"));
        assertThat(AssessmentScoring.relativePoints(7.0, 1.0)).isEqualTo(points("0.00"));
        assertThat(AssessmentScoring.relativePoints(0.5, 0.0)).isEqualTo(points("0.00"));
    }

    @Test
    void aConnectionRateBelowNinetyPercentScoresNothing() {
        assertThat(AssessmentScoring.connectionPoints(0.899)).isEqualTo(points("0.00"));
        assertThat(AssessmentScoring.connectionPoints(0.9)).isEqualTo(points("4.50"));
        assertThat(AssessmentScoring.connectionPoints(1.0)).isEqualTo(points("5.00"));
        assertThat(AssessmentScoring.connectionPoints(AssessmentScoring.ratio(899, 1000)))
                .isEqualTo(points("0.00"));
        assertThat(AssessmentScoring.connectionPoints(AssessmentScoring.ratio(27, 30)))
                .isEqualTo(points("4.50"));
    }

    @Test
    void aTrackCompletenessBelowSeventyPercentScoresNothing() {
        assertThat(AssessmentScoring.completenessPoints(0.69)).isEqualTo(points("0.00"));
        assertThat(AssessmentScoring.completenessPoints(0.699999)).isEqualTo(points("0.00"));
        assertThat(AssessmentScoring.completenessPoints(0.70)).isEqualTo(points("10.50"));
        assertThat(AssessmentScoring.completenessPoints(0.7 * 3 / 3 - 1e-12))
                .as("floating noise around 70 % is 70 %")
                .isEqualTo(points("10.50"));
        assertThat(AssessmentScoring.completenessPoints(1.0)).isEqualTo(points("15.00"));
    }

    @Test
    void aDataValidityBelowEightyPercentScoresNothing() {
        assertThat(AssessmentScoring.validityPoints(0.799)).isEqualTo(points("0.00"));
        assertThat(AssessmentScoring.validityPoints(0.80)).isEqualTo(points("12.00"));
        assertThat(AssessmentScoring.validityPoints(AssessmentScoring.ratio(22, 23)))
                .isEqualTo(points("14.35"));
    }

    @Test
    void aDriftRateAboveFivePercentScoresNothing() {
        assertThat(AssessmentScoring.driftPoints(0.0)).isEqualTo(points("10.00"));
        assertThat(AssessmentScoring.driftPoints(0.05)).isEqualTo(points("9.50"));
        assertThat(AssessmentScoring.driftPoints(0.051)).isEqualTo(points("0.00"));
        assertThat(AssessmentScoring.driftPoints(AssessmentScoring.ratio(1, 20)))
                .isEqualTo(points("9.50"));
    }

    @Test
    void onlineAndSpotCheckRatesScoreInProportion() {
        assertThat(AssessmentScoring.onlinePoints(0.5)).isEqualTo(points("2.50"));
        assertThat(AssessmentScoring.onlinePoints(0.0)).isEqualTo(points("0.00"));
        assertThat(AssessmentScoring.spotCheckPoints(0.5)).isEqualTo(points("5.00"));
        assertThat(AssessmentScoring.spotCheckPoints(1.0)).isEqualTo(points("10.00"));
    }

    @Test
    void anEnterpriseLikeTheCountyAverageWithPerfectDataScoresEighty() {
        Counts counts = new Counts(10, 10, 10, 1000, 1000, 500, 500, 0, 5, 3600, 0, 0);
        Rates rates = AssessmentScoring.rates(counts);
        Points result = AssessmentScoring.points(rates, rates);
        assertThat(rates.spotCheck()).as("no spot-check that day").isEqualTo(1.0);
        assertThat(rates.overspeedsPerVehicle()).isEqualTo(0.5);
        assertThat(rates.fatigueMinutesPerVehicle()).isEqualTo(6.0);
        assertThat(result.overspeed()).isEqualTo(points("10.00"));
        assertThat(result.fatigue()).isEqualTo(points("10.00"));
        assertThat(result.total()).isEqualTo(points("80.00"));
    }

    @Test
    void theTotalIsTheSumOfTheRoundedPoints() {
        Counts counts = new Counts(3, 3, 2, 23, 22, 10, 8, 0, 1, 0, 2, 1);
        Counts region = new Counts(30, 30, 20, 230, 220, 100, 80, 0, 4, 600, 2, 1);
        Rates rates = AssessmentScoring.rates(counts);
        Points result = AssessmentScoring.points(rates, AssessmentScoring.rates(region));
        assertThat(result.connection()).isEqualTo(points("5.00"));
        assertThat(result.online()).isEqualTo(points("3.33"));
        assertThat(result.completeness()).isEqualTo(points("12.00"));
        assertThat(result.validity()).isEqualTo(points("14.35"));
        assertThat(result.drift()).isEqualTo(points("10.00"));
        // E = 0.5 against A = 0.2: more than twice the county's average
        assertThat(result.overspeed()).isEqualTo(points("0.00"));
        // E = 0 against A = 0.5 min
        assertThat(result.fatigue()).isEqualTo(points("20.00"));
        assertThat(result.spotCheck()).isEqualTo(points("5.00"));
        assertThat(result.total()).isEqualTo(points("69.68"));
    }

    @Test
    void anEnterpriseWithoutVehiclesIsNotAssessed() {
        Rates rates = AssessmentScoring.rates(Counts.NONE);
        assertThat(rates.connection()).isNull();
        assertThat(AssessmentScoring.points(rates, rates).total()).isNull();
    }

    @Test
    void vehiclesNoneOfWhichWasOnlineScoreNothingForWhatTheTrackWouldShow() {
        Counts offline = new Counts(4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Counts region = new Counts(40, 40, 20, 2000, 2000, 100, 100, 0, 10, 600, 0, 0);
        Rates rates = AssessmentScoring.rates(offline);
        Points result = AssessmentScoring.points(rates, AssessmentScoring.rates(region));
        assertThat(rates.online()).isEqualTo(0.0);
        assertThat(rates.completeness()).isNull();
        assertThat(result.connection()).isEqualTo(points("5.00"));
        assertThat(result.online()).isEqualTo(points("0.00"));
        assertThat(result.completeness()).isEqualTo(points("0.00"));
        assertThat(result.validity()).isEqualTo(points("0.00"));
        assertThat(result.drift()).isEqualTo(points("0.00"));
        assertThat(result.overspeed()).isEqualTo(points("0.00"));
        assertThat(result.fatigue()).isEqualTo(points("0.00"));
        assertThat(result.spotCheck()).isEqualTo(points("10.00"));
        assertThat(result.total()).isEqualTo(points("15.00"));
    }

    @Test
    void vehiclesWithoutAConnectedTerminalHaveAnOnlineRateOfZero() {
        Rates rates = AssessmentScoring.rates(new Counts(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(rates.connection()).isEqualTo(0.0);
        assertThat(rates.online()).isEqualTo(0.0);
    }

    @Test
    void onlineVehiclesThatDidNotMoveHaveACompleteTrack() {
        Rates rates = AssessmentScoring.rates(new Counts(1, 1, 1, 10, 10, 0, 0, 0, 0, 0, 0, 0));
        assertThat(rates.completeness()).isEqualTo(1.0);
    }
}
