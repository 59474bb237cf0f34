package org.redwheel.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo county's places, and the rest place a moving truck is told about. */
@RedWheelTest
class PlacesTests {

    @Autowired
    Places places;

    @Test
    void theDemoCountyHasItsDriverHomesPostStationsAndParkingAreas() {
        assertThat(places.list(PlaceKind.DRIVER_HOME, false)).hasSize(3);
        assertThat(places.list(PlaceKind.RED_POST_STATION, false)).hasSize(12);
        assertThat(places.list(PlaceKind.PARKING_AREA, false)).hasSize(2);
    }

    @Test
    void namesTheNearestRestPlaceAheadNotTheNearestBehind() {
        // On G205 north of the county seat, heading north: the post station at the north exit is ahead.
        var northbound = places.restPlaceAhead(34.960, 118.645, 0).orElseThrow();
        assertThat(northbound.place().name()).isEqualTo("G205县城北红色驿站");
        assertThat(northbound.ahead()).isTrue();
        assertThat(northbound.distanceKm()).isCloseTo(4.7, within(0.3));

        // The same spot heading south: that station is behind, something southwards is named.
        var southbound = places.restPlaceAhead(34.960, 118.645, 180).orElseThrow();
        assertThat(southbound.place().name()).isNotEqualTo("G205县城北红色驿站");
        assertThat(southbound.ahead()).isTrue();
        assertThat(Places.angleBetween(
                        180,
                        Places.bearing(
                                34.960,
                                118.645,
                                southbound.place().latitude(),
                                southbound.place().longitude())))
                .isLessThanOrEqualTo(60);
    }

    @Test
    void withoutAHeadingTheNearestRestPlaceIsNamed() {
        var nearest = places.restPlaceAhead(34.899, 118.683, -1).orElseThrow();
        assertThat(nearest.place().name()).isEqualTo("物流园司机之家");
        assertThat(nearest.ahead()).isFalse();
    }

    @Test
    void distanceAndBearingFollowTheEarth() {
        assertThat(Places.distanceKm(34.0, 118.0, 35.0, 118.0)).isCloseTo(111.2, within(0.2));
        assertThat(Places.bearing(34.0, 118.0, 35.0, 118.0)).isCloseTo(0, within(0.01));
        assertThat(Places.bearing(34.0, 118.0, 34.0, 119.0)).isCloseTo(90, within(0.5));
        assertThat(Places.angleBetween(350, 10)).isEqualTo(20);
    }
}
