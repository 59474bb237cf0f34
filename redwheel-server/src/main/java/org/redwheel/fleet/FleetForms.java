package org.redwheel.fleet;

import java.util.function.Function;
import org.redwheel.Page;

/** Small helpers of the fleet's console and API controllers. */
final class FleetForms {

    private FleetForms() {}

    /** The constant named by a request parameter; null when blank or unknown (the filter is then off). */
    static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The same page with every record converted (e.g. masked for the viewer). */
    static <T, R> Page<R> map(Page<T> page, Function<T, R> conversion) {
        return new Page<>(
                page.content().stream().map(conversion).toList(), page.page(), page.size(), page.totalElements());
    }

    /** A record id from a request parameter; null when blank or not a number. */
    static Long id(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
