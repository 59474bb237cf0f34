package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Number plates (GA 36) and JT/T 808 plate colours. */
class PlatesTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "鲁Q12345", // ordinary
                "鲁QA0001", // the simulator's trucks
                "鲁Q8A3C5", // letters in the serial
                "京A12345",
                "粤B9Z8Y7",
                "鲁Q1234挂", // trailer
                "鲁QD12345", // new energy, small vehicle
                "鲁QFA1234", // new energy, small, non-pure electric, letter second
                "鲁Q12345D", // new energy, large vehicle
                "鲁q12345", // typed in lower case
                "鲁Q·12345", // copied with the middle dot
                " 鲁Q 12345 "
            })
    void acceptsPlates(String plate) {
        assertThat(Plates.isValid(plate)).as(plate).isTrue();
        assertThat(Plates.violation(plate)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "鲁Q1234", // too short
                "鲁Q123456", // six digits: not a new-energy plate
                "鲁QI2345", // I looks like 1
                "鲁QO2345", // O looks like 0
                "鲁I12345", // no city I
                "XQ12345", // no province
                "Q12345",
                "鲁112345", // the city is a letter
                "鲁QZ12345", // Z is no new-energy letter
                "鲁Q12345Z",
                "鲁QD1234挂",
                "鲁Q12345挂",
                "鲁Q-12-34-5X"
            })
    void refusesMalformedPlates(String plate) {
        assertThat(Plates.isValid(plate)).as(plate).isFalse();
        assertThat(Plates.violation(plate)).contains("vehicle.plate.format");
    }

    @Test
    void aMissingPlateIsRequired() {
        assertThat(Plates.violation(null)).contains("validation.required");
        assertThat(Plates.violation("  ")).contains("validation.required");
    }

    @Test
    void normalisesWhatPeopleType() {
        assertThat(Plates.normalize(" 鲁q·12345 ")).isEqualTo("鲁Q12345");
    }

    @Test
    void tellsNewEnergyPlates() {
        assertThat(Plates.isNewEnergy("鲁QD12345")).isTrue();
        assertThat(Plates.isNewEnergy("鲁Q12345D")).isTrue();
        assertThat(Plates.isNewEnergy("鲁Q12345")).isFalse();
    }

    @Test
    void knowsTheJt808Colours() {
        for (int colour : new int[] {1, 2, 3, 4, 5, 9}) {
            assertThat(Plates.isColour(colour)).as("colour %d", colour).isTrue();
        }
        for (Integer colour : new Integer[] {null, 0, 6, 7, 8, 10, -1}) {
            assertThat(Plates.isColour(colour)).as("colour %s", colour).isFalse();
        }
    }
}
