package org.redwheel.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;

/**
 * The period of a track playback: from (inclusive) to (exclusive), at most {@link #MAX} long.
 *
 * @param from the first instant
 * @param to the instant after the last
 */
record TrackRange(Instant from, Instant to) {

    /** A week of fixes is what a person can still read on one chart; longer periods go to reports. */
    static final Duration MAX = Duration.ofDays(7);

    /** JT/T 808 carries a two-digit year: nothing outside this century can have been stored. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /**
     * Reads and checks a period. Times are ISO-8601, with an offset ({@code 2024-05-01T08:00:00+08:00},
     * {@code 2024-05-01T00:00:00Z}) or without one, which is Beijing time (what the console's form
     * sends).
     *
     * @throws InvalidInputException naming {@code from} or {@code to}: missing, not a time, out of range,
     *     {@code to} not after {@code from}, or longer than seven days
     */
    static TrackRange parse(String from, String to) {
        List<Violation> violations = new ArrayList<>();
        Instant start = instant(from, "from", violations);
        Instant end = instant(to, "to", violations);
        if (violations.isEmpty()) {
            if (!start.isBefore(end)) {
                violations.add(new Violation("to", "track.range.order"));
            } else if (Duration.between(start, end).compareTo(MAX) > 0) {
                violations.add(new Violation("to", "track.range.tooLong"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new TrackRange(start, end);
    }

    private static Instant instant(String text, String field, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Violation(field, "validation.required"));
            return null;
        }
        Instant instant = parseInstant(text.strip());
        if (instant == null) {
            violations.add(new Violation(field, "track.range.format"));
        } else if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            violations.add(new Violation(field, "validation.range"));
            return null;
        }
        return instant;
    }

    private static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException withoutOffset) {
            // a '+' of an offset left unescaped in a query string arrives as a space
            int space = text.lastIndexOf(' ');
            if (space > 0) {
                return parseInstant(text.substring(0, space) + "+" + text.substring(space + 1));
            }
        }
        try {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .atZone(PositionPartitions.BEIJING)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
