package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;

/** Reading the period of a track: ISO-8601 times, the order of the ends, at most seven days. */
class TrackRangeTests {

    @Test
    void readsTimesWithAnOffsetAndLocalTimesAsBeijingTime() {
        TrackRange range = TrackRange.parse("2024-05-01T08:00:00+08:00", "2024-05-01T12:30");
        assertThat(range.from()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2024-05-01T04:30:00Z"));
        assertThat(TrackRange.parse("2024-05-01T00:00:00Z", "2024-05-01T01:00:00.500Z")
                        .to())
                .isEqualTo(Instant.parse("2024-05-01T01:00:00.500Z"));
    }

    @Test
    void takesAnOffsetWhosePlusSignAQueryStringTurnedIntoASpace() {
        assertThat(TrackRange.parse("2024-05-01T08:00:00 08:00", "2024-05-01T09:00:00+08:00")
                        .from())
                .isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void allowsExactlySevenDaysButNotASecondMore() {
        assertThat(TrackRange.parse("2024-05-01T00:00:00Z", "2024-05-08T00:00:00Z"))
                .isNotNull();
        assertThat(problems("2024-05-01T00:00:00Z", "2024-05-08T00:00:01Z"))
                .containsExactly(new Violation("to", "track.range.tooLong"));
    }

    @Test
    void namesTheFieldOfEveryProblem() {
        assertThat(problems("2024-05-02T00:00:00Z", "2024-05-01T00:00:00Z"))
                .containsExactly(new Violation("to", "track.range.order"));
        assertThat(problems("2024-05-01T00:00:00Z", "2024-05-01T00:00:00Z"))
                .containsExactly(new Violation("to", "track.range.order"));
        assertThat(problems(null, " "))
                .containsExactly(
                        new Violation("from", "validation.required"), new Violation("to", "validation.required"));
        assertThat(problems("yesterday", "2024-05-01T00:00:00Z"))
                .containsExactly(new Violation("from", "track.range.format"));
        assertThat(problems("1970-01-01T00:00:00Z", "+999999-01-01T00:00:00Z"))
                .containsExactly(new Violation("from", "validation.range"), new Violation("to", "validation.range"));
    }

    private static java.util.List<Violation> problems(String from, String to) {
        return catchThrowableOfType(InvalidInputException.class, () -> TrackRange.parse(from, to))
                .violations();
    }
}
