package org.redwheel.safety.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redwheel.safety.Fix;
import org.redwheel.safety.VehicleClass;

/**
 * The replay's CSV: a header naming the columns (any order), then one fix per line. Required: {@code
 * vehicle,time,lat,lon,speed_kmh}; optional: {@code driver,alarm_flags,heading,received_at,altitude_m,
 * vehicle_class,speed_limit_kmh}. Times are ISO-8601 with an offset, or local times at the rules'
 * offset.
 */
final class FixCsv {

    static final List<String> REQUIRED = List.of("vehicle", "time", "lat", "lon", "speed_kmh");
    static final List<String> OPTIONAL = List.of(
            "driver", "alarm_flags", "heading", "received_at", "altitude_m", "vehicle_class", "speed_limit_kmh");

    /** A line that is not a fix. */
    static final class BadLine extends Exception {
        BadLine(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, Integer> columns = new HashMap<>();
    private final int width;
    private final ZoneOffset offset;
    private final VehicleClass defaultClass;

    /** Unknown columns are reported through {@link #ignored()}; a missing required one is a {@link BadLine}. */
    FixCsv(String header, ZoneOffset offset, VehicleClass defaultClass) throws BadLine {
        this.offset = offset;
        this.defaultClass = defaultClass;
        List<String> names = split(header.startsWith("\uFEFF") ? header.substring(1) : header);
        width = names.size();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (columns.putIfAbsent(name, i) != null) {
                throw new BadLine("column '" + name + "' appears twice");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (!columns.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadLine("header lacks " + String.join(",", missing) + " (expected at least "
                    + String.join(",", REQUIRED) + ")");
        }
    }

    List<String> ignored() {
        List<String> ignored = new ArrayList<>();
        for (String name : columns.keySet()) {
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                ignored.add(name);
            }
        }
        ignored.sort(null);
        return ignored;
    }

    Fix parse(String line) throws BadLine {
        List<String> cells = split(line);
        if (cells.size() != width) {
            throw new BadLine("expected " + width + " columns, found " + cells.size());
        }
        String vehicle = text(cells, "vehicle");
        if (vehicle == null) {
            throw new BadLine("vehicle: empty");
        }
        Instant time = instant(cells, "time");
        if (time == null) {
            throw new BadLine("time: empty");
        }
        Instant received = instant(cells, "received_at");
        String vehicleClass = text(cells, "vehicle_class");
        VehicleClass parsedClass = defaultClass;
        if (vehicleClass != null) {
            try {
                parsedClass = vehicleClass.equalsIgnoreCase("none")
                        ? null
                        : VehicleClass.valueOf(vehicleClass.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadLine(
                        "vehicle_class: not one of " + List.of(VehicleClass.values()) + ": '" + vehicleClass + "'");
            }
        }
        Integer limit = whole(cells, "speed_limit_kmh");
        return new Fix(
                vehicle,
                text(cells, "driver"),
                time,
                received == null ? time : received,
                decimal(cells, "lat"),
                decimal(cells, "lon"),
                decimal(cells, "speed_kmh"),
                orZero(whole(cells, "heading")),
                orZero(whole(cells, "altitude_m")),
                (int) flags(cells),
                limit,
                parsedClass);
    }

    private String text(List<String> cells, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = cells.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private Instant instant(List<String> cells, String column) throws BadLine {
        String value = text(cells, column);
        if (value == null) {
            return null;
        }
        try {
            if (value.endsWith("Z") || value.endsWith("z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(offset);
        } catch (DateTimeParseException e) {
            throw new BadLine(column + ": not an ISO-8601 time: '" + value + "'");
        }
    }

    private double decimal(List<String> cells, String column) throws BadLine {
        String value = text(cells, column);
        if (value == null) {
            throw new BadLine(column + ": empty");
        }
        try {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadLine(column + ": not a number: '" + value + "'");
        }
    }

    private Integer whole(List<String> cells, String column) throws BadLine {
        String value = text(cells, column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new BadLine(column + ": not a whole number: '" + value + "'");
        }
    }

    /** The alarm DWORD, decimal or 0x-hexadecimal. */
    private long flags(List<String> cells) throws BadLine {
        String value = text(cells, "alarm_flags");
        if (value == null) {
            return 0;
        }
        try {
            long flags = value.startsWith("0x") || value.startsWith("0X")
                    ? Long.parseLong(value.substring(2), 16)
                    : Long.parseLong(value);
            if (flags < 0 || flags > 0xFFFF_FFFFL) {
                throw new NumberFormatException();
            }
            return flags;
        } catch (NumberFormatException e) {
            throw new BadLine("alarm_flags: not a 32-bit alarm word: '" + value + "'");
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** Comma-separated cells; a cell may be double-quoted, with "" for a quote inside. */
    static List<String> split(String line) throws BadLine {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new BadLine("unterminated quote");
        }
        cells.add(cell.toString());
        return cells;
    }
}
